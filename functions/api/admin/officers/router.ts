/**
 * The officers sharing the work, and the paragraphs given to each:
 *   GET /api/admin/officers                          {officers: [name], paragraphs: {ID: name}}
 *   PUT /api/admin/officers/paragraphs/{id} {officer} give a paragraph ("general" too) to an officer; {officer: null} gives it back
 */
import { Hono } from "hono";
import { z } from "zod";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { validate } from "../../validation.ts";
import { jsonBody, jsonOnly } from "../officer-json.ts";
import { assignmentSchema, assignParagraph, paragraphAssignments } from "../../../officers/assignments.ts";
import { listOfficers } from "../../../officers/team.ts";

export const officers = new Hono<OfficerEnv>();

const paragraphParam = validate("param", z.object({ id: z.string().max(100) }), { notFoundMessage: "admin.error.paragraphNotFound" });

const list = officerEndpoint.createHandlers(async (c) => {
  const [names, paragraphs] = await Promise.all([listOfficers(c.env.DB), paragraphAssignments(c.env.DB)]);
  return c.json({ officers: names, paragraphs });
});

const assign = officerEndpoint.createHandlers(paragraphParam, jsonOnly, jsonBody(assignmentSchema), async (c) =>
  c.json(await assignParagraph(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json"))),
);

officers.get("/", ...list);
officers.put("/paragraphs/:id", ...assign);
