/**
 * Writing feedback entries. Every change is one D1 batch holding the change
 * and its audit entry, so neither happens without the other.
 */
import { conflict, invalid, notFound } from "../lib/errors.ts";
import type { MessageKey } from "../i18n/index.ts";
import type { Officer } from "../officers/auth/officer.ts";
import { auditStatement, type AuditAction } from "../officers/audit.ts";
import { formatReference } from "../responses/reference.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import { findFeedback, type FeedbackEntry } from "./entries.ts";
import { quoteExcerpt, quoteProblem, type QuotableComment } from "./quotes.ts";
import type { CommentSelection, FeedbackCreate, FeedbackUpdate } from "./schema.ts";
import { selectedComments } from "./selection.ts";
import { isPublished, type FeedbackStatus } from "./vocabulary.ts";
import { insertedId } from "../lib/inserted.ts";

interface StoredQuote {
  comment: number;
  excerpt: string;
}

/** Names the entry a statement writes to: a known id, or the one the batch has just inserted. */
type EntryRef = { id: number } | "inserted";
const entrySql = (entry: EntryRef) => (entry === "inserted" ? insertedId("feedback_entries") : "?");
const entryParams = (entry: EntryRef) => (entry === "inserted" ? [] : [entry.id]);

export async function existingFeedback(db: D1Database, id: number): Promise<FeedbackEntry> {
  const entry = await findFeedback(db, id);
  if (!entry) throw notFound("admin.error.feedbackNotFound");
  return entry;
}

// ---- Checks ---------------------------------------------------------------

/** The quotes as they will be stored, or a 422 naming each that breaks the quoting rule. */
async function checkedQuotes(db: D1Database, quotes: FeedbackCreate["quotes"], answered: Set<number>): Promise<StoredQuote[]> {
  if (quotes.length === 0) return [];
  const { results } = await db
    .prepare(`SELECT c.id, c.text, c.status, r.publish_consent FROM ${COMMENTS_WITH_RESPONSES} WHERE c.id IN (SELECT value FROM json_each(?))`)
    .bind(JSON.stringify(quotes.map((quote) => quote.comment)))
    .all<Omit<QuotableComment, "publishConsent"> & { publish_consent: number }>();
  const comments = new Map(results.map((row) => [row.id, { ...row, publishConsent: row.publish_consent === 1 }]));
  const problems: Record<string, MessageKey> = {};
  const stored = quotes.map((quote, index) => {
    const comment = answered.has(quote.comment) ? comments.get(quote.comment) : undefined;
    const excerpt = comment ? quoteExcerpt(comment, quote.text) : "";
    const problem = quoteProblem(comment, excerpt);
    if (problem) problems[`quotes.${index}`] = problem;
    return { comment: quote.comment, excerpt };
  });
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return stored;
}

async function answeredComments(db: D1Database, id: number): Promise<Set<number>> {
  const { results } = await db.prepare("SELECT comment_id FROM feedback_comments WHERE feedback_id = ?").bind(id).all<{ comment_id: number }>();
  return new Set(results.map((row) => row.comment_id));
}

/** An entry that answers no comment has nothing to say publicly. */
function checkPublishable(status: FeedbackStatus, commentCount: number) {
  if (status === "published" && commentCount === 0) throw invalid({ status: "admin.error.feedback.publishWithoutComments" });
}

/**
 * The same rule from the other side: a published entry keeps at least one
 * comment. Refuses taking these comments off (one entry, or every entry) if a
 * published entry would be left answering none.
 */
export async function checkStillAnswered(db: D1Database, commentIds: number[], feedbackId?: number) {
  if (commentIds.length === 0) return;
  const emptied = await db
    .prepare(
      `SELECT 1 FROM feedback_entries f
       WHERE ${isPublished("f")} AND (? IS NULL OR f.id = ?)
         AND EXISTS (SELECT 1 FROM feedback_comments fc WHERE fc.feedback_id = f.id AND fc.comment_id IN (SELECT value FROM json_each(?)))
         AND NOT EXISTS (SELECT 1 FROM feedback_comments fc WHERE fc.feedback_id = f.id AND fc.comment_id NOT IN (SELECT value FROM json_each(?)))
       LIMIT 1`,
    )
    .bind(feedbackId ?? null, feedbackId ?? null, JSON.stringify(commentIds), JSON.stringify(commentIds))
    .first();
  if (emptied) throw conflict("feedback_last_comment", "admin.error.feedback.lastComment");
}

// ---- Statements ------------------------------------------------------------

function paragraphStatements(db: D1Database, entry: EntryRef, paragraphs: string[]): D1PreparedStatement[] {
  return [
    db.prepare(`DELETE FROM feedback_paragraphs WHERE feedback_id = ${entrySql(entry)}`).bind(...entryParams(entry)),
    db
      .prepare(`INSERT INTO feedback_paragraphs (feedback_id, paragraph_id, position) SELECT ${entrySql(entry)}, value, key FROM json_each(?)`)
      .bind(...entryParams(entry), JSON.stringify(paragraphs)),
  ];
}

function quoteStatements(db: D1Database, entry: EntryRef, quotes: StoredQuote[]): D1PreparedStatement[] {
  return [
    db.prepare(`DELETE FROM feedback_quotes WHERE feedback_id = ${entrySql(entry)}`).bind(...entryParams(entry)),
    db
      .prepare(
        `INSERT INTO feedback_quotes (feedback_id, comment_id, position, excerpt)
         SELECT ${entrySql(entry)}, value ->> 'comment', key, value ->> 'excerpt' FROM json_each(?)`,
      )
      .bind(...entryParams(entry), JSON.stringify(quotes)),
  ];
}

function answerStatement(db: D1Database, entry: EntryRef, commentIds: number[]): D1PreparedStatement {
  return db
    .prepare(`INSERT INTO feedback_comments (feedback_id, comment_id) SELECT ${entrySql(entry)}, value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`)
    .bind(...entryParams(entry), JSON.stringify(commentIds));
}

/** What an audit entry says about how comments were chosen: references as people read them. */
const selectionDetail = (selection: CommentSelection) => ({
  ...(selection.comments?.length && { byComment: selection.comments }),
  ...(selection.references?.length && { byReference: selection.references.map(formatReference) }),
  ...(selection.filters && { byFilters: selection.filters }),
});

// ---- Changes ---------------------------------------------------------------

export async function createFeedback(db: D1Database, officer: Officer, input: FeedbackCreate): Promise<FeedbackEntry> {
  const { comments, references, filters, quotes, paragraphs, ...entry } = input;
  const answered = await selectedComments(db, { comments, references, filters }, paragraphs);
  const stored = await checkedQuotes(db, quotes, new Set(answered));
  checkPublishable(entry.status, answered.length);
  const now = new Date().toISOString();
  const [inserted] = await db.batch<{ id: number }>([
    db
      .prepare(
        `INSERT INTO feedback_entries (title, you_said, we_did, outcome, status, created_at, updated_at, published_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`,
      )
      .bind(entry.title, entry.youSaid, entry.weDid, entry.outcome, entry.status, now, now, entry.status === "published" ? now : null),
    auditStatement(
      db,
      officer,
      "feedback.create",
      "feedback:",
      { ...entry, paragraphs, comments: answered.length, ...selectionDetail({ comments, references, filters }), quotes: stored.length },
      { targetInserted: "feedback_entries" },
    ),
    ...paragraphStatements(db, "inserted", paragraphs),
    answerStatement(db, "inserted", answered),
    ...quoteStatements(db, "inserted", stored),
  ]);
  return existingFeedback(db, inserted!.results[0]!.id);
}

const TEXT_FIELDS = [
  ["title", "title"],
  ["youSaid", "you_said"],
  ["weDid", "we_did"],
  ["outcome", "outcome"],
] as const;

/** Changes what is given; publishing or withdrawing an entry is a change of its status. */
export async function updateFeedback(db: D1Database, officer: Officer, id: number, update: FeedbackUpdate): Promise<FeedbackEntry> {
  const entry = await existingFeedback(db, id);
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const [field] of TEXT_FIELDS) {
    if (update[field] !== undefined && update[field] !== entry[field]) changes[field] = { from: entry[field], to: update[field] };
  }
  if (update.paragraphs && JSON.stringify(update.paragraphs) !== JSON.stringify(entry.paragraphs)) {
    changes.paragraphs = { from: entry.paragraphs, to: update.paragraphs };
  }
  const quotes = update.quotes && (await checkedQuotes(db, update.quotes, await answeredComments(db, id)));
  const currentQuotes = entry.quotes.map((quote) => ({ comment: quote.comment, excerpt: quote.text }));
  if (quotes && JSON.stringify(quotes) !== JSON.stringify(currentQuotes)) changes.quotes = { from: currentQuotes, to: quotes };
  const status = update.status ?? entry.status;
  if (status !== entry.status) changes.status = { from: entry.status, to: status };
  if (Object.keys(changes).length === 0) return entry;
  if (changes.status) checkPublishable(status, entry.commentCount);

  const now = new Date().toISOString();
  const next = { ...entry, ...Object.fromEntries(Object.entries(changes).map(([field, change]) => [field, change.to])) };
  const publishedAt = status === "draft" ? null : entry.status === "published" ? entry.publishedAt : now;
  const action: AuditAction = !changes.status ? "feedback.update" : status === "published" ? "feedback.publish" : "feedback.unpublish";
  await db.batch([
    db
      .prepare("UPDATE feedback_entries SET title = ?, you_said = ?, we_did = ?, outcome = ?, status = ?, updated_at = ?, published_at = ? WHERE id = ?")
      .bind(next.title, next.youSaid, next.weDid, next.outcome, status, now, publishedAt, id),
    ...(changes.paragraphs ? paragraphStatements(db, { id }, update.paragraphs!) : []),
    ...(changes.quotes ? quoteStatements(db, { id }, quotes!) : []),
    // Quotes are a person's words: the log counts them, so erasing or redacting those words leaves no copy here.
    auditStatement(db, officer, action, `feedback:${id}`, changes.quotes ? { ...changes, quotes: { from: currentQuotes.length, to: quotes!.length } } : changes),
  ]);
  return existingFeedback(db, id);
}

/** Adds comments the entry answers; those it already answers are left as they are. */
export async function answerComments(db: D1Database, officer: Officer, id: number, selection: CommentSelection): Promise<FeedbackEntry> {
  const entry = await existingFeedback(db, id);
  const chosen = await selectedComments(db, selection, entry.paragraphs);
  const already = await answeredComments(db, id);
  const added = chosen.filter((commentId) => !already.has(commentId));
  if (added.length === 0) return entry;
  await db.batch([
    answerStatement(db, { id }, added),
    auditStatement(db, officer, "feedback.answer", `feedback:${id}`, { added, ...selectionDetail(selection) }),
  ]);
  return existingFeedback(db, id);
}

/** Takes a comment off the entry, with any quote from it. */
export async function unanswerComment(db: D1Database, officer: Officer, id: number, commentId: number): Promise<FeedbackEntry> {
  await existingFeedback(db, id);
  await checkStillAnswered(db, [commentId], id);
  await db.batch([
    db.prepare("DELETE FROM feedback_quotes WHERE feedback_id = ? AND comment_id = ?").bind(id, commentId),
    db.prepare("DELETE FROM feedback_comments WHERE feedback_id = ? AND comment_id = ?").bind(id, commentId),
    auditStatement(db, officer, "feedback.unanswer", `feedback:${id}`, { comment: commentId }, { onlyIfChanged: true }),
  ]);
  return existingFeedback(db, id);
}
