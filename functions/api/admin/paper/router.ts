/**
 * Paper forms, for officers:
 *   POST /api/admin/paper/batches {count}          references for pre-printed sheets → 201 {references}
 *   POST /api/admin/paper/sheets {reference, receivedOn, comments:[{paragraph:"3.2", text}], …}   type one in → 201
 *   GET  /api/admin/paper/sheets/{reference}       what was typed in for a sheet
 *   PUT  /api/admin/paper/sheets/{reference}       correct it (audited, before and after)
 */
import { Hono } from "hono";
import { z } from "zod";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { jsonBody, jsonOnly } from "../officer-json.ts";
import { responseSizeLimit } from "../../middleware/body-limit.ts";
import { validate } from "../../validation.ts";
import { correctEnteredSheet, enterSheet, enteredSheet } from "../../../paper/entering.ts";
import { paperSheetSchema } from "../../../paper/sheets.ts";
import { LIMITS } from "../../../limits.ts";
import { batchSchema, issueForPaper } from "../../../responses/issued.ts";
import { formatReference, referenceInPath } from "../../../responses/reference.ts";

export const paper = new Hono<OfficerEnv>();

const sheetBody = jsonBody(paperSheetSchema);
const sheetParam = validate("param", referenceInPath, { notFoundMessage: "paper.error.notEntered" });

const batch = officerEndpoint.createHandlers(jsonOnly, jsonBody(batchSchema), async (c) => {
  const references = await issueForPaper(c.env.DB, c.get("officer"), c.req.valid("json").count);
  return c.json({ references: references.map(formatReference) }, 201);
});

const enter = officerEndpoint.createHandlers(responseSizeLimit, jsonOnly, sheetBody, async (c) => {
  const { receipt, created } = await enterSheet(c.env, c.req.valid("json"), c.get("officer"));
  return c.json(receipt, created ? 201 : 200);
});

const show = officerEndpoint.createHandlers(sheetParam, async (c) => c.json(await enteredSheet(c.env.DB, c.req.valid("param").reference)));

const correct = officerEndpoint.createHandlers(sheetParam, responseSizeLimit, jsonOnly, sheetBody, async (c) =>
  c.json(await correctEnteredSheet(c.env, c.req.valid("param").reference, c.req.valid("json"), c.get("officer"))),
);

paper.post("/batches", ...batch);
paper.post("/sheets", ...enter);
paper.get("/sheets/:reference", ...show);
paper.put("/sheets/:reference", ...correct);
