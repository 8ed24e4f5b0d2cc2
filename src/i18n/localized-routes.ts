/**
 * Every public page in every language, from one page file: this integration
 * finds the pages in src/pages (not the officers' pages under admin/, the API
 * or the error pages, which have one address) and gives each a second route,
 * /[locale]/…, served by the same file. /track is then also /es/track and
 * /it/track, whatever languages functions/i18n/messages/ holds; a page reads
 * its language from its address (src/site.ts).
 *
 * A prerendered page with that second route needs the locale in its
 * getStaticPaths: `export const getStaticPaths = languagePaths`, or
 * `inEveryLanguage(routePattern, pages)` when it has other parameters. An
 * on-demand page needs nothing: src/middleware.ts answers an unknown locale
 * with the not-found page.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { AstroIntegration } from "astro";

/** Pages with one address in every language: the officers' area, the API and the error pages. */
const SINGLE_ADDRESS = [/^admin\//, /^api\//, /^404\.astro$/, /^500\.astro$/];

function pageFiles(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".astro"))
    .map((entry) => relative(folder, join(entry.parentPath, entry.name)).split("\\").join("/"));
}

/** "draft/[section].astro" → "/[locale]/draft/[section]"; "index.astro" → "/[locale]". */
export function localizedPattern(file: string): string {
  const route = file.replace(/\.astro$/, "").replace(/(^|\/)index$/, "");
  return `/[locale]${route ? `/${route}` : ""}`;
}

/** A prerendered page must list its language versions; say so, naming the file, rather than let Astro fail on the route. */
function checkLanguagePaths(file: string, source: string) {
  const onDemand = /export\s+const\s+prerender\s*=\s*false/.test(source);
  if (!onDemand && !source.includes("getStaticPaths")) {
    throw new Error(
      `src/pages/${file} is prerendered, so it needs its language versions listed: add \`export const getStaticPaths = languagePaths;\` (from src/site.ts). See "Languages" in docs/content.md.`,
    );
  }
}

export function localizedRoutes(): AstroIntegration {
  return {
    name: "localized-routes",
    hooks: {
      "astro:config:setup": ({ config, injectRoute }) => {
        const pages = fileURLToPath(new URL("pages/", config.srcDir));
        for (const file of pageFiles(pages).filter((page) => !SINGLE_ADDRESS.some((rule) => rule.test(page)))) {
          checkLanguagePaths(file, readFileSync(join(pages, file), "utf8"));
          injectRoute({ pattern: localizedPattern(file), entrypoint: join(pages, file) });
        }
      },
    },
  };
}
