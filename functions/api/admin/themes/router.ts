/**
 * Themes officers group comments into:
 *   GET   /api/admin/themes         every theme, with its number of comments
 *   GET   /api/admin/themes/counts  comments per theme and per paragraph
 *   GET   /api/admin/themes/figures comments per theme by section and by week
 *   POST  /api/admin/themes {name}  create one
 *   PATCH /api/admin/themes/{id}    rename it {name}
 *   POST  /api/admin/themes/{id}/merge {into}  merge it into another theme: its comments re-tagged, it is deleted
 *   DELETE /api/admin/themes/{id}   delete it: its comments untagged
 */
import { Hono } from "hono";
import { officerEndpoint, type OfficerEnv } from "../../context.ts";
import { jsonBody, jsonOnly, themeIdParam } from "../officer-json.ts";
import { validate } from "../../validation.ts";
import { createTheme, listThemes, paragraphCounts, removeTheme, renameTheme, themeMergeSchema, themeNameSchema } from "../../../officers/themes.ts";
import { themeFigures } from "../../../officers/theme-figures.ts";

export const themes = new Hono<OfficerEnv>();

const list = officerEndpoint.createHandlers(async (c) => c.json({ themes: await listThemes(c.env.DB) }));

const counts = officerEndpoint.createHandlers(async (c) => {
  const [byTheme, byParagraph] = await Promise.all([listThemes(c.env.DB), paragraphCounts(c.env.DB)]);
  return c.json({ themes: byTheme, paragraphs: byParagraph });
});

const figures = officerEndpoint.createHandlers(async (c) => c.json(await themeFigures(c.env.DB)));

const create = officerEndpoint.createHandlers(jsonOnly, jsonBody(themeNameSchema), async (c) =>
  c.json(await createTheme(c.env.DB, c.get("officer"), c.req.valid("json").name), 201),
);

const rename = officerEndpoint.createHandlers(themeIdParam, jsonOnly, jsonBody(themeNameSchema), async (c) =>
  c.json(await renameTheme(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json").name)),
);

const merge = officerEndpoint.createHandlers(themeIdParam, jsonOnly, validate("json", themeMergeSchema, { messages: { into: "admin.error.themeInto" } }), async (c) =>
  c.json(await removeTheme(c.env.DB, c.get("officer"), c.req.valid("param").id, c.req.valid("json").into)),
);

const remove = officerEndpoint.createHandlers(themeIdParam, async (c) => {
  await removeTheme(c.env.DB, c.get("officer"), c.req.valid("param").id);
  return c.body(null, 204);
});

themes.get("/", ...list);
themes.get("/counts", ...counts);
themes.get("/figures", ...figures);
themes.post("/", ...create);
themes.patch("/:id", ...rename);
themes.post("/:id/merge", ...merge);
themes.delete("/:id", ...remove);
