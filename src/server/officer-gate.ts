/**
 * The officer area's front door, in one place: every /admin page gets the
 * signed-in officer (or is sent to sign in), nothing there is cached, and no
 * other site can post to it. Signing in and out with ADMIN_TOKEN happens here
 * too, so the pages only render.
 */
import { env } from "cloudflare:workers";
import type { Context, Next } from "hono";
import { getFetchState } from "astro/hono";
import { isSignInRoute, paths } from "../../functions/paths.ts";
import { checkOfficer, checkTypedToken, tokenConfigured } from "../../functions/officers/auth/officer.ts";
import { SESSION_COOKIE, createSession, endSession, sessionCookie } from "../../functions/officers/auth/session.ts";
import { cookieValue } from "../../functions/lib/cookies.ts";
import { recordAction } from "../../functions/officers/audit.ts";
import { isCrossSite } from "../../functions/api/middleware/same-origin.ts";
import { translator, DEFAULT_LANGUAGE } from "../../functions/i18n/index.ts";
import { officerName } from "../../functions/officers/team.ts";
import { renderPage } from "./render.ts";

const t = translator(DEFAULT_LANGUAGE);

const noStore = (response: Response) => {
  const copy = new Response(response.body, response);
  copy.headers.set("Cache-Control", "no-store");
  return copy;
};

/** The sign-in page, shown with why signing in was refused (by field: "token" unless said), and the name typed. */
async function signInPage(c: Context, error: string | Record<string, string>, status: number, headers: Record<string, string> = {}, name = "") {
  const errors = typeof error === "string" ? { token: error } : error;
  const page = await renderPage(c.req.raw, paths.admin.signIn, { signIn: { errors, name } });
  const response = new Response(page.body, { status, headers: page.headers });
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return noStore(response);
}

const lockedOut = (c: Context, retryAfter: number) => signInPage(c, t("admin.error.lockedOut"), 429, { "Retry-After": String(retryAfter) });

/** Sets the officer for the page; anyone else is sent to sign in, except to the sign-in page itself. */
export async function officerGate(c: Context, next: Next) {
  if (c.req.method !== "GET" && c.req.method !== "HEAD" && isCrossSite(c.req.raw)) {
    return noStore(c.text(t("error.cross_site"), 403));
  }
  const check = await checkOfficer(c.req.raw, env);
  if (check.kind === "locked_out") return lockedOut(c, check.retryAfter);
  const officer = check.kind === "officer" ? check.officer : undefined;
  const signingIn = isSignInRoute(new URL(c.req.url).pathname);
  if (!officer && !signingIn) return noStore(c.redirect(paths.admin.signIn, 303));
  if (officer && signingIn && c.req.method === "GET") return noStore(c.redirect(paths.admin.overview, 303));
  getFetchState(c).locals.officer = officer;
  await next();
  c.res = noStore(c.res);
}

/** POST /admin/sign-in/: the ADMIN_TOKEN exchanged for a session cookie that never holds the token. */
export async function signIn(c: Context) {
  if (!tokenConfigured(env)) return noStore(c.redirect(paths.admin.signIn, 303));
  const form = await c.req.formData().catch(() => new FormData());
  const token = String(form.get("token") ?? "");
  const typedName = String(form.get("name") ?? "");
  const name = officerName(typedName);
  const missing: Record<string, string> = {};
  // Officers are told apart locally by the name they give, so it is asked for every time.
  if (!name) missing.name = t(typedName.trim() ? "admin.error.officerName" : "admin.signIn.missingName");
  if (!token) missing.token = t("admin.signIn.missingToken");
  if (Object.keys(missing).length > 0) return signInPage(c, missing, 200, {}, typedName);
  const check = await checkTypedToken(c.req.raw, env, token, name!);
  if (check.kind === "locked_out") return lockedOut(c, check.retryAfter);
  if (check.kind !== "officer") return signInPage(c, t("admin.signIn.wrongToken"), 401, {}, typedName);
  await recordAction(env.DB, check.officer, "officer.sign_in", null);
  const response = c.redirect(paths.admin.overview, 303);
  response.headers.append("Set-Cookie", sessionCookie(await createSession(env, check.officer.name)));
  return noStore(response);
}

/** POST /admin/sign-out/: ends the session here and on the server (POST only, so a link cannot sign anyone out). */
export async function signOut(c: Context) {
  const officer = getFetchState(c).locals.officer;
  if (officer) await recordAction(env.DB, officer, "officer.sign_out", null);
  const session = cookieValue(c.req.header("Cookie"), SESSION_COOKIE);
  if (session) await endSession(env, session);
  const response = c.redirect(`${paths.admin.signIn}?signed-out`, 303);
  response.headers.append("Set-Cookie", sessionCookie(""));
  return noStore(response);
}
