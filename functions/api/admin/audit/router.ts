/** GET /api/admin/audit: the audit log, newest first, by cursor; ?target=comment:12 for one thing's history. */
import { Hono } from "hono";
import { z } from "zod";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { validate } from "../../validation.ts";
import { cursor } from "../../../lib/ids.ts";
import { listAudit } from "../../../officers/audit.ts";

export const audit = new Hono<OfficerEnv>();

const auditQuery = z.object({ cursor, target: z.string().max(100).optional() });

const list = officerEndpoint.createHandlers(validate("query", auditQuery, { messages: { cursor: "admin.error.cursor" } }), async (c) => {
  const { cursor: before, target } = c.req.valid("query");
  return c.json(await listAudit(c.env.DB, { before, target: target || undefined }));
});

audit.get("/", ...list);
