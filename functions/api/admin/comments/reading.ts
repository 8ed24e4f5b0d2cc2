/** Marking comments read or unread; each change is written together with its audit entry. */
import { officerEndpoint } from "../../context.ts";
import { jsonBody, jsonOnly } from "../officer-json.ts";
import { markReading, readingMarkSchema } from "../../../officers/reading.ts";

export const markRead = officerEndpoint.createHandlers(jsonOnly, jsonBody(readingMarkSchema), async (c) =>
  c.json(await markReading(c.env.DB, c.get("officer"), c.req.valid("json"))),
);
