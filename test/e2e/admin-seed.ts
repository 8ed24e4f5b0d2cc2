/** Puts rows straight into a local site's D1, as `wrangler d1 execute` does for a developer. */
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { DatabaseSync } from "node:sqlite";

/**
 * Runs `sql` on the D1 database kept in stateDirectory (the file Miniflare and `wrangler d1 … --local`
 * share), in one transaction with foreign keys enforced as D1 enforces them. SQLite's own locking keeps
 * it safe beside the running server; opening the file directly takes milliseconds where starting
 * wrangler to do the same takes seconds.
 */
export function executeSql(stateDirectory: string, sql: string): void {
  const folder = join(stateDirectory, "v3", "d1", "miniflare-D1DatabaseObject");
  const [file, ...others] = readdirSync(folder).filter((name) => name.endsWith(".sqlite") && name !== "metadata.sqlite");
  if (file === undefined || others.length > 0) throw new Error(`expected one D1 database in ${folder}`);
  const database = new DatabaseSync(join(folder, file));
  try {
    database.exec("PRAGMA foreign_keys = ON; PRAGMA busy_timeout = 5000;");
    database.exec(`BEGIN; ${sql}\nCOMMIT;`);
  } catch (error) {
    if (database.isTransaction) database.exec("ROLLBACK;");
    throw error;
  } finally {
    database.close();
  }
}

const quote = (text: string) => `'${text.replace(/'/g, "''")}'`;

export interface SeedComment {
  reference: string;
  paragraph: string;
  text: string;
  channel?: string;
  receivedAt?: string;
  publishConsent?: boolean;
}

export function seedCommentsSql(comments: SeedComment[]): string {
  return comments
    .map(
      (c) =>
        `INSERT INTO responses (reference, idempotency_key_hash, content_hash, channel, received_at, publish_consent) VALUES (${quote(c.reference)}, ${quote(`key-${c.reference}`)}, ${quote(`content-${c.reference}`)}, ${quote(c.channel ?? "online")}, ${quote(c.receivedAt ?? "2026-11-20T10:00:00.000Z")}, ${c.publishConsent ? 1 : 0});\n` +
        `INSERT INTO comments (response_id, position, paragraph_id, paragraph_revision, text) SELECT id, 1, ${quote(c.paragraph)}, ${c.paragraph === "general" ? 0 : 1}, ${quote(c.text)} FROM responses WHERE reference = ${quote(c.reference)};`,
    )
    .join("\n");
}
