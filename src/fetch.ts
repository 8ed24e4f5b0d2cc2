/**
 * The Worker's front door: the API first, then Astro for every page.
 */
import { Hono } from "hono";
import { astro } from "astro/hono";
import { env } from "cloudflare:workers";
import api from "../functions/index.ts";

const app = new Hono();

// Inside this file Hono's c.env is not set, so the API gets the Worker's env directly.
app.all("/api/*", (c) => api.fetch(c.req.raw, env));
app.use(astro());

export default app;
