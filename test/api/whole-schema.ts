/**
 * Looks for words in every table of D1, not only the tables a test expects:
 * each table sqlite_master lists (the full-text index's own storage tables
 * included) and each of its columns, text or blob. Run after a redaction, an
 * erasure or the retention job to show the words are in no table.
 */
const quoted = (name: string) => `"${name.replace(/"/g, '""')}"`;
const sqlText = (text: string) => `'${text.replace(/'/g, "''")}'`;

async function tables(db: D1Database): Promise<string[]> {
  // Virtual tables read through to others (comments_search reads comments); their own storage is in shadow tables, which are listed.
  // D1's own bookkeeping (_cf_…) is not readable.
  const { results } = await db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_cf\\_%' ESCAPE '\\' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .all<{ name: string }>();
  return results.map((row) => row.name);
}

async function columns(db: D1Database, table: string): Promise<string[]> {
  const { results } = await db.prepare("SELECT name FROM pragma_table_info(?)").bind(table).all<{ name: string }>();
  return results.map((row) => row.name);
}

/**
 * Where each word is still held, as "table.column: word". Case is ignored.
 * FTS5 stores a term after the characters it shares with the term before
 * it, so blobs are searched for each word without its first two characters.
 */
export async function placesHolding(db: D1Database, words: string[]): Promise<string[]> {
  const found: string[] = [];
  for (const table of await tables(db)) {
    // A few columns per query (D1 limits a compound SELECT to five terms): for each column, the words found in it.
    const perColumn = (await columns(db, table)).map(
      (column) =>
        `SELECT ${sqlText(column)} AS column, w.value AS word FROM json_each(?1) w WHERE EXISTS (
           SELECT 1 FROM ${quoted(table)}
           WHERE instr(lower(CAST(${quoted(column)} AS TEXT)), lower(w.value)) > 0
              OR (typeof(${quoted(column)}) = 'blob' AND instr(${quoted(column)}, CAST(lower(substr(w.value, 3)) AS BLOB)) > 0))`,
    );
    for (let start = 0; start < perColumn.length; start += 5) {
      const query = perColumn.slice(start, start + 5).join(" UNION ALL ");
      const { results } = await db.prepare(query).bind(JSON.stringify(words)).all<{ column: string; word: string }>();
      found.push(...results.map((row) => `${table}.${row.column}: ${row.word}`));
    }
  }
  return found;
}

/** Every row of every table, to show that something changed nothing. */
export async function snapshot(db: D1Database): Promise<Record<string, unknown[]>> {
  const all: Record<string, unknown[]> = {};
  for (const table of await tables(db)) {
    all[table] = (await db.prepare(`SELECT * FROM ${quoted(table)}`).all()).results.map((row) =>
      Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value instanceof ArrayBuffer ? [...new Uint8Array(value)] : value])),
    );
  }
  return all;
}
