/**
 * POST /api/admin/comments/{id}/hide {reason}, …/unhide, …/redact {text}:
 * each change is written together with its audit entry.
 */
import { Hono } from "hono";
import { z } from "zod";
import type { OfficerEnv } from "../../auth/middleware.ts";
import { hideComment, redactComment, unhideComment } from "../../admin/moderation.ts";
import { idParam, jsonBody } from "./body.ts";

export const moderation = new Hono<OfficerEnv>();

export const hideSchema = z.object({ reason: z.string().trim().min(1).max(500) });
export const redactSchema = z.object({ text: z.string().trim().min(1).max(10_000) });

moderation.post("/:id/hide", async (c) => {
  const { reason } = await jsonBody(c, hideSchema, { reason: "admin.error.reason" });
  return c.json(await hideComment(c.env.DB, c.get("officer"), idParam(c.req.param("id")), reason));
});

moderation.post("/:id/unhide", async (c) => {
  return c.json(await unhideComment(c.env.DB, c.get("officer"), idParam(c.req.param("id"))));
});

moderation.post("/:id/redact", async (c) => {
  const { text } = await jsonBody(c, redactSchema, { text: "admin.error.redactText" });
  return c.json(await redactComment(c.env.DB, c.get("officer"), idParam(c.req.param("id")), text));
});
