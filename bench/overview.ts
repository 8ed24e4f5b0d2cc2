/**
 * The officers' overview over 100,000 comments: GET /api/admin/overview, the
 * /admin landing page that draws it, the heat map, the report, the comment
 * list with groups of near-duplicates as one row each and the groups' API,
 * each timed against GET /api/admin/session (sign-in checked, no figures) in the same run.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { join } from "node:path";
import type { ConsultationContent } from "../functions/consultation/content.ts";
import { migrateLocalDatabase, startLocalServer } from "../scripts/local-server.ts";
import { EXPORT_BENCH_COMMENTS, executeBenchSql, seed, TOKEN } from "./export.ts";

const RUNS = 10;

/**
 * Groups of near-duplicates as arrival would have left them: a confirmed
 * campaign of one comment in twenty (5,000 of 100,000), and one in five more
 * in 2,000 groups of about ten. Membership only: the list and the groups' API read no signature.
 */
const NEAR_DUPLICATES = `
  INSERT INTO duplicate_groups (id, created_at, confirmed_at, confirmed_by) VALUES (1, '2026-10-20T09:00:00Z', '2026-10-21T09:00:00Z', 'bench');
  WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 2001)
    INSERT INTO duplicate_groups (id, created_at) SELECT i + 1, '2026-10-20T09:00:00Z' FROM n;
  INSERT INTO comment_signatures (comment_id, group_id) SELECT id, 1 FROM comments WHERE id % 20 = 1;
  INSERT INTO comment_signatures (comment_id, group_id) SELECT id, 2 + (id / 50) % 2000 FROM comments WHERE id % 20 IN (2, 3, 4, 5);`;

/** Read states, hidden comments, respondent types and a published feedback entry, so every aggregate has work to do. */
const MIXED_STATES = `
  UPDATE comments SET read_at = '2026-10-20T09:00:00Z' WHERE id % 2 = 0;
  UPDATE comments SET status = 'hidden', moderation_note = 'bench' WHERE id % 50 = 0;
  UPDATE responses SET respondent_type = CASE id % 4 WHEN 0 THEN 'individual' WHEN 1 THEN 'organisation' ELSE NULL END;
  INSERT INTO feedback_entries (id, title, you_said, we_did, outcome, status, created_at, updated_at, published_at)
    VALUES (1, 'Outreach', 'More outreach.', 'Two nights a week.', 'changed', 'published', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z', '2026-11-01T09:00:00Z');
  INSERT INTO feedback_comments (feedback_id, comment_id) SELECT 1, id FROM comments WHERE id % 10 = 0;
  ${NEAR_DUPLICATES}`;

export interface OverviewFigures {
  what: string;
  comments: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
}

async function time(url: string, check: (response: Response) => Promise<void>): Promise<number[]> {
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const started = performance.now();
    const response = await fetch(url, { headers: { Authorization: `Bearer ${TOKEN}` } });
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    await check(response);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

/** Prints the figures and returns them. The first request of each is left out: it warms D1's cache. */
export async function measureOverview(content: ConsultationContent, count = EXPORT_BENCH_COMMENTS): Promise<OverviewFigures[]> {
  console.log(`\nThe officers' overview of ${count.toLocaleString("en-GB")} comments`);
  const stateDirectory = mkdtempSync(join(".wrangler", "bench-overview-"));
  try {
    migrateLocalDatabase(stateDirectory);
    const [first, second] = content.draft.paragraphs.keys();
    seed(stateDirectory, count, [first!, second ?? first!]);
    executeBenchSql(stateDirectory, MIXED_STATES);
    const server = await startLocalServer({ persistTo: stateDirectory, vars: { ADMIN_TOKEN: TOKEN, RATE_LIMITS: "off" } });
    try {
      const drain = async (response: Response) => void (await response.arrayBuffer());
      const targets: [string, string, (response: Response) => Promise<void>][] = [
        ["GET /api/admin/session (no figures)", "/api/admin/session", drain],
        [
          "GET /api/admin/overview",
          "/api/admin/overview",
          async (response) => {
            const figures = (await response.json()) as { comments: number };
            if (figures.comments !== count) throw new Error(`the overview counted ${figures.comments} comments, not ${count}`);
          },
        ],
        ["GET /admin/ (the overview page)", "/admin/", drain],
        ["GET /admin/draft/ (the heat map)", "/admin/draft/", drain],
        ["GET /api/admin/report", "/api/admin/report", drain],
        ["GET /admin/comments/ (the list, a group as one row)", "/admin/comments/", drain],
        ["GET /api/admin/duplicates (every group)", "/api/admin/duplicates", drain],
      ];
      const figures: OverviewFigures[] = [];
      for (const [what, path, check] of targets) {
        await fetch(`${server.url}${path}`, { headers: { Authorization: `Bearer ${TOKEN}` } }).then((response) => response.arrayBuffer());
        const times = await time(`${server.url}${path}`, check);
        figures.push({ what, comments: count, medianMs: times[Math.floor(times.length / 2)]!, minMs: times[0]!, maxMs: times.at(-1)! });
      }
      console.table(
        figures.map((figure) => ({
          what: figure.what,
          comments: figure.comments.toLocaleString("en-GB"),
          "median ms": figure.medianMs.toFixed(0),
          "min ms": figure.minMs.toFixed(0),
          "max ms": figure.maxMs.toFixed(0),
        })),
      );
      return figures;
    } finally {
      await server.stop();
    }
  } finally {
    rmSync(stateDirectory, { recursive: true, force: true });
  }
}
