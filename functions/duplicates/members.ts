/** A group's comments as officers read them, a page at a time, each with what differs from the group's first comment. */
import { COMMENT_COLUMNS, toOfficerComment, type CommentRow, type OfficerComment } from "../officers/comments.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import { wordDifferences, type DifferencePart } from "./differences.ts";

/** Comments shown on one page of a group: a campaign of thousands is read a page at a time. */
export const MEMBERS_PER_PAGE = 50;

export interface GroupMember {
  comment: OfficerComment;
  /** Against the group's first comment; empty for that comment itself. */
  differences: DifferencePart[];
}

/** Page `page` (from 1) of the group's comments other than the first, in the order they arrived. */
export async function groupMembers(db: D1Database, groupId: number, representative: { id: number; text: string }, page = 1): Promise<GroupMember[]> {
  const { results } = await db
    .prepare(
      `SELECT ${COMMENT_COLUMNS} FROM ${COMMENTS_WITH_RESPONSES}
       WHERE c.id IN (SELECT comment_id FROM comment_signatures WHERE group_id = ?) AND c.id <> ?
       ORDER BY c.id LIMIT ? OFFSET ?`,
    )
    .bind(groupId, representative.id, MEMBERS_PER_PAGE, (page - 1) * MEMBERS_PER_PAGE)
    .all<CommentRow>();
  return results.map((row) => {
    const comment = toOfficerComment(row);
    return { comment, differences: wordDifferences(representative.text, comment.text) };
  });
}
