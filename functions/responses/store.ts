/**
 * Responses in D1. A response and its comments are written in one batch,
 * which D1 runs as a transaction: never a response without its comments.
 */
import { revisionSeenNow } from "../consultation/paragraphs.ts";
import { groupComments } from "../duplicates/store.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { newReference } from "./reference.ts";
import { refuseErasedReference } from "../privacy/erasure.ts";
import type { ValidResponse } from "./schema.ts";
import type { Channel, CommentStatus } from "./vocabulary.ts";

/** Every comment with the response it came in: the join all readers of comments share. */
export const COMMENTS_WITH_RESPONSES = "comments c JOIN responses r ON r.id = c.response_id";

/** What the person is told when their response is stored (and told again on a retry). */
export interface Receipt {
  reference: string;
  receivedAt: string;
  comments: { id: number; paragraph: string }[];
}

export interface TrackedResponse {
  reference: string;
  receivedAt: string;
  /** A paper form's London day of receipt (YYYY-MM-DD): the date of its author's response, not the day it was typed in. */
  receivedOn?: string;
  channel: Channel;
  comments: { id: number; paragraph: string; text: string; status: CommentStatus }[];
}

export type CreateResult =
  | { kind: "created"; receipt: Receipt }
  | { kind: "replayed"; receipt: Receipt }
  | { kind: "key_reused" }
  /** The reference issued beforehand already belongs to another response. */
  | { kind: "reference_taken" };

// ---------------------------------------------------------------------------
// Reading

async function receiptByKey(db: D1Database, idempotencyKeyHash: string): Promise<{ contentHash: string; receipt: Receipt } | null> {
  const { results } = await db
    .prepare(
      `SELECT r.reference, r.received_at, r.content_hash, c.id, c.paragraph_id
       FROM ${COMMENTS_WITH_RESPONSES}
       WHERE r.idempotency_key_hash = ? ORDER BY c.position`,
    )
    .bind(idempotencyKeyHash)
    .all<{ reference: string; received_at: string; content_hash: string; id: number; paragraph_id: string }>();
  const first = results[0];
  if (!first) return null;
  return {
    contentHash: first.content_hash,
    receipt: {
      reference: first.reference,
      receivedAt: first.received_at,
      comments: results.map((row) => ({ id: row.id, paragraph: row.paragraph_id })),
    },
  };
}

export async function findResponse(db: D1Database, reference: string): Promise<TrackedResponse | null> {
  const { results } = await db
    .prepare(
      `SELECT r.reference, r.received_at, r.paper_received_on, r.channel, c.id, c.paragraph_id, c.text, c.status
       FROM ${COMMENTS_WITH_RESPONSES}
       WHERE r.reference = ? ORDER BY c.position`,
    )
    .bind(reference)
    .all<{ reference: string; received_at: string; paper_received_on: string | null; channel: Channel; id: number; paragraph_id: string; text: string; status: CommentStatus }>();
  const first = results[0];
  if (!first) return null;
  return {
    reference: first.reference,
    receivedAt: first.received_at,
    ...(first.paper_received_on && { receivedOn: first.paper_received_on }),
    channel: first.channel,
    comments: results.map((row) => ({ id: row.id, paragraph: row.paragraph_id, text: row.text, status: row.status })),
  };
}

// ---------------------------------------------------------------------------
// Writing

/**
 * Near-duplicate grouping as comments arrive. The response is stored by
 * then: a failure here must not undo it, and the scheduled job groups what was missed.
 */
async function groupArrivals(db: D1Database, comments: { id: number; text: string }[]): Promise<void> {
  try {
    await groupComments(db, comments);
  } catch (error) {
    console.error(`grouping new comments failed; the scheduled job will group them: ${error instanceof Error ? error.message : String(error)}`);
  }
}

function isUniqueViolation(error: unknown, column: string): boolean {
  return error instanceof Error && error.message.includes("UNIQUE constraint failed") && error.message.includes(column);
}

/** The content a retry must repeat exactly for the first answer to be given again. */
export function contentFingerprint(response: ValidResponse, channel: Channel, paperReceivedOn?: string): Promise<string> {
  const { comments, publishConsent, respondentType, organisation, assisted, pressedSendAt, reference } = response;
  return sha256Hex(
    JSON.stringify({
      channel,
      comments,
      publishConsent: publishConsent ?? false,
      respondentType,
      organisation,
      assisted,
      pressedSendAt,
      reference,
      paperReceivedOn,
    }),
  );
}

export type Submission = {
  response: ValidResponse;
  channel: Channel;
  idempotencyKey: string;
  /** The kiosk that sent it, or whose support worker typed it in. */
  kioskId?: number;
  /** For paper: the London date the sheet was received. */
  paperReceivedOn?: string;
};

async function fingerprints(submission: Submission) {
  return {
    idempotencyKeyHash: await sha256Hex(`idempotency:${submission.idempotencyKey}`),
    contentHash: await contentFingerprint(submission.response, submission.channel, submission.paperReceivedOn),
  };
}

/** What a retry is answered: the first receipt for the same content, a refusal for other content, or null if the key is new. */
async function earlierAnswer(db: D1Database, prints: { idempotencyKeyHash: string; contentHash: string }): Promise<CreateResult | null> {
  const earlier = await receiptByKey(db, prints.idempotencyKeyHash);
  if (!earlier) return null;
  return earlier.contentHash === prints.contentHash ? { kind: "replayed", receipt: earlier.receipt } : { kind: "key_reused" };
}

/**
 * Stores a response once per idempotency key (kept only as a hash), stamped
 * with `now`. The same key with the same content replays the first receipt,
 * open or closed; with other content it is refused. Only a response not seen
 * before goes through `checkNew` (the period, a reserved reference, Turnstile),
 * which refuses by throwing.
 */
export async function createResponse(
  db: D1Database,
  submission: Submission & {
    now: Date;
    checkNew?: () => Promise<void> | void;
    /** Run in the same batch, after the response: an audit entry. */
    alsoRun?: D1PreparedStatement[];
  },
): Promise<CreateResult> {
  const input = { ...submission, ...(await fingerprints(submission)) };
  const earlier = await earlierAnswer(db, input);
  if (earlier) return earlier;
  await submission.checkNew?.();
  if (submission.response.reference) await refuseErasedReference(db, submission.response.reference);

  const { response } = input;
  const receivedAt = input.now.toISOString();
  // A reference issued beforehand (a kiosk's pool, a printed sheet) is the one the person holds: never another.
  const attempts = response.reference ? 1 : 3;
  for (let attempt = 0; attempt < attempts; attempt++) {
    const reference = response.reference ?? newReference();
    const statements = [
      db
        .prepare(
          `INSERT INTO responses (reference, idempotency_key_hash, content_hash, channel, received_at, publish_consent, respondent_type, organisation,
             kiosk_id, assisted_organisation, assisted_helper, pressed_send_at, paper_received_on)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        )
        .bind(
          reference,
          input.idempotencyKeyHash,
          input.contentHash,
          input.channel,
          receivedAt,
          response.publishConsent ? 1 : 0,
          response.respondentType ?? null,
          response.organisation ?? null,
          input.kioskId ?? null,
          response.assisted?.organisation ?? null,
          response.assisted?.helper ?? null,
          response.pressedSendAt ? new Date(response.pressedSendAt).toISOString() : null,
          input.paperReceivedOn ?? null,
        ),
      ...response.comments.map((comment, position) =>
        db
          .prepare(
            `INSERT INTO comments (response_id, position, paragraph_id, paragraph_revision, text)
             SELECT id, ?, ?, ?, ? FROM responses WHERE reference = ?
             RETURNING id, paragraph_id`,
          )
          .bind(position, comment.paragraph, revisionSeenNow(comment.paragraph), comment.text, reference),
      ),
      ...(submission.alsoRun ?? []),
    ];
    try {
      const results = await db.batch<{ id: number; paragraph_id: string }>(statements);
      const comments = results.slice(1, 1 + response.comments.length).map((result) => {
        const row = result.results[0]!;
        return { id: row.id, paragraph: row.paragraph_id };
      });
      await groupArrivals(db, comments.map((comment, position) => ({ id: comment.id, text: response.comments[position]!.text })));
      return { kind: "created", receipt: { reference, receivedAt, comments } };
    } catch (error) {
      if (isUniqueViolation(error, "idempotency_key_hash")) {
        // Another request with the same key won the race: answer as a retry would be answered.
        const winner = await earlierAnswer(db, input);
        if (winner) return winner;
      }
      if (isUniqueViolation(error, "reference")) {
        if (response.reference) return { kind: "reference_taken" };
        continue;
      }
      throw error;
    }
  }
  throw new Error("could not find an unused reference in three attempts");
}
