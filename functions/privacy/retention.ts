/**
 * The retention job, run daily by the Worker's Cron Trigger (src/worker.ts):
 * once the retention period is over (schedule.ts), it deletes every
 * comment's words and whatever could identify the person behind a response,
 * and keeps what the published record needs without them: the rows
 * themselves, so counts per paragraph, channel, theme and day, the reading
 * state and the feedback entries answering them do not change.
 *
 * It works in bounded batches, each one D1 batch (a transaction), so a run
 * cut short leaves every row either done or untouched, and the next run goes
 * on from there. Rows already done are never touched again: a second run
 * changes nothing and writes no audit entry.
 */
import { forgetGroupingStatements } from "../duplicates/store.ts";
import { auditStatement, type Actor } from "../officers/audit.ts";
import { retentionSchedule, type RetentionSettings } from "./schedule.ts";
import { mergeSearchIndex } from "./search-index.ts";

/** Who the audit log names for the job's entries. */
export const RETENTION_ACTOR: Actor = { name: "Retention job" };

/** Rows per batch: one D1 statement each, well within D1's time and memory per query. */
export const RETENTION_BATCH = 1000;

export interface RetentionOutcome {
  /** False while the retention period (or a grace period) is still running: nothing was touched. */
  due: boolean;
  deletesFrom: string;
  /** What this run deleted. */
  comments: number;
  responses: number;
  quotes: number;
}

/** The highest id of the next batch of rows not yet done, or null when none are left. */
async function nextBatchEnd(db: D1Database, table: "comments" | "responses", doneColumn: string, size: number): Promise<number | null> {
  const row = await db
    .prepare(`SELECT max(id) AS last FROM (SELECT id FROM ${table} WHERE ${doneColumn} IS NULL ORDER BY id LIMIT ?)`)
    .bind(size)
    .first<{ last: number | null }>();
  return row?.last ?? null;
}

async function deleteWords(db: D1Database, now: string, last: number): Promise<{ comments: number; quotes: number }> {
  const pending = "SELECT id FROM comments WHERE words_deleted_at IS NULL AND id <= ?";
  const results = await db.batch([
    // Quotes are the person's words too; the entry keeps its count of the comments it answers.
    db.prepare(`DELETE FROM feedback_quotes WHERE comment_id IN (${pending})`).bind(last),
    // Officers' private notes may repeat them.
    db.prepare(`DELETE FROM comment_notes WHERE comment_id IN (${pending})`).bind(last),
    // A signature is made from the words: it goes with them, and the comment leaves its group.
    ...forgetGroupingStatements(db, pending, [last]),
    // Counted by RETURNING: D1's `changes` would count the full-text index's trigger writes too.
    db.prepare("UPDATE comments SET text = '', moderation_note = NULL, words_deleted_at = ? WHERE words_deleted_at IS NULL AND id <= ? RETURNING id").bind(now, last),
  ]);
  // The first statement deletes the quotes, the last the words.
  return { comments: results.at(-1)!.results.length, quotes: results[0]!.meta.changes };
}

async function deleteIdentifyingDetails(db: D1Database, now: string, last: number): Promise<number> {
  const result = await db
    .prepare(
      // A reference nobody holds (stored references never hold "-") breaks the link from a slip of paper to the response,
      // and so does a random idempotency key hash (a paper sheet's key is made from its reference);
      // '' keeps a helped response counted as helped once the helper's details are gone.
      `UPDATE responses SET reference = '-' || lower(hex(randomblob(8))), idempotency_key_hash = lower(hex(randomblob(32))), content_hash = '', organisation = NULL,
         assisted_organisation = CASE WHEN assisted_organisation IS NULL THEN NULL ELSE '' END, assisted_helper = NULL,
         pressed_send_at = NULL, paper_received_on = NULL, personal_data_deleted_at = ?
       WHERE personal_data_deleted_at IS NULL AND id <= ?`,
    )
    .bind(now, last)
    .run();
  return result.meta.changes;
}

/**
 * After the rows: references issued for kiosks and paper lead nowhere now;
 * officers' hiding reasons in the audit log may repeat what a comment said,
 * and references in it would link an entry to a person's slip.
 */
function afterStatements(db: D1Database, stamp: string): D1PreparedStatement[] {
  return [
    db.prepare("DELETE FROM issued_references"),
    // Responses a kiosk could not send, as reported to officers: their words and the reference given.
    db.prepare("UPDATE kiosk_refused_reports SET comments = '[]', reference = NULL, pressed_send_at = NULL, words_deleted_at = ? WHERE words_deleted_at IS NULL").bind(stamp),
    db.prepare(
      `UPDATE audit_log SET detail = json_remove(detail, '$.reason', '$.previousReason', '$.byReference')
       WHERE action IN ('comment.hide', 'comment.unhide', 'feedback.create', 'feedback.answer')
         AND (detail ->> '$.reason' IS NOT NULL OR detail ->> '$.previousReason' IS NOT NULL OR detail ->> '$.byReference' IS NOT NULL)`,
    ),
    db.prepare("UPDATE audit_log SET target = 'response' WHERE target LIKE 'response:%'"),
    mergeSearchIndex(db),
  ];
}

/**
 * Runs the job as at `now` (the Cron Trigger's scheduled time, or a test's
 * pinned clock). `settings` are the Worker's variables: the period and
 * RETENTION_DAYS, KIOSK_GRACE_DAYS, PAPER_GRACE_DAYS.
 */
export async function runRetention(
  db: D1Database,
  settings: RetentionSettings,
  now: Date,
  options: { batchSize?: number } = {},
): Promise<RetentionOutcome> {
  const { deletesFrom } = retentionSchedule(settings);
  const outcome: RetentionOutcome = { due: now >= deletesFrom, deletesFrom: deletesFrom.toISOString(), comments: 0, responses: 0, quotes: 0 };
  if (!outcome.due) return outcome;
  const size = options.batchSize ?? RETENTION_BATCH;
  const stamp = now.toISOString();

  for (let last = await nextBatchEnd(db, "comments", "words_deleted_at", size); last !== null; last = await nextBatchEnd(db, "comments", "words_deleted_at", size)) {
    const deleted = await deleteWords(db, stamp, last);
    outcome.comments += deleted.comments;
    outcome.quotes += deleted.quotes;
  }
  for (let last = await nextBatchEnd(db, "responses", "personal_data_deleted_at", size); last !== null; last = await nextBatchEnd(db, "responses", "personal_data_deleted_at", size)) {
    outcome.responses += await deleteIdentifyingDetails(db, stamp, last);
  }
  if (outcome.comments + outcome.responses === 0) return outcome;
  await db.batch([
    ...afterStatements(db, stamp),
    auditStatement(db, RETENTION_ACTOR, "retention.delete", null, {
      deletesFrom: outcome.deletesFrom,
      comments: outcome.comments,
      responses: outcome.responses,
      quotes: outcome.quotes,
    }),
  ]);
  return outcome;
}
