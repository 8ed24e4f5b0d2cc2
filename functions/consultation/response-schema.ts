/**
 * What one person may send: the comment schema, used by the API and by the
 * form page alike. Messages are dictionary keys, translated when reported.
 */
import { z } from "zod";
import { draft } from "./index.ts";
import { GENERAL } from "./paragraph-id.ts";
import type { MessageKey, Translate } from "../i18n/index.ts";

export const MAX_COMMENT_LENGTH = 5000;
export const MAX_COMMENTS = 50;
export const MAX_ORGANISATION_LENGTH = 200;

export const RESPONDENT_TYPES = ["individual", "organisation"] as const;
export type RespondentType = (typeof RESPONDENT_TYPES)[number];

/** NFC, Unix line breaks, no control characters other than line breaks and tabs, no outer whitespace. */
export function normaliseText(value: string): string {
  return value
    .normalize("NFC")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "")
    .trim();
}

/** Length as people count it: one per character, whatever its encoding. */
export const textLength = (value: string) => [...value].length;

export function isCommentableParagraph(id: string): boolean {
  return id === GENERAL || draft.paragraphs.has(id);
}

const message = (key: MessageKey) => ({ error: key });

const commentText = z
  .string(message("validation.textRequired"))
  .transform(normaliseText)
  .pipe(
    z
      .string()
      .min(1, message("validation.textRequired"))
      .refine((text) => textLength(text) <= MAX_COMMENT_LENGTH, message("validation.textTooLong")),
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

export const responseSchema = z
  .strictObject(
    {
      comments: z
        .array(comment, message("validation.commentsRequired"))
        .min(1, message("validation.commentsRequired"))
        .max(MAX_COMMENTS, message("validation.tooManyComments")),
      publishConsent: z.boolean(message("validation.publishConsent")).optional(),
      respondentType: z.enum(RESPONDENT_TYPES, message("validation.respondentType")).optional(),
      organisation: z
        .string(message("validation.organisationTooLong"))
        .transform(normaliseText)
        .pipe(z.string().max(MAX_ORGANISATION_LENGTH, message("validation.organisationTooLong")))
        .optional(),
      idempotencyKey: z.string(message("validation.idempotencyKey")).min(8, message("validation.idempotencyKey")).max(200, message("validation.idempotencyKey")).optional(),
      turnstileToken: z.string().max(4096).optional(),
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

/** Field path → message in the person's language, e.g. {"comments.0.text": "Enter your comment"}. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: z.ZodError, t: Translate): FieldErrors {
  const numbers = new Intl.NumberFormat(t("format.locale"));
  const params = {
    maxLength: numbers.format(MAX_COMMENT_LENGTH),
    maxComments: numbers.format(MAX_COMMENTS),
    maxOrganisation: numbers.format(MAX_ORGANISATION_LENGTH),
  };
  const fields: FieldErrors = {};
  for (const issue of error.issues) {
    const base = issue.path.join(".");
    const keys = issue.code === "unrecognized_keys" ? issue.keys.map((key) => (base ? `${base}.${key}` : key)) : [base || "body"];
    const text = issue.code === "unrecognized_keys" ? t("validation.unknownField") : translateIssue(issue.message, t, params);
    for (const key of keys) fields[key] ??= text;
  }
  return fields;
}

function translateIssue(key: string, t: Translate, params: Record<string, string>): string {
  return key.startsWith("validation.") ? t(key as MessageKey, params) : t("validation.body");
}

export type Validation = { ok: true; response: ValidResponse } | { ok: false; fields: FieldErrors };

export function validateResponse(input: unknown, t: Translate): Validation {
  const result = responseSchema.safeParse(input);
  return result.success ? { ok: true, response: result.data } : { ok: false, fields: fieldErrors(result.error, t) };
}
