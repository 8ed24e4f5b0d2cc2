/**
 * What a newcomer sees when building and what is deployed: a build with
 * nothing to worry about in its output, and a Worker config with exactly the
 * bindings the portal uses.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync } from "node:fs";
import { describe, it } from "vitest";
import { FIXTURE_OUT_DIR } from "../../scripts/local-server.ts";
import { startSite } from "./harness.ts";

/** Lines a newcomer cannot act on: warnings, failed network look-ups, features the portal does not use. */
const NOISE = [/\bWARN/i, /Enabling sessions/, /ENOTFOUND/, /Unable to fetch/, /does not call the/];

describe("building the site", () => {
  it("prints nothing a newcomer would have to worry about", async ({ expect }) => {
    const outDir = "dist-quiet";
    try {
      // The test's own environment may carry switches the scripts set; the build must be quiet without them.
      const { CLOUDFLARE_CF_FETCH_ENABLED: _cf, ...environment } = process.env;
      const build = spawnSync("npm", ["run", "build:fixture"], { env: { ...environment, PORTAL_OUT_DIR: outDir }, encoding: "utf8" });
      expect(build.status, build.stderr).toBe(0);
      const output = `${build.stdout}\n${build.stderr}`.split("\n").filter((line) => !line.startsWith("npm warn"));
      expect(output.filter((line) => NOISE.some((pattern) => pattern.test(line)))).toEqual([]);
    } finally {
      rmSync(`${outDir}-fixture`, { recursive: true, force: true });
    }
  });

  it("deploys a Worker with exactly the bindings the portal uses", ({ expect }) => {
    const config = JSON.parse(readFileSync(`${FIXTURE_OUT_DIR}/server/wrangler.json`, "utf8")) as Record<string, unknown>;
    expect(config.kv_namespaces ?? []).toEqual([]);
    expect((config.d1_databases as { binding: string }[]).map((database) => database.binding)).toEqual(["DB"]);
    expect((config.ratelimits as { name: string }[]).map((limit) => limit.name).sort()).toEqual(["KIOSK_LIMITER", "LOOKUP_LIMITER", "SUBMIT_LIMITER"]);
    expect((config.assets as { binding: string }).binding).toBe("ASSETS");
  });

  it("serves pages without warning about features the portal does not use", async ({ expect }) => {
    const site = await startSite();
    try {
      for (const path of ["/", "/comment/general", "/draft/"]) await fetch(`${site.url}${path}`);
      expect(site.output().split("\n").filter((line) => NOISE.some((pattern) => pattern.test(line)))).toEqual([]);
    } finally {
      await site.stop();
    }
  });
});
