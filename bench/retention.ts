/**
 * The retention job over 100,000 comments: the export's comments, with
 * organisations, helpers, hiding reasons and a published feedback entry
 * quoting them, deleted by one run of the daily job (GET /__scheduled, as
 * `npm start` serves it), timed, with the growth of the workerd process's
 * memory while it runs; then a second run, which must change nothing.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { ConsultationContent } from "../functions/consultation/content.ts";
import { migrateLocalDatabase, startLocalServer } from "../scripts/local-server.ts";
import { EXPORT_BENCH_COMMENTS, executeBenchSql, mb, residentBytes, seed, TOKEN, workerdPids } from "./export.ts";

const WORKER_MEMORY_LIMIT = 128 * 1024 * 1024;

const PERSONAL_DETAILS = `
  UPDATE responses SET organisation = 'Org ' || id, respondent_type = 'organisation' WHERE id % 5 = 0;
  UPDATE responses SET assisted_organisation = 'Day centre', assisted_helper = 'Helper ' || id WHERE channel = 'kiosk';
  UPDATE responses SET paper_received_on = '2026-10-20' WHERE channel = 'paper';
  UPDATE comments SET status = 'hidden', moderation_note = 'Names someone' WHERE id % 50 = 0;
  UPDATE responses SET publish_consent = 1 WHERE id = 2;
  INSERT INTO feedback_entries (id, title, you_said, we_did, outcome, status, created_at, updated_at, published_at)
    VALUES (1, 'Outreach', 'More outreach.', 'Two nights a week.', 'changed', 'published', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z');
  INSERT INTO feedback_comments (feedback_id, comment_id) SELECT 1, id FROM comments WHERE id % 10 = 0 OR id = 2;
  INSERT INTO feedback_quotes (feedback_id, comment_id, position, excerpt) VALUES (1, 2, 0, 'we need more hostel beds');`;

export interface RetentionFigures {
  what: string;
  comments: number;
  seconds: number;
  rowsPerSecond: number;
  peakMemoryGrowthBytes: number;
}

async function timeRun(url: string, pids: number[]) {
  const memory = () => pids.reduce((sum, pid) => sum + residentBytes(pid), 0);
  const before = memory();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, memory())), 20);
  const started = performance.now();
  const response = await fetch(`${url}/__scheduled?cron=${encodeURIComponent("30 3 * * *")}`);
  if (!response.ok) throw new Error(`/__scheduled answered ${response.status}: ${await response.text()}`);
  await response.arrayBuffer();
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  return { seconds, growth: Math.max(peak, memory()) - before, before, peak };
}

/** Prints the figures and returns them, with whether the Worker stayed within its memory. */
export async function measureRetention(content: ConsultationContent, count = EXPORT_BENCH_COMMENTS): Promise<{ runs: RetentionFigures[]; withinLimit: boolean }> {
  console.log(`\nThe retention job over ${count.toLocaleString("en-GB")} comments`);
  const stateDirectory = mkdtempSync(join(".wrangler", "bench-retention-"));
  try {
    migrateLocalDatabase(stateDirectory);
    const [first, second] = content.draft.paragraphs.keys();
    seed(stateDirectory, count, [first!, second ?? first!]);
    executeBenchSql(stateDirectory, PERSONAL_DETAILS);
    // Closed long ago with 30 days' retention: the job is due.
    const vars = { ADMIN_TOKEN: TOKEN, OPENS_AT: "2020-01-01T00:00:00Z", CLOSES_AT: "2020-02-01T00:00:00Z", RETENTION_DAYS: "30", RATE_LIMITS: "off" };
    const server = await startLocalServer({ persistTo: stateDirectory, vars });
    try {
      const pids = workerdPids(server.process!.pid!);
      const overview = async () =>
        (await (await fetch(`${server.url}/api/admin/overview`, { headers: { Authorization: `Bearer ${TOKEN}` } })).json()) as {
          retention: { pending: { comments: number }; deleted: { comments: number } };
        };
      const runs: RetentionFigures[] = [];
      for (const what of ["first run: deletes everything", "second run: nothing left to delete"]) {
        const run = await timeRun(server.url, pids);
        runs.push({ what, comments: count, seconds: run.seconds, rowsPerSecond: count / run.seconds, peakMemoryGrowthBytes: run.growth });
        console.log(`  ${what}: ${run.seconds.toFixed(1)} s, workerd RSS ${mb(run.before)} → ${mb(run.peak)}`);
      }
      const { retention } = await overview();
      if (retention.deleted.comments !== count || retention.pending.comments !== 0) {
        throw new Error(`the job deleted the words of ${retention.deleted.comments} comments, leaving ${retention.pending.comments}`);
      }
      console.table(
        runs.map((run) => ({
          what: run.what,
          comments: run.comments.toLocaleString("en-GB"),
          seconds: run.seconds.toFixed(1),
          "comments/s": run.rowsPerSecond.toFixed(0),
          "workerd RSS growth": mb(run.peakMemoryGrowthBytes),
        })),
      );
      const withinLimit = pids.length > 0 && runs.every((run) => run.peakMemoryGrowthBytes < WORKER_MEMORY_LIMIT);
      console.log(`Worker memory during the retention job: ${withinLimit ? "within" : "OVER"} the 128 MB limit (growth of the whole workerd process, local D1 included)`);
      return { runs, withinLimit };
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(stateDirectory, { recursive: true, force: true });
  }
}
