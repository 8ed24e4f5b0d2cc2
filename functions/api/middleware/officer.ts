/** Officer routes: only a signed-in officer gets past, and nothing they see is cached. */
import { createMiddleware } from "hono/factory";
import type { OfficerEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { officerFor, signInConfigured } from "../../officers/auth/officer.ts";

export const requireOfficer = createMiddleware<OfficerEnv>(async (c, next) => {
  c.header("Cache-Control", "no-store");
  const officer = await officerFor(c.req.raw.headers, c.env);
  if (!officer) {
    throw new ApiError(401, "unauthorized", signInConfigured(c.env) ? "admin.error.unauthorized" : "admin.error.notConfigured", {
      headers: { "WWW-Authenticate": 'Bearer realm="officers"' },
    });
  }
  c.set("officer", officer);
  await next();
  c.res.headers.set("Cache-Control", "no-store");
});
