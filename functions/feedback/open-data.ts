/**
 * "You said, we did" as open data: the published entries, one row each, in
 * CSV and JSON with the same fields (documented in docs/api.md). Nothing in
 * it says who commented: only counts and quotes the quoting rule allows.
 */
import { BYTE_ORDER_MARK, csvRecord } from "../export/csv.ts";
import type { PublicFeedbackEntry } from "./public.ts";

export const OPEN_DATA_FORMATS = ["csv", "json"] as const;
export type OpenDataFormat = (typeof OPEN_DATA_FORMATS)[number];

/** The columns, in order: the CSV header. Their meanings are in docs/api.md; they only ever grow. */
export const OPEN_DATA_COLUMNS = [
  "id",
  "title",
  "outcome",
  "youSaid",
  "weDid",
  "publishedAt",
  "paragraphIds",
  "paragraphNumbers",
  "sections",
  "commentCount",
  "commentedParagraphs",
  "quotes",
  "url",
] as const;

export const OPEN_DATA_CONTENT_TYPES: Record<OpenDataFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
};

/** One JSON record per entry; the CSV row flattens the same record. */
export function openDataRecord(entry: PublicFeedbackEntry, origin: string) {
  return {
    id: entry.id,
    title: entry.title,
    outcome: entry.outcome,
    youSaid: entry.youSaid,
    weDid: entry.weDid,
    publishedAt: entry.publishedAt,
    paragraphs: entry.paragraphs.map(({ id, number, section }) => ({ id, number, section })),
    commentCount: entry.commentCount,
    commentedParagraphs: entry.commentedParagraphs,
    quotes: entry.quotes.map(({ text, paragraph }) => ({ text, paragraph })),
    url: new URL(entry.url, origin).href,
  };
}

type OpenDataRecord = ReturnType<typeof openDataRecord>;

/** Lists in a cell are joined with "; "; quotes, which may hold that, one per line. */
function csvCells(record: OpenDataRecord): Record<(typeof OPEN_DATA_COLUMNS)[number], string | number> {
  return {
    id: record.id,
    title: record.title,
    outcome: record.outcome,
    youSaid: record.youSaid,
    weDid: record.weDid,
    publishedAt: record.publishedAt,
    paragraphIds: record.paragraphs.map((paragraph) => paragraph.id).join("; "),
    paragraphNumbers: record.paragraphs.map((paragraph) => paragraph.number).filter(Boolean).join("; "),
    sections: [...new Set(record.paragraphs.map((paragraph) => paragraph.section))].join("; "),
    commentCount: record.commentCount,
    commentedParagraphs: record.commentedParagraphs.map((counted) => `${counted.paragraph}: ${counted.comments}`).join("; "),
    quotes: record.quotes.map((quote) => quote.text.replace(/\s*\n\s*/g, " ")).join("\n"),
    url: record.url,
  };
}

export function openDataFile(
  format: OpenDataFormat,
  entries: PublicFeedbackEntry[],
  about: { consultation: string; title: string; origin: string; generatedAt: Date },
): string {
  const records = entries.map((entry) => openDataRecord(entry, about.origin));
  if (format === "json") {
    const { consultation, title, generatedAt } = about;
    return `${JSON.stringify({ consultation, title, generatedAt: generatedAt.toISOString(), entries: records }, null, 2)}\n`;
  }
  return BYTE_ORDER_MARK + csvRecord(OPEN_DATA_COLUMNS) + records.map((record) => {
    const cells = csvCells(record);
    return csvRecord(OPEN_DATA_COLUMNS.map((column) => cells[column]));
  }).join("");
}

/** "homelessness-strategy-2027-2032-you-said-we-did.csv" */
export const openDataFilename = (consultation: string, format: OpenDataFormat) => `${consultation}-you-said-we-did.${format}`;
