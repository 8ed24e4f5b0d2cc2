import { applyD1Migrations, env } from "cloudflare:test";
import { afterEach, beforeEach, vi } from "vitest";

/**
 * Files share one workerd and its D1 (the project runs without per-file
 * isolation: starting a runtime and transforming the code for every file
 * took most of its time). So that each file still starts on the database the
 * migrations leave, as it would on a fresh one, this empties every table and
 * puts back the rows the migrations themselves wrote, before each file.
 */
type Rows = Record<string, unknown>[];
const pristine = globalThis as typeof globalThis & { migratedRows?: Map<string, Rows> };

/** Tables of our own (not SQLite's, D1's or the migration log), apart from the full-text indexes and their shadow tables. */
async function ownTables(): Promise<{ tables: string[]; indexes: string[] }> {
  const { results } = await env.DB.prepare(
    "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '_cf_%' AND name != 'd1_migrations'",
  ).all<{ name: string; sql: string | null }>();
  const virtual = results.filter((table) => /^CREATE VIRTUAL TABLE/i.test(table.sql ?? "")).map((table) => table.name);
  const tables = results.map((table) => table.name).filter((name) => !virtual.some((index) => name === index || name.startsWith(`${index}_`)));
  return { tables, indexes: virtual };
}

async function readAll(tables: string[]): Promise<Map<string, Rows>> {
  const read = await env.DB.batch(tables.map((table) => env.DB.prepare(`SELECT * FROM "${table}"`)));
  return new Map(tables.map((table, index) => [table, (read[index]!.results ?? []) as Rows]));
}

async function backToMigrated(migrated: Map<string, Rows>): Promise<void> {
  const { tables, indexes } = await ownTables();
  const statements = [
    // Rows go in any order; foreign keys are checked once, at the end of the batch.
    env.DB.prepare("PRAGMA defer_foreign_keys = ON"),
    ...tables.map((table) => env.DB.prepare(`DELETE FROM "${table}"`)),
    // Deleting comments only marks their words deleted in the search index; this empties it for good.
    ...indexes.map((index) => env.DB.prepare(`INSERT INTO "${index}" ("${index}") VALUES ('delete-all')`)),
    ...[...migrated].flatMap(([table, rows]) =>
      rows.map((row) => {
        const columns = Object.keys(row);
        return env.DB.prepare(`INSERT INTO "${table}" (${columns.map((column) => `"${column}"`).join(", ")}) VALUES (${columns.map(() => "?").join(", ")})`).bind(
          ...Object.values(row),
        );
      }),
    ),
  ];
  if (tables.length > 0 && (await env.DB.prepare("SELECT 1 FROM sqlite_master WHERE name = 'sqlite_sequence'").first()) !== null) {
    statements.push(env.DB.prepare("DELETE FROM sqlite_sequence"));
  }
  await env.DB.batch(statements);
}

// Applying is idempotent: only the first file in a runtime applies anything.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);
if (pristine.migratedRows === undefined) pristine.migratedRows = await readAll((await ownTables()).tables);
else await backToMigrated(pristine.migratedRows);

// Every test starts on a day the fixture consultation is open, whatever today's date;
// tests about the period set their own clock.
beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2030-11-22T12:00:00Z"), toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});
