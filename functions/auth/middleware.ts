/** Officer routes: only a signed-in officer gets past, and nothing they see is cached. */
import { createMiddleware } from "hono/factory";
import type { Env } from "../env.ts";
import { ApiError } from "../errors.ts";
import { accessConfigured, authenticateOfficer, tokenConfigured, type Officer } from "./officer.ts";

export type OfficerEnv = { Bindings: Env; Variables: { language: string; officer: Officer } };

export const requireOfficer = createMiddleware<OfficerEnv>(async (c, next) => {
  c.header("Cache-Control", "no-store");
  const configured = accessConfigured(c.env) || tokenConfigured(c.env);
  const officer = configured ? await authenticateOfficer(c.req.raw.headers, c.env) : null;
  if (!officer) {
    throw new ApiError(401, "unauthorized", configured ? "admin.error.unauthorized" : "admin.error.notConfigured", {
      headers: { "WWW-Authenticate": 'Bearer realm="officers"' },
    });
  }
  c.set("officer", officer);
  await next();
  c.res.headers.set("Cache-Control", "no-store");
});
