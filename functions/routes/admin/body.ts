/** Officers' JSON bodies: broken JSON is 400, another media type 415, invalid fields 422 with a message each. */
import type { Context } from "hono";
import type { z } from "zod";
import { ApiError } from "../../errors.ts";
import { parseJsonBody } from "../../json-body.ts";
import { translator, type MessageKey } from "../../i18n/index.ts";
import type { OfficerEnv } from "../../auth/middleware.ts";

export async function jsonBody<T extends z.ZodType>(
  c: Context<OfficerEnv>,
  schema: T,
  messages: Record<string, MessageKey>,
): Promise<z.infer<T>> {
  if (!/^application\/json\b/i.test(c.req.header("Content-Type") ?? "")) {
    throw new ApiError(415, "unsupported_media_type", "admin.error.json");
  }
  const body = await parseJsonBody(c.req);
  const result = schema.safeParse(body);
  if (result.success) return result.data;
  const t = translator(c.get("language"));
  const fields: Record<string, string> = {};
  for (const issue of result.error.issues) {
    const name = String(issue.path[0] ?? "body");
    fields[name] ??= t(messages[name] ?? "admin.error.invalid");
  }
  throw new ApiError(422, "invalid", "admin.error.invalid", { fields });
}

/** A positive whole-number id from the path, or 404. */
export function idParam(value: string | undefined): number {
  const id = Number(value);
  if (!/^\d{1,15}$/.test(value ?? "") || !Number.isSafeInteger(id) || id <= 0) throw new ApiError(404, "not_found", "error.not_found");
  return id;
}

/** The cursor a list gave for its next page, or none. */
export function cursorParam(value: string | undefined): number | undefined {
  if (value === undefined || value === "") return undefined;
  if (!/^\d{1,15}$/.test(value)) throw new ApiError(422, "invalid_cursor", "admin.error.cursor");
  return Number(value);
}
