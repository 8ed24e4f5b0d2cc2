/**
 * The Hono API (functions/api), served under /api. It is mounted as one
 * endpoint so every request passes through Astro's whole pipeline, API
 * requests included, as a custom src/fetch.ts must let it.
 */
import type { APIRoute } from "astro";
import { env } from "cloudflare:workers";
import api from "../../../functions/api/index.ts";

export const prerender = false;

export const ALL: APIRoute = ({ request }) => api.fetch(request, env);
