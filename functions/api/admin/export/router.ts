/**
 * GET /api/admin/export?format=csv|json|ndjson[&includeHidden=true][&filters]:
 * every comment, streamed from D1 page by page. The export is logged first.
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { validate } from "../../validation.ts";
import { settings } from "../../../consultation/index.ts";
import { CONTENT_TYPES, EXPORT_MESSAGES, exportFilename, exportQuerySchema, exportStream } from "../../../export/stream.ts";
import { recordAction } from "../../../officers/audit.ts";
import { asSeenBy } from "../../../officers/filters.ts";

export const exporting = new Hono<OfficerEnv>();

const download = officerEndpoint.createHandlers(validate("query", exportQuerySchema, { messages: EXPORT_MESSAGES }), async (c) => {
  const { format, includeHidden, ...asked } = c.req.valid("query");
  const filters = asSeenBy(asked, c.get("officer").name);
  const request = { filters, includeHidden, format, consultation: settings.slug, exportedAt: new Date() };
  const filename = exportFilename(request);
  await recordAction(c.env.DB, c.get("officer"), "export", null, { format, includeHidden, filters, filename });
  return new Response(exportStream(c.env.DB, request), {
    headers: {
      "Content-Type": CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${filename}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});

exporting.get("/", ...download);
