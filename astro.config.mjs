// @ts-check
import { resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import cloudflare from "@astrojs/cloudflare";
import { loadContent } from "./functions/consultation/content.ts";
import { periodProblem } from "./functions/consultation/period.ts";
import { readContentSources } from "./functions/consultation/read-content.ts";
import { inlineStylesPlugin, readInlineStyles } from "./scripts/inline-styles.ts";
import { inlineScriptsPlugin, readInlineScripts } from "./scripts/inline-scripts.ts";
import { writeStaticSecurityHeaders } from "./scripts/static-headers.ts";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from "./functions/i18n/index.ts";
import { localizedRoutes } from "./src/i18n/localized-routes.ts";

/**
 * The folder holding the consultation's content/ folder: this repository, or
 * (for the end-to-end tests) test/fixtures with its fixture consultation.
 */
const contentRoot = resolve(process.env.PORTAL_CONTENT_ROOT ?? ".");

/** The stylesheets every page carries inline, and their hashes, read once for the pages, the Worker and _headers. */
const inlineStyles = readInlineStyles(fileURLToPath(new URL("./src/styles", import.meta.url)));
/** The commenting script's loader, which pages carry inline, and its hash, read once likewise. */
const inlineScripts = readInlineScripts(fileURLToPath(new URL("./public", import.meta.url)));

/**
 * Fails the build, naming the file and the problem, when content/ is invalid,
 * or when OPENS_AT/CLOSES_AT given to the build (as `CLOSES_AT=… npm start`
 * does) would not make sense with the content's dates.
 */
function validateContent() {
  return {
    name: "consultation-content",
    hooks: {
      /** @param {{ logger: import("astro").AstroIntegrationLogger }} options */
      "astro:config:setup": ({ logger }) => {
        const { settings, draft } = loadContent(readContentSources(contentRoot), LANGUAGE_CODES);
        const problem = periodProblem(settings.period, process.env);
        if (problem) {
          logger.error(`a setting given to the build needs changing:\n\n${problem}\n`);
          process.exit(1);
        }
        logger.info(`content is valid: ${draft.sections.length} sections, ${draft.paragraphs.size} paragraphs`);
      },
    },
  };
}

/** Static files bypass the Worker, so they get the Worker's security headers through _headers (scripts/static-headers.ts). */
function staticSecurityHeaders() {
  return {
    name: "static-security-headers",
    hooks: {
      /** @param {{ dir: URL }} options */
      "astro:build:done": ({ dir }) =>
        // The draft pages are static, so they can show the inline form's Turnstile check only if the build knows it is on.
        writeStaticSecurityHeaders(fileURLToPath(dir), {
          turnstile: Boolean(process.env.TURNSTILE_SITE_KEY),
          styleHashes: inlineStyles.hashes,
          scriptHashes: inlineScripts.hashes,
        }),
    },
  };
}

export default defineConfig({
  // A second checkout of the build (for example while another build is being tested) can live beside dist/.
  outDir: process.env.PORTAL_OUT_DIR ?? "dist",
  output: "static",
  adapter: cloudflare({ imageService: "passthrough" }),
  // The portal keeps no Astro sessions (officers sign in with their own cookie), so no KV binding is deployed for them.
  session: false,
  integrations: [validateContent(), staticSecurityHeaders(), localizedRoutes()],
  // English at /, every other language with a dictionary in functions/i18n/messages/ at /CODE/ (src/i18n/localized-routes.ts).
  i18n: { locales: LANGUAGE_CODES, defaultLocale: DEFAULT_LANGUAGE, routing: { prefixDefaultLocale: false } },
  trailingSlash: "ignore",
  // Form posts from another site are refused by the portal's own rule (functions/api/middleware/same-origin.ts), with a
  // page or error in the person's language; Astro's check would answer a post without an Origin header in plain English.
  security: { checkOrigin: false },
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  // The consultation the site is built from, imported as @content/….
  // The stylesheets, inline in every page, as `virtual:inline-styles`; the commenting script's loader as `virtual:inline-scripts`.
  vite: {
    resolve: { alias: { "@content": resolve(contentRoot, "content") } },
    plugins: [inlineStylesPlugin(inlineStyles), inlineScriptsPlugin(inlineScripts)],
    // The Worker minified: two fifths less code for Cloudflare to load at each cold start (and for workerd at
    // each local start), its stack traces mapped back by the source maps wrangler uploads with it.
    environments: { ssr: { build: { rolldownOptions: { output: { minify: true } } } } },
  },
});
