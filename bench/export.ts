/**
 * Export throughput for 100,000 comments: the Worker streaming CSV and
 * NDJSON from a local D1, the peak memory of the workerd process while it
 * does, and `sqlite3 -csv` dumping the same rows from the same D1 file.
 */
import { spawnSync } from "node:child_process";
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { get, type IncomingMessage } from "node:http";
import { join } from "node:path";
import type { ConsultationContent } from "../functions/consultation/content.ts";
import { migrateLocalDatabase, startLocalServer } from "../scripts/local-server.ts";

export const EXPORT_BENCH_COMMENTS = 100_000;
const WORKER_MEMORY_LIMIT = 128 * 1024 * 1024;
export const TOKEN = "bench-officer-token";
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" };

const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

/** Runs SQL against a local D1, as `wrangler d1 execute` does for a developer. */
export function executeBenchSql(stateDirectory: string, sql: string): void {
  const result = spawnSync("wrangler", ["d1", "execute", "DB", "--local", "--persist-to", stateDirectory, "--command", sql, "--yes"], {
    env: quietEnv,
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`seeding failed:\n${result.stdout}\n${result.stderr}`);
}

/** 100,000 one-comment responses on three of the draft's paragraphs, a third tagged with themes, made inside SQLite so seeding takes seconds. */
export function seed(stateDirectory: string, count: number, paragraphs: [string, string]): void {
  const sql = `
    WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < ${count})
    INSERT INTO responses (reference, idempotency_key_hash, content_hash, channel, received_at, publish_consent)
    SELECT printf('B%09d', i), 'key-' || i, 'content-' || i, CASE i % 3 WHEN 0 THEN 'online' WHEN 1 THEN 'kiosk' ELSE 'paper' END,
           strftime('%Y-%m-%dT%H:%M:%fZ', '2026-10-05 08:00:00', '+' || (i * 5) || ' seconds'), i % 2
    FROM n;
    INSERT INTO comments (response_id, position, paragraph_id, paragraph_revision, text)
    SELECT id, 1, CASE id % 3 WHEN 0 THEN ${sqlText(paragraphs[0])} WHEN 1 THEN ${sqlText(paragraphs[1])} ELSE 'general' END,
           CASE id % 3 WHEN 2 THEN 0 ELSE 1 END,
           printf('Comment %d: "we need more hostel beds", said one person, near the café 🏠.%s More outreach at night would help people sleeping rough in the town centre, and a day centre open at weekends.', id, CASE WHEN id % 10 = 0 THEN char(10) || '=SUM(A1:A2)' ELSE '' END)
    FROM responses;
    INSERT INTO themes (name, created_at) VALUES ('Outreach', '2026-10-06T09:00:00Z'), ('Hostels', '2026-10-06T09:00:00Z'), ('Health', '2026-10-06T09:00:00Z');
    INSERT INTO comment_themes (comment_id, theme_id) SELECT id, 1 + id % 3 FROM comments WHERE id % 3 = 0;`;
  executeBenchSql(stateDirectory, sql);
}

function sqliteFile(stateDirectory: string): string {
  const folder = join(stateDirectory, "v3", "d1", "miniflare-D1DatabaseObject");
  const files = readdirSync(folder).filter((name) => name.endsWith(".sqlite") && name !== "metadata.sqlite");
  const largest = files.map((name) => join(folder, name)).sort((a, b) => statSync(b).size - statSync(a).size)[0];
  if (!largest) throw new Error(`no D1 file in ${folder}`);
  return largest;
}

/** Every process below pid (wrangler starts workerd as a child). */
function descendants(pid: number): number[] {
  const children = new Map<number, number[]>();
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      children.set(parent, [...(children.get(parent) ?? []), Number(entry)]);
    } catch {
      // The process ended while we looked.
    }
  }
  const found: number[] = [];
  const visit = (id: number) => (children.get(id) ?? []).forEach((child) => (found.push(child), visit(child)));
  visit(pid);
  return found;
}

export function residentBytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) * 1024 : 0;
  } catch {
    return 0;
  }
}

export function workerdPids(rootPid: number): number[] {
  return descendants(rootPid).filter((pid) => {
    try {
      return readFileSync(`/proc/${pid}/comm`, "utf8").trim() === "workerd";
    } catch {
      return false;
    }
  });
}

export const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function timeExport(url: string, format: string, pids: number[]) {
  const memory = () => pids.reduce((sum, pid) => sum + residentBytes(pid), 0);
  const before = memory();
  let peak = before;
  const sampler = setInterval(() => (peak = Math.max(peak, memory())), 20);
  const started = performance.now();
  // A connection of its own: fetch's pool may still hold a socket to an earlier phase's server
  // that had the same port, and would send the request down it.
  const response = await new Promise<IncomingMessage>((resolve, reject) =>
    get(`${url}/api/admin/export?format=${format}`, { headers: { Authorization: `Bearer ${TOKEN}` }, agent: false }, resolve).on("error", reject),
  );
  if (response.statusCode !== 200) throw new Error(`export answered ${response.statusCode}`);
  let bytes = 0;
  let lines = 0;
  for await (const chunk of response as AsyncIterable<Uint8Array>) {
    bytes += chunk.length;
    for (const byte of chunk) if (byte === 10) lines++;
  }
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  peak = Math.max(peak, memory());
  return { seconds, bytes, lines, before, peak };
}

/**
 * The same rows and columns as the export, from the same file, with the same
 * joins: the paragraphs' numbers, sections and words (which the Worker takes
 * from the bundled draft) loaded into a table first, and the themes aggregated.
 */
function timeSqlite(file: string, content: ConsultationContent): { seconds: number; bytes: number } | string {
  if (spawnSync("sqlite3", ["-version"]).error) return "sqlite3 is not installed (apt-get install sqlite3): no comparison";
  const folder = mkdtempSync(join(".wrangler", "bench-sqlite-"));
  try {
    const copy = join(folder, "export.sqlite");
    copyFileSync(file, copy);
    const paragraphs = content.draft.sections.flatMap((section) =>
      section.paragraphs.flatMap((paragraph) =>
        (content.lock.paragraphs[paragraph.id]?.revisions ?? []).map(
          (revision, index) => `(${sqlText(paragraph.id)}, ${index + 1}, ${sqlText(paragraph.number)}, ${sqlText(section.title)}, ${sqlText(revision.text)})`,
        ),
      ),
    );
    const script = join(folder, "export.sql");
    writeFileSync(
      script,
      `CREATE TEMP TABLE paragraphs (id TEXT, revision INTEGER, number TEXT, section_title TEXT, text TEXT, PRIMARY KEY (id, revision));
INSERT INTO paragraphs VALUES ${paragraphs.join(",\n")};
.mode csv
.headers on
SELECT r.reference, c.id AS commentId, r.channel, r.received_at AS receivedAt,
  strftime('%Y-%m-%d %H:%M:%S', r.received_at, 'localtime') AS receivedAtLondon,
  c.paragraph_id AS paragraphId, p.number AS paragraphNumber, p.section_title AS sectionTitle, c.paragraph_revision AS paragraphRevision,
  p.text AS paragraphText, c.text AS commentText, c.status, CASE WHEN c.redacted_at IS NULL THEN 'no' ELSE 'yes' END AS redacted,
  CASE r.publish_consent WHEN 1 THEN 'yes' ELSE 'no' END AS publishConsent, r.respondent_type AS respondentType, r.organisation,
  (SELECT group_concat(t.name, '; ') FROM comment_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.comment_id = c.id) AS themes,
  c.moderation_note AS moderationNote
FROM comments c JOIN responses r ON r.id = c.response_id
LEFT JOIN paragraphs p ON p.id = c.paragraph_id AND p.revision = c.paragraph_revision
WHERE c.status <> 'hidden' ORDER BY c.id;
`,
    );
    const started = performance.now();
    const result = spawnSync("sqlite3", [copy], { input: readFileSync(script), maxBuffer: 1024 * 1024 * 1024, env: { ...process.env, TZ: "Europe/London" } });
    const seconds = (performance.now() - started) / 1000;
    if (result.status !== 0) return `sqlite3 failed: ${result.stderr}`;
    return { seconds, bytes: result.stdout.length };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export interface ExportFigures {
  what: string;
  rows: number;
  bytes: number;
  seconds: number;
  rowsPerSecond: number;
  peakMemoryGrowthBytes?: number;
}

/** Prints the figures and returns them, with whether the Worker's memory stayed within a Worker's 128 MB limit. */
export async function measureExport(content: ConsultationContent, count = EXPORT_BENCH_COMMENTS): Promise<{ runs: ExportFigures[]; withinLimit: boolean }> {
  console.log(`\nExport of ${count.toLocaleString("en-GB")} comments`);
  const stateDirectory = mkdtempSync(join(".wrangler", "bench-export-"));
  try {
    migrateLocalDatabase(stateDirectory);
    const seeding = performance.now();
    const [first, second] = content.draft.paragraphs.keys();
    seed(stateDirectory, count, [first!, second ?? first!]);
    console.log(`seeded ${count} comments in ${((performance.now() - seeding) / 1000).toFixed(1)} s`);
    const server = await startLocalServer({ persistTo: stateDirectory, vars: { ADMIN_TOKEN: TOKEN, RATE_LIMITS: "off" } });
    const rows: Record<string, string>[] = [];
    const figures: ExportFigures[] = [];
    let withinLimit = true;
    try {
      const pids = workerdPids(server.process!.pid!);
      // The first export also pulls the database into D1's cache, in the same workerd process:
      // it is shown apart, and the warm runs show what streaming itself costs.
      const runs = [
        { format: "csv", label: "Worker export (csv), cold D1 cache" },
        { format: "csv", label: "Worker export (csv)" },
        { format: "ndjson", label: "Worker export (ndjson)" },
        { format: "json", label: "Worker export (json)" },
      ];
      for (const { format, label } of runs) {
        const run = await timeExport(server.url, format, pids);
        const growth = run.peak - run.before;
        if (growth > WORKER_MEMORY_LIMIT) withinLimit = false;
        figures.push({ what: label, rows: count, bytes: run.bytes, seconds: run.seconds, rowsPerSecond: count / run.seconds, peakMemoryGrowthBytes: growth });
        rows.push({
          what: label,
          // CSV records may hold line breaks, so count NDJSON's lines and trust the other formats to match.
          rows: String(format === "ndjson" ? run.lines : count),
          size: mb(run.bytes),
          seconds: run.seconds.toFixed(2),
          "rows/s": Math.round(count / run.seconds).toLocaleString("en-GB"),
          "MB/s": (run.bytes / 1024 / 1024 / run.seconds).toFixed(1),
          "workerd RSS before → peak": pids.length ? `${mb(run.before)} → ${mb(run.peak)} (+${mb(growth)})` : "not measured",
        });
      }
    } finally {
      await server.stop();
    }
    const sqlite = timeSqlite(sqliteFile(stateDirectory), content);
    if (typeof sqlite === "string") {
      console.log(sqlite);
    } else {
      figures.push({ what: "sqlite3 -csv", rows: count, bytes: sqlite.bytes, seconds: sqlite.seconds, rowsPerSecond: count / sqlite.seconds });
      rows.push({
        what: "sqlite3 -csv, same rows, columns and joins, same file",
        rows: String(count),
        size: mb(sqlite.bytes),
        seconds: sqlite.seconds.toFixed(2),
        "rows/s": Math.round(count / sqlite.seconds).toLocaleString("en-GB"),
        "MB/s": (sqlite.bytes / 1024 / 1024 / sqlite.seconds).toFixed(1),
        "workerd RSS before → peak": "",
      });
    }
    console.table(rows);
    console.log(`Worker memory during export: ${withinLimit ? "within" : "OVER"} the 128 MB limit (growth of the whole workerd process, local D1 included: an upper bound for the Worker's isolate)`);
    return { runs: figures, withinLimit };
  } finally {
    rmSync(stateDirectory, { recursive: true, force: true });
  }
}
