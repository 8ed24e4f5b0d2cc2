/**
 * Tagging comments with themes: PUT /api/admin/comments/{id}/themes/{themeId}
 * tags, DELETE untags, PUT /api/admin/comments/{id}/themes {themeIds} sets them all.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { OfficerEnv } from "../../auth/middleware.ts";
import { findComment } from "../../admin/comments.ts";
import { setCommentThemes, tagComment, untagComment } from "../../admin/themes.ts";
import { ApiError } from "../../errors.ts";
import { idParam, jsonBody } from "./body.ts";

export const tagging = new Hono<OfficerEnv>();

async function commentThemes(db: D1Database, id: number) {
  const comment = await findComment(db, id);
  if (!comment) throw new ApiError(404, "not_found", "admin.error.commentNotFound");
  return { themes: comment.themes };
}

tagging.put("/:id/themes", async (c) => {
  const id = idParam(c.req.param("id"));
  const { themeIds } = await jsonBody(c, z.object({ themeIds: z.array(z.number().int().positive()).max(100) }), {
    themeIds: "admin.error.themeIds",
  });
  await setCommentThemes(c.env.DB, c.get("officer"), id, themeIds);
  return c.json(await commentThemes(c.env.DB, id));
});

tagging.put("/:id/themes/:themeId", async (c) => {
  const id = idParam(c.req.param("id"));
  await tagComment(c.env.DB, c.get("officer"), id, idParam(c.req.param("themeId")));
  return c.json(await commentThemes(c.env.DB, id));
});

tagging.delete("/:id/themes/:themeId", async (c) => {
  const id = idParam(c.req.param("id"));
  await untagComment(c.env.DB, c.get("officer"), id, idParam(c.req.param("themeId")));
  return c.json(await commentThemes(c.env.DB, id));
});
