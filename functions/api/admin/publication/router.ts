/**
 * Whether the comments themselves are published:
 *   GET /api/admin/publication                          {responsesPublished, changedAt}
 *   PUT /api/admin/publication {responsesPublished}     publish them, or stop; audited
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { jsonBody, jsonOnly } from "../officer-json.ts";
import { publication, publicationSchema, setResponsesPublished } from "../../../feedback/published-comments.ts";

export const publishing = new Hono<OfficerEnv>();

const read = officerEndpoint.createHandlers(async (c) => c.json(await publication(c.env.DB)));

const change = officerEndpoint.createHandlers(jsonOnly, jsonBody(publicationSchema), async (c) =>
  c.json(await setResponsesPublished(c.env.DB, c.get("officer"), c.req.valid("json").responsesPublished)),
);

publishing.get("/", ...read);
publishing.put("/", ...change);
