/**
 * The figures behind the officers' overview, each a GROUP BY in D1:
 *   GET /api/admin/overview  responses and comments by channel, respondent type, day and paragraph; read, unread, answered, hidden
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { currentPeriod } from "../../../consultation/index.ts";
import { overview } from "../../../officers/overview.ts";

export const overviewRoutes = new Hono<OfficerEnv>();

const figures = officerEndpoint.createHandlers(async (c) => c.json(await overview(c.env.DB, currentPeriod(c.env))));

overviewRoutes.get("/", ...figures);
