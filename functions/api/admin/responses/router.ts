/**
 * Responses as a whole, for officers:
 *   GET    /api/admin/responses/{reference}           what erasing it would remove: {reference, channel, receivedAt, comments, feedbackEntries}
 *   DELETE /api/admin/responses/{reference} {reason}  erase it at its author's request → 204; erasing it again is harmless
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { notFound } from "../../../lib/errors.ts";
import { validate } from "../../validation.ts";
import { jsonBody, jsonOnly } from "../officer-json.ts";
import { erasurePreview, erasureSchema, eraseResponse } from "../../../privacy/erasure.ts";
import { referenceInPath } from "../../../responses/reference.ts";

export const responses = new Hono<OfficerEnv>();

const referenceParam = validate("param", referenceInPath, { notFoundMessage: "error.reference_not_found" });

const preview = officerEndpoint.createHandlers(referenceParam, async (c) => {
  const found = await erasurePreview(c.env.DB, c.req.valid("param").reference);
  if (!found) throw notFound("error.reference_not_found");
  return c.json(found);
});

const erase = officerEndpoint.createHandlers(referenceParam, jsonOnly, jsonBody(erasureSchema), async (c) => {
  await eraseResponse(c.env.DB, c.get("officer"), c.req.valid("param").reference, c.req.valid("json").reason);
  return c.body(null, 204);
});

responses.get("/:reference", ...preview);
responses.delete("/:reference", ...erase);
