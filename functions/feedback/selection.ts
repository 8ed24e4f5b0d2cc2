/**
 * Which comments a feedback entry answers, as officers pick them: by
 * comment number, by the reference of a response (its comments on the
 * entry's paragraphs), or by the comment list's own filters (theme,
 * paragraph, section, search…). Anything that finds nothing is a 422 naming it.
 */
import { invalid } from "../lib/errors.ts";
import type { MessageKey } from "../i18n/index.ts";
import { filterConditions, whereClause } from "../officers/filters.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import type { CommentSelection } from "./schema.ts";

const ids = (rows: { id: number }[]) => rows.map((row) => row.id);

/**
 * The ids of the comments chosen, each once, in order. A reference adds its
 * response's comments on `paragraphs` (all of them when the entry names none);
 * filters add every comment they match that is not hidden.
 */
export async function selectedComments(db: D1Database, selection: CommentSelection, paragraphs: string[]): Promise<number[]> {
  const problems: Record<string, MessageKey> = {};
  const chosen = new Set<number>();

  if (selection.comments?.length) {
    const { results } = await db
      .prepare("SELECT id FROM comments WHERE id IN (SELECT value FROM json_each(?))")
      .bind(JSON.stringify(selection.comments))
      .all<{ id: number }>();
    const found = new Set(ids(results));
    selection.comments.forEach((id, index) => {
      if (found.has(id)) chosen.add(id);
      else problems[`comments.${index}`] = "admin.error.commentNotFound";
    });
  }

  if (selection.references?.length) {
    const { results } = await db
      .prepare(`SELECT r.reference, c.id, c.paragraph_id FROM ${COMMENTS_WITH_RESPONSES} WHERE r.reference IN (SELECT value FROM json_each(?)) ORDER BY c.id`)
      .bind(JSON.stringify(selection.references))
      .all<{ reference: string; id: number; paragraph_id: string }>();
    selection.references.forEach((reference, index) => {
      const comments = results.filter((row) => row.reference === reference);
      const relevant = paragraphs.length ? comments.filter((row) => paragraphs.includes(row.paragraph_id)) : comments;
      if (comments.length === 0) problems[`references.${index}`] = "admin.error.feedback.referenceUnknown";
      else if (relevant.length === 0) problems[`references.${index}`] = "admin.error.feedback.referenceNoComment";
      for (const row of relevant) chosen.add(row.id);
    });
  }

  if (selection.filters) {
    const where = whereClause(filterConditions(selection.filters, { includeHidden: false }));
    const { results } = await db
      .prepare(`SELECT c.id FROM ${COMMENTS_WITH_RESPONSES} ${where.sql} ORDER BY c.id`)
      .bind(...where.params)
      .all<{ id: number }>();
    if (results.length === 0) problems.filters = "admin.error.feedback.filtersMatchNothing";
    for (const id of ids(results)) chosen.add(id);
  }

  if (Object.keys(problems).length > 0) throw invalid(problems);
  return [...chosen].sort((a, b) => a - b);
}
