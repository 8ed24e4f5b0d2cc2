import { fileURLToPath } from "node:url";
import { cloudflareTest, readD1Migrations } from "@cloudflare/vitest-plugin";
import { defineConfig } from "vitest/config";
import { answerOutbound } from "./test/outbound.ts";
import SuiteSequencer from "./test/sequencer.ts";

/**
 * Files running at once, across all three projects, which share these slots
 * (test/sequencer.ts). Three measured fastest on two cores: the end-to-end
 * files wait on a browser and a server as much as they compute.
 */
const SLOTS = 3;

export default defineConfig(async () => {
  const migrations = await readD1Migrations("./migrations");
  return {
    test: {
      sequence: { sequencer: SuiteSequencer },
      projects: [
        {
          // The API and the shared rules, inside workerd against a migrated local D1,
          // on a small fixture consultation so a council's own content/ never breaks them.
          resolve: { alias: { "@content": fileURLToPath(new URL("./test/fixtures/content", import.meta.url)) } },
          plugins: [
            cloudflareTest({
              main: "./functions/api/index.ts",
              wrangler: { configPath: "./wrangler.toml" },
              miniflare: {
                // Fixed here so a developer's .dev.vars never changes what the tests see.
                bindings: {
                  TEST_MIGRATIONS: migrations,
                  OPENS_AT: "",
                  CLOSES_AT: "",
                  ADMIN_TOKEN: "",
                  ACCESS_TEAM_DOMAIN: "",
                  ACCESS_AUD: "",
                  RATE_LIMITS: "",
                  RATE_LIMIT_SALT: "",
                  TURNSTILE_SITE_KEY: "",
                  TURNSTILE_SECRET: "",
                  KIOSK_GRACE_DAYS: "",
                  PAPER_GRACE_DAYS: "",
                  RETENTION_DAYS: "",
                  SCHEDULED_ON_DEMAND: "",
                },
                // The Worker's outbound fetch (such as Cloudflare Access's keys) is answered by test/outbound.ts.
                outboundService: answerOutbound,
              },
            }),
          ],
          test: {
            name: "workers",
            maxWorkers: SLOTS,
            // Files run one after another in the same workerd, which then transforms and loads the code once
            // instead of for every file; test/api/setup.ts gives each file the database the migrations leave.
            isolate: false,
            include: ["test/api/**/*.test.ts", "test/store/**/*.test.ts", "test/unit/**/*.test.ts", "test/reliability/**/*.workers.test.ts"],
            setupFiles: ["./test/api/setup.ts"],
            // A test counting requests to a rate limit may first wait up to 10 s for a new window (test/rate-windows.ts).
            testTimeout: 30_000,
          },
        },
        {
          // Load, faults and hostile page posts against the served site (npm run test:reliability).
          test: {
            name: "reliability",
            include: ["test/reliability/**/*.site.test.ts"],
            environment: "node",
            testTimeout: 600_000,
            hookTimeout: 120_000,
            // Its two files side by side, each serving its own site, and beside the other projects' files.
            fileParallelism: true,
            maxWorkers: SLOTS,
          },
        },
        {
          // The built site, served by wrangler dev and driven in a real Chromium. Tests that read the code's own
          // route tables (test/e2e/officer-gate.test.ts) import it built from the fixture consultation, as the site is.
          resolve: { alias: { "@content": fileURLToPath(new URL("./test/fixtures/content", import.meta.url)) } },
          test: {
            name: "e2e",
            include: ["test/e2e/**/*.test.ts"],
            environment: "node",
            testTimeout: 60_000,
            hookTimeout: 120_000,
            // Each file serves its own site on its own port and database. Files run one after another in
            // each process, which keeps one browser for all of its files (test/e2e/harness.ts).
            maxWorkers: SLOTS,
            isolate: false,
          },
        },
      ],
    },
  };
});
