/** GET /api/admin/session: who is signed in, and how. */
import { Hono } from "hono";
import type { OfficerEnv } from "../../context.ts";

export const session = new Hono<OfficerEnv>();

session.get("/", (c) => c.json({ officer: c.get("officer") }));
