import { env } from "cloudflare:test";
import { beforeEach, describe, it } from "vitest";
import { answerWith, callsTo, forgetOutbound, requestsTo } from "../outbound.ts";
import { callApi, newKey, postForm, postJson, storedCounts, type ErrorBody } from "./requests.ts";
import { awayFromRateWindowEdge } from "../rate-windows.ts";

const body = { comments: [{ paragraph: "general", text: "Abuse checks" }] };

describe("rate limiting per client", () => {
  it("answers 429 with Retry-After once one address has looked up too many references", async ({ expect }) => {
    const from = (address: string) => ({ headers: { "CF-Connecting-IP": address } });
    const statuses: number[] = [];
    await awayFromRateWindowEdge();
    for (let attempt = 0; attempt < 31; attempt++) statuses.push((await callApi("/api/responses/AAAAA-AAAAA", from("203.0.113.7"))).status);
    expect(statuses.slice(0, 30).every((status) => status === 404)).toBe(true);
    const limited = await callApi("/api/responses/AAAAA-AAAAA", from("203.0.113.7"));
    expect(limited.status).toBe(429);
    expect(limited.headers.get("Retry-After")).toBe("60");
    expect(((await limited.json()) as ErrorBody).error.code).toBe("rate_limited");
    // Another address, such as another day centre, is unaffected.
    expect((await callApi("/api/responses/AAAAA-AAAAA", from("198.51.100.20"))).status).toBe(404);
  });

  it("refuses submissions once the submit limit is reached, storing nothing", async ({ expect }) => {
    const exhausted = { limit: async () => ({ success: false }) } as unknown as RateLimit;
    const before = await storedCounts();
    const response = await postJson(body, { key: newKey(), vars: { SUBMIT_LIMITER: exhausted } });
    expect(response.status).toBe(429);
    expect(await storedCounts()).toEqual(before);
  });

  it("never passes the raw address to the limiter", async ({ expect }) => {
    const keys: string[] = [];
    const recording = { limit: async ({ key }: { key: string }) => (keys.push(key), { success: true }) } as unknown as RateLimit;
    await postJson(body, { key: newKey(), vars: { SUBMIT_LIMITER: recording }, headers: { "CF-Connecting-IP": "192.0.2.44" } });
    expect(keys).toHaveLength(1);
    expect(keys[0]).toMatch(/^[0-9a-f]{64}$/);
    expect(keys[0]).not.toContain("192.0.2.44");
  });

  it("is off with RATE_LIMITS=off, for local load tests", async ({ expect }) => {
    const exhausted = { limit: async () => ({ success: false }) } as unknown as RateLimit;
    const response = await postJson(body, { key: newKey(), vars: { SUBMIT_LIMITER: exhausted, RATE_LIMITS: "off" } });
    expect(response.status).toBe(201);
  });
});

describe("Turnstile, when configured", () => {
  // Cloudflare's published test keys: this secret always passes, the other always fails.
  const PASSES = "1x0000000000000000000000000000000AA";
  const FAILS = "2x0000000000000000000000000000000AA";
  const SITE_KEY = "1x00000000000000000000AA";
  const SITEVERIFY = "https://challenges.cloudflare.com/turnstile/v0/siteverify";

  beforeEach(() => forgetOutbound(SITEVERIFY));

  it("accepts a response whose token passes, and refuses one whose token fails or is missing", async ({ expect }) => {
    await answerWith(SITEVERIFY, { success: true });
    const passing = await postJson({ ...body, turnstileToken: "XXXX.DUMMY.TOKEN.XXXX" }, { key: newKey(), vars: { TURNSTILE_SECRET: PASSES, TURNSTILE_SITE_KEY: SITE_KEY } });
    expect(passing.status).toBe(201);
    const [asked] = (await requestsTo(SITEVERIFY)).map((sent) => new URLSearchParams(sent));
    expect(asked?.get("secret")).toBe(PASSES);
    expect(asked?.get("response")).toBe("XXXX.DUMMY.TOKEN.XXXX");

    await answerWith(SITEVERIFY, { success: false, "error-codes": ["invalid-input-response"] });
    const before = await storedCounts();
    const failing = await postJson({ ...body, turnstileToken: "XXXX.DUMMY.TOKEN.XXXX" }, { key: newKey(), vars: { TURNSTILE_SECRET: FAILS, TURNSTILE_SITE_KEY: SITE_KEY } });
    expect(failing.status).toBe(422);
    expect(((await failing.json()) as ErrorBody).error.fields).toHaveProperty("turnstileToken");
    const missing = await postForm({ paragraph: "general", comment: "No token", idempotencyKey: newKey() }, { vars: { TURNSTILE_SECRET: PASSES, TURNSTILE_SITE_KEY: SITE_KEY } });
    expect(missing.status).toBe(422);
    expect(((await missing.json()) as ErrorBody).error.fields).toHaveProperty("cf-turnstile-response");
    expect(await storedCounts()).toEqual(before);
  });

  it("is not asked at all when not configured", async ({ expect }) => {
    await answerWith(SITEVERIFY, { success: true });
    expect((await postJson(body, { key: newKey() })).status).toBe(201);
    expect(await callsTo(SITEVERIFY)).toBe(0);
    expect(env.TURNSTILE_SECRET).toBeFalsy();
  });
});
