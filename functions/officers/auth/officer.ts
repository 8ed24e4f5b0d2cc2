/**
 * Who an officer is, from whichever credential this Worker is configured to
 * accept. With no credential configured, nobody is an officer (fail closed).
 * With Cloudflare Access configured, only Access is believed: ADMIN_TOKEN is
 * for local runs and never a second way in beside it.
 */
import { verifyAccessJwt } from "./access.ts";
import { lockedOutFor, recordFailure } from "./failures.ts";
import { sameSecret } from "../../lib/crypto.ts";
import { SESSION_COOKIE, readSession } from "./session.ts";
import { cookieValue } from "../../lib/cookies.ts";
import { officerName, rememberOfficer } from "../team.ts";

export interface Officer {
  /**
   * Who, as the audit log records it and as officers are told apart: the
   * Access email, or locally the name given at sign-in (or in an
   * Officer-Name header beside a Bearer token; LOCAL_OFFICER without one).
   */
  name: string;
  via: "access" | "token" | "session";
}

export const LOCAL_OFFICER = "local officer (ADMIN_TOKEN)";

/** Beside `Authorization: Bearer $ADMIN_TOKEN`, the name a script works under. */
export const OFFICER_NAME_HEADER = "Officer-Name";

type OfficerSettings = Pick<Env, "DB" | "ADMIN_TOKEN" | "ACCESS_TEAM_DOMAIN" | "ACCESS_AUD" | "RATE_LIMITS" | "RATE_LIMIT_SALT">;

export function accessConfigured(env: Partial<OfficerSettings>): boolean {
  return Boolean(env.ACCESS_TEAM_DOMAIN?.trim() && env.ACCESS_AUD?.trim());
}

/** ADMIN_TOKEN signs officers in only where Access does not. */
export function tokenConfigured(env: Partial<OfficerSettings>): boolean {
  return Boolean(env.ADMIN_TOKEN) && !accessConfigured(env);
}

export function signInConfigured(env: Partial<OfficerSettings>): boolean {
  return accessConfigured(env) || tokenConfigured(env);
}

/**
 * The answer to "who is this?": an officer; nobody (no credentials shown);
 * refused (credentials shown but wrong, and counted); or locked out (too many
 * wrong ones from this client lately: a guessable credential is refused
 * whatever it is, for `retryAfter` seconds).
 */
export type OfficerCheck =
  | { kind: "officer"; officer: Officer }
  | { kind: "nobody" }
  | { kind: "refused" }
  | { kind: "locked_out"; retryAfter: number }
  /** The right token, beside an Officer-Name header that is not a name: refused, never counted as someone else. */
  | { kind: "bad_name" };

/**
 * Who the request's credentials name, and whether they could be guessed.
 * Only ADMIN_TOKEN, chosen and typed by people, can be; an Access assertion
 * is signed by Cloudflare and a session is 128 random bits the server must
 * know, so no number of tries finds one.
 */
async function identify(request: Request, env: OfficerSettings): Promise<{ check: OfficerCheck; guessable: boolean }> {
  const headers = request.headers;
  if (accessConfigured(env)) {
    const assertion = headers.get("Cf-Access-Jwt-Assertion");
    if (!assertion) return { check: { kind: "nobody" }, guessable: false };
    const name = await verifyAccessJwt(assertion, { teamDomain: env.ACCESS_TEAM_DOMAIN, audience: env.ACCESS_AUD.trim() });
    return { check: name ? { kind: "officer", officer: { name, via: "access" } } : { kind: "refused" }, guessable: false };
  }
  const authorization = headers.get("Authorization");
  if (authorization) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(authorization)?.[1];
    const right = Boolean(bearer) && (await sameSecret(bearer!, env.ADMIN_TOKEN));
    if (!right) return { check: { kind: "refused" }, guessable: true };
    const typed = headers.get(OFFICER_NAME_HEADER);
    const name = typed === null ? LOCAL_OFFICER : officerName(typed);
    return { check: name ? { kind: "officer", officer: { name, via: "token" } } : { kind: "bad_name" }, guessable: true };
  }
  const session = cookieValue(headers.get("Cookie"), SESSION_COOKIE);
  if (session) {
    const state = await readSession(env, session);
    // An ended session is an old cookie, not a guess: it signs nobody in, and is not counted.
    if (typeof state === "object") return { check: { kind: "officer", officer: { name: state.officer, via: "session" } }, guessable: false };
    return { check: state === "ended" ? { kind: "nobody" } : { kind: "refused" }, guessable: false };
  }
  return { check: { kind: "nobody" }, guessable: false };
}

/**
 * Refuses a client with too many failures lately, and counts this one if it
 * is one. Only what could be guessed is refused for the address's failures:
 * an officer with a credential nobody can guess (an Access assertion, a live
 * session) is never shut out by strangers failing from the same address.
 */
async function withLockout(request: Request, env: OfficerSettings, check: OfficerCheck, guessable: boolean): Promise<OfficerCheck> {
  if (check.kind === "nobody" || (check.kind === "officer" && !guessable)) return check;
  const retryAfter = await lockedOutFor(env, request);
  if (retryAfter > 0) return { kind: "locked_out", retryAfter };
  if (check.kind === "refused") await recordFailure(env, request);
  return check;
}

/** The one check for the API, the officer pages and the sign-in form. */
export async function checkOfficer(request: Request, env: OfficerSettings): Promise<OfficerCheck> {
  if (!signInConfigured(env)) return { kind: "nobody" };
  const { check, guessable } = await identify(request, env);
  const checked = await withLockout(request, env, check, guessable);
  if (checked.kind === "officer") await rememberOfficer(env.DB, checked.officer.name);
  return checked;
}

/** A token typed into the sign-in form with the officer's name, checked and counted like any other credential. */
export async function checkTypedToken(request: Request, env: OfficerSettings, token: string, name: string): Promise<OfficerCheck> {
  if (!tokenConfigured(env)) return { kind: "nobody" };
  const right = await sameSecret(token, env.ADMIN_TOKEN);
  const check = await withLockout(request, env, right ? { kind: "officer", officer: { name, via: "session" } } : { kind: "refused" }, true);
  if (check.kind === "officer") await rememberOfficer(env.DB, name);
  return check;
}
