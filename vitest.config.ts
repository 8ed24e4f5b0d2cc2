import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { answerOutbound } from "./test/outbound.ts";

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    test: {
      projects: [
        {
          // The API and the shared rules, inside workerd against a migrated local D1.
          plugins: [
            cloudflareTest({
              main: "./functions/index.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                // Fixed here so a developer's .dev.vars never changes what the tests see.
                bindings: { TEST_MIGRATIONS: migrations, OPENS_AT: "", CLOSES_AT: "", ADMIN_TOKEN: "", RATE_LIMITS: "" },
                // The Worker's outbound fetch (such as Cloudflare Access's keys) is answered by test/outbound.ts.
                outboundService: answerOutbound,
              },
            }),
          ],
          test: {
            name: "workers",
            include: ["test/api/**/*.test.ts", "test/unit/**/*.test.ts"],
            setupFiles: ["./test/api/apply-migrations.ts"],
          },
        },
        {
          // The built site, served by wrangler dev and driven in a real Chromium.
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            environment: "node",
            testTimeout: 60_000,
            hookTimeout: 120_000,
            fileParallelism: false,
          },
        },
      ],
    },
  };
});
