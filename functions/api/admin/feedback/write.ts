/** Creating, changing, publishing and withdrawing a feedback entry; each change is written with its audit entry. */
import { officerEndpoint } from "../../context.ts";
import { validate } from "../../validation.ts";
import { feedbackIdParam, jsonOnly } from "../officer-json.ts";
import { FEEDBACK_MESSAGES, feedbackCreateSchema, feedbackUpdateSchema } from "../../../feedback/schema.ts";
import { createFeedback, updateFeedback } from "../../../feedback/store.ts";

export const create = officerEndpoint.createHandlers(jsonOnly, validate("json", feedbackCreateSchema, { messages: FEEDBACK_MESSAGES }), async (c) =>
  c.json(await createFeedback(c.env.DB, c.get("officer"), c.req.valid("json")), 201),
);

export const update = officerEndpoint.createHandlers(feedbackIdParam, jsonOnly, validate("json", feedbackUpdateSchema, { messages: FEEDBACK_MESSAGES }), async (c) =>
  c.json(await updateFeedback(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json"))),
);

export const publish = officerEndpoint.createHandlers(feedbackIdParam, async (c) =>
  c.json(await updateFeedback(c.env.DB, c.get("officer"), c.req.valid("param").id, { status: "published" })),
);

export const unpublish = officerEndpoint.createHandlers(feedbackIdParam, async (c) =>
  c.json(await updateFeedback(c.env.DB, c.get("officer"), c.req.valid("param").id, { status: "draft" })),
);
