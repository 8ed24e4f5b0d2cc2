/**
 * Erasure on request: an officer erases a response its author asked to be
 * erased. The response, its comments and everything hanging on them (themes,
 * quotes, feedback entries' answers, reading state, full-text rows) are
 * deleted in one batch (officers' notes, assignments and reading marks
 * included, and any refused kiosk response reported under its reference), and a tombstone in `erasures` says that a response
 * was erased, when, by whom and why, never its words. A feedback entry keeps
 * counting the comments it answered, saying how many were erased.
 */
import { forgetGroupingStatements } from "../duplicates/store.ts";
import { requiredText } from "../lib/text-fields.ts";
import { z } from "zod";
import { gone, notFound } from "../lib/errors.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { LIMITS } from "../limits.ts";
import type { Officer } from "../officers/auth/officer.ts";
import { auditStatement } from "../officers/audit.ts";
import { formatReference } from "../responses/reference.ts";
import type { Channel } from "../responses/vocabulary.ts";
import { retentionSchedule, type RetentionSettings } from "./schedule.ts";
import { mergeSearchIndex } from "./search-index.ts";

export const erasureSchema = z.object({
  reason: requiredText(LIMITS.hideReasonLength, "admin.error.erasureReason"),
});

/** How a tombstone names a reference without keeping it: `reference` as stored (ten characters, no hyphen). */
export const referenceHash = (reference: string) => sha256Hex(`erased-reference:${reference}`);

/** Whether a response with this reference (as stored) was erased: its tombstone names it by hash. */
async function wasErased(db: D1Database, reference: string): Promise<boolean> {
  return (await db.prepare("SELECT 1 FROM erasures WHERE reference_hash = ?").bind(await referenceHash(reference)).first()) !== null;
}

/** What an officer sees before erasing: enough to be sure it is the right response, and what will go. */
export interface ErasurePreview {
  reference: string;
  channel: Channel;
  receivedAt: string;
  comments: number;
  /** Feedback entries answering its comments: they will say that comments were erased. */
  feedbackEntries: number;
}

export async function erasurePreview(db: D1Database, reference: string): Promise<ErasurePreview | null> {
  const row = await db
    .prepare(
      `SELECT r.reference, r.channel, r.received_at,
         (SELECT count(*) FROM comments WHERE response_id = r.id) AS comments,
         (SELECT count(DISTINCT fc.feedback_id) FROM feedback_comments fc JOIN comments c ON c.id = fc.comment_id WHERE c.response_id = r.id) AS feedback_entries
       FROM responses r WHERE r.reference = ?`,
    )
    .bind(reference)
    .first<{ reference: string; channel: Channel; received_at: string; comments: number; feedback_entries: number }>();
  if (!row) return null;
  return { reference: formatReference(row.reference), channel: row.channel, receivedAt: row.received_at, comments: row.comments, feedbackEntries: row.feedback_entries };
}

/**
 * Erases the response with this reference (as stored). Erasing one already
 * erased changes nothing and is not an error; an unknown reference is 404.
 */
export async function eraseResponse(db: D1Database, officer: Officer, reference: string, reason: string, now = new Date()): Promise<void> {
  const hash = await referenceHash(reference);
  const response = await db
    .prepare("SELECT id, channel, (SELECT count(*) FROM comments WHERE response_id = responses.id) AS comments FROM responses WHERE reference = ?")
    .bind(reference)
    .first<{ id: number; channel: Channel; comments: number }>();
  if (!response) {
    if (await wasErased(db, reference)) return;
    throw notFound("error.reference_not_found");
  }
  const itsComments = "SELECT id FROM comments WHERE response_id = ?";
  const commentTargets = "SELECT 'comment:' || id FROM comments WHERE response_id = ?";
  await db.batch([
    db
      .prepare(
        `UPDATE feedback_entries SET erased_comments = erased_comments +
           (SELECT count(*) FROM feedback_comments WHERE feedback_id = feedback_entries.id AND comment_id IN (${itsComments}))
         WHERE id IN (SELECT feedback_id FROM feedback_comments WHERE comment_id IN (${itsComments}))`,
      )
      .bind(response.id, response.id),
    // Officers' reasons for hiding may repeat the words; the entries themselves say who did what, and stay.
    db
      .prepare(`UPDATE audit_log SET detail = json_remove(detail, '$.reason', '$.previousReason') WHERE target IN (${commentTargets})`)
      .bind(response.id),
    ...["feedback_quotes", "feedback_comments", "comment_themes", "comment_notes", "comment_assignments", "comment_reads"].map((table) =>
      db.prepare(`DELETE FROM ${table} WHERE comment_id IN (${itsComments})`).bind(response.id),
    ),
    ...forgetGroupingStatements(db, itsComments, [response.id]),
    db.prepare("DELETE FROM comments WHERE response_id = ?").bind(response.id),
    db.prepare("DELETE FROM responses WHERE id = ?").bind(response.id),
    db.prepare("DELETE FROM kiosk_refused_reports WHERE reference = ?").bind(reference),
    db
      .prepare("INSERT INTO erasures (reference_hash, erased_at, officer, reason, channel, comments) VALUES (?, ?, ?, ?, ?, ?)")
      .bind(hash, now.toISOString(), officer.name, reason, response.channel, response.comments),
    auditStatement(db, officer, "response.erase", "erasure:", { reason, channel: response.channel, comments: response.comments }, { targetInserted: "erasures" }),
    // Earlier entries about the response named its reference: they now name the tombstone.
    db
      .prepare("UPDATE audit_log SET target = 'erasure:' || (SELECT id FROM erasures WHERE reference_hash = ?) WHERE target = ?")
      .bind(hash, `response:${formatReference(reference)}`),
    mergeSearchIndex(db),
  ]);
}

/** Erased responses, for the overview: how many, and how many comments they held. */
export async function erasureCounts(db: D1Database): Promise<{ responses: number; comments: number }> {
  const row = await db.prepare("SELECT count(*) AS responses, coalesce(sum(comments), 0) AS comments FROM erasures").first<{ responses: number; comments: number }>();
  return row ?? { responses: 0, comments: 0 };
}

/**
 * Why a reference finds nothing, when we can say: its response was erased on
 * request, or the retention period is over and every response's link to its
 * words was deleted. Null when it was never ours (or nothing can be said).
 */
export async function whyGone(db: D1Database, settings: RetentionSettings, reference: string, now = new Date()): Promise<"erased" | "deleted" | null> {
  if (await wasErased(db, reference)) return "erased";
  try {
    return now >= retentionSchedule(settings).deletesFrom ? "deleted" : null;
  } catch {
    return null;
  }
}

/**
 * A reference handed out beforehand (a kiosk's pool, a printed sheet) whose
 * response was erased cannot be used again: a kiosk retrying a send it never
 * saw acknowledged, or a sheet typed in twice, would otherwise store again
 * the words its author asked to be erased.
 */
export async function refuseErasedReference(db: D1Database, reference: string): Promise<void> {
  if (await wasErased(db, reference)) {
    throw gone("response_erased", "error.response_erased");
  }
}
