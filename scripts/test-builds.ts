/**
 * The builds `npm test` serves: the site from content/ and the same site from
 * the tests' fixture consultation. Each build prints as it goes, as
 * `npm run build` does, and what it printed is also kept beside it
 * (BUILD_OUTPUT_FILE), so the test of what a newcomer sees when building
 * (test/e2e/build.test.ts) reads these builds' own words instead of building
 * the site a third time.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BUILD_OUTPUT_FILE, FIXTURE_OUT_DIR, OUT_DIR } from "./local-server.ts";

/** Runs one npm build script, echoing its output, and keeps that output in the folder it built. */
async function build(script: string, outDir: string): Promise<void> {
  const child = spawn("npm", ["run", script], { stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  for (const [from, to] of [
    [child.stdout, process.stdout],
    [child.stderr, process.stderr],
  ] as const) {
    from.setEncoding("utf8");
    from.on("data", (chunk: string) => {
      printed += chunk;
      to.write(chunk);
    });
  }
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  if (status !== 0) process.exit(status ?? 1);
  writeFileSync(join(outDir, BUILD_OUTPUT_FILE), printed);
}

await build("build", OUT_DIR);
await build("build:fixture", FIXTURE_OUT_DIR);
