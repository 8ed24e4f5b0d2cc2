/** POST /api/admin/comments/bulk: one action on many comments, all or nothing, one audit entry per comment changed. */
import { officerEndpoint } from "../../context.ts";
import { jsonOnly, validate } from "../../validation.ts";
import { actOnComments, BULK_MESSAGES, bulkActionSchema } from "../../../officers/bulk.ts";

export const bulk = officerEndpoint.createHandlers(jsonOnly, validate("json", bulkActionSchema, { messages: BULK_MESSAGES }), async (c) =>
  c.json(await actOnComments(c.env.DB, c.get("officer"), c.req.valid("json"))),
);
