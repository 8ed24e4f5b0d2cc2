/**
 * An officer page's writes: the form's values checked by the domain's own
 * schema (the one the officers' API validates with), then the desk's action
 * (functions/officers/desk.ts), as the officer signed in to the page. The
 * audit log records it as the API would; nothing goes through HTTP twice.
 */
import type { z } from "zod";
import { domainStatus } from "../../functions/api/errors.ts";
import { fieldErrors } from "../../functions/i18n/field-errors.ts";
import type { MessageKey, Translate } from "../../functions/i18n/index.ts";
import { DomainError } from "../../functions/lib/errors.ts";

export type OfficerActionResult<T> =
  | { ok: true; /** What the action gave, for writes whose result is shown once (a kiosk key, a batch of references). */ body: T }
  | { ok: false; status: number; code: string; errors: Record<string, string> };

/**
 * Runs an action. A refusal by the domain comes back as messages by field, in
 * the officer's words; one not about a field is put next to `field`, the
 * form's main control. Anything else is a fault, and fails the page.
 */
export async function officerAction<T>(t: Translate, field: string, act: () => Promise<T>): Promise<OfficerActionResult<T>> {
  try {
    return { ok: true, body: await act() };
  } catch (error) {
    if (!(error instanceof DomainError)) throw error;
    const errors = error.fieldKeys
      ? Object.fromEntries(Object.entries(error.fieldKeys).map(([name, key]) => [name, t(key)]))
      : { [field]: t(error.messageKey) };
    return { ok: false, status: domainStatus(error), code: error.code, errors };
  }
}

/** The same, for an action on a form's values: they must pass `schema` first, as the API's body must. */
export async function officerFormAction<Schema extends z.ZodType, T>(
  t: Translate,
  field: string,
  schema: Schema,
  values: unknown,
  act: (valid: z.output<Schema>) => Promise<T>,
  messages: Partial<Record<string, MessageKey>> = {},
): Promise<OfficerActionResult<T>> {
  const parsed = schema.safeParse(values);
  if (!parsed.success) return { ok: false, status: 422, code: "invalid", errors: { ...fieldErrors(parsed.error, t, messages) } };
  return officerAction(t, field, () => act(parsed.data));
}

/** A form's fields as plain strings (all values of a repeated field under `all`). */
export async function formFields(request: Request): Promise<{ get(name: string): string; all(name: string): string[] }> {
  const form = await request.formData().catch(() => new FormData());
  return {
    get: (name) => String(form.get(name) ?? ""),
    all: (name) => form.getAll(name).map(String),
  };
}

/** The domain's field names ("paragraphs.0", "quotes.1.text") as the form's own field ids: the first message for each. */
export function formErrors(errors: Record<string, string>, fieldFor: (field: string) => string): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [name, message] of Object.entries(errors)) byField[fieldFor(name)] ??= message;
  return byField;
}
