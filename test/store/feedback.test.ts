/** "You said, we did" entries called directly: creating, the publishing rules, and the last comment of a published entry. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { listAudit } from "../../functions/officers/audit.ts";
import { findFeedback, listFeedback, listPublishedFeedback } from "../../functions/feedback/entries.ts";
import { feedbackCreateSchema } from "../../functions/feedback/schema.ts";
import { answerComments, checkStillAnswered, createFeedback, unanswerComment, updateFeedback } from "../../functions/feedback/store.ts";
import { formatReference, newReference } from "../../functions/responses/reference.ts";
import { addResponse } from "../api/admin-fixtures.ts";
import { countRows, domainError, officer, startEachTestEmpty } from "./fixtures.ts";

startEachTestEmpty();

const entry = (fields: Record<string, unknown> = {}) =>
  feedbackCreateSchema.parse({ title: "Outreach at night", youSaid: "Outreach should work nights.", weDid: "We added a night team.", outcome: "changed", ...fields });

/** Two comments on 3.2 with consent to quote, one general comment without it. */
async function seedComments() {
  const consenting = await addResponse(env.DB, {
    publishConsent: true,
    comments: [
      { paragraph: "streets-2", text: "Please send outreach at night." },
      { paragraph: "streets-2", text: "Weekends too." },
    ],
  });
  const keptPrivate = await addResponse(env.DB, { comments: [{ paragraph: "general", text: "Keep my words private." }] });
  const [night, weekends] = consenting.commentIds as [number, number];
  return { night, weekends, privateComment: keptPrivate.commentIds[0]! };
}

// ---- Creating ----------------------------------------------------------------

describe("creating an entry", () => {
  it("stores a draft answering the chosen comments, counted by paragraph, and logs it", async ({ expect }) => {
    const { night, weekends } = await seedComments();
    const created = await createFeedback(env.DB, officer, entry({ comments: [night, weekends], paragraphs: ["streets-2"] }));
    expect(created).toMatchObject({
      title: "Outreach at night",
      status: "draft",
      publishedAt: null,
      paragraphs: ["streets-2"],
      commentCount: 2,
      commentedParagraphs: [{ paragraph: "streets-2", number: "3.2", comments: 2 }],
    });
    expect(await findFeedback(env.DB, created.id)).toEqual(created);
    expect((await listAudit(env.DB)).entries[0]).toMatchObject({ action: "feedback.create", target: `feedback:${created.id}` });
  });

  it("answers a response's comments on the entry's paragraphs when chosen by its reference", async ({ expect }) => {
    const reference = newReference();
    const { commentIds } = await addResponse(env.DB, {
      reference,
      comments: [
        { paragraph: "streets-2", text: "Outreach at night." },
        { paragraph: "general", text: "Overall fine." },
        { paragraph: "streets-2", text: "Weekends too." },
      ],
    });
    await addResponse(env.DB, { comments: [{ paragraph: "streets-2", text: "Someone else." }] });
    const created = await createFeedback(env.DB, officer, entry({ references: [formatReference(reference)], paragraphs: ["streets-2"] }));
    const answered = await env.DB.prepare("SELECT comment_id FROM feedback_comments WHERE feedback_id = ? ORDER BY comment_id").bind(created.id).all();
    expect(answered.results.map((row) => row.comment_id)).toEqual([commentIds[0], commentIds[2]]);
  });

  it("names a chosen comment that does not exist, and stores nothing", async ({ expect }) => {
    const { night } = await seedComments();
    const error = await domainError(createFeedback(env.DB, officer, entry({ comments: [night, night + 1000] })));
    expect(error).toMatchObject({ kind: "invalid", fieldKeys: { "comments.1": "admin.error.commentNotFound" } });
    expect(await countRows("feedback_entries")).toBe(0);
    expect(await countRows("audit_log")).toBe(0);
  });

  it("keeps a quote of words the comment holds, from a comment whose author agreed", async ({ expect }) => {
    const { night } = await seedComments();
    const created = await createFeedback(env.DB, officer, entry({ comments: [night], quotes: [{ comment: night, text: "outreach at night" }] }));
    expect(created.quotes).toEqual([{ comment: night, paragraph: "streets-2", text: "outreach at night", shown: true }]);
  });

  it("refuses quoting a comment whose author did not agree, and stores nothing", async ({ expect }) => {
    const { privateComment } = await seedComments();
    const error = await domainError(createFeedback(env.DB, officer, entry({ comments: [privateComment], quotes: [{ comment: privateComment }] })));
    expect(error).toMatchObject({ kind: "invalid", fieldKeys: { "quotes.0": "admin.error.feedback.quoteConsent" } });
    expect(await countRows("feedback_entries")).toBe(0);
  });

  it("refuses quoting a comment the entry does not answer", async ({ expect }) => {
    const { night, weekends } = await seedComments();
    const error = await domainError(createFeedback(env.DB, officer, entry({ comments: [night], quotes: [{ comment: weekends }] })));
    expect(error).toMatchObject({ kind: "invalid", fieldKeys: { "quotes.0": "admin.error.feedback.quoteNotAnswered" } });
  });
});

// ---- Publishing ----------------------------------------------------------------

describe("publishing an entry", () => {
  it("refuses publishing an entry that answers no comment, and stores nothing", async ({ expect }) => {
    const error = await domainError(createFeedback(env.DB, officer, entry({ status: "published" })));
    expect(error).toMatchObject({ kind: "invalid", fieldKeys: { status: "admin.error.feedback.publishWithoutComments" } });
    expect(await countRows("feedback_entries")).toBe(0);
  });

  it("refuses publishing a draft that still answers no comment", async ({ expect }) => {
    const draft = await createFeedback(env.DB, officer, entry());
    const error = await domainError(updateFeedback(env.DB, officer, draft.id, { status: "published" }));
    expect(error).toMatchObject({ kind: "invalid", fieldKeys: { status: "admin.error.feedback.publishWithoutComments" } });
    expect((await findFeedback(env.DB, draft.id))!.status).toBe("draft");
  });

  it("publishes a draft that answers comments, stamping when, and logs it as publishing", async ({ expect }) => {
    const { night } = await seedComments();
    const draft = await createFeedback(env.DB, officer, entry({ comments: [night] }));
    const published = await updateFeedback(env.DB, officer, draft.id, { status: "published" });
    expect(published).toMatchObject({ status: "published", publishedAt: "2030-11-22T12:00:00.000Z" });
    expect((await listAudit(env.DB)).entries[0]).toMatchObject({ action: "feedback.publish", target: `feedback:${draft.id}` });
  });

  it("shows the public only published entries, while officers see drafts too", async ({ expect }) => {
    const { night } = await seedComments();
    const draft = await createFeedback(env.DB, officer, entry({ title: "Still a draft" }));
    const published = await createFeedback(env.DB, officer, entry({ comments: [night], status: "published" }));
    expect((await listPublishedFeedback(env.DB)).map((e) => e.id)).toEqual([published.id]);
    expect((await listFeedback(env.DB)).map((e) => e.id)).toEqual([published.id, draft.id]);
  });

  it("withdraws a published entry to a draft, forgetting when it was published", async ({ expect }) => {
    const { night } = await seedComments();
    const published = await createFeedback(env.DB, officer, entry({ comments: [night], status: "published" }));
    const withdrawn = await updateFeedback(env.DB, officer, published.id, { status: "draft" });
    expect(withdrawn).toMatchObject({ status: "draft", publishedAt: null });
    expect((await listAudit(env.DB)).entries[0]).toMatchObject({ action: "feedback.unpublish" });
  });

  it("changes nothing and logs nothing when an update repeats what is stored", async ({ expect }) => {
    const draft = await createFeedback(env.DB, officer, entry());
    await updateFeedback(env.DB, officer, draft.id, { title: "Outreach at night" });
    expect(await countRows("audit_log")).toBe(1);
  });

  it("says an entry that does not exist was not found", async ({ expect }) => {
    const error = await domainError(updateFeedback(env.DB, officer, 4242, { title: "Anything" }));
    expect(error).toMatchObject({ kind: "not_found", messageKey: "admin.error.feedbackNotFound" });
    expect(await findFeedback(env.DB, 4242)).toBeNull();
  });

  it("stops showing a quote once its comment is hidden", async ({ expect }) => {
    const { night } = await seedComments();
    const created = await createFeedback(env.DB, officer, entry({ comments: [night], quotes: [{ comment: night }] }));
    await env.DB.prepare("UPDATE comments SET status = 'hidden' WHERE id = ?").bind(night).run();
    expect((await findFeedback(env.DB, created.id))!.quotes[0]!.shown).toBe(false);
  });
});

// ---- The comments an entry answers ------------------------------------------------

describe("the comments an entry answers", () => {
  it("adds comments, leaving those already answered as they are", async ({ expect }) => {
    const { night, weekends } = await seedComments();
    const draft = await createFeedback(env.DB, officer, entry({ comments: [night] }));
    const more = await answerComments(env.DB, officer, draft.id, { comments: [night, weekends] });
    expect(more.commentCount).toBe(2);
    expect((await listAudit(env.DB)).entries[0]).toMatchObject({ action: "feedback.answer", detail: { added: [weekends] } });
  });

  it("takes a comment off an entry together with its quote", async ({ expect }) => {
    const { night, weekends } = await seedComments();
    const created = await createFeedback(env.DB, officer, entry({ comments: [night, weekends], quotes: [{ comment: night }], status: "published" }));
    const after = await unanswerComment(env.DB, officer, created.id, night);
    expect(after).toMatchObject({ commentCount: 1, quotes: [] });
  });

  it("refuses taking the last comment off a published entry, and keeps it answered", async ({ expect }) => {
    const { night } = await seedComments();
    const published = await createFeedback(env.DB, officer, entry({ comments: [night], status: "published" }));
    const error = await domainError(unanswerComment(env.DB, officer, published.id, night));
    expect(error).toMatchObject({ kind: "conflict", code: "feedback_last_comment" });
    expect((await findFeedback(env.DB, published.id))!.commentCount).toBe(1);
  });

  it("lets the last comment be taken off a draft", async ({ expect }) => {
    const { night } = await seedComments();
    const draft = await createFeedback(env.DB, officer, entry({ comments: [night] }));
    expect((await unanswerComment(env.DB, officer, draft.id, night)).commentCount).toBe(0);
  });

  it("refuses removing comments anywhere when that would leave any published entry answering none", async ({ expect }) => {
    const { night, weekends } = await seedComments();
    await createFeedback(env.DB, officer, entry({ comments: [night, weekends], status: "published" }));
    await createFeedback(env.DB, officer, entry({ comments: [weekends], status: "published" }));
    await expect(checkStillAnswered(env.DB, [night])).resolves.toBeUndefined();
    expect(await domainError(checkStillAnswered(env.DB, [weekends]))).toMatchObject({ kind: "conflict", code: "feedback_last_comment" });
  });
});
