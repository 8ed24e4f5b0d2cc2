import { env, SELF } from "cloudflare:test";
import { describe, it } from "vitest";
import app from "../../functions/api/index.ts";

describe("GET /api/health", () => {
  it("answers ok after D1 has answered a query", async ({ expect }) => {
    const response = await SELF.fetch("http://portal.test/api/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });
  });

  it("answers 503 with status error when D1 fails", async ({ expect }) => {
    const brokenDb = {
      prepare: () => {
        throw new Error("D1_ERROR: database unavailable");
      },
    } as unknown as D1Database;
    const response = await app.request("/api/health", {}, { ...env, DB: brokenDb });
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "error",
      error: { code: "unavailable", message: "The service cannot reach its database right now. Please try again in a few minutes." },
    });
  });
});

describe("errors", () => {
  it("answers an unknown API address with the error shape, not a stack trace", async ({ expect }) => {
    const response = await SELF.fetch("http://portal.test/api/no-such-thing");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "There is nothing at this address." },
    });
  });
});
