/**
 * The API. Built once here: the person's language first, then one router
 * per resource, and one error body for every refusal.
 */
import { Hono } from "hono";
import type { AppEnv } from "./context.ts";
import { errorResponse } from "./errors.ts";
import { notFound } from "../lib/errors.ts";
import { detectLanguage, translate } from "./middleware/language.ts";
import { health } from "./health/router.ts";
import { consultation } from "./consultation/router.ts";
import { responses } from "./responses/router.ts";
import { feedback } from "./feedback/router.ts";
import { comments } from "./comments/router.ts";
import { kiosk } from "./kiosk/router.ts";
import { paperByKiosk } from "./paper/router.ts";
import { admin } from "./admin/router.ts";

const app = new Hono<AppEnv>().basePath("/api");

app.use(detectLanguage);
app.use(translate);

app.route("/health", health);
app.route("/consultation", consultation);
app.route("/responses", responses);
app.route("/feedback", feedback);
app.route("/comments", comments);
app.route("/kiosk", kiosk);
app.route("/paper", paperByKiosk);
app.route("/admin", admin);

app.notFound((c) => errorResponse(c, notFound()));
app.onError((error, c) => errorResponse(c, error));

export default app;
