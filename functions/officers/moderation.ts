/**
 * Moderation: hiding a comment (with a reason), showing it again, and
 * taking personal data out of it. Each change and its audit entry are
 * written in one batch, so neither happens without the other.
 */
import { commentNotFound } from "./not-found.ts";
import { z } from "zod";
import type { Officer } from "./auth/officer.ts";
import { rejected } from "../lib/errors.ts";
import { LIMITS } from "../limits.ts";
import { auditStatement } from "./audit.ts";
import { findComment, type OfficerComment } from "./comments.ts";
import { dropQuotesLostByRedaction } from "../feedback/quotes.ts";

const requiredText = (max: number, key: "admin.error.reason" | "admin.error.redactText") =>
  z.string({ error: key }).trim().min(1, { error: key }).max(max, { error: key });

export const hideSchema = z.object({ reason: requiredText(LIMITS.hideReasonLength, "admin.error.reason") });
export const redactSchema = z.object({ text: requiredText(LIMITS.redactionLength, "admin.error.redactText") });

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
 * Replaces the comment's text with the officer's redacted version. The
 * original words are kept only in the audit entry, for officers; a feedback
 * quote holding words taken out goes with them.
 */
export async function redactComment(db: D1Database, officer: Officer, id: number, redactedText: string): Promise<OfficerComment> {
  const comment = await existingComment(db, id);
  if (redactedText === comment.text) throw rejected("redaction_unchanged", "admin.error.redactUnchanged");
  await db.batch([
    db.prepare("UPDATE comments SET text = ?, redacted_at = ? WHERE id = ?").bind(redactedText, new Date().toISOString(), id),
    dropQuotesLostByRedaction(db, id, redactedText),
    auditStatement(db, officer, "comment.redact", `comment:${id}`, { originalText: comment.text, redactedText }),
  ]);
  return existingComment(db, id);
}
