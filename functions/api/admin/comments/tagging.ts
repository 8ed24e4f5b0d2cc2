/** Tagging a comment with themes: one at a time, or all of them at once. */
import { commentNotFound } from "../../../officers/not-found.ts";
import type { Context } from "hono";
import type { OfficerEnv } from "../../context.ts";
import { officerEndpoint } from "../../context.ts";
import { commentIdParam, commentThemeParams, jsonBody, jsonOnly } from "../officer-json.ts";
import { findComment } from "../../../officers/comments.ts";
import { commentThemesSchema, setCommentThemes, tagComment, untagComment } from "../../../officers/themes.ts";

async function commentThemes(c: Context<OfficerEnv>, id: number) {
  const comment = await findComment(c.env.DB, id);
  if (!comment) throw commentNotFound();
  return c.json({ themes: comment.themes });
}

export const setThemes = officerEndpoint.createHandlers(commentIdParam, jsonOnly, jsonBody(commentThemesSchema), async (c) => {
  const { id } = c.req.valid("param");
  await setCommentThemes(c.env.DB, c.get("officer"), id, c.req.valid("json").themeIds);
  return commentThemes(c, id);
});

export const tag = officerEndpoint.createHandlers(commentThemeParams, async (c) => {
  const { id, themeId } = c.req.valid("param");
  await tagComment(c.env.DB, c.get("officer"), id, themeId);
  return commentThemes(c, id);
});

export const untag = officerEndpoint.createHandlers(commentThemeParams, async (c) => {
  const { id, themeId } = c.req.valid("param");
  await untagComment(c.env.DB, c.get("officer"), id, themeId);
  return commentThemes(c, id);
});
