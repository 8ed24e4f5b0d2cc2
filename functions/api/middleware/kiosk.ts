/**
 * Kiosk keys: a request that carries one is a kiosk's, or refused. A wrong
 * key is 401 and a revoked one 403, so the device can say it needs setting up
 * again instead of losing what it holds.
 */
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { KIOSK_KEY_HEADER, kioskForKey } from "../../kiosks/kiosks.ts";
import { STAFF_CODE_HEADER, staffForCode } from "../../kiosks/staff-codes.ts";
import { isRateLimited, RETRY_AFTER_HEADER } from "../../lib/rate-limit.ts";

const unknownKey = () => new ApiError(401, "kiosk_key_unknown", "kiosk.error.keyUnknown");

/** Sets `kiosk` when the request carries a valid kiosk key; a request without one goes on as the public's. */
export const identifyKiosk = createMiddleware<AppEnv>(async (c, next) => {
  const key = c.req.header(KIOSK_KEY_HEADER);
  if (key !== undefined) {
    const kiosk = key.trim() ? await kioskForKey(c.env.DB, key.trim()) : null;
    if (kiosk === null) {
      // Wrong keys count against the address's look-up allowance, so nobody can try keys without end.
      if (await isRateLimited(c.env, c.req.raw, "lookup")) throw new ApiError(429, "rate_limited", "error.rate_limited", { headers: RETRY_AFTER_HEADER });
      throw unknownKey();
    }
    if (kiosk === "revoked") throw new ApiError(403, "kiosk_revoked", "kiosk.error.revoked");
    c.set("kiosk", kiosk);
  }
  await next();
});

/** For kiosk-only routes: without a key, a 401 that says a key is needed. */
export const requireKiosk = createMiddleware<AppEnv>(async (c, next) => {
  if (c.req.header(KIOSK_KEY_HEADER) === undefined) throw new ApiError(401, "kiosk_key_missing", "kiosk.error.keyMissing");
  await next();
});

/**
 * For a kiosk's staff routes, after identifyKiosk: a support worker's own code
 * for this kiosk as well as the key. Wrong codes count against the address's
 * look-up allowance, so codes cannot be tried without end.
 */
export const requireStaff = createMiddleware<AppEnv>(async (c, next) => {
  const code = c.req.header(STAFF_CODE_HEADER)?.trim();
  if (!code) throw new ApiError(401, "staff_code_missing", "kiosk.error.staffCodeMissing");
  const staff = await staffForCode(c.env.DB, c.get("kiosk")!.id, code);
  if (staff === null) {
    if (await isRateLimited(c.env, c.req.raw, "lookup")) throw new ApiError(429, "rate_limited", "error.rate_limited", { headers: RETRY_AFTER_HEADER });
    throw new ApiError(401, "staff_code_unknown", "kiosk.error.staffCodeUnknown");
  }
  if (staff === "revoked") throw new ApiError(403, "staff_code_revoked", "kiosk.error.staffCodeRevoked");
  c.set("staff", staff);
  await next();
  // What a staff route answers holds a person's words.
  c.res.headers.set("Cache-Control", "no-store");
});
