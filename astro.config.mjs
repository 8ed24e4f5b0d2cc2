// @ts-check
import { fileURLToPath } from "node:url";
import { defineConfig } from "astro/config";
import cloudflare from "@astrojs/cloudflare";
import { loadContent } from "./functions/consultation/content.ts";
import { readContentSources } from "./functions/consultation/read-content.ts";

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

export default defineConfig({
  // A second checkout of the build (for example while another build is being tested) can live beside dist/.
  outDir: process.env.PORTAL_OUT_DIR ?? "dist",
  output: "static",
  adapter: cloudflare({ imageService: "passthrough" }),
  integrations: [validateContent()],
  trailingSlash: "ignore",
  build: { format: "directory", inlineStylesheets: "never" },
  devToolbar: { enabled: false },
});
