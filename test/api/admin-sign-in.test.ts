import { env } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, it, vi } from "vitest";
import app from "../../functions/api/index.ts";
import { forgetAccessKeys } from "../../functions/officers/auth/access.ts";
import { createSession, SESSION_COOKIE } from "../../functions/officers/auth/session.ts";
import { answerWith, callsTo, forgetOutbound } from "../outbound.ts";
import { AUDIENCE, CERTS_URL, TEAM_DOMAIN, claims, generateKey, signJwt, unsignedJwt, type TestKey } from "./admin-access-keys.ts";

const ADMIN_TOKEN = "correct-horse-battery-staple";
const ACCESS = { ACCESS_TEAM_DOMAIN: TEAM_DOMAIN, ACCESS_AUD: AUDIENCE };

let teamKey: TestKey;
let otherKey: TestKey;

beforeAll(async () => {
  [teamKey, otherKey] = await Promise.all([generateKey("team-key-1"), generateKey("team-key-1")]);
});

/** The team's JWKS, served through the pool's outbound service as Access serves it. */
const serveKeys = (keys: TestKey[]) => answerWith(CERTS_URL, { keys: keys.map((key) => key.publicJwk), public_cert: {}, public_certs: [] });

beforeEach(async () => {
  forgetAccessKeys();
  await forgetOutbound(CERTS_URL);
  await serveKeys([teamKey]);
});

afterEach(() => {
  vi.useRealTimers();
});

async function session(headers: Record<string, string>, vars: Partial<Env>) {
  return app.request("/api/admin/session", { headers }, { ...env, ...vars });
}

describe("officer sign-in with Cloudflare Access", () => {
  const cases: [string, () => Promise<Record<string, string>>][] = [
    ["no credentials", async () => ({})],
    ["a JWT signed by another key with the team's key id", async () => ({ "Cf-Access-Jwt-Assertion": await signJwt(otherKey, claims()) })],
    ["an expired JWT", async () => ({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims({ exp: Math.floor(Date.now() / 1000) - 1 })) })],
    ["a JWT without an expiry", async () => ({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims({ exp: undefined })) })],
    ["a JWT for another application (wrong aud)", async () => ({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims({ aud: ["another-app"] })) })],
    ["a JWT from another team (wrong iss)", async () => ({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims({ iss: "https://attacker.cloudflareaccess.com" })) })],
    ["an unsigned JWT (alg: none)", async () => ({ "Cf-Access-Jwt-Assertion": unsignedJwt(teamKey.kid, claims()) })],
    ["an HS256 JWT", async () => ({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims(), { alg: "HS256" }) })],
    ["garbage in the header", async () => ({ "Cf-Access-Jwt-Assertion": "not.a.jwt" })],
    ["a wrong Bearer token", async () => ({ Authorization: "Bearer not-the-token" })],
  ];
  for (const [name, credentials] of cases) {
    it(`refuses ${name} with 401`, async ({ expect }) => {
      const response = await session(await credentials(), { ...ACCESS, ADMIN_TOKEN });
      expect(response.status).toBe(401);
      expect(response.headers.get("Cache-Control")).toBe("no-store");
      expect(await response.json()).toMatchObject({ error: { code: "unauthorized" } });
    });
  }

  it("lets in a valid JWT from the team's key, as the officer it names", async ({ expect }) => {
    const response = await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, ACCESS);
    expect(response.status).toBe(200);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(await response.json()).toEqual({ officer: { name: "officer@eastbrook.example", via: "access" } });
  });

  it("does not trust Access's cookie without the verified header", async ({ expect }) => {
    const cookie = `CF_Authorization=${await signJwt(teamKey, claims())}`;
    expect((await session({ Cookie: cookie }, ACCESS)).status).toBe(401);
  });

  it("fetches the team's keys once and reuses them", async ({ expect }) => {
    for (let i = 0; i < 3; i++) {
      expect((await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, ACCESS)).status).toBe(200);
    }
    expect(await callsTo(CERTS_URL)).toBe(1);
  });

  it("follows a key rotation: a token from a new key fetches the keys again", async ({ expect }) => {
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    expect((await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, ACCESS)).status).toBe(200);
    const rotated = await generateKey("team-key-2");
    await serveKeys([rotated, teamKey]);
    vi.advanceTimersByTime(60_000);
    const response = await session({ "Cf-Access-Jwt-Assertion": await signJwt(rotated, claims()) }, ACCESS);
    expect(response.status).toBe(200);
    expect(await callsTo(CERTS_URL)).toBe(2);
  });

  it("does not refetch the keys for every unknown key id (no amplification)", async ({ expect }) => {
    const stranger = await generateKey("unknown-key");
    for (let i = 0; i < 3; i++) {
      expect((await session({ "Cf-Access-Jwt-Assertion": await signJwt(stranger, claims()) }, ACCESS)).status).toBe(401);
    }
    expect(await callsTo(CERTS_URL)).toBe(1);
  });

  it("keeps signing officers in with the keys it has while the team's endpoint is briefly down", async ({ expect }) => {
    vi.useFakeTimers({ now: Date.now(), toFake: ["Date"] });
    expect((await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, ACCESS)).status).toBe(200);
    await answerWith(CERTS_URL, "down", 503);
    // Past the ten minutes the keys are kept fresh for, so they are fetched again, and that fails.
    vi.advanceTimersByTime(11 * 60_000);
    const response = await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, ACCESS);
    expect(await callsTo(CERTS_URL)).toBe(2);
    expect(response.status).toBe(200);
    // A key the team never published is still refused.
    expect((await session({ "Cf-Access-Jwt-Assertion": await signJwt(otherKey, claims()) }, ACCESS)).status).toBe(401);
  });

  it("refuses everyone when the team's keys cannot be fetched", async ({ expect }) => {
    await answerWith(CERTS_URL, "down", 503);
    expect((await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, ACCESS)).status).toBe(401);
  });
});

describe("officer sign-in with ADMIN_TOKEN", () => {
  it("lets in the right Bearer token", async ({ expect }) => {
    const response = await session({ Authorization: `Bearer ${ADMIN_TOKEN}` }, { ADMIN_TOKEN });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ officer: { via: "token" } });
  });

  it("refuses a wrong token, and the right token sent some other way", async ({ expect }) => {
    expect((await session({ Authorization: "Bearer wrong" }, { ADMIN_TOKEN })).status).toBe(401);
    expect((await session({ Authorization: `Basic ${btoa(`officer:${ADMIN_TOKEN}`)}` }, { ADMIN_TOKEN })).status).toBe(401);
    expect((await session({ Cookie: `${SESSION_COOKIE}=${ADMIN_TOKEN}` }, { ADMIN_TOKEN })).status).toBe(401);
  });

  it("lets in a session cookie made from the token, and not one made from another token or expired", async ({ expect }) => {
    expect((await session({ Cookie: `${SESSION_COOKIE}=${await createSession(ADMIN_TOKEN)}` }, { ADMIN_TOKEN })).status).toBe(200);
    expect((await session({ Cookie: `${SESSION_COOKIE}=${await createSession("another-token")}` }, { ADMIN_TOKEN })).status).toBe(401);
    const yesterday = await createSession(ADMIN_TOKEN, Date.now() - 24 * 3600_000);
    expect((await session({ Cookie: `${SESSION_COOKIE}=${yesterday}` }, { ADMIN_TOKEN })).status).toBe(401);
  });

  it("does not accept the token as a JWT when Access is not configured", async ({ expect }) => {
    const response = await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, { ADMIN_TOKEN });
    expect(response.status).toBe(401);
    expect(await callsTo(CERTS_URL)).toBe(0);
  });
});

describe("with no officer credentials configured", () => {
  const paths = ["/api/admin/session", "/api/admin/comments", "/api/admin/themes", "/api/admin/audit", "/api/admin/export?format=csv"];
  for (const path of paths) {
    it(`refuses everyone at ${path}`, async ({ expect }) => {
      const attempts: Record<string, string>[] = [
        {},
        { Authorization: "Bearer " },
        { Authorization: "Bearer undefined" },
        { "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) },
      ];
      for (const headers of attempts) {
        const response = await app.request(path, { headers }, { ...env, ADMIN_TOKEN: "", ACCESS_TEAM_DOMAIN: "", ACCESS_AUD: "" });
        expect(response.status).toBe(401);
        expect(await response.json()).toMatchObject({ error: { code: "unauthorized", message: expect.stringContaining("not set up") } });
      }
    });
  }

  it("refuses writes too", async ({ expect }) => {
    const response = await app.request(
      "/api/admin/themes",
      { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "Housing" }) },
      { ...env, ADMIN_TOKEN: "" },
    );
    expect(response.status).toBe(401);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM themes").first("n")).toBe(0);
  });
});
