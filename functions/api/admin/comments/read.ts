/** GET /api/admin/comments (filters, search, cursor) and GET /api/admin/comments/{id}. */
import { commentNotFound } from "../../../officers/not-found.ts";
import { officerEndpoint } from "../../context.ts";
import { validate } from "../../validation.ts";
import { commentIdParam } from "../officer-json.ts";
import { commentPageSchema, findComment, listComments } from "../../../officers/comments.ts";
import { asSeenBy, commentFiltersSchema, FILTER_MESSAGES } from "../../../officers/filters.ts";

export const listCommentPage = officerEndpoint.createHandlers(
  validate("query", commentFiltersSchema.safeExtend(commentPageSchema.shape), { messages: { ...FILTER_MESSAGES, cursor: "admin.error.cursor" } }),
  async (c) => {
    const { cursor, limit, ...filters } = c.req.valid("query");
    return c.json(await listComments(c.env.DB, asSeenBy(filters, c.get("officer").name), { before: cursor, limit }));
  },
);

export const getComment = officerEndpoint.createHandlers(commentIdParam, async (c) => {
  const comment = await findComment(c.env.DB, c.req.valid("param").id);
  if (!comment) throw commentNotFound();
  return c.json(comment);
});
