/**
 * The Worker's front door: security headers on everything, the API under
 * /api, and Astro for every page.
 */
import { Hono } from "hono";
import { astro } from "astro/hono";
import { env } from "cloudflare:workers";
import api from "../functions/index.ts";
import { securityHeaders } from "../functions/middleware/security-headers.ts";
import { turnstileEnabled } from "../functions/turnstile.ts";
import { showFormAgain } from "./form-again.ts";

const app = new Hono();

app.use(securityHeaders({ turnstile: turnstileEnabled(env) }));
// Inside this file Hono's c.env is not set, so the API is given the Worker's env directly.
app.post("/api/responses", (c) => showFormAgain(c.req.raw, async (request) => api.fetch(request, env)));
app.all("/api/*", (c) => api.fetch(c.req.raw, env));
app.use(astro());

export default app;
