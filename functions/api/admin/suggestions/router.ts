/**
 * Suggested groupings of comments that talk about the same thing:
 *   GET  /api/admin/suggestions?scope=whole|section|paragraph&section=&paragraph=   the groupings, largest first
 *   POST /api/admin/suggestions/discard?scope=…  {commentIds}                      do not propose these comments again
 * Turning one into a theme is a bulk tag: POST /api/admin/comments/bulk {action:"tag", commentIds, theme | themeName}.
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { jsonBody, jsonOnly } from "../officer-json.ts";
import { validate } from "../../validation.ts";
import { discardGrouping, discardSchema, suggestGroupings, suggestionScopeSchema } from "../../../officers/suggestions/suggestions.ts";

export const suggestions = new Hono<OfficerEnv>();

const scope = validate("query", suggestionScopeSchema);

const list = officerEndpoint.createHandlers(scope, async (c) => c.json(await suggestGroupings(c.env.DB, c.req.valid("query"))));

const discard = officerEndpoint.createHandlers(scope, jsonOnly, jsonBody(discardSchema), async (c) =>
  c.json(await discardGrouping(c.env.DB, c.get("officer"), c.req.valid("query"), c.req.valid("json").commentIds), 201),
);

suggestions.get("/", ...list);
suggestions.post("/discard", ...discard);
