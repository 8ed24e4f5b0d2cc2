/** Hiding, showing again and redacting a comment; each change is written together with its audit entry. */
import { officerEndpoint } from "../../context.ts";
import { commentIdParam, jsonBody, jsonOnly } from "../officer-json.ts";
import { hideComment, hideSchema, redactComment, redactSchema, unhideComment } from "../../../officers/moderation.ts";

export const hide = officerEndpoint.createHandlers(commentIdParam, jsonOnly, jsonBody(hideSchema), async (c) =>
  c.json(await hideComment(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json").reason)),
);

export const unhide = officerEndpoint.createHandlers(commentIdParam, async (c) =>
  c.json(await unhideComment(c.env.DB, c.get("officer"), c.req.valid("param").id)),
);

export const redact = officerEndpoint.createHandlers(commentIdParam, jsonOnly, jsonBody(redactSchema), async (c) => {
  const { text, reason } = c.req.valid("json");
  return c.json(await redactComment(c.env.DB, c.get("officer"), c.req.valid("param").id, text, reason));
});
