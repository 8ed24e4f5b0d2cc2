/**
 * Local officer sign-in with ADMIN_TOKEN: as a Bearer token (scripts, tests)
 * or, in a browser, a session cookie that holds an expiry and an HMAC keyed
 * by the token, never the token itself.
 */
import { sameSecret } from "../../lib/crypto.ts";

const encoder = new TextEncoder();

export const SESSION_COOKIE = "officer_session";
export const SESSION_SECONDS = 8 * 60 * 60;

function base64Url(bytes: ArrayBuffer): string {
  let binary = "";
  for (const byte of new Uint8Array(bytes)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

async function sessionSignature(adminToken: string, expires: number): Promise<string> {
  const key = await crypto.subtle.importKey("raw", encoder.encode(adminToken), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  return base64Url(await crypto.subtle.sign("HMAC", key, encoder.encode(`officer-session:${expires}`)));
}

/** A session cookie value that stays valid for SESSION_SECONDS. */
export async function createSession(adminToken: string, now = Date.now()): Promise<string> {
  const expires = Math.floor(now / 1000) + SESSION_SECONDS;
  return `${expires}.${await sessionSignature(adminToken, expires)}`;
}

export async function isValidSession(value: string, adminToken: string, now = Date.now()): Promise<boolean> {
  const match = /^(\d{1,12})\.([A-Za-z0-9_-]{43})$/.exec(value);
  if (!match) return false;
  const expires = Number(match[1]);
  if (expires * 1000 <= now) return false;
  return sameSecret(match[2]!, await sessionSignature(adminToken, expires));
}

/** The Set-Cookie header for a new session, or for signing out when value is empty. */
export function sessionCookie(value: string): string {
  const maxAge = value ? SESSION_SECONDS : 0;
  return `${SESSION_COOKIE}=${value}; Max-Age=${maxAge}; Path=/; HttpOnly; Secure; SameSite=Strict`;
}

export function cookieValue(cookieHeader: string | null | undefined, name: string): string | undefined {
  for (const part of (cookieHeader ?? "").split(";")) {
    const [key, ...value] = part.trim().split("=");
    if (key === name) return value.join("=");
  }
  return undefined;
}
