/**
 * Reading every comment: each one is unread, read or answered, so officers
 * can show that every comment was read. Each officer reads for themselves
 * (comment_reads: "unread by me"); a comment counts as read once any officer
 * has read it (comments.read_at, the first such time). Opening a comment
 * marks it read; officers can also mark several at once, or mark one unread
 * again for themselves. Each change is written with its audit entry, one per comment.
 */
import { commentNotFound } from "./not-found.ts";
import { z } from "zod";
import { isPublished } from "../feedback/vocabulary.ts";
import { LIMITS } from "../limits.ts";
import { recordId } from "../lib/ids.ts";
import { auditStatement, type Actor } from "./audit.ts";

/** Answered: a published feedback entry answers it. Read: an officer has read it. Unread: neither. */
export const READING_STATES = ["unread", "read", "answered"] as const;
export type ReadingState = (typeof READING_STATES)[number];

/** Over `comments c`: whether a published "You said, we did" entry answers the comment. */
export const COMMENT_IS_ANSWERED = `EXISTS (SELECT 1 FROM feedback_comments fc JOIN feedback_entries f ON f.id = fc.feedback_id WHERE fc.comment_id = c.id AND ${isPublished("f")})`;

/** Over `comments c`: the comment's reading state. */
export const READING_STATE = `CASE WHEN ${COMMENT_IS_ANSWERED} THEN 'answered' WHEN c.read_at IS NOT NULL THEN 'read' ELSE 'unread' END`;

/** Over `comments c`, with the officer's name as its one parameter: comments that officer has not read. */
export const UNREAD_BY_OFFICER = "NOT EXISTS (SELECT 1 FROM comment_reads cr WHERE cr.comment_id = c.id AND cr.officer = ?)";

/** Over `comments c`: the comments in one reading state. */
export function readingCondition(state: ReadingState): string {
  if (state === "answered") return COMMENT_IS_ANSWERED;
  return `c.read_at IS ${state === "read" ? "NOT NULL" : "NULL"} AND NOT ${COMMENT_IS_ANSWERED}`;
}

/** Mark comments read (or unread again): `{comments: [ids], read?: true}`. */
export const readingMarkSchema = z.strictObject(
  {
    comments: z
      .array(recordId, { error: "admin.error.reading.comments" })
      .min(1, { error: "admin.error.reading.comments" })
      .max(LIMITS.commentsPerReadingMark, { error: "admin.error.reading.comments" }),
    read: z.boolean({ error: "admin.error.reading.read" }).default(true),
  },
  { error: "admin.error.reading.comments" },
);
export type ReadingMark = z.output<typeof readingMarkSchema>;

/**
 * Marks the comments read (or unread) by this officer. A comment already in
 * that state for them is left alone and logs nothing; an unknown comment
 * refuses the whole request with 404 and changes nothing. Answers how many
 * changed. Marking unread leaves other officers' reading as it was: the
 * comment stays read while anyone has read it.
 */
export async function markReading(db: D1Database, officer: Actor, mark: ReadingMark): Promise<{ changed: number }> {
  const ids = [...new Set(mark.comments)];
  const known = await db.prepare("SELECT count(*) AS n FROM comments WHERE id IN (SELECT value FROM json_each(?))").bind(JSON.stringify(ids)).first<{ n: number }>();
  if (known?.n !== ids.length) throw commentNotFound();
  const now = new Date().toISOString();
  const statements = ids.flatMap((id) => [
    mark.read
      ? db.prepare("INSERT INTO comment_reads (comment_id, officer, read_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING").bind(id, officer.name, now)
      : db.prepare("DELETE FROM comment_reads WHERE comment_id = ? AND officer = ?").bind(id, officer.name),
    auditStatement(db, officer, mark.read ? "comment.read" : "comment.unread", `comment:${id}`, {}, { onlyIfChanged: true }),
    db.prepare("UPDATE comments SET read_at = (SELECT min(read_at) FROM comment_reads WHERE comment_id = ?1) WHERE id = ?1").bind(id),
  ]);
  const results = await db.batch(statements);
  return { changed: results.filter((_, index) => index % 3 === 0).reduce((sum, result) => sum + result.meta.changes, 0) };
}
