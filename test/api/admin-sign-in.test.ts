import { env } from "cloudflare:test";
import { afterEach, beforeAll, beforeEach, describe, it, vi } from "vitest";
import app from "../../functions/api/index.ts";
import { forgetAccessKeys } from "../../functions/officers/auth/access.ts";
import { LOCAL_OFFICER } from "../../functions/officers/auth/officer.ts";
import { createSession, endSession, SESSION_COOKIE } from "../../functions/officers/auth/session.ts";
import { answerWith, callsTo, forgetOutbound } from "../outbound.ts";
import { AUDIENCE, CERTS_URL, TEAM_DOMAIN, claims, generateKey, signJwt, unsignedJwt, type TestKey } from "./admin-access-keys.ts";
import { awayFromRateWindowEdge } from "../rate-windows.ts";

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

let clients = 0;
/** GET /api/admin/session from a client of its own (unless one is named), so failures counted for one test leave the others alone. */
async function session(headers: Record<string, string>, vars: Partial<Env>, address = `198.18.7.${++clients}`) {
  return app.request("/api/admin/session", { headers: { "CF-Connecting-IP": address, ...headers } }, { ...env, ...vars });
}

const withToken = (token: string) => ({ ...env, ADMIN_TOKEN: token });

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

  it("never shuts out an officer Access vouches for because strangers at the same address sent bad assertions", async ({ expect }) => {
    const council = "203.0.113.61";
    await awayFromRateWindowEdge();
    for (let guess = 0; guess < 30; guess++) await session({ "Cf-Access-Jwt-Assertion": `not.a.jwt${guess}` }, ACCESS, council);
    expect((await session({ "Cf-Access-Jwt-Assertion": "not.a.jwt" }, ACCESS, council)).status).toBe(429);
    expect((await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, ACCESS, council)).status).toBe(200);
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
    expect((await session({ Cookie: `${SESSION_COOKIE}=${await createSession(withToken(ADMIN_TOKEN), LOCAL_OFFICER)}` }, { ADMIN_TOKEN })).status).toBe(200);
    expect((await session({ Cookie: `${SESSION_COOKIE}=${await createSession(withToken("another-token"), LOCAL_OFFICER)}` }, { ADMIN_TOKEN })).status).toBe(401);
    const yesterday = await createSession(withToken(ADMIN_TOKEN), LOCAL_OFFICER, Date.now() - 24 * 3600_000);
    expect((await session({ Cookie: `${SESSION_COOKIE}=${yesterday}` }, { ADMIN_TOKEN })).status).toBe(401);
  });

  it("ends a session on the server when the officer signs out, so the old cookie no longer works", async ({ expect }) => {
    const cookie = await createSession(withToken(ADMIN_TOKEN), LOCAL_OFFICER);
    expect((await session({ Cookie: `${SESSION_COOKIE}=${cookie}` }, { ADMIN_TOKEN })).status).toBe(200);
    await endSession(withToken(ADMIN_TOKEN), cookie);
    expect((await session({ Cookie: `${SESSION_COOKIE}=${cookie}` }, { ADMIN_TOKEN })).status).toBe(401);
  });

  it("slows guessing: after 30 wrong credentials from one address, that address is refused for a while", async ({ expect }) => {
    const guesser = "203.0.113.99";
    await awayFromRateWindowEdge();
    for (let guess = 0; guess < 30; guess++) expect((await session({ Authorization: `Bearer guess-${guess}` }, { ADMIN_TOKEN }, guesser)).status).toBe(401);
    const limited = await session({ Authorization: "Bearer one-more" }, { ADMIN_TOKEN }, guesser);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    // Even the right token is refused from there until the window ends; from anywhere else it works.
    expect((await session({ Authorization: `Bearer ${ADMIN_TOKEN}` }, { ADMIN_TOKEN }, guesser)).status).toBe(429);
    expect((await session({ Authorization: `Bearer ${ADMIN_TOKEN}` }, { ADMIN_TOKEN })).status).toBe(200);
  });

  it("never shuts out a signed-in officer because strangers at the same address guessed wrong", async ({ expect }) => {
    const dayCentre = "203.0.113.60";
    const cookie = `${SESSION_COOKIE}=${await createSession(withToken(ADMIN_TOKEN), LOCAL_OFFICER)}`;
    await awayFromRateWindowEdge();
    for (let guess = 0; guess < 30; guess++) await session({ Authorization: `Bearer guess-${guess}` }, { ADMIN_TOKEN }, dayCentre);
    expect((await session({ Authorization: "Bearer one-more" }, { ADMIN_TOKEN }, dayCentre)).status).toBe(429);
    const signedIn = await session({ Cookie: cookie }, { ADMIN_TOKEN }, dayCentre);
    expect(signedIn.status).toBe(200);
    expect(await signedIn.json()).toMatchObject({ officer: { via: "session" } });
    // A forged session from there is still refused as locked out, not checked.
    expect((await session({ Cookie: `${SESSION_COOKIE}=forged` }, { ADMIN_TOKEN }, dayCentre)).status).toBe(429);
  });

  it("never locks out the right token because of strangers' public look-ups from the same address", async ({ expect }) => {
    const dayCentre = "203.0.113.50";
    // Until the address is refused look-ups (the limit's minute may roll over on a busy machine, so count to the refusal).
    let status = 0;
    for (let lookup = 0; lookup < 200 && status !== 429; lookup++) {
      status = (await app.request("/api/responses/AAAAA-AAAAA", { headers: { "CF-Connecting-IP": dayCentre } }, env)).status;
    }
    expect(status).toBe(429);
    expect((await session({ Authorization: `Bearer ${ADMIN_TOKEN}` }, { ADMIN_TOKEN }, dayCentre)).status).toBe(200);
  });

  it("refuses a write made with a session cookie from another site, and takes it from this one", async ({ expect }) => {
    const cookie = `${SESSION_COOKIE}=${await createSession(withToken(ADMIN_TOKEN), LOCAL_OFFICER)}`;
    const write = (name: string, headers: Record<string, string>) =>
      app.request(
        "http://portal.test/api/admin/themes",
        { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify({ name }) },
        withToken(ADMIN_TOKEN),
      );
    const forged = await write("From elsewhere", { Cookie: cookie, Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site" });
    expect(forged.status).toBe(403);
    expect((await write("From the officer area", { Cookie: cookie, Origin: "http://portal.test", "Sec-Fetch-Site": "same-origin" })).status).toBe(201);
    expect((await write("From a script", { Authorization: `Bearer ${ADMIN_TOKEN}` })).status).toBe(201);
    const names = await env.DB.prepare("SELECT name FROM themes ORDER BY id").all<{ name: string }>();
    expect(names.results.map((row) => row.name)).toEqual(["From the officer area", "From a script"]);
  });

  it("does not accept the token as a JWT when Access is not configured", async ({ expect }) => {
    const response = await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, { ADMIN_TOKEN });
    expect(response.status).toBe(401);
    expect(await callsTo(CERTS_URL)).toBe(0);
  });
});

describe("with Cloudflare Access configured", () => {
  it("does not let ADMIN_TOKEN in beside it, as a Bearer token or a session", async ({ expect }) => {
    const both = { ...ACCESS, ADMIN_TOKEN };
    expect((await session({ Authorization: `Bearer ${ADMIN_TOKEN}` }, both)).status).toBe(401);
    const cookie = await createSession(withToken(ADMIN_TOKEN), LOCAL_OFFICER);
    expect((await session({ Cookie: `${SESSION_COOKIE}=${cookie}` }, both)).status).toBe(401);
    expect((await session({ "Cf-Access-Jwt-Assertion": await signJwt(teamKey, claims()) }, both)).status).toBe(200);
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
    const themes = await env.DB.prepare("SELECT count(*) AS n FROM themes").first("n");
    const response = await app.request(
      "/api/admin/themes",
      { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ name: "Housing" }) },
      { ...env, ADMIN_TOKEN: "" },
    );
    expect(response.status).toBe(401);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM themes").first("n")).toBe(themes);
  });
});
