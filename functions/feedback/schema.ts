/**
 * What officers send to write a feedback entry, validated once at the API's
 * edge. Messages are dictionary keys; every length and count comes from LIMITS.
 */
import { z } from "zod";
import { isFeedbackParagraph } from "../consultation/paragraphs.ts";
import type { MessageKey } from "../i18n/index.ts";
import { recordId } from "../lib/ids.ts";
import { LIMITS } from "../limits.ts";
import { commentFiltersSchema } from "../officers/filters.ts";
import { normaliseReference } from "../responses/reference.ts";
import { normaliseText, textLength } from "../responses/text.ts";
import { FEEDBACK_STATUSES, OUTCOMES } from "./vocabulary.ts";

const message = (key: MessageKey) => ({ error: key });

/** Text an officer writes: normalised like a comment, 1 to `max` characters. */
const officerText = (max: number, key: MessageKey) =>
  z
    .string(message(key))
    .transform(normaliseText)
    .pipe(z.string().min(1, message(key)).refine((text) => textLength(text) <= max, message(key)));

const unique = <T>(values: T[]) => [...new Set(values)];

const paragraphs = z
  .array(z.string().refine(isFeedbackParagraph, message("admin.error.feedback.paragraph")), message("admin.error.feedback.paragraphs"))
  .max(LIMITS.paragraphsPerFeedback, message("admin.error.feedback.paragraphs"))
  .transform(unique);

/** References as people copy them; each must be one of ours (whether it exists is checked against D1). */
const references = z
  .array(
    z
      .string(message("admin.error.feedback.reference"))
      .transform((typed) => normaliseReference(typed) ?? "")
      .pipe(z.string().min(1, message("admin.error.feedback.reference"))),
    message("admin.error.feedback.references"),
  )
  .max(LIMITS.commentsPerSelection, message("admin.error.feedback.references"))
  .transform(unique);

const commentIds = z
  .array(recordId, message("admin.error.feedback.comments"))
  .max(LIMITS.commentsPerSelection, message("admin.error.feedback.comments"))
  .transform(unique);

/** A quote: a comment the entry answers, and the words taken from it (all of it, if short, when left out). */
const quote = z.strictObject(
  {
    comment: recordId,
    text: z
      .string(message("admin.error.feedback.quoteLength"))
      .transform(normaliseText)
      .pipe(z.string().refine((text) => textLength(text) <= LIMITS.quoteLength, message("admin.error.feedback.quoteLength")))
      .optional(),
  },
  message("admin.error.feedback.quotes"),
);

const quotes = z
  .array(quote, message("admin.error.feedback.quotes"))
  .max(LIMITS.quotesPerFeedback, message("admin.error.feedback.quotes"));

/** Which comments an entry answers: by number, by the reference of their response, or by the comment list's filters. */
const selection = {
  comments: commentIds.optional(),
  references: references.optional(),
  filters: commentFiltersSchema.optional(),
};

const fields = {
  title: officerText(LIMITS.feedbackTitleLength, "admin.error.feedback.title"),
  youSaid: officerText(LIMITS.feedbackTextLength, "admin.error.feedback.youSaid"),
  weDid: officerText(LIMITS.feedbackTextLength, "admin.error.feedback.weDid"),
  outcome: z.enum(OUTCOMES, message("admin.error.feedback.outcome")),
  paragraphs,
  quotes,
  status: z.enum(FEEDBACK_STATUSES, message("admin.error.feedback.status")),
};

/** POST /api/admin/feedback */
export const feedbackCreateSchema = z.strictObject(
  {
    ...fields,
    paragraphs: fields.paragraphs.default([]),
    quotes: fields.quotes.default([]),
    status: fields.status.default("draft"),
    ...selection,
  },
  message("admin.error.feedback.body"),
);

/** PATCH /api/admin/feedback/{id}: any of the entry's own fields; what is left out stays as it is. */
export const feedbackUpdateSchema = z.strictObject(
  {
    title: fields.title.optional(),
    youSaid: fields.youSaid.optional(),
    weDid: fields.weDid.optional(),
    outcome: fields.outcome.optional(),
    paragraphs: fields.paragraphs.optional(),
    quotes: fields.quotes.optional(),
    status: fields.status.optional(),
  },
  message("admin.error.feedback.body"),
);

/** POST /api/admin/feedback/{id}/comments: more comments the entry answers. */
export const commentSelectionSchema = z
  .strictObject(selection, message("admin.error.feedback.selection"))
  .refine((chosen) => Boolean(chosen.comments?.length || chosen.references?.length || chosen.filters), message("admin.error.feedback.selection"));

/** The message for a field whose schema cannot name its own (a nested filter, an enum inside a preprocess). */
export const FEEDBACK_MESSAGES: Record<string, MessageKey> = {
  filters: "admin.error.feedback.filters",
  quotes: "admin.error.feedback.quotes",
};

export type FeedbackCreate = z.output<typeof feedbackCreateSchema>;
export type FeedbackUpdate = z.output<typeof feedbackUpdateSchema>;
export type CommentSelection = z.output<typeof commentSelectionSchema>;
