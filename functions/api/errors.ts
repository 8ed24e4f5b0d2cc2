/**
 * The one error shape of the API. The domain throws DomainError
 * (functions/lib/errors.ts), handlers and middleware throw ApiError for what
 * only HTTP knows (sign-in, limits, media types); app.onError turns either
 * (and anything unexpected) into {"error": {code, message, fields?}}.
 */
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { DEFAULT_LANGUAGE, translator, type MessageKey } from "../i18n/index.ts";
import { PeriodOverrideError } from "../consultation/period.ts";
import { DomainError, type DomainErrorKind } from "../lib/errors.ts";

export class ApiError extends Error {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  readonly messageKey: MessageKey;
  readonly fields?: Record<string, string>;
  /** Messages by field as dictionary keys, for the domain, which has no translator: translated when answered. */
  readonly fieldKeys?: Record<string, MessageKey>;
  readonly headers?: Record<string, string>;

  constructor(
    status: ContentfulStatusCode,
    code: string,
    messageKey: MessageKey,
    options: { fields?: Record<string, string>; fieldKeys?: Record<string, MessageKey>; headers?: Record<string, string> } = {},
  ) {
    super(code);
    this.status = status;
    this.code = code;
    this.messageKey = messageKey;
    this.fields = options.fields;
    this.fieldKeys = options.fieldKeys;
    this.headers = options.headers;
  }
}

/** The status each kind of domain error is answered with. */
const DOMAIN_STATUS: Record<DomainErrorKind, ContentfulStatusCode> = { not_found: 404, conflict: 409, invalid: 422, refused: 403, gone: 410 };
export const domainStatus = (error: DomainError): ContentfulStatusCode => DOMAIN_STATUS[error.kind];

/** Errors raised outside our handlers, as the client should hear of them. */
export function asApiError(error: unknown): ApiError | undefined {
  if (error instanceof ApiError) return error;
  if (error instanceof DomainError) return new ApiError(domainStatus(error), error.code, error.messageKey, { fieldKeys: error.fieldKeys });
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
    const fields = known.fieldKeys ? Object.fromEntries(Object.entries(known.fieldKeys).map(([name, key]) => [name, t(key)])) : known.fields;
    const body = { error: { code: known.code, message: t(known.messageKey), ...(fields && { fields }) } };
    return c.json(body, known.status, known.headers);
  }
  console.error(error);
  return c.json({ error: { code: "internal", message: t("error.internal") } }, 500);
}
