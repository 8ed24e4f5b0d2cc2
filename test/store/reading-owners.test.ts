/** Read marks made before officers were told apart: migration 0012 gives each to a sensible officer. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { addResponse } from "../api/admin-fixtures.ts";
import { startEachTestEmpty } from "./fixtures.ts";

startEachTestEmpty();

describe("read marks kept by the migration that told officers apart", () => {
  it("belong to whoever the audit log says last read the comment, or else the local officer; unread comments get none", async ({ expect }) => {
    const { commentIds: [audited, unaudited, unread] } = await addResponse(env.DB, { comments: [{ text: "One" }, { text: "Two" }, { text: "Three" }] });
    await env.DB.batch([
      env.DB.prepare("UPDATE comments SET read_at = '2030-11-20T09:00:00Z' WHERE id IN (?, ?)").bind(audited, unaudited),
      ...["first@eastbrook.example", "second@eastbrook.example"].map((officer) =>
        env.DB.prepare("INSERT INTO audit_log (at, officer, action, target) VALUES ('2030-11-20T09:00:00Z', ?, 'comment.read', ?)").bind(officer, `comment:${audited}`),
      ),
    ]);
    const migration = (env.TEST_MIGRATIONS as { name: string; queries: string[] }[]).find((candidate) => candidate.name.startsWith("0012_"))!;
    for (const query of migration.queries.filter((candidate) => candidate.includes("INSERT INTO comment_reads"))) await env.DB.prepare(query).run();

    const { results } = await env.DB.prepare("SELECT comment_id, officer, read_at FROM comment_reads ORDER BY comment_id").all();
    expect(results).toEqual([
      { comment_id: audited, officer: "second@eastbrook.example", read_at: "2030-11-20T09:00:00Z" },
      { comment_id: unaudited, officer: "local officer (ADMIN_TOKEN)", read_at: "2030-11-20T09:00:00Z" },
    ]);
    expect(results.some((row) => row.comment_id === unread)).toBe(false);
  });
});
