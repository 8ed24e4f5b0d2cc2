/**
 * Local officer sign-in with ADMIN_TOKEN: as a Bearer token (scripts, tests)
 * or, in a browser, a session. The cookie holds the session's id, its expiry
 * and an HMAC keyed by the token, never the token itself; the session's row in
 * D1 says whether it has ended, so signing out ends it on the server too.
 */
import { base64Url, sameSecret } from "../../lib/crypto.ts";

const encoder = new TextEncoder();

export const SESSION_COOKIE = "officer_session";
export const SESSION_SECONDS = 8 * 60 * 60;

type SessionSettings = Pick<Env, "DB" | "ADMIN_TOKEN">;

async function signature(adminToken: string, expires: number, id: string): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(adminToken), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return base64Url(await crypto.subtle.sign("HMAC", key, encoder.encode(`officer-session:${expires}:${id}`)));
}

/** Starts a session for the officer and gives the cookie value that names it, valid for SESSION_SECONDS. */
export async function createSession(env: SessionSettings, officer: string, now = Date.now()): Promise<string> {
  const id = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const expires = Math.floor(now / 1000) + SESSION_SECONDS;
  await env.DB.prepare("INSERT INTO officer_sessions (id, officer, created_at, expires_at) VALUES (?, ?, ?, ?)")
    .bind(id, officer, new Date(now).toISOString(), new Date(expires * 1000).toISOString())
    .run();
  return `${expires}.${id}.${await signature(env.ADMIN_TOKEN, expires, id)}`;
}

/**
 * What a cookie value is: a live session (with the name its officer gave at
 * sign-in), one that has ended or expired (as after signing out: not an
 * attack), or one this token never signed (forged).
 */
export async function readSession(env: SessionSettings, value: string, now = Date.now()): Promise<{ officer: string } | "ended" | "forged"> {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{22})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return "forged";
  const [, expiresText, id, given] = match as unknown as [string, string, string, string];
  const expires = Number(expiresText);
  if (!(await sameSecret(given, await signature(env.ADMIN_TOKEN, expires, id)))) return "forged";
  if (expires * 1000 <= now) return "ended";
  const row = await env.DB.prepare("SELECT officer FROM officer_sessions WHERE id = ? AND ended_at IS NULL").bind(id).first<{ officer: string }>();
  return row ? { officer: row.officer } : "ended";
}

/** Ends the session the cookie names, if it is one of ours. */
export async function endSession(env: SessionSettings, value: string, now = Date.now()): Promise<void> {
  const id = /^\d{1,12}\.([A-Za-z0-9_-]{22})\./.exec(value)?.[1];
  if (!id || (await readSession(env, value, now)) === "forged") return;
  await env.DB.prepare("UPDATE officer_sessions SET ended_at = ? WHERE id = ? AND ended_at IS NULL").bind(new Date(now).toISOString(), id).run();
}

/** The Set-Cookie header for a new session, or for signing out when value is empty. */
export function sessionCookie(value: string): string {
  const maxAge = value ? SESSION_SECONDS : 0;
  return `${SESSION_COOKIE}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; Secure; SameSite=Strict`;
}

