/**
 * Comments as officers see them: every field, the paragraph as its author
 * saw it, and the themes they are tagged with.
 */
import { blankAsMissing } from "../lib/blank.ts";
import { z } from "zod";
import { cursor } from "../lib/ids.ts";
import { filterConditions, whereClause, type CommentFilters } from "./filters.ts";
import { commentedParagraph, type CommentedParagraph } from "../consultation/paragraphs.ts";
import { formatReference } from "../responses/reference.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import type { Channel, CommentStatus, RespondentType } from "../responses/vocabulary.ts";
import { READING_STATE, type ReadingState } from "./reading.ts";
import { ASSIGNED_OFFICER, ASSIGNED_VIA } from "./assignments.ts";
import { DUPLICATE_GROUP_OF_COMMENT, IS_LATER_IN_ITS_GROUP, withGroupSizes } from "../duplicates/groups.ts";

export interface OfficerComment {
  id: number;
  reference: string;
  channel: Channel;
  receivedAt: string;
  paragraph: CommentedParagraph;
  /** The text as stored: the redacted text once personal data has been taken out. */
  text: string;
  status: CommentStatus;
  /** Unread, read by an officer, or answered by a published feedback entry. */
  reading: ReadingState;
  moderationNote: string | null;
  redactedAt: string | null;
  /** When the retention job deleted its words (the text is then empty). */
  wordsDeletedAt: string | null;
  publishConsent: boolean;
  respondentType: RespondentType | null;
  organisation: string | null;
  /** The kiosk it came from, or whose support worker typed it in. */
  kioskName: string | null;
  /** Whoever helped the person, as the kiosk recorded them. */
  assisted: { organisation: string; helper: string } | null;
  /** For paper: the London date the sheet was received. */
  paperReceivedOn: string | null;
  themes: { id: number; name: string }[];
  /** Whom it is assigned to, by itself or by its paragraph; null for nobody. Officers' lists only, never the export. */
  assignment?: { officer: string; via: "comment" | "paragraph" } | null;
  /** The officers who have read it. Officers' lists only, never the export. */
  readBy?: string[];
  /** The group of near-duplicates it belongs to (two comments or more), or null. */
  duplicateGroupId: number | null;
  /** How many comments that group holds (read for lists and pages, not for the export). */
  duplicateGroupSize: number | null;
}

export interface CommentRow {
  id: number;
  paragraph_id: string;
  paragraph_revision: number;
  text: string;
  status: CommentStatus;
  reading: ReadingState;
  moderation_note: string | null;
  redacted_at: string | null;
  words_deleted_at: string | null;
  reference: string;
  channel: Channel;
  received_at: string;
  publish_consent: number;
  respondent_type: RespondentType | null;
  organisation: string | null;
  kiosk_name: string | null;
  assisted_organisation: string | null;
  assisted_helper: string | null;
  paper_received_on: string | null;
  themes: string;
  assigned_officer?: string | null;
  assigned_via?: "comment" | "paragraph" | null;
  read_by?: string;
  duplicate_group_id: number | null;
}

// ---- Queries -------------------------------------------------------------

export const COMMENT_COLUMNS = `
  c.id, c.paragraph_id, c.paragraph_revision, c.text, c.status, ${READING_STATE} AS reading, c.moderation_note, c.redacted_at, c.words_deleted_at,
  r.reference, r.channel, r.received_at, r.publish_consent, r.respondent_type, r.organisation,
  (SELECT name FROM kiosks WHERE id = r.kiosk_id) AS kiosk_name, r.assisted_organisation, r.assisted_helper, r.paper_received_on,
  (SELECT json_group_array(json_object('id', id, 'name', name)) FROM (
     SELECT t.id, t.name FROM comment_themes ct JOIN themes t ON t.id = ct.theme_id
     WHERE ct.comment_id = c.id ORDER BY t.name COLLATE NOCASE
  )) AS themes,
  ${DUPLICATE_GROUP_OF_COMMENT} AS duplicate_group_id`;

/** What officers share about a comment (who has it, who read it): for their lists and pages, not the export. */
const SHARED_WORK_COLUMNS = `${ASSIGNED_OFFICER} AS assigned_officer, ${ASSIGNED_VIA} AS assigned_via,
  (SELECT json_group_array(officer) FROM (SELECT officer FROM comment_reads WHERE comment_id = c.id ORDER BY read_at)) AS read_by`;

export function toOfficerComment(row: CommentRow): OfficerComment {
  return {
    id: row.id,
    reference: formatReference(row.reference),
    channel: row.channel,
    receivedAt: row.received_at,
    paragraph: commentedParagraph(row.paragraph_id, row.paragraph_revision),
    text: row.text,
    status: row.status,
    reading: row.reading,
    moderationNote: row.moderation_note,
    redactedAt: row.redacted_at,
    wordsDeletedAt: row.words_deleted_at,
    publishConsent: row.publish_consent === 1,
    respondentType: row.respondent_type,
    organisation: row.organisation,
    kioskName: row.kiosk_name,
    assisted: row.assisted_organisation !== null ? { organisation: row.assisted_organisation, helper: row.assisted_helper ?? "" } : null,
    paperReceivedOn: row.paper_received_on,
    themes: JSON.parse(row.themes) as { id: number; name: string }[],
    duplicateGroupId: row.duplicate_group_id,
    duplicateGroupSize: null,
    ...(row.read_by === undefined
      ? {}
      : {
          assignment: row.assigned_officer ? { officer: row.assigned_officer, via: row.assigned_via ?? "comment" } : null,
          readBy: JSON.parse(row.read_by) as string[],
        }),
  };
}

export const PAGE_SIZE = 25;
export const MAX_PAGE_SIZE = 100;

/** A page of the comment list: where it starts, and how many (the list's own size unless asked). */
export const commentPageSchema = z.object({
  cursor,
  /** Any whole number, kept between 1 and MAX_PAGE_SIZE. */
  limit: z.preprocess(
    blankAsMissing,
    z
      .union([z.number().int(), z.string().regex(/^-?\d{1,15}$/).transform(Number)])
      .transform((n) => Math.max(1, Math.min(n, MAX_PAGE_SIZE)))
      .optional(),
  ),
});

/**
 * One page of comments, newest first; `before` is the cursor the previous
 * page gave. With `collapseGroups`, a group of near-duplicates is one row:
 * its first comment, with the group's size (its other comments are on the group's page).
 */
export async function listComments(
  db: D1Database,
  filters: CommentFilters,
  page: { before?: number; limit?: number; collapseGroups?: boolean } = {},
): Promise<{ comments: OfficerComment[]; nextCursor: string | null }> {
  const limit = page.limit ?? PAGE_SIZE;
  const conditions = filterConditions(filters, { includeHidden: true });
  if (page.before) conditions.push({ sql: "c.id < ?", params: [page.before] });
  if (page.collapseGroups) conditions.push({ sql: `NOT ${IS_LATER_IN_ITS_GROUP}`, params: [] });
  const where = whereClause(conditions);
  const { results } = await db
    .prepare(`SELECT ${COMMENT_COLUMNS}, ${SHARED_WORK_COLUMNS} FROM ${COMMENTS_WITH_RESPONSES} ${where.sql} ORDER BY c.id DESC LIMIT ?`)
    .bind(...where.params, limit + 1)
    .all<CommentRow>();
  const comments = await withGroupSizes(db, results.slice(0, limit).map(toOfficerComment));
  const nextCursor = results.length > limit ? String(comments.at(-1)!.id) : null;
  return { comments, nextCursor };
}

export async function countComments(db: D1Database, filters: CommentFilters): Promise<number> {
  const conditions = filterConditions(filters, { includeHidden: true });
  const where = whereClause(conditions);
  const row = await db
    .prepare(`SELECT count(*) AS total FROM ${COMMENTS_WITH_RESPONSES} ${where.sql}`)
    .bind(...where.params)
    .first<{ total: number }>();
  return row?.total ?? 0;
}

export async function findComment(db: D1Database, id: number): Promise<OfficerComment | null> {
  const row = await db
    .prepare(`SELECT ${COMMENT_COLUMNS}, ${SHARED_WORK_COLUMNS} FROM ${COMMENTS_WITH_RESPONSES} WHERE c.id = ?`)
    .bind(id)
    .first<CommentRow>();
  return row ? (await withGroupSizes(db, [toOfficerComment(row)]))[0]! : null;
}
