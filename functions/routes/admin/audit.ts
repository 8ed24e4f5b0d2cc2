/** GET /api/admin/audit: the audit log, newest first, by cursor; ?target=comment:12 for one thing's history. */
import { Hono } from "hono";
import type { OfficerEnv } from "../../auth/middleware.ts";
import { listAudit } from "../../admin/audit.ts";
import { cursorParam } from "./body.ts";

export const audit = new Hono<OfficerEnv>();

audit.get("/", async (c) => {
  return c.json(await listAudit(c.env.DB, { before: cursorParam(c.req.query("cursor")), target: c.req.query("target") || undefined }));
});
