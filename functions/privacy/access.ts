/**
 * Access: everything held about one response, for the person who holds its
 * reference, to read on /track, print, or download as JSON. Only what is
 * about them: what they sent, how it came, what officers did with it (themes,
 * hiding and its reason, a redaction, reading) and the published entries and
 * quotes that use it. Never who the officers were or other people's data.
 */
import { commentedParagraph } from "../consultation/paragraphs.ts";
import { trackResponse, type TrackedResponseWithFeedback } from "../feedback/tracking.ts";
import { formatReference } from "../responses/reference.ts";
import type { CommentStatus, RespondentType } from "../responses/vocabulary.ts";

export interface HeldComment {
  id: number;
  paragraph: string;
  /** The paragraph's number ("3.2"), empty for the strategy as a whole. */
  number: string;
  text: string;
  /** Received, hidden, or answered by a published "You said, we did" entry. */
  status: CommentStatus | "answered";
  /** Why officers hid it, when they did. */
  hiddenBecause: string | null;
  /** When officers took personal details out of it (the words taken out are not kept). */
  redactedAt: string | null;
  readAt: string | null;
  themes: string[];
  /** Its words quoted in published feedback entries. */
  quotes: { feedback: number; text: string }[];
  feedback: number[];
}

export interface HeldData {
  reference: string;
  receivedAt: string;
  channel: TrackedResponseWithFeedback["channel"];
  respondentType: RespondentType | null;
  organisation: string | null;
  publishConsent: boolean;
  kiosk: string | null;
  assisted: { organisation: string; helper: string } | null;
  pressedSendAt: string | null;
  paperReceivedOn: string | null;
  comments: HeldComment[];
  feedback: TrackedResponseWithFeedback["feedback"];
}

interface ResponseRow {
  respondent_type: RespondentType | null;
  organisation: string | null;
  publish_consent: number;
  kiosk: string | null;
  assisted_organisation: string | null;
  assisted_helper: string | null;
  pressed_send_at: string | null;
  paper_received_on: string | null;
}

interface CommentRow {
  id: number;
  paragraph_revision: number;
  moderation_note: string | null;
  redacted_at: string | null;
  read_at: string | null;
  themes: string;
  quotes: string;
}

/** Everything held about the response with this reference (as stored), or null. */
export async function heldAbout(db: D1Database, reference: string): Promise<HeldData | null> {
  const tracked = await trackResponse(db, reference);
  if (!tracked) return null;
  const [response, comments] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT respondent_type, organisation, publish_consent, (SELECT name FROM kiosks WHERE id = kiosk_id) AS kiosk,
                assisted_organisation, assisted_helper, pressed_send_at, paper_received_on
         FROM responses WHERE reference = ?`,
      )
      .bind(reference),
    db
      .prepare(
        `SELECT c.id, c.paragraph_revision, c.moderation_note, c.redacted_at, c.read_at,
           (SELECT json_group_array(t.name) FROM comment_themes ct JOIN themes t ON t.id = ct.theme_id WHERE ct.comment_id = c.id) AS themes,
           (SELECT json_group_array(json_object('feedback', q.feedback_id, 'text', q.excerpt)) FROM feedback_quotes q
              JOIN feedback_entries f ON f.id = q.feedback_id WHERE q.comment_id = c.id AND f.status = 'published') AS quotes
         FROM comments c JOIN responses r ON r.id = c.response_id WHERE r.reference = ? ORDER BY c.position`,
      )
      .bind(reference),
  ]);
  const row = response!.results[0] as unknown as ResponseRow;
  const details = new Map((comments!.results as unknown as CommentRow[]).map((comment) => [comment.id, comment]));
  return {
    reference: formatReference(tracked.reference),
    receivedAt: tracked.receivedAt,
    channel: tracked.channel,
    respondentType: row.respondent_type,
    organisation: row.organisation,
    publishConsent: row.publish_consent === 1,
    kiosk: row.kiosk,
    assisted: row.assisted_organisation !== null ? { organisation: row.assisted_organisation, helper: row.assisted_helper ?? "" } : null,
    pressedSendAt: row.pressed_send_at,
    paperReceivedOn: row.paper_received_on,
    comments: tracked.comments.map((comment) => {
      const detail = details.get(comment.id)!;
      return {
        id: comment.id,
        paragraph: comment.paragraph,
        number: commentedParagraph(comment.paragraph, detail.paragraph_revision).number,
        text: comment.text,
        status: comment.status,
        hiddenBecause: comment.status === "hidden" ? detail.moderation_note : null,
        redactedAt: detail.redacted_at,
        readAt: detail.read_at,
        themes: JSON.parse(detail.themes) as string[],
        quotes: JSON.parse(detail.quotes) as { feedback: number; text: string }[],
        feedback: comment.feedback,
      };
    }),
    feedback: tracked.feedback,
  };
}
