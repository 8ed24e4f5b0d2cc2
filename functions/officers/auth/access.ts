/**
 * Cloudflare Access: the Worker checks the JWT Access puts in
 * Cf-Access-Jwt-Assertion itself (RS256 signature against the team's keys,
 * aud, iss, expiry) rather than trusting that a request came through Access.
 * jose fetches and caches the team's keys; a token naming an unknown key
 * refetches them (a rotation), at most once per cooldown.
 */
import { createRemoteJWKSet, customFetch, jwtVerify } from "jose";

export interface AccessConfig {
  teamDomain: string;
  audience: string;
}

/** Keys are reused for this long, then fetched again. */
const KEYS_FRESH_MS = 10 * 60_000;
/** A token with an unknown key id refetches the keys at most this often. */
const REFETCH_MIN_INTERVAL_MS = 30_000;

type KeySet = ReturnType<typeof createRemoteJWKSet>;
const keySets = new Map<string, KeySet>();
/** The last key set each team answered with, served again while its endpoint is briefly unreachable. */
const lastKeys = new Map<string, string>();

/** For tests: start from nothing fetched. */
export function forgetAccessKeys(): void {
  keySets.clear();
  lastKeys.clear();
}

/** "https://eastbrook.cloudflareaccess.com" from "eastbrook.cloudflareaccess.com" or the URL itself. */
export function accessIssuer(teamDomain: string): string {
  return `https://${teamDomain.trim().replace(/^https?:\/\//, "").replace(/\/+$/, "")}`;
}

const keysResponse = (body: string) => new Response(body, { status: 200, headers: { "Content-Type": "application/json" } });

/** Fetches the keys; when that fails, answers with the last keys this team gave, if any. */
async function fetchKeysOrLastKnown(url: string, options: RequestInit): Promise<Response> {
  let failure: unknown;
  try {
    const response = await fetch(url, options);
    if (response.ok) {
      const body = await response.text();
      lastKeys.set(url, body);
      return keysResponse(body);
    }
    failure = new Error(`Access keys: ${url} answered ${response.status}`);
  } catch (error) {
    failure = error;
  }
  const known = lastKeys.get(url);
  if (known === undefined) throw failure;
  console.error("Access keys could not be refreshed; signing in with the keys fetched before", failure);
  return keysResponse(known);
}

function keySet(issuer: string): KeySet {
  const url = `${issuer}/cdn-cgi/access/certs`;
  let keys = keySets.get(url);
  if (!keys) {
    keys = createRemoteJWKSet(new URL(url), {
      cacheMaxAge: KEYS_FRESH_MS,
      cooldownDuration: REFETCH_MIN_INTERVAL_MS,
      [customFetch]: fetchKeysOrLastKnown,
    });
    keySets.set(url, keys);
  }
  return keys;
}

/**
 * The officer's identity (email, or the service token's name) if the token
 * is a valid Access JWT for this application; null otherwise.
 */
export async function verifyAccessJwt(token: string, config: AccessConfig): Promise<string | null> {
  const issuer = accessIssuer(config.teamDomain);
  try {
    const { payload } = await jwtVerify(token, keySet(issuer), {
      algorithms: ["RS256"],
      issuer,
      audience: config.audience,
      // Access always sets an expiry; a token without one is not from Access.
      requiredClaims: ["exp"],
    });
    const identity = payload.email ?? payload.common_name ?? payload.sub;
    return typeof identity === "string" && identity ? identity : null;
  } catch {
    return null;
  }
}
