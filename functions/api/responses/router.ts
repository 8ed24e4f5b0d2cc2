/** One person's response: POST /api/responses to send it, GET /api/responses/{reference} to look it up. */
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";
import { postResponse } from "./create.ts";
import { trackResponse } from "./track.ts";
import { noStore } from "../middleware/no-store.ts";

export const responses = new Hono<AppEnv>();

// A receipt and a look-up both carry a reference, and a look-up the person's words.
responses.use(noStore);

responses.post("/", ...postResponse);
responses.get("/:reference", ...trackResponse);
