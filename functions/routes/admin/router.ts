/** Everything officers do, under /api/admin, behind officer sign-in. */
import { Hono } from "hono";
import { requireOfficer, type OfficerEnv } from "../../auth/middleware.ts";
import { audit } from "./audit.ts";
import { comments } from "./comments.ts";
import { exporting } from "./export.ts";
import { moderation } from "./moderation.ts";
import { session } from "./session.ts";
import { tagging } from "./tagging.ts";
import { themes } from "./themes.ts";

export const admin = new Hono<OfficerEnv>();

admin.use(requireOfficer);
admin.route("/session", session);
admin.route("/comments", comments);
admin.route("/comments", moderation);
admin.route("/comments", tagging);
admin.route("/themes", themes);
admin.route("/audit", audit);
admin.route("/export", exporting);
