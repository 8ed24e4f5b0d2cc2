/** Which comments an entry answers: adding them by number, reference or filters, and taking one off. */
import { officerEndpoint } from "../../context.ts";
import { validate } from "../../validation.ts";
import { feedbackCommentParams, feedbackIdParam, jsonOnly } from "../officer-json.ts";
import { commentSelectionSchema, FEEDBACK_MESSAGES } from "../../../feedback/schema.ts";
import { answerComments, unanswerComment } from "../../../feedback/store.ts";

export const answer = officerEndpoint.createHandlers(feedbackIdParam, jsonOnly, validate("json", commentSelectionSchema, { messages: FEEDBACK_MESSAGES }), async (c) =>
  c.json(await answerComments(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json"))),
);

export const unanswer = officerEndpoint.createHandlers(feedbackCommentParams, async (c) => {
  const { id, commentId } = c.req.valid("param");
  return c.json(await unanswerComment(c.env.DB, c.get("officer"), id, commentId));
});
