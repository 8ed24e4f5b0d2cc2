/**
 * "You said, we did" for everyone, published entries only:
 *   GET /api/feedback[?section=&outcome=]                       the log, grouped by section, with counts by outcome
 *   GET /api/feedback/download?format=csv|json[&section=&outcome=]  the same entries as open data
 * Answers may be cached for a minute, so publishing needs no rebuild.
 */
import { Hono } from "hono";
import { z } from "zod";
import { publicEndpoint, type AppEnv } from "../context.ts";
import { validate } from "../validation.ts";
import { settings } from "../../consultation/index.ts";
import { LIVE_PUBLIC_CACHE } from "../../lib/caching.ts";
import { OPEN_DATA_CONTENT_TYPES, OPEN_DATA_FORMATS, openDataFile, openDataFilename } from "../../feedback/open-data.ts";
import { FEEDBACK_QUERY_MESSAGES, feedbackLog, feedbackQuerySchema, publishedEntries } from "../../feedback/public.ts";

export const feedback = new Hono<AppEnv>();

const log = publicEndpoint.createHandlers(validate("query", feedbackQuerySchema, { messages: FEEDBACK_QUERY_MESSAGES }), async (c) => {
  c.header("Cache-Control", LIVE_PUBLIC_CACHE);
  return c.json(await feedbackLog(c.env.DB, c.req.valid("query")));
});

const downloadQuery = feedbackQuerySchema.extend({
  format: z.preprocess((value) => value || undefined, z.enum(OPEN_DATA_FORMATS).default("csv")),
});

const download = publicEndpoint.createHandlers(
  validate("query", downloadQuery, { messages: { ...FEEDBACK_QUERY_MESSAGES, format: "feedback.error.format" } }),
  async (c) => {
    const { format, ...query } = c.req.valid("query");
    const entries = await publishedEntries(c.env.DB, query);
    const about = { consultation: settings.slug, title: settings.title, origin: new URL(c.req.url).origin, generatedAt: new Date() };
    return c.body(openDataFile(format, entries, about), 200, {
      "Content-Type": OPEN_DATA_CONTENT_TYPES[format],
      "Content-Disposition": `attachment; filename="${openDataFilename(settings.slug, format)}"`,
      "Cache-Control": LIVE_PUBLIC_CACHE,
    });
  },
);

feedback.get("/", ...log);
feedback.get("/download", ...download);
