/**
 * The plain HTML comment form, which works without JavaScript, and how its
 * fields map onto a response and its errors back onto fields.
 */
import { z } from "zod";
import { GENERAL } from "../consultation/paragraph-id.ts";
import { responseSchema } from "./schema.ts";
import { normaliseText } from "./text.ts";
import { commentField } from "../../public/comment-rows.js";

export const FORM_FIELDS = {
  paragraph: "paragraph",
  comment: "comment",
  /** On a paragraph's form: an optional comment on the whole strategy, sent in the same response. */
  generalComment: "generalComment",
  respondentType: "respondentType",
  organisation: "organisation",
  publishConsent: "publishConsent",
  idempotencyKey: "idempotencyKey",
  honeypot: "website",
  turnstile: "cf-turnstile-response",
} as const;

/** How many other paragraphs one form can comment on, besides its own and the strategy as a whole. */
export const MORE_COMMENTS = 3;
export const moreFields = (index: number) => ({ paragraph: `alsoParagraph${index}`, comment: `alsoComment${index}` });

type Form = Record<string, unknown>;

export interface FormValues extends Partial<Record<keyof typeof FORM_FIELDS, string>> {
  /** The other paragraphs' comments, as typed. */
  more?: { paragraph: string; comment: string }[];
}

const textOf = (form: Form, name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);

/** What the person typed, to show the form again exactly as it was. */
export function formValues(form: Form): FormValues {
  const values: FormValues = {};
  for (const [name, field] of Object.entries(FORM_FIELDS)) {
    const value = textOf(form, field);
    if (value !== undefined) values[name as keyof typeof FORM_FIELDS] = value;
  }
  values.more = Array.from({ length: MORE_COMMENTS }, (_, index) => {
    const names = moreFields(index + 1);
    return { paragraph: textOf(form, names.paragraph) ?? "", comment: textOf(form, names.comment) ?? "" };
  });
  return values;
}

/**
 * The response a form post describes, and for each of its comments the form
 * fields it came from. Empty optional boxes are left out; unknown fields are
 * kept so validation refuses them.
 */
export function responseFromForm(form: Form): { input: Record<string, unknown>; fieldFor: (path: string) => string } {
  const known = new Set<string>(Object.values(FORM_FIELDS));
  const paragraph = textOf(form, FORM_FIELDS.paragraph) ?? "";
  const comments = [{ paragraph, text: textOf(form, FORM_FIELDS.comment) ?? "" }];
  const sources: { paragraph: string; text: string }[] = [{ paragraph: FORM_FIELDS.paragraph, text: FORM_FIELDS.comment }];

  for (let index = 1; index <= MORE_COMMENTS; index++) {
    const names = moreFields(index);
    known.add(names.paragraph).add(names.comment);
    const text = textOf(form, names.comment) ?? "";
    // A paragraph chosen with nothing written is a change of mind, not a mistake.
    if (normaliseText(text) === "") continue;
    comments.push({ paragraph: textOf(form, names.paragraph) ?? "", text });
    sources.push({ paragraph: names.paragraph, text: names.comment });
  }
  const general = textOf(form, FORM_FIELDS.generalComment) ?? "";
  if (paragraph !== GENERAL && normaliseText(general) !== "") {
    comments.push({ paragraph: GENERAL, text: general });
    sources.push({ paragraph: FORM_FIELDS.paragraph, text: FORM_FIELDS.generalComment });
  }

  const respondentType = textOf(form, FORM_FIELDS.respondentType) || undefined;
  const organisation = textOf(form, FORM_FIELDS.organisation);
  const unknown = Object.keys(form).filter((name) => !known.has(name));
  const key = textOf(form, FORM_FIELDS.idempotencyKey);
  const turnstileToken = textOf(form, FORM_FIELDS.turnstile);
  const input = {
    comments,
    publishConsent: textOf(form, FORM_FIELDS.publishConsent) === "yes",
    ...(key !== undefined && { idempotencyKey: key }),
    ...(turnstileToken !== undefined && { turnstileToken }),
    ...(respondentType && { respondentType }),
    ...(respondentType === "organisation" && organisation && { organisation }),
    ...Object.fromEntries(unknown.map((name) => [name, form[name]])),
  };
  const fieldFor = (path: string) => {
    const comment = commentField(path);
    if (comment) return sources[comment.index]?.[comment.part] ?? FORM_FIELDS.comment;
    if (path === "comments") return FORM_FIELDS.comment;
    if (path === "turnstileToken") return FORM_FIELDS.turnstile;
    return path;
  };
  return { input, fieldFor };
}

/**
 * A form post, read as the response it describes and validated by the same
 * schema as JSON. Every field of the form is sent once: a field sent twice
 * (two keys, two honeypots) is refused, never one of them chosen. The
 * honeypot, a field people never see, must stay empty.
 */
export const responseFormSchema = z
  .record(z.string(), z.unknown())
  .superRefine((form, context) => {
    for (const [name, value] of Object.entries(form)) {
      if (Array.isArray(value)) context.addIssue({ code: "custom", path: [name], message: "validation.repeated" });
    }
    const honeypot = textOf(form, FORM_FIELDS.honeypot);
    if (honeypot) context.addIssue({ code: "custom", path: [FORM_FIELDS.honeypot], message: "validation.honeypot" });
  })
  .transform((form) => responseFromForm(form).input)
  .pipe(responseSchema);

/** The form field an error is about, so each lands next to the box it concerns. */
export function formFieldName(path: string, form: unknown): string {
  return responseFromForm(typeof form === "object" && form !== null ? (form as Form) : {}).fieldFor(path);
}
