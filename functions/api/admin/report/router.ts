/**
 * The consultation report for councillors:
 *   GET /api/admin/report?format=json|csv  what was consulted on, how people took part, themes with quotes, outcomes
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { validate } from "../../validation.ts";
import { currentPeriod } from "../../../consultation/index.ts";
import { consultationReport, reportCsv, reportFilename, reportQuerySchema } from "../../../officers/report.ts";

export const report = new Hono<OfficerEnv>();

const read = officerEndpoint.createHandlers(validate("query", reportQuerySchema, { messages: { format: "admin.error.reportFormat" } }), async (c) => {
  const figures = await consultationReport(c.env.DB, currentPeriod(c.env));
  if (c.req.valid("query").format === "json") return c.json(figures);
  return new Response(reportCsv(figures), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8; header=present",
      "Content-Disposition": `attachment; filename="${reportFilename("csv")}"`,
      "X-Content-Type-Options": "nosniff",
    },
  });
});

report.get("/", ...read);
