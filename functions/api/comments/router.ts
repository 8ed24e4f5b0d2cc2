/**
 * GET /api/comments?section=SLUG: once officers publish them, the comments on
 * a section's paragraphs whose authors agreed to be quoted (section=general:
 * those on the strategy as a whole), each with the feedback that answers it,
 * and how many more there are. 404 not_published until then.
 */
import { Hono } from "hono";
import { publicEndpoint, type AppEnv } from "../context.ts";
import { validate } from "../validation.ts";
import { LIVE_PUBLIC_CACHE } from "../../lib/caching.ts";
import { paragraphsOf, publishedComments, publishedCommentsQuerySchema } from "../../feedback/published-comments.ts";

export const comments = new Hono<AppEnv>();

const read = publicEndpoint.createHandlers(validate("query", publishedCommentsQuerySchema, { messages: { section: "feedback.error.section" } }), async (c) => {
  const { section } = c.req.valid("query");
  const paragraphs = await publishedComments(c.env.DB, paragraphsOf(section));
  c.header("Cache-Control", LIVE_PUBLIC_CACHE);
  return c.json({ section, paragraphs });
});

comments.get("/", ...read);
