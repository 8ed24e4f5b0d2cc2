/**
 * Per-client rate limits with the Workers rate-limiting binding. The key is
 * a salted hash of the client's address; the address itself is never kept.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv, Env } from "../env.ts";
import { ApiError } from "../errors.ts";
import { sha256Hex } from "../hash.ts";

export type LimitKind = "submit" | "lookup";

/** Seconds a limited client should wait: the binding counts in windows of this length. */
export const RETRY_AFTER_SECONDS = 60;

export async function isRateLimited(env: Env, request: Request, kind: LimitKind): Promise<boolean> {
  if (env.RATE_LIMITS === "off") return false;
  const address = request.headers.get("CF-Connecting-IP") ?? "unknown";
  const key = await sha256Hex(`${env.RATE_LIMIT_SALT ?? "consultation-portal"}:${kind}:${address}`);
  const limiter = kind === "submit" ? env.SUBMIT_LIMITER : env.LOOKUP_LIMITER;
  const { success } = await limiter.limit({ key });
  return !success;
}

export const tooManyRequests = () =>
  new ApiError(429, "rate_limited", "error.rate_limited", { headers: { "Retry-After": String(RETRY_AFTER_SECONDS) } });

export function rateLimit(kind: LimitKind) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (await isRateLimited(c.env, c.req.raw, kind)) throw tooManyRequests();
    await next();
  });
}
