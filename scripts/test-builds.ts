/**
 * The builds `npm test` serves: the site from content/ and the same site from
 * the tests' fixture consultation. They run side by side: one build leaves
 * part of the machine idle, and two together took 14 s instead of 20. Each
 * build's output is printed whole when it ends, so their lines never
 * interleave, and is also kept beside it (BUILD_OUTPUT_FILE): the test of what
 * a newcomer sees when building (test/e2e/build.test.ts) reads these builds'
 * own words instead of building the site a third time.
 */
import { spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { BUILD_OUTPUT_FILE, FIXTURE_OUT_DIR, OUT_DIR } from "./local-server.ts";

/** Runs one npm build script; prints its output once it ends, and keeps it if the build succeeded. */
async function build(script: string, outDir: string): Promise<boolean> {
  const child = spawn("npm", ["run", script], { stdio: ["ignore", "pipe", "pipe"] });
  let printed = "";
  for (const stream of [child.stdout, child.stderr]) {
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => (printed += chunk));
  }
  const status = await new Promise<number | null>((resolve) => child.on("close", resolve));
  process.stdout.write(`\n── ${outDir}/ (npm run ${script}) ──\n${printed}`);
  if (status === 0) writeFileSync(join(outDir, BUILD_OUTPUT_FILE), printed);
  return status === 0;
}

const built = await Promise.all([build("build", OUT_DIR), build("build:fixture", FIXTURE_OUT_DIR)]);
if (built.includes(false)) process.exit(1);
