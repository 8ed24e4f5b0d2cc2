/** What every officer page needs: who is signed in, where things are, and no caching. */
import { env } from "cloudflare:workers";
import type { AstroGlobal } from "astro";
import { accessConfigured, authenticateOfficer, tokenConfigured, type Officer } from "../../../../functions/auth/officer.ts";
import { ApiError } from "../../../../functions/errors.ts";
import type { Translate } from "../../../../functions/i18n/index.ts";

export const adminPaths = {
  comments: "/admin/",
  comment: (id: number) => `/admin/comments/${id}/`,
  themes: "/admin/themes/",
  audit: "/admin/audit/",
  signIn: "/admin/sign-in/",
  signOut: "/admin/sign-out/",
  export: "/api/admin/export",
  accessSignOut: "/cdn-cgi/access/logout",
};

export { env };

/** The signed-in officer, or undefined; the page is never cached either way. */
export async function pageOfficer(astro: AstroGlobal): Promise<Officer | undefined> {
  astro.response.headers.set("Cache-Control", "no-store");
  if (!accessConfigured(env) && !tokenConfigured(env)) return undefined;
  return (await authenticateOfficer(astro.request.headers, env)) ?? undefined;
}

/** A form's fields as plain strings. */
export async function formFields(request: Request): Promise<Record<string, string>> {
  const form = await request.formData();
  return Object.fromEntries([...form.keys()].map((key) => [key, String(form.get(key) ?? "")]));
}

/** The message for something an officer action refused, or rethrows anything unexpected. */
export function refusal(error: unknown, t: Translate): string {
  if (error instanceof ApiError) return t(error.messageKey);
  throw error;
}
