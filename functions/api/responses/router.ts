/** One person's response: POST /api/responses to send it, GET /api/responses/{reference} to look it up. */
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";
import { postResponse } from "./create.ts";
import { trackResponse } from "./track.ts";

export const responses = new Hono<AppEnv>();

responses.post("/", ...postResponse);
responses.get("/:reference", ...trackResponse);
