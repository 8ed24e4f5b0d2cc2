/** GET /api/admin/themes (with counts), POST to create, PATCH /{id} to rename; GET /api/admin/themes/counts per paragraph. */
import { Hono } from "hono";
import { z } from "zod";
import type { OfficerEnv } from "../../auth/middleware.ts";
import { createTheme, listThemes, paragraphCounts, renameTheme } from "../../admin/themes.ts";
import { idParam, jsonBody } from "./body.ts";

export const themes = new Hono<OfficerEnv>();

export const themeSchema = z.object({ name: z.string().trim().min(1).max(80) });

themes.get("/", async (c) => c.json({ themes: await listThemes(c.env.DB) }));

themes.get("/counts", async (c) => {
  const [byTheme, byParagraph] = await Promise.all([listThemes(c.env.DB), paragraphCounts(c.env.DB)]);
  return c.json({ themes: byTheme, paragraphs: byParagraph });
});

themes.post("/", async (c) => {
  const { name } = await jsonBody(c, themeSchema, { name: "admin.error.themeName" });
  return c.json(await createTheme(c.env.DB, c.get("officer"), name), 201);
});

themes.patch("/:id", async (c) => {
  const { name } = await jsonBody(c, themeSchema, { name: "admin.error.themeName" });
  return c.json(await renameTheme(c.env.DB, c.get("officer"), idParam(c.req.param("id")), name));
});
