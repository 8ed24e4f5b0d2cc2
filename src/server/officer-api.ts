/**
 * Officer pages change things only through the officers' API, as the
 * officer signed in to the page: one set of rules, one validation, one audit.
 */
import { env } from "cloudflare:workers";
import api from "../../functions/api/index.ts";

export type OfficerApiResult =
  | { ok: true; /** The API's answer, for writes whose result is shown once (a kiosk key, a batch of references). */ body: unknown }
  | { ok: false; status: number; code: string; errors: Record<string, string> };

// The page's own credentials and provenance, so the API applies the same sign-in and same-site rules.
const FORWARDED = ["Cookie", "Authorization", "Cf-Access-Jwt-Assertion", "Accept-Language", "Origin", "Sec-Fetch-Site", "CF-Connecting-IP"];

/**
 * Sends one write to the API; what it answers comes back as `body`. A refusal
 * comes back as messages by field; one not about a field is put next to
 * `field`, the form's main control.
 */
export async function callOfficerApi(page: Request, method: string, path: string, json: unknown | undefined, field: string): Promise<OfficerApiResult> {
  const headers = new Headers({ "Content-Type": "application/json" });
  for (const name of FORWARDED) {
    const value = page.headers.get(name);
    if (value) headers.set(name, value);
  }
  const body = json === undefined ? undefined : JSON.stringify(json);
  const answer = await api.fetch(new Request(new URL(path, page.url), { method, headers, body }), env);
  if (answer.ok) return { ok: true, body: answer.status === 204 ? null : await answer.json() };
  const { error } = (await answer.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  return { ok: false, status: answer.status, code: error.code, errors: error.fields ?? { [field]: error.message } };
}

/** A form's fields as plain strings (all values of a repeated field under `all`). */
export async function formFields(request: Request): Promise<{ get(name: string): string; all(name: string): string[] }> {
  const form = await request.formData().catch(() => new FormData());
  return {
    get: (name) => String(form.get(name) ?? ""),
    all: (name) => form.getAll(name).map(String),
  };
}

/** The API's field names ("paragraphs.0", "quotes.1.text") as the form's own field ids: the first message for each. */
export function formErrors(errors: Record<string, string>, fieldFor: (apiField: string) => string): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [name, message] of Object.entries(errors)) byField[fieldFor(name)] ??= message;
  return byField;
}
