/** Everything officers do, under /api/admin, behind officer sign-in. Each resource lists its own endpoints. */
import { Hono } from "hono";
import type { OfficerEnv } from "../context.ts";
import { noStore } from "../middleware/no-store.ts";
import { requireOfficer } from "../middleware/officer.ts";
import { audit } from "./audit/router.ts";
import { comments } from "./comments/router.ts";
import { duplicates } from "./duplicates/router.ts";
import { exporting } from "./export/router.ts";
import { feedback } from "./feedback/router.ts";
import { publishing } from "./publication/router.ts";
import { kiosks } from "./kiosks/router.ts";
import { overviewRoutes } from "./overview/router.ts";
import { report } from "./report/router.ts";
import { responses } from "./responses/router.ts";
import { paper } from "./paper/router.ts";
import { session } from "./session/router.ts";
import { officers } from "./officers/router.ts";
import { suggestions } from "./suggestions/router.ts";
import { themes } from "./themes/router.ts";

export const admin = new Hono<OfficerEnv>();

admin.use(noStore, requireOfficer);
admin.route("/session", session);
admin.route("/comments", comments);
admin.route("/themes", themes);
admin.route("/suggestions", suggestions);
admin.route("/duplicates", duplicates);
admin.route("/audit", audit);
admin.route("/export", exporting);
admin.route("/feedback", feedback);
admin.route("/publication", publishing);
admin.route("/kiosks", kiosks);
admin.route("/paper", paper);
admin.route("/overview", overviewRoutes);
admin.route("/report", report);
admin.route("/responses", responses);
admin.route("/officers", officers);
