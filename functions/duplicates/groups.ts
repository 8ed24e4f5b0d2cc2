/**
 * Groups of near-duplicates as officers see them, and what officers do
 * with them: confirm one as a campaign, or split comments out of it. A
 * group is shown only while it has two comments or more; its representative
 * is its first comment. Nothing here hides or deletes a comment.
 */
import { z } from "zod";
import { conflict, notFound } from "../lib/errors.ts";
import { recordId } from "../lib/ids.ts";
import { LIMITS } from "../limits.ts";
import { auditStatement } from "../officers/audit.ts";
import type { Officer } from "../officers/auth/officer.ts";

export interface DuplicateGroup {
  id: number;
  size: number;
  representative: { id: number; text: string };
  commentIds: number[];
  /** When an officer confirmed it as a campaign, or null. */
  confirmedAt: string | null;
  confirmedBy: string | null;
}

export const splitSchema = z.object({
  /** The comments to take out; none named splits the whole group. */
  commentIds: z.array(recordId, { error: "admin.error.duplicates.commentIds" }).max(LIMITS.commentsPerSelection, { error: "admin.error.duplicates.commentIds" }).optional(),
});

/** SQL for comment `c`'s group: its number while the group holds another comment too, else NULL. */
export const DUPLICATE_GROUP_OF_COMMENT = `(SELECT s.group_id FROM comment_signatures s WHERE s.comment_id = c.id
   AND EXISTS (SELECT 1 FROM comment_signatures o WHERE o.group_id = s.group_id AND o.comment_id <> s.comment_id))`;

/** SQL true for comment `c` when an earlier comment of its group is its group's row in a collapsed list. */
export const IS_LATER_IN_ITS_GROUP = `EXISTS (SELECT 1 FROM comment_signatures s JOIN comment_signatures o ON o.group_id = s.group_id AND o.comment_id < s.comment_id
   WHERE s.comment_id = c.id)`;

/** The comments with the size of each one's group filled in: one query for a page's groups. */
export async function withGroupSizes<Comment extends { duplicateGroupId: number | null; duplicateGroupSize: number | null }>(db: D1Database, comments: Comment[]): Promise<Comment[]> {
  const groupIds = [...new Set(comments.flatMap((comment) => (comment.duplicateGroupId === null ? [] : [comment.duplicateGroupId])))];
  if (groupIds.length === 0) return comments;
  const { results } = await db
    .prepare("SELECT group_id, count(*) AS size FROM comment_signatures WHERE group_id IN (SELECT value FROM json_each(?)) GROUP BY group_id")
    .bind(JSON.stringify(groupIds))
    .all<{ group_id: number; size: number }>();
  const sizes = new Map(results.map((row) => [row.group_id, row.size]));
  return comments.map((comment) => (comment.duplicateGroupId === null ? comment : { ...comment, duplicateGroupSize: sizes.get(comment.duplicateGroupId) ?? null }));
}

export const groupNotFound = () => notFound("admin.error.duplicates.notFound", "group_not_found");

/** Members in id order, with the group's size and first comment: SQL shared by the list and one group. */
const GROUPS = `
  SELECT g.id, g.confirmed_at, g.confirmed_by, m.size, m.first_id, c.text AS first_text, m.comment_ids
  FROM duplicate_groups g
  JOIN (SELECT group_id, count(*) AS size, min(comment_id) AS first_id, json_group_array(comment_id) AS comment_ids
        FROM (SELECT group_id, comment_id FROM comment_signatures WHERE group_id IS NOT NULL ORDER BY group_id, comment_id)
        GROUP BY group_id HAVING count(*) >= 2) m ON m.group_id = g.id
  JOIN comments c ON c.id = m.first_id`;

interface GroupRow {
  id: number;
  confirmed_at: string | null;
  confirmed_by: string | null;
  size: number;
  first_id: number;
  first_text: string;
  comment_ids: string;
}

const toGroup = (row: GroupRow): DuplicateGroup => ({
  id: row.id,
  size: row.size,
  representative: { id: row.first_id, text: row.first_text },
  commentIds: JSON.parse(row.comment_ids) as number[],
  confirmedAt: row.confirmed_at,
  confirmedBy: row.confirmed_by,
});

/** Every group of two or more, largest first. */
export async function listGroups(db: D1Database, options: { confirmedOnly?: boolean } = {}): Promise<DuplicateGroup[]> {
  const where = options.confirmedOnly ? "WHERE g.confirmed_at IS NOT NULL" : "";
  const { results } = await db.prepare(`${GROUPS} ${where} ORDER BY m.size DESC, g.id`).all<GroupRow>();
  return results.map(toGroup);
}

export async function findGroup(db: D1Database, id: number): Promise<DuplicateGroup | null> {
  const row = await db.prepare(`${GROUPS} WHERE g.id = ?`).bind(id).first<GroupRow>();
  return row ? toGroup(row) : null;
}

async function existingGroup(db: D1Database, id: number): Promise<DuplicateGroup> {
  const group = await findGroup(db, id);
  if (!group) throw groupNotFound();
  return group;
}

/** Confirms a group as a campaign: from then on it is counted as one item with its number of comments. Confirming twice changes nothing. */
export async function confirmCampaign(db: D1Database, officer: Officer, id: number): Promise<DuplicateGroup> {
  const group = await existingGroup(db, id);
  await db.batch([
    db.prepare("UPDATE duplicate_groups SET confirmed_at = ?, confirmed_by = ? WHERE id = ? AND confirmed_at IS NULL").bind(new Date().toISOString(), officer.name, id),
    auditStatement(db, officer, "duplicates.confirm", `duplicates:${id}`, { size: group.size }, { onlyIfChanged: true }),
  ]);
  return existingGroup(db, id);
}

/**
 * Takes comments out of a group, or splits the whole group when none are
 * named. A comment split out is kept apart: it is never grouped again by
 * itself. A group left with one comment is no group: that comment leaves it too.
 * Returns the group as it is left, or null when nothing of it is left.
 */
export async function splitGroup(db: D1Database, officer: Officer, id: number, commentIds?: number[]): Promise<DuplicateGroup | null> {
  const group = await existingGroup(db, id);
  const leaving = commentIds ? [...new Set(commentIds)] : group.commentIds;
  if (leaving.some((commentId) => !group.commentIds.includes(commentId))) throw conflict("not_in_group", "admin.error.duplicates.notMember");
  await db.batch([
    db
      .prepare("UPDATE comment_signatures SET group_id = NULL, kept_apart = 1 WHERE group_id = ? AND comment_id IN (SELECT value FROM json_each(?))")
      .bind(id, JSON.stringify(leaving)),
    db.prepare("UPDATE comment_signatures SET group_id = NULL WHERE group_id = ?1 AND (SELECT count(*) FROM comment_signatures WHERE group_id = ?1) < 2").bind(id),
    auditStatement(db, officer, "duplicates.split", `duplicates:${id}`, { commentIds: leaving, sizeBefore: group.size }),
  ]);
  return findGroup(db, id);
}
