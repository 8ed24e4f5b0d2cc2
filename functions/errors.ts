/**
 * The one error shape of the API. Handlers throw ApiError; app.onError turns
 * it (and anything unexpected) into {"error": {code, message, fields?}}.
 */
import type { Context } from "hono";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { translator, type MessageKey } from "./i18n/index.ts";
import type { AppEnv } from "./env.ts";

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

export function errorResponse(c: Context<AppEnv>, error: unknown): Response {
  const t = translator(c.get("language"));
  if (error instanceof ApiError) {
    const body = { error: { code: error.code, message: t(error.messageKey), ...(error.fields && { fields: error.fields }) } };
    return c.json(body, error.status, error.headers);
  }
  console.error(error);
  return c.json({ error: { code: "internal", message: t("error.internal") } }, 500);
}
