/**
 * What one person may send: the response schema, the one rule for the API,
 * the plain form and the inline form alike. Messages are dictionary keys,
 * translated when reported.
 */
import { z } from "zod";
import { isCommentableParagraph } from "../consultation/paragraphs.ts";
import { LIMITS } from "../limits.ts";
import type { MessageKey } from "../i18n/index.ts";
import { parseInstant } from "../consultation/calendar.ts";
import { normaliseReference } from "./reference.ts";
import { hasVisibleText, normaliseText, textLength } from "./text.ts";
import { RESPONDENT_TYPES } from "./vocabulary.ts";

const message = (key: MessageKey) => ({ error: key });

/** The one rule for idempotency keys, wherever they come from: a header, a JSON field or a form field, trimmed alike. */
export const idempotencyKey = z
  .string(message("validation.idempotencyKey"))
  .trim()
  .min(LIMITS.idempotencyKeyMin, message("validation.idempotencyKey"))
  .max(LIMITS.idempotencyKeyMax, message("validation.idempotencyKey"));

/** The key as an Idempotency-Key header: a header sent twice reaches the Worker as one value joined by ", ", which is refused rather than taken as one odd key. */
export const idempotencyKeyHeader = idempotencyKey.refine((key) => !key.includes(","), message("validation.idempotencyKeyRepeated"));

const commentText = z
  .string(message("validation.textRequired"))
  .transform(normaliseText)
  .pipe(
    z
      .string()
      .refine(hasVisibleText, { ...message("validation.textRequired"), abort: true })
      .refine((text) => textLength(text) <= LIMITS.commentLength, message("validation.textTooLong")),
  );

const comment = z.strictObject(
  {
    paragraph: z
      .string(message("validation.paragraphRequired"))
      .min(1, { ...message("validation.paragraphRequired"), abort: true })
      .refine(isCommentableParagraph, message("validation.paragraphUnknown")),
    text: commentText,
  },
  message("validation.commentShape"),
);

const shortText = (max: number, key: MessageKey) =>
  z
    .string(message(key))
    .transform(normaliseText)
    .pipe(z.string().min(1, message(key)).max(max, message(key)));

/** Who helped someone at a kiosk: their organisation and first name or staff code, never the participant's identity. */
const assisted = z.strictObject(
  {
    organisation: shortText(LIMITS.organisationLength, "validation.assistedOrganisation"),
    helper: shortText(LIMITS.helperLength, "validation.assistedHelper"),
  },
  message("validation.assisted"),
);

/** Claims only a kiosk may make (see KIOSK_CLAIMS): who helped, when send was pressed, the reference it reserved. */
const kioskClaims = {
  assisted: assisted.optional(),
  pressedSendAt: z
    .string(message("validation.pressedSendAt"))
    .refine((value) => parseInstant(value) !== undefined, message("validation.pressedSendAt"))
    .optional(),
  reference: z
    .string(message("validation.reservedReference"))
    .transform((value) => normaliseReference(value) ?? "")
    .pipe(z.string().min(1, message("validation.reservedReference")))
    .optional(),
};

/** The fields of a response only a request with a kiosk key may send. */
export const KIOSK_CLAIMS = Object.keys(kioskClaims) as (keyof typeof kioskClaims)[];

export const responseSchema = z
  .strictObject(
    {
      comments: z
        .array(comment, message("validation.commentsRequired"))
        .min(1, message("validation.commentsRequired"))
        .max(LIMITS.commentsPerResponse, message("validation.tooManyComments")),
      publishConsent: z.boolean(message("validation.publishConsent")).optional(),
      respondentType: z.enum(RESPONDENT_TYPES, message("validation.respondentType")).optional(),
      organisation: z
        .string(message("validation.organisationTooLong"))
        .transform(normaliseText)
        .pipe(z.string().max(LIMITS.organisationLength, message("validation.organisationTooLong")))
        .optional(),
      idempotencyKey: idempotencyKey.optional(),
      turnstileToken: z.string().max(LIMITS.turnstileTokenLength).optional(),
      ...kioskClaims,
    },
    message("validation.body"),
  )
  .superRefine((response, context) => {
    if (response.organisation && response.respondentType !== "organisation") {
      context.addIssue({ code: "custom", path: ["organisation"], message: "validation.organisationWithoutType" });
    }
  })
  .transform(({ organisation, ...rest }) => ({ ...rest, organisation: organisation || undefined }));

export type ValidResponse = z.output<typeof responseSchema>;
