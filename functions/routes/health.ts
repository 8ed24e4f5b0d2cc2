import { Hono } from "hono";
import type { AppEnv } from "../env.ts";
import { translator } from "../i18n/index.ts";

export const health = new Hono<AppEnv>();

/** Answers only after D1 has really answered a query. */
health.get("/", async (c) => {
  try {
    await c.env.DB.prepare("SELECT 1 AS ok").first();
    return c.json({ status: "ok" });
  } catch (error) {
    console.error("health check: D1 did not answer", error);
    const message = translator(c.get("language"))("error.unavailable");
    return c.json({ status: "error", error: { code: "unavailable", message } }, 503);
  }
});
