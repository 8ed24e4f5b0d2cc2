/** Reading every comment, called directly: marking read and unread, and what counts as answered. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { listAudit } from "../../functions/officers/audit.ts";
import { findComment, listComments } from "../../functions/officers/comments.ts";
import { markReading } from "../../functions/officers/reading.ts";
import { addResponse } from "../api/admin-fixtures.ts";
import { countRows, domainError, officer, startEachTestEmpty } from "./fixtures.ts";

startEachTestEmpty();

async function threeComments(): Promise<[number, number, number]> {
  const { commentIds } = await addResponse(env.DB, { comments: [{ text: "First" }, { text: "Second" }, { text: "Third" }] });
  return commentIds as [number, number, number];
}

const readingOf = async (id: number) => (await findComment(env.DB, id))?.reading;

/** A feedback entry answering the comment, written as the feedback store would leave it. */
async function answerWithEntry(commentId: number, status: "draft" | "published") {
  const entry = await env.DB.prepare(
    `INSERT INTO feedback_entries (title, you_said, we_did, outcome, status, created_at, updated_at, published_at)
     VALUES ('Outreach', 'You said', 'We did', 'changed', ?, '2030-11-22T12:00:00Z', '2030-11-22T12:00:00Z', ?) RETURNING id`,
  )
    .bind(status, status === "published" ? "2030-11-22T12:00:00Z" : null)
    .first<{ id: number }>();
  await env.DB.prepare("INSERT INTO feedback_comments (feedback_id, comment_id) VALUES (?, ?)").bind(entry!.id, commentId).run();
}

describe("marking comments read", () => {
  it("starts every comment unread", async ({ expect }) => {
    const [first] = await threeComments();
    expect(await readingOf(first)).toBe("unread");
  });

  it("marks the comments read, says how many changed, and logs one entry for each", async ({ expect }) => {
    const [first, second, third] = await threeComments();
    expect(await markReading(env.DB, officer, { comments: [first, second], read: true })).toEqual({ changed: 2 });
    expect([await readingOf(first), await readingOf(second), await readingOf(third)]).toEqual(["read", "read", "unread"]);
    const { entries } = await listAudit(env.DB);
    expect(entries.map(({ action, target, officer: who }) => ({ action, target, who })).sort((a, b) => a.target!.localeCompare(b.target!))).toEqual(
      [first, second].map((id) => ({ action: "comment.read", target: `comment:${id}`, who: officer.name })).sort((a, b) => a.target.localeCompare(b.target)),
    );
  });

  it("leaves a comment already read alone and logs nothing for it", async ({ expect }) => {
    const [first, second] = await threeComments();
    await markReading(env.DB, officer, { comments: [first], read: true });
    expect(await markReading(env.DB, officer, { comments: [first, second], read: true })).toEqual({ changed: 1 });
    expect(await countRows("audit_log")).toBe(2);
  });

  it("marks a read comment unread again", async ({ expect }) => {
    const [first] = await threeComments();
    await markReading(env.DB, officer, { comments: [first], read: true });
    expect(await markReading(env.DB, officer, { comments: [first], read: false })).toEqual({ changed: 1 });
    expect(await readingOf(first)).toBe("unread");
    expect((await listAudit(env.DB)).entries[0]).toMatchObject({ action: "comment.unread", target: `comment:${first}` });
  });

  it("counts a comment named twice once", async ({ expect }) => {
    const [first] = await threeComments();
    expect(await markReading(env.DB, officer, { comments: [first, first], read: true })).toEqual({ changed: 1 });
  });

  it("refuses the whole request when one comment does not exist, and marks none", async ({ expect }) => {
    const [first, , third] = await threeComments();
    const error = await domainError(markReading(env.DB, officer, { comments: [first, third + 1000], read: true }));
    expect(error).toMatchObject({ kind: "not_found", messageKey: "admin.error.commentNotFound" });
    expect(await readingOf(first)).toBe("unread");
    expect(await countRows("audit_log")).toBe(0);
  });
});

describe("answered comments", () => {
  it("counts a comment answered once a published feedback entry answers it, read or not", async ({ expect }) => {
    const [first, second] = await threeComments();
    await markReading(env.DB, officer, { comments: [second], read: true });
    await answerWithEntry(first, "published");
    await answerWithEntry(second, "published");
    expect([await readingOf(first), await readingOf(second)]).toEqual(["answered", "answered"]);
  });

  it("does not count a comment answered by a draft entry", async ({ expect }) => {
    const [first] = await threeComments();
    await answerWithEntry(first, "draft");
    expect(await readingOf(first)).toBe("unread");
  });

  it("lists the comments in each reading state apart", async ({ expect }) => {
    const [first, second] = await threeComments();
    await markReading(env.DB, officer, { comments: [first], read: true });
    await answerWithEntry(second, "published");
    const texts = async (reading: "unread" | "read" | "answered") => (await listComments(env.DB, { reading })).comments.map((c) => c.text);
    expect({ unread: await texts("unread"), read: await texts("read"), answered: await texts("answered") }).toEqual({
      unread: ["Third"],
      read: ["First"],
      answered: ["Second"],
    });
  });
});
