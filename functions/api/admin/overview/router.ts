/**
 * The figures behind the officers' overview, each a GROUP BY in D1:
 *   GET /api/admin/overview  responses and comments by channel, respondent type, day and paragraph; read, unread, answered, hidden;
 *                            and `retention`: when the retention job deletes, what is still held, deleted and erased
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { currentPeriod } from "../../../consultation/index.ts";
import { overview } from "../../../officers/overview.ts";
import { retentionFigures } from "../../../privacy/schedule.ts";

export const overviewRoutes = new Hono<OfficerEnv>();

const figures = officerEndpoint.createHandlers(async (c) => {
  const [counts, retention] = await Promise.all([overview(c.env.DB, currentPeriod(c.env)), retentionFigures(c.env.DB, c.env)]);
  return c.json({ ...counts, retention });
});

overviewRoutes.get("/", ...figures);
