/** The audit log: every officer action, who did it and when. */
import type { Officer } from "./auth/officer.ts";
import { insertedId, type InsertedTable } from "../lib/inserted.ts";

export type AuditAction =
  | "officer.sign_in"
  | "officer.sign_out"
  | "comment.hide"
  | "comment.unhide"
  | "comment.redact"
  | "comment.tag"
  | "comment.untag"
  | "comment.set_themes"
  | "comment.read"
  | "comment.unread"
  | "comment.assign"
  | "comment.unassign"
  | "comment.note"
  | "comment.note_delete"
  | "paragraph.assign"
  | "paragraph.unassign"
  | "theme.merge"
  | "theme.delete"
  | "kiosk.refused_report"
  | "kiosk.refused_resolve"
  | "comment.answer"
  | "grouping.discard"
  | "theme.create"
  | "theme.rename"
  | "duplicates.confirm"
  | "duplicates.split"
  | "export"
  | "feedback.create"
  | "feedback.update"
  | "feedback.publish"
  | "feedback.unpublish"
  | "feedback.answer"
  | "feedback.unanswer"
  | "publication.change"
  | "kiosk.issue"
  | "kiosk.revoke"
  | "kiosk.setup_code"
  | "kiosk.staff_code.issue"
  | "kiosk.staff_code.revoke"
  | "paper.batch"
  | "paper.enter"
  | "paper.correct"
  | "response.erase"
  | "retention.delete";

export interface AuditEntry {
  id: number;
  at: string;
  officer: string;
  action: AuditAction;
  target: string | null;
  detail: Record<string, unknown>;
}

/** Who the log names: an officer, or a kiosk whose support worker typed in a paper form. */
export type Actor = Pick<Officer, "name">;

interface AuditOptions {
  /** Write the entry only if the statement just before it in the batch changed a row. */
  onlyIfChanged?: boolean;
  /** The target is "kind:" and the row this table's INSERT earlier in the batch wrote. */
  targetInserted?: InsertedTable;
}

/**
 * The INSERT for one entry: the only way the audit log is written. Batch it
 * with the change it records, so both happen or neither.
 */
export function auditStatement(
  db: D1Database,
  officer: Actor,
  action: AuditAction,
  target: string | null,
  detail: Record<string, unknown> = {},
  options: AuditOptions = {},
): D1PreparedStatement {
  const targetSql = options.targetInserted ? `? || ${insertedId(options.targetInserted)}` : "?";
  const condition = options.onlyIfChanged ? " WHERE changes() > 0" : "";
  return db
    .prepare(`INSERT INTO audit_log (at, officer, action, target, detail) SELECT ?, ?, ?, ${targetSql}, ?${condition}`)
    .bind(new Date().toISOString(), officer.name, action, target, JSON.stringify(detail));
}

/**
 * One entry for each comment in `commentIds` (a JSON array bound as text)
 * for which `condition`, over `value` (the comment's id), holds: batched just
 * before the change it records, so a comment already in the new state logs
 * nothing, and each entry is written with its change or not at all.
 */
export function auditEachCommentStatement(
  db: D1Database,
  officer: Actor,
  action: AuditAction,
  commentIds: number[],
  detail: Record<string, unknown>,
  condition: { sql: string; params: unknown[] },
): D1PreparedStatement {
  return db
    .prepare(
      `INSERT INTO audit_log (at, officer, action, target, detail)
       SELECT ?, ?, ?, 'comment:' || value, ? FROM json_each(?) WHERE ${condition.sql} ORDER BY value`,
    )
    .bind(new Date().toISOString(), officer.name, action, JSON.stringify(detail), JSON.stringify(commentIds), ...condition.params);
}

export async function recordAction(
  db: D1Database,
  officer: Officer,
  action: AuditAction,
  target: string | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await auditStatement(db, officer, action, target, detail).run();
}

export const AUDIT_PAGE_SIZE = 50;

/** Newest first; `before` is the cursor the previous page gave. */
export async function listAudit(
  db: D1Database,
  page: { before?: number; target?: string } = {},
): Promise<{ entries: AuditEntry[]; nextCursor: string | null }> {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (page.before) conditions.push("id < ?"), params.push(page.before);
  if (page.target) conditions.push("target = ?"), params.push(page.target);
  const where = conditions.length ? `WHERE ${conditions.join(" AND ")}` : "";
  const { results } = await db
    .prepare(`SELECT id, at, officer, action, target, detail FROM audit_log ${where} ORDER BY id DESC LIMIT ?`)
    .bind(...params, AUDIT_PAGE_SIZE + 1)
    .all<Omit<AuditEntry, "detail"> & { detail: string }>();
  const entries = results.slice(0, AUDIT_PAGE_SIZE).map((row) => ({ ...row, detail: JSON.parse(row.detail) as Record<string, unknown> }));
  return { entries, nextCursor: results.length > AUDIT_PAGE_SIZE ? String(entries.at(-1)!.id) : null };
}
