/**
 * Officer routes: only a signed-in officer gets past, and a write made with a
 * browser's session must come from our own pages. (The router keeps every answer
 * out of caches: middleware/no-store.ts.)
 */
import { createMiddleware } from "hono/factory";
import type { OfficerEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { isCrossSite } from "./same-origin.ts";
import { checkOfficer, signInConfigured } from "../../officers/auth/officer.ts";

const SAFE_METHODS = ["GET", "HEAD", "OPTIONS"];

export const requireOfficer = createMiddleware<OfficerEnv>(async (c, next) => {
  const check = await checkOfficer(c.req.raw, c.env);
  if (check.kind === "locked_out") {
    throw new ApiError(429, "rate_limited", "admin.error.lockedOut", { headers: { "Retry-After": String(check.retryAfter) } });
  }
  if (check.kind === "bad_name") {
    throw new ApiError(422, "invalid", "error.invalid", { fieldKeys: { "Officer-Name": "admin.error.officerName" } });
  }
  if (check.kind !== "officer") {
    throw new ApiError(401, "unauthorized", signInConfigured(c.env) ? "admin.error.unauthorized" : "admin.error.notConfigured", {
      headers: { "WWW-Authenticate": 'Bearer realm="officers"' },
    });
  }
  // A cookie is sent whichever site a form is on: a session's writes must come from this site.
  if (check.officer.via === "session" && !SAFE_METHODS.includes(c.req.method) && isCrossSite(c.req.raw)) {
    throw new ApiError(403, "cross_site", "error.cross_site");
  }
  c.set("officer", check.officer);
  await next();
});
