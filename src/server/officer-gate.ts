/**
 * The officer area's front door, in one place: every /admin page gets the
 * signed-in officer (or is sent to sign in), and nothing there is cached.
 * Signing in and out with ADMIN_TOKEN happens here too, so the pages only render.
 */
import { env } from "cloudflare:workers";
import type { Context, Next } from "hono";
import { getFetchState } from "astro/hono";
import { paths } from "../../functions/paths.ts";
import { officerFor, LOCAL_OFFICER, tokenConfigured } from "../../functions/officers/auth/officer.ts";
import { createSession, sessionCookie } from "../../functions/officers/auth/session.ts";
import { recordAction } from "../../functions/officers/audit.ts";
import { sameSecret } from "../../functions/lib/crypto.ts";
import { isRateLimited, RETRY_AFTER_HEADER } from "../../functions/lib/rate-limit.ts";
import { translator, DEFAULT_LANGUAGE } from "../../functions/i18n/index.ts";
import { renderPage } from "./render.ts";

const noStore = (response: Response) => {
  const copy = new Response(response.body, response);
  copy.headers.set("Cache-Control", "no-store");
  return copy;
};

/** Sets the officer for the page; anyone else is sent to sign in, except to the sign-in page itself. */
export async function officerGate(c: Context, next: Next) {
  const officer = (await officerFor(c.req.raw.headers, env)) ?? undefined;
  const signingIn = new URL(c.req.url).pathname.startsWith(paths.admin.signIn);
  if (!officer && !signingIn) return noStore(c.redirect(paths.admin.signIn, 303));
  if (officer && signingIn && c.req.method === "GET") return noStore(c.redirect(paths.admin.comments, 303));
  getFetchState(c).locals.officer = officer;
  await next();
  c.res = noStore(c.res);
}

/** The sign-in form, shown again with why it was refused. */
async function refuseSignIn(c: Context, error: string, status: number, headers: Record<string, string> = {}) {
  const page = await renderPage(c.req.raw, paths.admin.signIn, { signIn: { error } });
  const response = new Response(page.body, { status, headers: page.headers });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return noStore(response);
}

/** POST /admin/sign-in/: the ADMIN_TOKEN exchanged for a session cookie that never holds the token. */
export async function signIn(c: Context) {
  const t = translator(DEFAULT_LANGUAGE);
  if (!tokenConfigured(env)) return noStore(c.redirect(paths.admin.signIn, 303));
  const form = await c.req.formData().catch(() => new FormData());
  const token = String(form.get("token") ?? "");
  // Guessing the token is limited like guessing references.
  if (await isRateLimited(env, c.req.raw, "lookup")) return refuseSignIn(c, t("error.rate_limited"), 429, RETRY_AFTER_HEADER);
  if (!token) return refuseSignIn(c, t("admin.signIn.missingToken"), 200);
  if (!(await sameSecret(token, env.ADMIN_TOKEN))) return refuseSignIn(c, t("admin.signIn.wrongToken"), 401);
  await recordAction(env.DB, { name: LOCAL_OFFICER, via: "session" }, "officer.sign_in", null);
  const response = c.redirect(paths.admin.comments, 303);
  response.headers.append("Set-Cookie", sessionCookie(await createSession(env.ADMIN_TOKEN)));
  return noStore(response);
}

/** POST /admin/sign-out/: ends a local session (POST only, so a link cannot sign anyone out). */
export async function signOut(c: Context) {
  const officer = await officerFor(c.req.raw.headers, env);
  if (officer) await recordAction(env.DB, officer, "officer.sign_out", null);
  const response = c.redirect(`${paths.admin.signIn}?signed-out`, 303);
  response.headers.append("Set-Cookie", sessionCookie(""));
  return noStore(response);
}
