/**
 * `npm run bench`: measures the built site served locally. Figures from one
 * run are compared with each other, never with a fixed number of seconds.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import { migrateLocalDatabase, startLocalServer } from "./local-server.ts";
import { reportPageWeights } from "../bench/page-weight.ts";
import { reportSubmitThroughput } from "../bench/throughput.ts";
import { reportExportBench } from "../bench/export.ts";

const stateDirectory = mkdtempSync(join(".wrangler", "bench-"));
migrateLocalDatabase(stateDirectory);
const server = await startLocalServer({
  persistTo: stateDirectory,
  vars: { OPENS_AT: "2026-01-01T00:00:00Z", CLOSES_AT: "2099-12-31T23:59:59Z", RATE_LIMITS: "off" },
});
let ok = true;
try {
  ok = (await reportPageWeights(server.url)) && ok;
  ok = (await reportSubmitThroughput(server.url)) && ok;
} finally {
  await server.stop();
  rmSync(stateDirectory, { recursive: true, force: true });
}
// The export bench runs its own server on its own database of 100,000 comments.
ok = (await reportExportBench()) && ok;
process.exit(ok ? 0 : 1);
