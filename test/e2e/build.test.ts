/**
 * What a newcomer sees when building and what is deployed: a build with
 * nothing to worry about in its output, and a Worker config with exactly the
 * bindings the portal uses.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { describe, it } from "vitest";
import { BUILD_OUTPUT_FILE, FIXTURE_OUT_DIR, OUT_DIR } from "../../scripts/local-server.ts";
import { startSite } from "./harness.ts";

/** Lines a newcomer cannot act on: warnings, failed network look-ups, features the portal does not use. */
const NOISE = [/\bWARN/i, /Enabling sessions/, /ENOTFOUND/, /Unable to fetch/, /does not call the/];

describe("building the site", () => {
  /**
   * What `npm test`'s own builds printed (scripts/test-builds.ts): the site from content/, as a newcomer
   * builds it, and the fixture the tests serve. A record older than its build is not that build's.
   */
  function printedBy(outDir: string): string[] {
    const record = join(outDir, BUILD_OUTPUT_FILE);
    if (!existsSync(record)) throw new Error(`${record} is missing: run \`npm test\`, which builds the site and keeps what the build printed`);
    if (statSync(record).mtimeMs < statSync(join(outDir, "server", "wrangler.json")).mtimeMs) {
      throw new Error(`${record} is older than the build in ${outDir}/: run \`npm test\`, which builds again and keeps what it printed`);
    }
    // Colours, where the build chose them, are taken out: the words are what is read.
    return stripVTControlCharacters(readFileSync(record, "utf8"))
      .split("\n")
      .filter((line) => !line.startsWith("npm warn"));
  }

  for (const outDir of [OUT_DIR, FIXTURE_OUT_DIR]) {
    it(`prints nothing a newcomer would have to worry about (${outDir}/)`, ({ expect }) => {
      const printed = printedBy(outDir);
      // The build's own last line: a record cut short would pass for a quiet build.
      expect(printed.some((line) => line.includes("[build] Complete!"))).toBe(true);
      expect(printed.filter((line) => NOISE.some((pattern) => pattern.test(line)))).toEqual([]);
    });
  }

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
