/**
 * A zod refusal as people read it: one message per field, in their language.
 * Schemas give dictionary keys as their messages; where a schema cannot
 * (an enum, a preprocess), `messages` names the key for the whole field.
 */
import type { z } from "zod";
import { isMessageKey, type MessageKey, type Translate } from "./index.ts";

/** Field path → message, e.g. {"comments.0.text": "Enter your comment."}. */
export type FieldErrors = Record<string, string>;

export function fieldErrors(error: { issues: readonly z.core.$ZodIssue[] }, t: Translate, messages: Partial<Record<string, MessageKey>> = {}): FieldErrors {
  // No prototype: a field named "__proto__" or "constructor" is a field like any other.
  const fields: FieldErrors = Object.create(null);
  for (const issue of error.issues) {
    const base = issue.path.map(String).join(".");
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) fields[base ? `${base}.${key}` : key] ??= t("validation.unknownField");
      continue;
    }
    const fallback = messages[String(issue.path[0] ?? "")] ?? "validation.body";
    fields[base || "body"] ??= t(isMessageKey(issue.message) ? issue.message : fallback);
  }
  return fields;
}
