/**
 * The export, streamed: rows are read from D1 a page at a time by keyset
 * (comment id after the last one sent) and written out as they arrive, so
 * memory stays flat however many comments there are.
 */
import { z } from "zod";
import type { MessageKey } from "../i18n/index.ts";
import { COMMENT_COLUMNS, type CommentRow } from "../officers/comments.ts";
import { commentFiltersSchema, filterConditions, FILTER_MESSAGES, type CommentFilters } from "../officers/filters.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import { BYTE_ORDER_MARK, csvRecord } from "./csv.ts";
import { EXPORT_COLUMNS, csvCells, toExportRow, type ExportRow } from "./rows.ts";

export const EXPORT_FORMATS = ["csv", "json", "ndjson"] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export const EXPORT_PAGE_SIZE = 500;

/** What an officer asks to export: a format, whether hidden comments come too, and the list's filters. */
export const exportQuerySchema = commentFiltersSchema.safeExtend({
  format: z.preprocess((value) => value || undefined, z.enum(EXPORT_FORMATS).default("csv")),
  includeHidden: z.enum(["true", "false", "on", ""]).default("false").transform((value) => value === "true" || value === "on"),
});

export const EXPORT_MESSAGES: Record<string, MessageKey> = {
  ...FILTER_MESSAGES,
  format: "admin.error.format",
  includeHidden: "admin.error.includeHidden",
};

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  csv: "text/csv; charset=utf-8; header=present",
  json: "application/json; charset=utf-8",
  ndjson: "application/x-ndjson; charset=utf-8",
};

export interface ExportRequest {
  filters: CommentFilters;
  includeHidden: boolean;
  format: ExportFormat;
  consultation: string;
  exportedAt: Date;
}

/** Each page of rows after `after`, in id order, until there are none left. */
export async function* commentPages(
  db: D1Database,
  filters: CommentFilters,
  includeHidden: boolean,
  pageSize = EXPORT_PAGE_SIZE,
): AsyncGenerator<CommentRow[]> {
  const conditions = filterConditions(filters, { includeHidden });
  const where = [...conditions.map((c) => c.sql), "c.id > ?"].join(" AND ");
  const statement = db.prepare(
    `SELECT ${COMMENT_COLUMNS} FROM ${COMMENTS_WITH_RESPONSES} WHERE ${where} ORDER BY c.id LIMIT ?`,
  );
  const params = conditions.flatMap((c) => c.params);
  let after = 0;
  while (true) {
    const { results } = await statement.bind(...params, after, pageSize).all<CommentRow>();
    if (results.length > 0) yield results;
    if (results.length < pageSize) return;
    after = results.at(-1)!.id;
  }
}

/** The writer for a format: what comes before the rows, each row, and what comes after. */
function writer(request: ExportRequest) {
  switch (request.format) {
    case "csv":
      return { start: BYTE_ORDER_MARK + csvRecord(EXPORT_COLUMNS), row: (row: ExportRow) => csvRecord(csvCells(row)), separator: "", end: "" };
    case "ndjson":
      return { start: "", row: (row: ExportRow) => `${JSON.stringify(row)}\n`, separator: "", end: "" };
    case "json": {
      const about = {
        consultation: request.consultation,
        exportedAt: request.exportedAt.toISOString(),
        includeHidden: request.includeHidden,
        filters: request.filters,
      };
      return { start: `${JSON.stringify(about).slice(0, -1)},"comments":[\n`, row: (row: ExportRow) => JSON.stringify(row), separator: ",\n", end: "\n]}\n" };
    }
  }
}

export function exportStream(db: D1Database, request: ExportRequest): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  const format = writer(request);
  const pages = commentPages(db, request.filters, request.includeHidden);
  let started = false;
  let first = true;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      try {
        let text = "";
        if (!started) {
          started = true;
          text += format.start;
        }
        const page = await pages.next();
        if (page.done) {
          controller.enqueue(encoder.encode(text + format.end));
          controller.close();
          return;
        }
        for (const row of page.value) {
          text += (first ? "" : format.separator) + format.row(toExportRow(row));
          first = false;
        }
        controller.enqueue(encoder.encode(text));
      } catch (error) {
        console.error("export failed part-way", error);
        controller.error(error);
      }
    },
    async cancel() {
      await pages.return(undefined);
    },
  });
}

/** "homelessness-strategy-2027-2032-comments-20270108T153000Z.csv" */
export function exportFilename(request: Pick<ExportRequest, "consultation" | "exportedAt" | "format">): string {
  const stamp = request.exportedAt.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
  return `${request.consultation}-comments-${stamp}.${request.format}`;
}
