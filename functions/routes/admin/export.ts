/**
 * GET /api/admin/export?format=csv|json|ndjson[&includeHidden=true][&filters]:
 * every comment, streamed from D1 page by page. The export is logged first.
 */
import { Hono } from "hono";
import type { OfficerEnv } from "../../auth/middleware.ts";
import { recordAction } from "../../admin/audit.ts";
import { parseCommentFilters } from "../../admin/filters.ts";
import { settings } from "../../consultation/index.ts";
import { ApiError } from "../../errors.ts";
import { translator } from "../../i18n/index.ts";
import { CONTENT_TYPES, EXPORT_FORMATS, exportFilename, exportStream, type ExportFormat } from "../../export/stream.ts";

export const exporting = new Hono<OfficerEnv>();

exporting.get("/", async (c) => {
  const query = new URL(c.req.url).searchParams;
  const t = translator(c.get("language"));
  const format = (query.get("format") || "csv") as ExportFormat;
  const fields: Record<string, string> = {};
  if (!EXPORT_FORMATS.includes(format)) fields.format = t("admin.error.format");
  const includeHidden = query.get("includeHidden") ?? "false";
  if (!["true", "false", "on", ""].includes(includeHidden)) fields.includeHidden = t("admin.error.includeHidden");
  if (Object.keys(fields).length) throw new ApiError(422, "invalid", "admin.error.invalid", { fields });
  const filters = parseCommentFilters(query, t);

  const request = {
    filters,
    includeHidden: includeHidden === "true" || includeHidden === "on",
    format,
    consultation: settings.slug,
    exportedAt: new Date(),
  };
  const filename = exportFilename(request);
  await recordAction(c.env.DB, c.get("officer"), "export", null, { format, includeHidden: request.includeHidden, filters, filename });
  return new Response(exportStream(c.env.DB, request), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
});
