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

/** The real database, except that every write fails as it does when the disk is full. */
function refusingWrites(db: D1Database): D1Database {
  const isWrite = (sql: string) => /^\s*(INSERT|UPDATE|DELETE|REPLACE|CREATE|DROP|ALTER)\b/i.test(sql);
  const diskFull = () => Promise.reject(new Error("D1_ERROR: database or disk is full: SQLITE_FULL"));
  return new Proxy(db, {
    get(target, name) {
      if (name !== "prepare") return Reflect.get(target, name);
      return (sql: string) => {
        const statement = target.prepare(sql);
        if (!isWrite(sql)) return statement;
        const failing = { first: diskFull, run: diskFull, all: diskFull, raw: diskFull };
        return { ...failing, bind: () => failing } as unknown as D1PreparedStatement;
      };
    },
  });
}

describe("GET /api/health and the write path", () => {
  it("answers 503 with status error when D1 answers reads but every write fails", async ({ expect }) => {
    const response = await app.request("/api/health", {}, { ...env, DB: refusingWrites(env.DB) });
    expect(response.status).toBe(503);
    expect(await response.json()).toMatchObject({ status: "error", error: { code: "unavailable" } });
  });

  it("writes one row however often it is asked, so the check never fills the database", async ({ expect }) => {
    for (let check = 0; check < 3; check++) expect((await SELF.fetch("http://portal.test/api/health")).status).toBe(200);
    expect(await env.DB.prepare("SELECT count(*) AS n FROM health_checks").first("n")).toBe(1);
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
