/** Refuses a client that has used up its allowance with 429 and Retry-After. */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { isRateLimited, RETRY_AFTER_HEADER } from "../../lib/rate-limit.ts";

export function rateLimit(kind: "submit" | "lookup") {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (await isRateLimited(c.env, c.req.raw, kind)) {
      throw new ApiError(429, "rate_limited", "error.rate_limited", { headers: RETRY_AFTER_HEADER });
    }
    await next();
  });
}
