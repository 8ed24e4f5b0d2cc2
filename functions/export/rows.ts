/** One export row per comment, flat, with the same fields in every format. */
import type { CommentRow } from "../officers/comments.ts";
import { commentedParagraph } from "../consultation/paragraphs.ts";
import { londonLocalTime } from "../consultation/london-time.ts";
import { formatReference } from "../responses/reference.ts";
import type { ReadingState } from "../officers/reading.ts";

export interface ExportRow {
  reference: string;
  commentId: number;
  channel: string;
  kioskName: string | null;
  assisted: boolean;
  assistedBy: string | null;
  paperReceivedOn: string | null;
  receivedAt: string;
  receivedAtLondon: string;
  paragraphId: string;
  paragraphNumber: string;
  sectionTitle: string;
  paragraphRevision: number;
  paragraphText: string;
  commentText: string;
  status: string;
  redacted: boolean;
  publishConsent: boolean;
  respondentType: string | null;
  organisation: string | null;
  themes: string[];
  moderationNote: string | null;
  /** Unread, read, or answered by a published feedback entry, when exported. */
  reading: ReadingState;
  /** The group of near-duplicates (GET /api/admin/duplicates) it belongs to, or null. */
  duplicateGroupId: number | null;
}

/** The columns, in order: the CSV header and the JSON keys are these names. */
export const EXPORT_COLUMNS = [
  "reference",
  "commentId",
  "channel",
  "kioskName",
  "assisted",
  "assistedBy",
  "paperReceivedOn",
  "receivedAt",
  "receivedAtLondon",
  "paragraphId",
  "paragraphNumber",
  "sectionTitle",
  "paragraphRevision",
  "paragraphText",
  "commentText",
  "status",
  "redacted",
  "publishConsent",
  "respondentType",
  "organisation",
  "themes",
  "moderationNote",
  "reading",
  "duplicateGroupId",
] as const satisfies readonly (keyof ExportRow)[];

export function toExportRow(row: CommentRow): ExportRow {
  const paragraph = commentedParagraph(row.paragraph_id, row.paragraph_revision);
  return {
    reference: formatReference(row.reference),
    commentId: row.id,
    channel: row.channel,
    kioskName: row.kiosk_name,
    assisted: row.assisted_organisation !== null,
    assistedBy: row.assisted_organisation !== null ? `${row.assisted_helper ?? ""}, ${row.assisted_organisation}` : null,
    paperReceivedOn: row.paper_received_on,
    receivedAt: row.received_at,
    receivedAtLondon: londonLocalTime(row.received_at),
    paragraphId: paragraph.id,
    paragraphNumber: paragraph.number,
    sectionTitle: paragraph.sectionTitle,
    paragraphRevision: paragraph.revision,
    paragraphText: paragraph.text,
    commentText: row.text,
    status: row.status,
    redacted: row.redacted_at !== null,
    publishConsent: row.publish_consent === 1,
    respondentType: row.respondent_type,
    organisation: row.organisation,
    themes: (JSON.parse(row.themes) as { name: string }[]).map((theme) => theme.name),
    moderationNote: row.moderation_note,
    reading: row.reading,
    duplicateGroupId: row.duplicate_group_id,
  };
}

/** The row's cells for CSV: yes/no for flags, themes joined with "; ". */
export function csvCells(row: ExportRow): (string | number | null)[] {
  return EXPORT_COLUMNS.map((column) => {
    const value = row[column];
    if (typeof value === "boolean") return value ? "yes" : "no";
    if (Array.isArray(value)) return value.join("; ");
    return value;
  });
}
