/** So that no comment is forgotten: the comments no published entry answers yet, counted by paragraph. */
import { compareParagraphIds, commentedParagraph } from "../consultation/paragraphs.ts";
import { filterConditions, whereClause } from "../officers/filters.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import type { CommentedParagraphCount } from "./entries.ts";

/** Comments that are not hidden and that no published entry answers, per paragraph, in the strategy's order. */
export async function unansweredCounts(db: D1Database): Promise<CommentedParagraphCount[]> {
  const where = whereClause(filterConditions({ answered: "no" }, { includeHidden: false }));
  const { results } = await db
    .prepare(`SELECT c.paragraph_id AS paragraph, count(*) AS comments FROM ${COMMENTS_WITH_RESPONSES} ${where.sql} GROUP BY c.paragraph_id`)
    .bind(...where.params)
    .all<{ paragraph: string; comments: number }>();
  return results
    .sort((a, b) => compareParagraphIds(a.paragraph, b.paragraph))
    .map((row) => ({ ...row, number: commentedParagraph(row.paragraph, 0).number }));
}
