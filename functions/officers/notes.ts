/**
 * Officers' private notes on a comment: shown on the comment's officer page
 * and through the officers' API only. No public page, open data or export
 * reads this table. A note may repeat what the person wrote, so it goes with
 * the comment's words: erased with the comment, deleted by the retention job.
 * The audit log records that a note was written or deleted, never its words.
 */
import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { notFound } from "../lib/errors.ts";
import { requiredText } from "../lib/text-fields.ts";
import { auditStatement, type Actor } from "./audit.ts";
import { commentNotFound } from "./not-found.ts";

export const noteSchema = z.strictObject({ text: requiredText(LIMITS.officerNoteLength, "admin.error.note") }, { error: "admin.error.note" });

export interface CommentNote {
  id: number;
  officer: string;
  text: string;
  createdAt: string;
}

/** The comment's notes, oldest first. */
export async function listNotes(db: D1Database, commentId: number): Promise<CommentNote[]> {
  const { results } = await db
    .prepare("SELECT id, officer, text, created_at AS createdAt FROM comment_notes WHERE comment_id = ? ORDER BY id")
    .bind(commentId)
    .all<CommentNote>();
  return results;
}

export async function addNote(db: D1Database, officer: Actor, commentId: number, text: string): Promise<CommentNote> {
  if (!(await db.prepare("SELECT 1 FROM comments WHERE id = ?").bind(commentId).first())) throw commentNotFound();
  const createdAt = new Date().toISOString();
  const [inserted] = await db.batch<{ id: number }>([
    db.prepare("INSERT INTO comment_notes (comment_id, officer, text, created_at) VALUES (?, ?, ?, ?) RETURNING id").bind(commentId, officer.name, text, createdAt),
    auditStatement(db, officer, "comment.note", `comment:${commentId}`, {}),
  ]);
  return { id: inserted!.results[0]!.id, officer: officer.name, text, createdAt };
}

/** Deletes one of the comment's notes (a note written in error, or holding what it should not). */
export async function deleteNote(db: D1Database, officer: Actor, commentId: number, noteId: number): Promise<void> {
  const [deleted] = await db.batch([
    db.prepare("DELETE FROM comment_notes WHERE id = ? AND comment_id = ?").bind(noteId, commentId),
    auditStatement(db, officer, "comment.note_delete", `comment:${commentId}`, { note: noteId }, { onlyIfChanged: true }),
  ]);
  if (deleted!.meta.changes === 0) throw notFound("admin.error.noteNotFound");
}
