// @ts-check
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import cloudflare from "@astrojs/cloudflare";
import { loadContent } from "./functions/consultation/content.ts";
import { readContentSources } from "./functions/consultation/read-content.ts";
import { STATIC_HEADERS } from "./functions/api/middleware/security-headers.ts";

/** Fails the build, naming the file and the problem, when content/ is invalid. */
function validateContent() {
  return {
    name: "consultation-content",
    hooks: {
      /** @param {{ config: import("astro").AstroConfig, logger: import("astro").AstroIntegrationLogger }} options */
      "astro:config:setup": ({ config, logger }) => {
        const { draft } = loadContent(readContentSources(fileURLToPath(config.root)));
        logger.info(`content is valid: ${draft.sections.length} sections, ${draft.paragraphs.size} paragraphs`);
      },
    },
  };
}

/** Static files bypass the Worker, so they get the Worker's security headers through _headers. */
function staticSecurityHeaders() {
  return {
    name: "static-security-headers",
    hooks: {
      /** @param {{ dir: URL }} options */
      "astro:build:done": ({ dir }) => {
        const file = fileURLToPath(new URL("_headers", dir));
        const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
        const block = ["/*", ...Object.entries(STATIC_HEADERS).map(([name, value]) => `  ${name}: ${value}`)].join("\n");
        writeFileSync(file, `${block}\n\n${existing}`);
      },
    },
  };
}

export default defineConfig({
  // A second checkout of the build (for example while another build is being tested) can live beside dist/.
  outDir: process.env.PORTAL_OUT_DIR ?? "dist",
  output: "static",
  adapter: cloudflare({ imageService: "passthrough" }),
  integrations: [validateContent(), staticSecurityHeaders()],
  trailingSlash: "ignore",
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
  // The consultation the site is built from; tests point this at a fixture consultation instead.
  vite: { resolve: { alias: { "@content": fileURLToPath(new URL("./content", import.meta.url)) } } },
});
