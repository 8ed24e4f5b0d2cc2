/**
 * Cloudflare Access: the Worker checks the JWT Access puts in
 * Cf-Access-Jwt-Assertion itself (signature against the team's keys, aud,
 * iss, expiry) rather than trusting that a request came through Access.
 */
import { decode, verifyWithJwks } from "hono/jwt";

type SigningKeys = NonNullable<Parameters<typeof verifyWithJwks>[1]["keys"]>;

export interface AccessConfig {
  teamDomain: string;
  audience: string;
}

/** Keys are reused for this long, then fetched again. */
const KEYS_FRESH_MS = 10 * 60_000;
/** A token with an unknown key id refetches the keys (rotation), at most this often. */
const REFETCH_MIN_INTERVAL_MS = 30_000;

let cachedKeys: { url: string; keys: SigningKeys; fetchedAt: number } | undefined;

/** For tests: start from an empty key cache. */
export function forgetAccessKeys(): void {
  cachedKeys = undefined;
}

/** "https://eastbrook.cloudflareaccess.com" from "eastbrook.cloudflareaccess.com" or the URL itself. */
export function accessIssuer(teamDomain: string): string {
  return `https://${teamDomain.trim().replace(/^https?:\/\//, "").replace(/\/+$/, "")}`;
}

async function fetchKeys(url: string): Promise<SigningKeys> {
  const response = await fetch(url, { headers: { Accept: "application/json" } });
  if (!response.ok) throw new Error(`Access keys: ${url} answered ${response.status}`);
  const body = (await response.json()) as { keys?: unknown };
  if (!Array.isArray(body.keys)) throw new Error(`Access keys: ${url} has no "keys" array`);
  return body.keys as SigningKeys;
}

/** The team's signing keys, from the cache when fresh; refetched early when a token names a key we lack. */
async function signingKeys(url: string, keyId: string): Promise<SigningKeys> {
  const now = Date.now();
  const cached = cachedKeys?.url === url ? cachedKeys : undefined;
  const fresh = cached && now - cached.fetchedAt < KEYS_FRESH_MS;
  const knowsKey = cached?.keys.some((key) => key.kid === keyId);
  const mayRefetch = !cached || now - cached.fetchedAt >= REFETCH_MIN_INTERVAL_MS;
  if (cached && fresh && (knowsKey || !mayRefetch)) return cached.keys;
  try {
    const keys = await fetchKeys(url);
    cachedKeys = { url, keys, fetchedAt: now };
    return keys;
  } catch (error) {
    // Keep signing in with the keys we have if the team's endpoint is briefly unreachable.
    if (cached) {
      console.error(error);
      return cached.keys;
    }
    throw error;
  }
}

/**
 * The officer's identity (email, or the service token's name) if the token
 * is a valid Access JWT for this application; null otherwise.
 */
export async function verifyAccessJwt(token: string, config: AccessConfig): Promise<string | null> {
  const issuer = accessIssuer(config.teamDomain);
  let keyId: string;
  try {
    keyId = decode(token).header.kid ?? "";
  } catch {
    return null;
  }
  if (!keyId) return null;
  let keys: SigningKeys;
  try {
    keys = await signingKeys(`${issuer}/cdn-cgi/access/certs`, keyId);
  } catch (error) {
    console.error(error);
    return null;
  }
  try {
    const payload = await verifyWithJwks(token, {
      keys,
      allowedAlgorithms: ["RS256"],
      verification: { iss: issuer, aud: config.audience, exp: true, nbf: true },
    });
    // Access always sets an expiry; a token without one is not from Access.
    if (typeof payload.exp !== "number") return null;
    const identity = payload.email ?? payload.common_name ?? payload.sub;
    return typeof identity === "string" && identity ? identity : null;
  } catch {
    return null;
  }
}
