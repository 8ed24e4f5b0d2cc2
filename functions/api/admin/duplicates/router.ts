/**
 * Near-duplicates and campaigns, for officers:
 *   GET  /api/admin/duplicates                   every group of two or more → {groups:[{id, size, representative:{id, text}, commentIds, confirmedAt, confirmedBy}]}
 *   GET  /api/admin/duplicates/{id}              one group
 *   POST /api/admin/duplicates/{id}/confirm      confirm it as a campaign → the group
 *   POST /api/admin/duplicates/{id}/split {commentIds?}  take these comments out (none named: all of them) → {group} (null once nothing is left of it)
 * Grouping never hides or deletes a comment.
 */
import { Hono } from "hono";
import { z } from "zod";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { validate } from "../../validation.ts";
import { jsonBody, jsonOnly } from "../officer-json.ts";
import { confirmCampaign, findGroup, groupNotFound, listGroups, splitGroup, splitSchema } from "../../../duplicates/groups.ts";
import { recordId } from "../../../lib/ids.ts";

const groupIdParam = validate("param", z.object({ id: recordId }), { notFoundMessage: "admin.error.duplicates.notFound" });

export const duplicates = new Hono<OfficerEnv>();

const list = officerEndpoint.createHandlers(async (c) => c.json({ groups: await listGroups(c.env.DB) }));

const one = officerEndpoint.createHandlers(groupIdParam, async (c) => {
  const group = await findGroup(c.env.DB, c.req.valid("param").id);
  if (!group) throw groupNotFound();
  return c.json(group);
});

const confirm = officerEndpoint.createHandlers(groupIdParam, async (c) => c.json(await confirmCampaign(c.env.DB, c.get("officer"), c.req.valid("param").id)));

const split = officerEndpoint.createHandlers(groupIdParam, jsonOnly, jsonBody(splitSchema), async (c) =>
  c.json({ group: await splitGroup(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json").commentIds) }),
);

duplicates.get("/", ...list);
duplicates.get("/:id", ...one);
duplicates.post("/:id/confirm", ...confirm);
duplicates.post("/:id/split", ...split);
