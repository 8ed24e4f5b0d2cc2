/** The audit log never holds a person's words, entries written before that rule included. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { placesHolding } from "./whole-schema.ts";

describe("audit entries written before the audit log kept no words", () => {
  it("lose the words when migrations/0008_personal_data is applied, keeping who did what", async ({ expect }) => {
    const old = [
      ["comment.redact", { originalText: "Xqoldoriginal lives here", redactedText: "[removed] lives here" }],
      ["paper.correct", { before: { receivedOn: "2030-11-20", comments: [{ paragraph: "streets-2", text: "Xqoldbefore" }] }, after: { receivedOn: "2030-11-21", comments: [{ paragraph: "general", text: "Xqoldafter" }] } }],
      ["feedback.create", { title: "Parks", quotes: [{ comment: 1, excerpt: "Xqoldquote" }] }],
      ["feedback.update", { quotes: { from: [{ comment: 1, excerpt: "Xqoldfrom" }], to: [] } }],
    ] as const;
    for (const [action, detail] of old) {
      await env.DB.prepare("INSERT INTO audit_log (at, officer, action, target, detail) VALUES ('2030-11-22T10:00:00Z', 'An officer', ?, 'comment:1', ?)")
        .bind(action, JSON.stringify(detail))
        .run();
    }
    const migration = (env.TEST_MIGRATIONS as { name: string; queries: string[] }[]).find((candidate) => candidate.name.startsWith("0008_personal_data"))!;
    for (const query of migration.queries.filter((candidate) => candidate.includes("UPDATE audit_log"))) await env.DB.prepare(query).run();

    expect(await placesHolding(env.DB, ["xqoldoriginal", "xqoldbefore", "xqoldafter", "xqoldquote", "xqoldfrom"])).toEqual([]);
    const { results } = await env.DB.prepare("SELECT action, detail FROM audit_log WHERE officer = 'An officer' ORDER BY id").all<{ action: string; detail: string }>();
    expect(results.map((row) => [row.action, JSON.parse(row.detail)])).toEqual([
      ["comment.redact", {}],
      ["paper.correct", { before: { receivedOn: "2030-11-20", paragraphs: ["streets-2"] }, after: { receivedOn: "2030-11-21", paragraphs: ["general"] } }],
      ["feedback.create", { title: "Parks", quotes: 1 }],
      ["feedback.update", { quotes: { from: 1, to: 0 } }],
    ]);
  });
});
