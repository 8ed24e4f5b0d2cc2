/**
 * Comments as officers see them: every field, the paragraph as its author
 * saw it, and the themes they are tagged with.
 */
import { filterConditions, type CommentFilters } from "./filters.ts";
import { commentedParagraph, type CommentedParagraph } from "./paragraphs.ts";
import { formatReference } from "../consultation/reference.ts";

export interface OfficerComment {
  id: number;
  reference: string;
  channel: string;
  receivedAt: string;
  paragraph: CommentedParagraph;
  /** The text as stored: the redacted text once personal data has been taken out. */
  text: string;
  status: "received" | "hidden";
  moderationNote: string | null;
  redactedAt: string | null;
  publishConsent: boolean;
  respondentType: string | null;
  organisation: string | null;
  themes: { id: number; name: string }[];
}

export interface CommentRow {
  id: number;
  paragraph_id: string;
  paragraph_revision: number;
  text: string;
  status: "received" | "hidden";
  moderation_note: string | null;
  redacted_at: string | null;
  reference: string;
  channel: string;
  received_at: string;
  publish_consent: number;
  respondent_type: string | null;
  organisation: string | null;
  themes: string;
}

// ---- Queries -------------------------------------------------------------

export const COMMENT_COLUMNS = `
  c.id, c.paragraph_id, c.paragraph_revision, c.text, c.status, c.moderation_note, c.redacted_at,
  r.reference, r.channel, r.received_at, r.publish_consent, r.respondent_type, r.organisation,
  (SELECT json_group_array(json_object('id', id, 'name', name)) FROM (
     SELECT t.id, t.name FROM comment_themes ct JOIN themes t ON t.id = ct.theme_id
     WHERE ct.comment_id = c.id ORDER BY t.name COLLATE NOCASE
  )) AS themes`;

export function toOfficerComment(row: CommentRow): OfficerComment {
  return {
    id: row.id,
    reference: formatReference(row.reference),
    channel: row.channel,
    receivedAt: row.received_at,
    paragraph: commentedParagraph(row.paragraph_id, row.paragraph_revision),
    text: row.text,
    status: row.status,
    moderationNote: row.moderation_note,
    redactedAt: row.redacted_at,
    publishConsent: row.publish_consent === 1,
    respondentType: row.respondent_type,
    organisation: row.organisation,
    themes: JSON.parse(row.themes) as { id: number; name: string }[],
  };
}

export const PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** One page of comments, newest first; `before` is the cursor the previous page gave. */
export async function listComments(
  db: D1Database,
  filters: CommentFilters,
  page: { before?: number; limit?: number } = {},
): Promise<{ comments: OfficerComment[]; nextCursor: string | null }> {
  const limit = Math.max(1, Math.min(Math.trunc(page.limit ?? PAGE_SIZE), MAX_PAGE_SIZE));
  const conditions = filterConditions(filters, { includeHidden: true });
  if (page.before) conditions.push({ sql: "c.id < ?", params: [page.before] });
  const where = conditions.length ? `WHERE ${conditions.map((c) => c.sql).join(" AND ")}` : "";
  const { results } = await db
    .prepare(`SELECT ${COMMENT_COLUMNS} FROM comments c JOIN responses r ON r.id = c.response_id ${where} ORDER BY c.id DESC LIMIT ?`)
    .bind(...conditions.flatMap((c) => c.params), limit + 1)
    .all<CommentRow>();
  const comments = results.slice(0, limit).map(toOfficerComment);
  const nextCursor = results.length > limit ? String(comments.at(-1)!.id) : null;
  return { comments, nextCursor };
}

export async function countComments(db: D1Database, filters: CommentFilters): Promise<number> {
  const conditions = filterConditions(filters, { includeHidden: true });
  const where = conditions.length ? `WHERE ${conditions.map((c) => c.sql).join(" AND ")}` : "";
  const row = await db
    .prepare(`SELECT count(*) AS total FROM comments c JOIN responses r ON r.id = c.response_id ${where}`)
    .bind(...conditions.flatMap((c) => c.params))
    .first<{ total: number }>();
  return row?.total ?? 0;
}

export async function findComment(db: D1Database, id: number): Promise<OfficerComment | null> {
  const row = await db
    .prepare(`SELECT ${COMMENT_COLUMNS} FROM comments c JOIN responses r ON r.id = c.response_id WHERE c.id = ?`)
    .bind(id)
    .first<CommentRow>();
  return row ? toOfficerComment(row) : null;
}
