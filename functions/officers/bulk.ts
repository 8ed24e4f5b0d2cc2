/**
 * Acting on many comments at once: tag them with a theme (an existing one or
 * a new one), mark them read, hide them with one reason, or attach them to a
 * feedback entry. The comments are named by number or by the comment list's
 * own filters. Everything is checked first; then every change, and one audit
 * entry for each comment it changes, is one D1 batch: all of it happens, or
 * none of it does.
 */
import { z } from "zod";
import { invalid } from "../lib/errors.ts";
import { recordId } from "../lib/ids.ts";
import { requiredText } from "../lib/text-fields.ts";
import type { MessageKey } from "../i18n/index.ts";
import { LIMITS } from "../limits.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import type { Actor } from "./audit.ts";
import { auditEachCommentStatement, auditStatement } from "./audit.ts";
import { commentFiltersSchema, filterConditions, whereClause, type CommentFilters } from "./filters.ts";

export const BULK_ACTIONS = ["tag", "read", "hide", "answer"] as const;
export type BulkActionName = (typeof BULK_ACTIONS)[number];

/** The fields each action needs besides the comments; any other is refused. */
const ACTION_FIELDS: Record<BulkActionName, string[]> = { tag: ["theme", "themeName"], read: [], hide: ["reason"], answer: ["feedback"] };
const OPTIONAL_FIELDS = ["theme", "themeName", "reason", "feedback"] as const;

/** POST /api/admin/comments/bulk, and the bulk forms of the officer pages. */
export const bulkActionSchema = z
  .strictObject(
    {
      action: z.enum(BULK_ACTIONS, { error: "admin.error.bulk.action" }),
      commentIds: z
        .array(recordId, { error: "admin.error.bulk.commentIds" })
        .min(1, { error: "admin.error.bulk.commentIds" })
        .max(LIMITS.commentsPerBulkAction, { error: "admin.error.bulk.commentIds" })
        .optional(),
      filter: commentFiltersSchema.optional(),
      theme: recordId.optional(),
      themeName: requiredText(LIMITS.themeNameLength, "admin.error.themeName").optional(),
      reason: requiredText(LIMITS.hideReasonLength, "admin.error.reason").optional(),
      feedback: recordId.optional(),
    },
    { error: "admin.error.bulk.body" },
  )
  .superRefine((bulk, context) => {
    const problem = (path: string, message: MessageKey) => context.addIssue({ code: "custom", path: [path], message });
    if ((bulk.commentIds === undefined) === (bulk.filter === undefined)) problem("commentIds", "admin.error.bulk.selection");
    for (const field of OPTIONAL_FIELDS) {
      if (bulk[field] !== undefined && !ACTION_FIELDS[bulk.action].includes(field)) problem(field, "admin.error.bulk.notForAction");
    }
    if (bulk.action === "tag" && (bulk.theme === undefined) === (bulk.themeName === undefined)) problem("theme", "admin.error.bulk.theme");
    if (bulk.action === "hide" && bulk.reason === undefined) problem("reason", "admin.error.reason");
    if (bulk.action === "answer" && bulk.feedback === undefined) problem("feedback", "admin.error.bulk.feedback");
  });
export type BulkAction = z.output<typeof bulkActionSchema>;

/** The message for a field whose schema cannot name its own (the nested filters). */
export const BULK_MESSAGES: Record<string, MessageKey> = { filter: "admin.error.bulk.filter", action: "admin.error.bulk.action" };

export interface BulkResult {
  action: BulkActionName;
  /** Comments the action was asked to change. */
  selected: number;
  /** Comments it changed (one audit entry each); the others were already so. */
  changed: number;
}

// ---- Checks ---------------------------------------------------------------

/** The chosen comments' ids, ascending, or a 422 naming each number that is no comment. */
async function chosenComments(db: D1Database, bulk: BulkAction): Promise<number[]> {
  if (bulk.filter) return matchingComments(db, bulk.filter);
  const ids = [...new Set(bulk.commentIds!)];
  const { results } = await db.prepare("SELECT id FROM comments WHERE id IN (SELECT value FROM json_each(?))").bind(JSON.stringify(ids)).all<{ id: number }>();
  const found = new Set(results.map((row) => row.id));
  const problems: Record<string, MessageKey> = {};
  bulk.commentIds!.forEach((id, index) => {
    if (!found.has(id)) problems[`commentIds.${index}`] = "admin.error.commentNotFound";
  });
  if (Object.keys(problems).length > 0) throw invalid(problems);
  return ids.sort((a, b) => a - b);
}

/** Every comment the officers' list shows for these filters, hidden ones included, up to the bulk limit. */
export async function matchingComments(db: D1Database, filters: CommentFilters): Promise<number[]> {
  const where = whereClause(filterConditions(filters, { includeHidden: true }));
  const { results } = await db
    .prepare(`SELECT c.id FROM ${COMMENTS_WITH_RESPONSES} ${where.sql} ORDER BY c.id LIMIT ?`)
    .bind(...where.params, LIMITS.commentsPerBulkAction + 1)
    .all<{ id: number }>();
  if (results.length === 0) throw invalid({ filter: "admin.error.bulk.filterMatchesNothing" });
  if (results.length > LIMITS.commentsPerBulkAction) throw invalid({ filter: "admin.error.bulk.tooMany" });
  return results.map((row) => row.id);
}

async function existingName(db: D1Database, sql: string, id: number, field: string, message: MessageKey): Promise<string> {
  const row = await db.prepare(sql).bind(id).first<{ name: string }>();
  if (!row) throw invalid({ [field]: message });
  return row.name;
}

// ---- The batch --------------------------------------------------------------

/** The statements that make the change and log it, comment by comment; the theme is created in the same batch if new. */
async function changeStatements(db: D1Database, officer: Actor, bulk: BulkAction, ids: number[]): Promise<D1PreparedStatement[]> {
  const list = JSON.stringify(ids);
  const now = new Date().toISOString();
  switch (bulk.action) {
    case "tag": {
      let created: D1PreparedStatement[] = [];
      let themeId: { sql: string; params: unknown[] };
      let themeName: string;
      if (bulk.themeName !== undefined) {
        themeName = bulk.themeName;
        if (await db.prepare("SELECT 1 FROM themes WHERE name = ?").bind(themeName).first()) throw invalid({ themeName: "admin.error.themeExists" });
        created = [
          db.prepare("INSERT INTO themes (name, created_at) VALUES (?, ?)").bind(themeName, now),
          auditStatement(db, officer, "theme.create", "theme:", { name: themeName }, { targetInserted: "themes" }),
        ];
        themeId = { sql: "(SELECT id FROM themes WHERE name = ?)", params: [themeName] };
      } else {
        themeName = await existingName(db, "SELECT name FROM themes WHERE id = ?", bulk.theme!, "theme", "admin.error.themeNotFound");
        themeId = { sql: "?", params: [bulk.theme] };
      }
      const detail = { ...(bulk.theme !== undefined && { themeId: bulk.theme }), theme: themeName, bulk: true };
      return [
        ...created,
        auditEachCommentStatement(db, officer, "comment.tag", ids, detail, {
          sql: `NOT EXISTS (SELECT 1 FROM comment_themes WHERE comment_id = value AND theme_id = ${themeId.sql})`,
          params: themeId.params,
        }),
        db
          .prepare(`INSERT INTO comment_themes (comment_id, theme_id) SELECT value, ${themeId.sql} FROM json_each(?) WHERE true ON CONFLICT DO NOTHING`)
          .bind(...themeId.params, list),
      ];
    }
    case "read":
      // Read by this officer: each officer reads for themselves, and a comment is read once anyone has read it.
      return [
        db.prepare("UPDATE comments SET read_at = ? WHERE id IN (SELECT value FROM json_each(?)) AND read_at IS NULL").bind(now, list),
        auditEachCommentStatement(db, officer, "comment.read", ids, { bulk: true }, {
          sql: "NOT EXISTS (SELECT 1 FROM comment_reads WHERE comment_id = value AND officer = ?)",
          params: [officer.name],
        }),
        db
          .prepare("INSERT INTO comment_reads (comment_id, officer, read_at) SELECT value, ?, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING")
          .bind(officer.name, now, list),
      ];
    case "hide":
      return [
        auditEachCommentStatement(db, officer, "comment.hide", ids, { reason: bulk.reason, previousStatus: "received", bulk: true }, {
          sql: "(SELECT status FROM comments WHERE id = value) <> 'hidden'",
          params: [],
        }),
        db
          .prepare("UPDATE comments SET status = 'hidden', moderation_note = ? WHERE id IN (SELECT value FROM json_each(?)) AND status <> 'hidden'")
          .bind(bulk.reason, list),
      ];
    case "answer": {
      const title = await existingName(db, "SELECT title AS name FROM feedback_entries WHERE id = ?", bulk.feedback!, "feedback", "admin.error.feedbackNotFound");
      return [
        auditEachCommentStatement(db, officer, "comment.answer", ids, { feedbackId: bulk.feedback, feedback: title, bulk: true }, {
          sql: "NOT EXISTS (SELECT 1 FROM feedback_comments WHERE feedback_id = ? AND comment_id = value)",
          params: [bulk.feedback],
        }),
        db
          .prepare("INSERT INTO feedback_comments (feedback_id, comment_id) SELECT ?, value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING")
          .bind(bulk.feedback, list),
      ];
    }
  }
}

/** Does the action to every chosen comment, or (when anything is wrong, or any step fails) to none. */
export async function actOnComments(db: D1Database, officer: Actor, bulk: BulkAction): Promise<BulkResult> {
  const ids = await chosenComments(db, bulk);
  const statements = await changeStatements(db, officer, bulk, ids);
  const results = await db.batch(statements);
  const logged = results[statements.length - 2]!;
  return { action: bulk.action, selected: ids.length, changed: logged.meta.changes };
}
