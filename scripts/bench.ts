/**
 * `npm run bench`: measures the built site served locally, and writes the
 * figures to bench/results.json. Figures from one run are compared with each
 * other (the ratios are the headline), never with a fixed number of seconds.
 * bench/README.md says how to read them.
 */
import { cpus } from "node:os";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadContent } from "../functions/consultation/content.ts";
import { readContentSources } from "../functions/consultation/read-content.ts";
import { migrateLocalDatabase, startLocalServer } from "./local-server.ts";
import { measurePageWeights } from "../bench/page-weight.ts";
import { measureSubmitThroughput } from "../bench/throughput.ts";
import { measureExport } from "../bench/export.ts";
import { measureBuildTimes } from "../bench/build-time.ts";
import { measureOverview } from "../bench/overview.ts";
import { measureRetention } from "../bench/retention.ts";
import { measureLcp } from "../bench/lcp.ts";
import { measureLighthouse } from "../bench/lighthouse.ts";
import { measureLocalServer } from "../bench/local-server.ts";
import { GROUPING_GOAL, measureGrouping } from "../bench/duplicates.ts";

const content = loadContent(readContentSources("."));
const stateDirectory = mkdtempSync(join(".wrangler", "bench-"));
migrateLocalDatabase(stateDirectory);
const server = await startLocalServer({
  persistTo: stateDirectory,
  vars: { OPENS_AT: "2026-01-01T00:00:00Z", CLOSES_AT: "2099-12-31T23:59:59Z", RATE_LIMITS: "off" },
});
let pageWeight;
let throughput;
let lcp;
let lighthouse;
let localServer;
try {
  pageWeight = await measurePageWeights(server.url, content);
  lcp = await measureLcp(server.url, content);
  lighthouse = await measureLighthouse(server.url, content);
  localServer = await measureLocalServer(server.url, "/plural-rules.js");
  throughput = await measureSubmitThroughput(server.url, content.draft.sections[0]!.paragraphs[0]!.id);
} finally {
  await server.stop();
  rmSync(stateDirectory, { recursive: true, force: true });
}
// The export runs its own server on its own database of 100,000 comments.
// A failure here is recorded with the other figures, and fails the run, rather than losing them.
const exporting = await measureExport(content).catch((error: unknown) => ({ runs: { error: String(error), cause: String((error as Error).cause) }, withinLimit: false }));
const overview = await measureOverview(content);
const retention = await measureRetention(content);
const grouping = await measureGrouping();
const build = measureBuildTimes(content.draft.paragraphs.size);

const results = {
  measuredAt: new Date().toISOString(),
  // What issue 22 measured before this run's changes, kept beside the figures to compare with.
  before: JSON.parse(readFileSync("bench/before.json", "utf8")) as unknown,
  machine: { cpus: cpus().length, model: cpus()[0]?.model, node: process.version },
  pageWeight: pageWeight.pages,
  largestContentfulPaint: lcp,
  lighthouse,
  localServer,
  throughput,
  export: exporting.runs,
  overview,
  retention: retention.runs,
  grouping,
  build,
};
writeFileSync("bench/results.json", `${JSON.stringify(results, null, 2)}\n`);
console.log("\nFigures written to bench/results.json");
process.exit(pageWeight.withinBudget && exporting.withinLimit && retention.withinLimit && GROUPING_GOAL(grouping) && [...throughput.rows, ...localServer.rows].every((row) => row.failures === 0) ? 0 : 1);
