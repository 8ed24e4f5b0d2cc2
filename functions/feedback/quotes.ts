/**
 * The one rule for showing people's words publicly, in quotes and in
 * published comments. Quoting a comment in "You said, we did": only a comment
 * the entry answers, whose author agreed to be quoted, that is not hidden,
 * and only words that stand in its stored (redacted) text. Checked when an
 * officer picks a quote, and again in SQL every time quotes are read, so a
 * comment hidden or redacted later is never quoted from its old words.
 */
import type { MessageKey } from "../i18n/index.ts";
import { LIMITS } from "../limits.ts";
import { textLength } from "../responses/text.ts";
import type { CommentStatus } from "../responses/vocabulary.ts";

export interface QuotableComment {
  id: number;
  /** The stored text: the redacted text once personal details were taken out. */
  text: string;
  status: CommentStatus;
  publishConsent: boolean;
}

/**
 * Whose words the public may ever read, over `comments c JOIN responses r`:
 * comments whose authors agreed, and that are not hidden.
 */
export const COMMENT_IS_PUBLIC = "(c.status <> 'hidden' AND r.publish_consent = 1)";

/**
 * What may be shown of a quote, over `feedback_quotes q JOIN comments c JOIN responses r`:
 * the same rule as `quoteProblem`, for reading.
 */
export const QUOTE_IS_SHOWN = `(${COMMENT_IS_PUBLIC} AND instr(c.text, q.excerpt) > 0)`;

/** The words to quote: those given, or the whole comment when none are. */
export function quoteExcerpt(comment: QuotableComment, text: string | undefined): string {
  return text || comment.text;
}

/** Why this comment cannot be quoted with these words, or undefined when it can. */
export function quoteProblem(comment: QuotableComment | undefined, excerpt: string): MessageKey | undefined {
  if (!comment) return "admin.error.feedback.quoteNotAnswered";
  if (comment.status === "hidden") return "admin.error.feedback.quoteHidden";
  if (!comment.publishConsent) return "admin.error.feedback.quoteConsent";
  if (textLength(excerpt) > LIMITS.quoteLength) return "admin.error.feedback.quoteLength";
  if (!excerpt || !comment.text.includes(excerpt)) return "admin.error.feedback.quoteNotInText";
  return undefined;
}

/**
 * For the same batch as a redaction: quotes whose words the redacted text no
 * longer holds are deleted, so the words taken out live on only in the audit log.
 */
export function dropQuotesLostByRedaction(db: D1Database, commentId: number, redactedText: string): D1PreparedStatement {
  return db.prepare("DELETE FROM feedback_quotes WHERE comment_id = ? AND instr(?, excerpt) = 0").bind(commentId, redactedText);
}
