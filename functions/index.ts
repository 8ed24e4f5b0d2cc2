/**
 * The API. Built once here; each resource has its own router in routes/.
 */
import { Hono } from "hono";
import type { AppEnv } from "./env.ts";
import { ApiError, errorResponse } from "./errors.ts";
import { negotiateLanguage } from "./i18n/index.ts";
import { health } from "./routes/health.ts";
import { consultation } from "./routes/consultation.ts";
import { admin } from "./routes/admin/router.ts";
import { responses } from "./routes/responses/router.ts";

const app = new Hono<AppEnv>().basePath("/api");

app.use(async (c, next) => {
  c.set("language", negotiateLanguage(c.req.header("Accept-Language")));
  await next();
});

app.route("/health", health);
app.route("/consultation", consultation);
app.route("/responses", responses);
// Officers' routes (/api/admin/…) are mounted here.
app.route("/admin", admin);

app.notFound((c) => errorResponse(c, new ApiError(404, "not_found", "error.not_found")));
app.onError((error, c) => errorResponse(c, error));

export default app;
