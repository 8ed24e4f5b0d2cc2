/**
 * The one validation edge. Bodies, queries and path parameters are checked
 * by zod schemas through @hono/zod-validator; every refusal is the same 422
 * with one message per field, in the person's language. Schema messages are
 * dictionary keys, so the schemas themselves stay language-free.
 */
import { zValidator } from "@hono/zod-validator";
import type { Context, ValidationTargets } from "hono";
import { createMiddleware } from "hono/factory";
import type { z } from "zod";
import type { MessageKey } from "../i18n/index.ts";
import { fieldErrors, type FieldErrors } from "../i18n/field-errors.ts";
import type { AppEnv } from "./context.ts";
import { ApiError } from "./errors.ts";
import { notFound } from "../lib/errors.ts";

interface ValidateOptions {
  /** Names each error as the client knows the field, given what was sent (a form names fields its own way). */
  rename?: (path: string, input: unknown) => string;
  /** The message for each field whose schema cannot name its own. */
  messages?: Partial<Record<string, MessageKey>>;
  /** For path parameters: what the 404 says. */
  notFoundMessage?: MessageKey;
}

/**
 * Validates one part of the request. A path parameter that does not fit is a
 * 404 (there is nothing at that address); anything else is a 422 naming each field.
 */
export function validate<Target extends keyof ValidationTargets, Schema extends z.ZodType>(
  target: Target,
  schema: Schema,
  options: ValidateOptions = {},
) {
  return zValidator(target, schema, (result, c: Context) => {
    if (result.success) return;
    if (target === "param") throw notFound(options.notFoundMessage);
    const fields: FieldErrors = Object.create(null);
    for (const [path, message] of Object.entries(fieldErrors(result.error, (c as Context<AppEnv>).get("t"), options.messages))) {
      fields[options.rename ? options.rename(path, result.data) : path] ??= message;
    }
    throw new ApiError(422, "invalid", "error.invalid", { fields });
  });
}

/**
 * The media types a route reads; anything else is a 415 before the body is
 * touched. Bodies are read as sent: a compressed one (Content-Encoding) is a
 * 415 too, not a body that fails to parse.
 */
export function accepts(mediaTypes: string[], messageKey: MessageKey = "error.unsupported_media_type") {
  return createMiddleware<AppEnv>(async (c, next) => {
    const encoding = (c.req.header("Content-Encoding") ?? "").trim().toLowerCase();
    if (encoding !== "" && encoding !== "identity") throw new ApiError(415, "unsupported_content_encoding", "error.unsupported_content_encoding");
    if (!mediaTypes.includes(mediaType(c))) throw new ApiError(415, "unsupported_media_type", messageKey);
    await next();
  });
}

/**
 * Reads a form body by the URL standard, which keeps what the person typed:
 * a broken escape such as "a%ZZb" stays "a%ZZb" (the runtime's own form
 * reading drops the "%"). Form validators then read it from Hono's body cache.
 */
export const readFormAsTyped = createMiddleware<AppEnv>(async (c, next) => {
  const form = new FormData();
  for (const [name, value] of new URLSearchParams(await c.req.text())) form.append(name, value);
  (c.req.bodyCache as { formData?: Promise<FormData> }).formData = Promise.resolve(form);
  await next();
});

export function mediaType(c: Context): string {
  return (c.req.header("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

export const JSON_TYPE = "application/json";
export const FORM_TYPE = "application/x-www-form-urlencoded";

/** Writes other than a person's response are JSON; anything else is a 415 that says so. */
export const jsonOnly = accepts([JSON_TYPE], "error.json_only");

/** The JSON body, validated by the domain's own schema. */
export const jsonBody = <T extends z.ZodType>(schema: T) => validate("json", schema);
