/**
 * The figures behind the officers' overview, each a GROUP BY in D1:
 *   GET /api/admin/overview  responses and comments by channel, respondent type, day and paragraph; read, unread, answered, hidden;
 *                            `retention`: when the retention job deletes, what is still held, deleted and erased;
 *                            and `campaigns`: confirmed campaigns, one item each with its size
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { officerDesk } from "../../../officers/desk.ts";

export const overviewRoutes = new Hono<OfficerEnv>();

const figures = officerEndpoint.createHandlers(async (c) => c.json(await officerDesk(c.env, c.get("officer")).overview()));

overviewRoutes.get("/", ...figures);
