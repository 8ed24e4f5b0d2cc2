/**
 * Sharing the work: a paragraph (or the strategy as a whole) or a single
 * comment is given to one officer. A comment's own assignment wins over its
 * paragraph's. Each change is written with its audit entry.
 */
import { z } from "zod";
import { isCommentableParagraph } from "../consultation/paragraphs.ts";
import { notFound } from "../lib/errors.ts";
import { auditStatement, type Actor } from "./audit.ts";
import { commentNotFound } from "./not-found.ts";
import { officerNameSchema } from "./team.ts";

/** `{officer}` gives it to that officer (one seen before, or a name typed); `{officer: null}` gives it back. */
export const assignmentSchema = z.strictObject(
  { officer: officerNameSchema.nullable() },
  { error: "admin.error.officerName" },
);
export type Assignment = z.output<typeof assignmentSchema>;

/** Over `comments c`: whom the comment is assigned to, by itself or by its paragraph (NULL: nobody). */
export const ASSIGNED_OFFICER = `coalesce(
  (SELECT ca.officer FROM comment_assignments ca WHERE ca.comment_id = c.id),
  (SELECT pa.officer FROM paragraph_assignments pa WHERE pa.paragraph_id = c.paragraph_id))`;

/** Over `comments c`: "comment" or "paragraph", whichever assignment gives the comment its officer. */
export const ASSIGNED_VIA = `CASE WHEN EXISTS (SELECT 1 FROM comment_assignments ca WHERE ca.comment_id = c.id) THEN 'comment'
  WHEN EXISTS (SELECT 1 FROM paragraph_assignments pa WHERE pa.paragraph_id = c.paragraph_id) THEN 'paragraph' END`;

/** A typed name joins the officers one can choose from. */
const rosterStatement = (db: D1Database, name: string) =>
  db.prepare("INSERT INTO officers (name, first_seen_at) VALUES (?, ?) ON CONFLICT DO NOTHING").bind(name, new Date().toISOString());

/** Gives the comment to an officer, or back to nobody (its paragraph's officer, if any). Unchanged: nothing logged. */
export async function assignComment(db: D1Database, officer: Actor, commentId: number, assignment: Assignment): Promise<{ officer: string | null }> {
  const current = await db
    .prepare("SELECT c.id, (SELECT officer FROM comment_assignments WHERE comment_id = c.id) AS officer FROM comments c WHERE c.id = ?")
    .bind(commentId)
    .first<{ id: number; officer: string | null }>();
  if (!current) throw commentNotFound();
  const to = assignment.officer;
  if (current.officer === to) return { officer: to };
  const target = `comment:${commentId}`;
  await db.batch([
    to === null
      ? db.prepare("DELETE FROM comment_assignments WHERE comment_id = ?").bind(commentId)
      : db
          .prepare("INSERT INTO comment_assignments (comment_id, officer, assigned_at) VALUES (?, ?, ?) ON CONFLICT (comment_id) DO UPDATE SET officer = excluded.officer, assigned_at = excluded.assigned_at")
          .bind(commentId, to, new Date().toISOString()),
    auditStatement(db, officer, to === null ? "comment.unassign" : "comment.assign", target, { from: current.officer, to }),
    ...(to === null ? [] : [rosterStatement(db, to)]),
  ]);
  return { officer: to };
}

/** Gives every comment on the paragraph (or "general") to an officer, or back to nobody. */
export async function assignParagraph(db: D1Database, officer: Actor, paragraphId: string, assignment: Assignment): Promise<{ paragraph: string; officer: string | null }> {
  if (!isCommentableParagraph(paragraphId)) throw notFound("admin.error.paragraphNotFound");
  const current = await db.prepare("SELECT officer FROM paragraph_assignments WHERE paragraph_id = ?").bind(paragraphId).first<{ officer: string }>();
  const to = assignment.officer;
  if ((current?.officer ?? null) === to) return { paragraph: paragraphId, officer: to };
  const target = `paragraph:${paragraphId}`;
  await db.batch([
    to === null
      ? db.prepare("DELETE FROM paragraph_assignments WHERE paragraph_id = ?").bind(paragraphId)
      : db
          .prepare("INSERT INTO paragraph_assignments (paragraph_id, officer, assigned_at) VALUES (?, ?, ?) ON CONFLICT (paragraph_id) DO UPDATE SET officer = excluded.officer, assigned_at = excluded.assigned_at")
          .bind(paragraphId, to, new Date().toISOString()),
    auditStatement(db, officer, to === null ? "paragraph.unassign" : "paragraph.assign", target, { from: current?.officer ?? null, to }),
    ...(to === null ? [] : [rosterStatement(db, to)]),
  ]);
  return { paragraph: paragraphId, officer: to };
}

/** Every paragraph given to an officer: paragraph id → officer. */
export async function paragraphAssignments(db: D1Database): Promise<Record<string, string>> {
  const { results } = await db.prepare("SELECT paragraph_id, officer FROM paragraph_assignments").all<{ paragraph_id: string; officer: string }>();
  return Object.fromEntries(results.map((row) => [row.paragraph_id, row.officer]));
}
