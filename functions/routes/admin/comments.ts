/** GET /api/admin/comments (filters, search, cursor) and GET /api/admin/comments/{id}. */
import { Hono } from "hono";
import type { OfficerEnv } from "../../auth/middleware.ts";
import { findComment, listComments } from "../../admin/comments.ts";
import { parseCommentFilters } from "../../admin/filters.ts";
import { ApiError } from "../../errors.ts";
import { translator } from "../../i18n/index.ts";
import { cursorParam, idParam } from "./body.ts";

export const comments = new Hono<OfficerEnv>();

comments.get("/", async (c) => {
  const query = new URL(c.req.url).searchParams;
  const filters = parseCommentFilters(query, translator(c.get("language")));
  const limit = Number(query.get("limit") ?? "") || undefined;
  return c.json(await listComments(c.env.DB, filters, { before: cursorParam(c.req.query("cursor")), limit }));
});

comments.get("/:id", async (c) => {
  const comment = await findComment(c.env.DB, idParam(c.req.param("id")));
  if (!comment) throw new ApiError(404, "not_found", "admin.error.commentNotFound");
  return c.json(comment);
});
