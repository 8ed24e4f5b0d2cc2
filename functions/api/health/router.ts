/** GET /api/health: answers only after D1 has really answered a query. */
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";

export const health = new Hono<AppEnv>();

health.get("/", async (c) => {
  try {
    await c.env.DB.prepare("SELECT 1 AS ok").first();
    return c.json({ status: "ok" });
  } catch (error) {
    console.error("health check: D1 did not answer", error);
    return c.json({ status: "error", error: { code: "unavailable", message: c.get("t")("error.unavailable") } }, 503);
  }
});
