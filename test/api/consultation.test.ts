import { env } from "cloudflare:test";
import { afterEach, describe, it, vi } from "vitest";
import app from "../../functions/api/index.ts";

async function consultation(vars: Partial<Env> = {}) {
  const response = await app.request("/api/consultation", {}, { ...env, ...vars });
  return { status: response.status, body: (await response.json()) as Record<string, string> };
}

describe("GET /api/consultation", () => {
  afterEach(() => vi.useRealTimers());

  it("gives the title, the period from content in London time, and the status", async ({ expect }) => {
    vi.useFakeTimers({ now: new Date("2030-11-22T12:00:00Z"), toFake: ["Date"] });
    const { status, body } = await consultation();
    expect(status).toBe(200);
    expect(body).toEqual({
      title: "Fixture Plan for Testing 2030-2035",
      // 9:00am on 7 October 2030 is BST; the end of 20 December is GMT.
      opensAt: "2030-10-07T08:00:00.000Z",
      closesAt: "2030-12-20T23:59:59.000Z",
      timezone: "Europe/London",
      status: "open",
      turnstileSiteKey: null,
    });
  });

  it("gives the Turnstile site key (never the secret) when Turnstile is on, for the inline form", async ({ expect }) => {
    const { body } = await consultation({ TURNSTILE_SITE_KEY: "site-key-1", TURNSTILE_SECRET: "secret-1" });
    expect(body.turnstileSiteKey).toBe("site-key-1");
    expect(JSON.stringify(body)).not.toContain("secret-1");
  });

  it("is not_open before the opening time and closed after the last second", async ({ expect }) => {
    vi.useFakeTimers({ now: new Date("2030-10-07T07:59:59.999Z"), toFake: ["Date"] });
    expect((await consultation()).body.status).toBe("not_open");
    vi.setSystemTime(new Date("2030-10-07T08:00:00.000Z"));
    expect((await consultation()).body.status).toBe("open");
    vi.setSystemTime(new Date("2030-12-20T23:59:59.999Z"));
    expect((await consultation()).body.status).toBe("open");
    vi.setSystemTime(new Date("2030-12-21T00:00:00.000Z"));
    expect((await consultation()).body.status).toBe("closed");
  });

  it("lets OPENS_AT and CLOSES_AT override the content's dates", async ({ expect }) => {
    vi.useFakeTimers({ now: new Date("2027-01-10T12:00:00Z"), toFake: ["Date"] });
    const { body } = await consultation({ OPENS_AT: "2027-01-01T09:00:00+00:00", CLOSES_AT: "2027-01-31T23:59:59+00:00" });
    expect(body.opensAt).toBe("2027-01-01T09:00:00.000Z");
    expect(body.closesAt).toBe("2027-01-31T23:59:59.000Z");
    expect(body.status).toBe("open");
  });

  it("refuses to guess when an override is not an instant with an offset", async ({ expect }) => {
    const { status, body } = await consultation({ CLOSES_AT: "18/12/2026" });
    expect(status).toBe(500);
    expect(body).toMatchObject({ error: { code: "misconfigured" } });
  });
});
