/**
 * Moderation: hiding a comment (with a reason), showing it again, and
 * taking personal data out of it. Each change and its audit entry are
 * written in one batch, so neither happens without the other.
 */
import { regroupRedacted } from "../duplicates/store.ts";
import { requiredText } from "../lib/text-fields.ts";
import { commentNotFound } from "./not-found.ts";
import { z } from "zod";
import type { Officer } from "./auth/officer.ts";
import { rejected } from "../lib/errors.ts";
import { LIMITS } from "../limits.ts";
import { auditStatement } from "./audit.ts";
import { findComment, type OfficerComment } from "./comments.ts";
import { dropQuotesLostByRedaction } from "../feedback/quotes.ts";
import { mergeSearchIndex } from "../privacy/search-index.ts";


export const hideSchema = z.object({ reason: requiredText(LIMITS.hideReasonLength, "admin.error.reason") });
export const redactSchema = z.object({
  text: requiredText(LIMITS.redactionLength, "admin.error.redactText"),
  /** Why, in the officer's words ("a phone number"): recorded, never the words taken out. */
  reason: z.string({ error: "admin.error.redactReason" }).trim().max(LIMITS.hideReasonLength, { error: "admin.error.redactReason" }).optional(),
});

async function existingComment(db: D1Database, id: number): Promise<OfficerComment> {
  const comment = await findComment(db, id);
  if (!comment) throw commentNotFound();
  return comment;
}

export async function hideComment(db: D1Database, officer: Officer, id: number, reason: string): Promise<OfficerComment> {
  const comment = await existingComment(db, id);
  await db.batch([
    db.prepare("UPDATE comments SET status = 'hidden', moderation_note = ? WHERE id = ?").bind(reason, id),
    auditStatement(db, officer, "comment.hide", `comment:${id}`, { reason, previousStatus: comment.status }),
  ]);
  return existingComment(db, id);
}

export async function unhideComment(db: D1Database, officer: Officer, id: number): Promise<OfficerComment> {
  const comment = await existingComment(db, id);
  await db.batch([
    db.prepare("UPDATE comments SET status = 'received', moderation_note = NULL WHERE id = ?").bind(id),
    auditStatement(db, officer, "comment.unhide", `comment:${id}`, { previousReason: comment.moderationNote }),
  ]);
  return existingComment(db, id);
}

/**
 * Replaces the comment's text with the officer's redacted version, everywhere:
 * the full-text index follows the text (migrations/0002), and a feedback
 * quote holding words taken out goes with them. The audit entry says who,
 * when and why, and how much was taken out, never the words.
 */
export async function redactComment(db: D1Database, officer: Officer, id: number, redactedText: string, reason?: string): Promise<OfficerComment> {
  const comment = await existingComment(db, id);
  if (redactedText === comment.text) throw rejected("redaction_unchanged", "admin.error.redactUnchanged");
  await db.batch([
    db.prepare("UPDATE comments SET text = ?, redacted_at = ? WHERE id = ?").bind(redactedText, new Date().toISOString(), id),
    dropQuotesLostByRedaction(db, id, redactedText),
    auditStatement(db, officer, "comment.redact", `comment:${id}`, {
      ...(reason && { reason }),
      charactersBefore: comment.text.length,
      charactersAfter: redactedText.length,
    }),
    mergeSearchIndex(db),
  ]);
  await regroupRedacted(db, id, redactedText);
  return existingComment(db, id);
}
