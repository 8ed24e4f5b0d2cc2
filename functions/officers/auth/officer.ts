/**
 * Who an officer is, from whichever credential this Worker is configured to
 * accept. With no credential configured, nobody is an officer (fail closed).
 */
import { verifyAccessJwt } from "./access.ts";
import { sameSecret } from "../../lib/crypto.ts";
import { SESSION_COOKIE, cookieValue, isValidSession } from "./session.ts";

export interface Officer {
  /** Who, as the audit log records it: the Access email, or "local officer" for ADMIN_TOKEN. */
  name: string;
  via: "access" | "token" | "session";
}

export const LOCAL_OFFICER = "local officer (ADMIN_TOKEN)";

type OfficerSettings = Pick<Env, "ADMIN_TOKEN" | "ACCESS_TEAM_DOMAIN" | "ACCESS_AUD">;

export function accessConfigured(env: OfficerSettings): boolean {
  return Boolean(env.ACCESS_TEAM_DOMAIN?.trim() && env.ACCESS_AUD?.trim());
}

export function tokenConfigured(env: OfficerSettings): boolean {
  return Boolean(env.ADMIN_TOKEN);
}

export function signInConfigured(env: OfficerSettings): boolean {
  return accessConfigured(env) || tokenConfigured(env);
}

/** The officer these request headers sign in, or null: the one check for the API and the officer pages. */
export async function officerFor(headers: Headers, env: OfficerSettings): Promise<Officer | null> {
  if (!signInConfigured(env)) return null;
  const assertion = headers.get("Cf-Access-Jwt-Assertion");
  if (assertion && accessConfigured(env)) {
    const name = await verifyAccessJwt(assertion, { teamDomain: env.ACCESS_TEAM_DOMAIN!, audience: env.ACCESS_AUD!.trim() });
    if (name) return { name, via: "access" };
  }
  if (tokenConfigured(env)) {
    const bearer = /^Bearer\s+(\S+)\s*$/i.exec(headers.get("Authorization") ?? "")?.[1];
    if (bearer && (await sameSecret(bearer, env.ADMIN_TOKEN!))) return { name: LOCAL_OFFICER, via: "token" };
    const session = cookieValue(headers.get("Cookie"), SESSION_COOKIE);
    if (session && (await isValidSession(session, env.ADMIN_TOKEN!))) return { name: LOCAL_OFFICER, via: "session" };
  }
  return null;
}
