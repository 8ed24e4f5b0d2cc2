/** Puts rows straight into a local site's D1, as `wrangler d1 execute` does for a developer. */
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { tmpdir } from "node:os";

export function executeSql(stateDirectory: string, sql: string): void {
  const folder = mkdtempSync(join(tmpdir(), "portal-sql-"));
  const file = join(folder, "seed.sql");
  writeFileSync(file, sql);
  try {
    const result = spawnSync("wrangler", ["d1", "execute", "DB", "--local", "--persist-to", stateDirectory, "--file", file, "--yes"], {
      env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true", NO_COLOR: "1" },
      encoding: "utf8",
    });
    if (result.status !== 0) throw new Error(`wrangler d1 execute failed:\n${result.stdout}\n${result.stderr}`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
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
