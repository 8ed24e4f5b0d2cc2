/** GET /api/health: answers ok only after D1 has taken a write and given it back. */
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";

export const health = new Hono<AppEnv>();

/** Overwrites the health row and reads back what it wrote: a database that answers reads but refuses writes is not healthy. */
async function provesWritePath(db: D1Database): Promise<boolean> {
  const checkedAt = new Date().toISOString();
  const written = await db
    .prepare("INSERT INTO health_checks (id, checked_at) VALUES (1, ?) ON CONFLICT (id) DO UPDATE SET checked_at = excluded.checked_at RETURNING checked_at")
    .bind(checkedAt)
    .first<{ checked_at: string }>();
  return written?.checked_at === checkedAt;
}

health.get("/", async (c) => {
  try {
    if (await provesWritePath(c.env.DB)) return c.json({ status: "ok" });
    console.error("health check: D1 did not give back what was written");
  } catch (error) {
    console.error("health check: D1 did not take a write", error);
  }
  return c.json({ status: "error", error: { code: "unavailable", message: c.get("t")("error.unavailable") } }, 503);
});
