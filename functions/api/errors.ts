/**
 * The one error shape of the API. Handlers throw ApiError; app.onError turns
 * it (and anything unexpected) into {"error": {code, message, fields?}}.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DEFAULT_LANGUAGE, translator, type MessageKey } from "../i18n/index.ts";
import { PeriodOverrideError } from "../consultation/period.ts";

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly messageKey: MessageKey;
  readonly fields?: Record<string, string>;
  readonly headers?: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    messageKey: MessageKey,
    options: { fields?: Record<string, string>; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.status = status;
    this.code = code;
    this.messageKey = messageKey;
    this.fields = options.fields;
    this.headers = options.headers;
  }
}

export const notFound = (messageKey: MessageKey = "error.not_found") => new ApiError(404, "not_found", messageKey);

/** Errors raised outside our handlers, as the client should hear of them. */
export function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  // Hono's body validators throw this for a body that cannot be parsed as its media type says.
  if (error instanceof HTTPException && error.status === 400) {
    return error.message.startsWith("Malformed JSON")
      ? new ApiError(400, "malformed_json", "error.malformed_json")
      : new ApiError(400, "malformed_body", "error.malformed_body");
  }
  if (error instanceof PeriodOverrideError) {
    console.error(error.message);
    return new ApiError(500, "misconfigured", "error.misconfigured");
  }
  return undefined;
}

export function errorResponse(c: Context, error: unknown): Response {
  const t = c.get("t") ?? translator(DEFAULT_LANGUAGE);
  const known = asApiError(error);
  if (known) {
    const body = { error: { code: known.code, message: t(known.messageKey), ...(known.fields && { fields: known.fields }) } };
    return c.json(body, known.status, known.headers);
  }
  console.error(error);
  return c.json({ error: { code: "internal", message: t("error.internal") } }, 500);
}
