/** Refuses a client (or a kiosk, by its own allowance) that has used up its allowance with 429 and Retry-After. */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { isKioskLimited, isRateLimited, RETRY_AFTER_HEADER } from "../../lib/rate-limit.ts";

export function rateLimit(kind: "submit" | "lookup") {
  return createMiddleware<AppEnv>(async (c, next) => {
    // A kiosk (identified before this) is many people behind one address: it has its own allowance.
    const kiosk = c.get("kiosk");
    const limited = kiosk ? await isKioskLimited(c.env, kiosk.id) : await isRateLimited(c.env, c.req.raw, kind);
    if (limited) {
      throw new ApiError(429, "rate_limited", "error.rate_limited", { headers: RETRY_AFTER_HEADER });
    }
    await next();
  });
}
