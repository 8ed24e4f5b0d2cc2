/** Test signing keys and JWTs shaped like Cloudflare Access's, made fresh in each test run. */
export const AUDIENCE = "3f1c0a9e5b7d4c2e8a6f0b1d9c7e5a3f";

/**
 * An Access team: its domain, the issuer its tokens name, where its keys are
 * published, and claims as it signs them. The outbound fake answers every
 * test file running at the same moment, so each file that serves keys uses a
 * team of its own, and one file's keys never answer another's request.
 */
export function accessTeam(teamDomain: string) {
  const issuer = `https://${teamDomain}`;
  return {
    TEAM_DOMAIN: teamDomain,
    ISSUER: issuer,
    CERTS_URL: `${issuer}/cdn-cgi/access/certs`,
    claims(overrides: Record<string, unknown> = {}): Record<string, unknown> {
      const now = Math.floor(Date.now() / 1000);
      return { aud: [AUDIENCE], email: "officer@eastbrook.example", iss: issuer, sub: "7b0c1d", iat: now - 60, nbf: now - 60, exp: now + 600, type: "app", ...overrides };
    },
  };
}

export const { TEAM_DOMAIN, ISSUER, CERTS_URL, claims } = accessTeam("eastbrook.cloudflareaccess.com");

export interface TestKey {
  kid: string;
  privateKey: CryptoKey;
  publicJwk: JsonWebKey & { kid: string; alg: string };
}

export async function generateKey(kid: string): Promise<TestKey> {
  const pair = (await crypto.subtle.generateKey(
    { name: "RSASSA-PKCS1-v1_5", modulusLength: 2048, publicExponent: new Uint8Array([1, 0, 1]), hash: "SHA-256" },
    true,
    ["sign", "verify"],
  )) as CryptoKeyPair;
  const publicJwk = (await crypto.subtle.exportKey("jwk", pair.publicKey)) as JsonWebKey;
  return { kid, privateKey: pair.privateKey, publicJwk: { ...publicJwk, kid, alg: "RS256", use: "sig" } };
}

const base64Url = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes)).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
const encodePart = (part: object) => base64Url(new TextEncoder().encode(JSON.stringify(part)));


/** A JWT signed with `key`, claiming to be from key `kid` (the key's own unless given). */
export async function signJwt(key: TestKey, payload: Record<string, unknown>, header: Record<string, unknown> = {}): Promise<string> {
  const signingInput = `${encodePart({ alg: "RS256", kid: key.kid, typ: "JWT", ...header })}.${encodePart(payload)}`;
  const signature = await crypto.subtle.sign("RSASSA-PKCS1-v1_5", key.privateKey, new TextEncoder().encode(signingInput));
  return `${signingInput}.${base64Url(new Uint8Array(signature))}`;
}

/** An unsigned token: `alg: none`, as an attacker would send it. */
export function unsignedJwt(kid: string, payload: Record<string, unknown>): string {
  return `${encodePart({ alg: "none", kid, typ: "JWT" })}.${encodePart(payload)}.`;
}
