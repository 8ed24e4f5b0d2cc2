/**
 * Grouping in D1, as comments arrive: each new comment's signature and band
 * keys are stored, and the comments filed under its band keys are its only
 * candidates (a few index reads, never a scan of all comments). The
 * scheduled job groups any comment that arrival did not (groupWaitingComments).
 */
import { placeComment, type BandIndex, type Candidate, type Placement } from "./placement.ts";
import { insertedId } from "../lib/inserted.ts";
import { bandKeys, signatureBytes, signatureFromBytes, signatureOf } from "./signature.ts";

type StoredSignature = ArrayBuffer | Uint8Array | number[];

/**
 * D1's band table as placement.ts reads it, in one query: under each key the
 * latest `perBand` comments, each an index seek (one UNION term per rank, as
 * an OFFSET cannot follow the outer row; D1 allows five terms).
 */
function d1Index(db: D1Database): BandIndex {
  return {
    async candidates(keys, perBand) {
      const ranks = Array.from({ length: Math.min(Math.max(Math.trunc(perBand), 1), 5) }, (_, rank) => rank);
      const latest = ranks
        .map((rank) => `SELECT (SELECT b.comment_id FROM duplicate_bands b WHERE b.band_key = k.value ORDER BY b.comment_id DESC LIMIT 1 OFFSET ${rank}) FROM json_each(?1) k`)
        .join(" UNION ");
      const { results } = await db
        .prepare(`SELECT comment_id, signature, group_id FROM comment_signatures WHERE kept_apart = 0 AND signature IS NOT NULL AND comment_id IN (${latest})`)
        .bind(JSON.stringify(keys))
        .all<{ comment_id: number; signature: StoredSignature; group_id: number | null }>();
      return results.map((row): Candidate => ({ commentId: row.comment_id, signature: signatureFromBytes(row.signature), groupId: row.group_id }));
    },
  };
}

/**
 * The writes for one placed comment, in one batch: the match founds a group
 * if it has none (unless another arrival just did), the comment joins the
 * match's group, and its band keys are filed. A comment already placed is left as it is.
 */
function placementStatements(db: D1Database, commentId: number, placement: Placement | null, now: string): D1PreparedStatement[] {
  if (!placement) {
    return [db.prepare("INSERT INTO comment_signatures (comment_id, signature) VALUES (?, NULL) ON CONFLICT DO NOTHING").bind(commentId)];
  }
  const match = placement.match?.commentId ?? null;
  const founding =
    match === null
      ? []
      : [
          db
            .prepare(
              `INSERT INTO duplicate_groups (created_at) SELECT ?1 WHERE EXISTS (
                 SELECT 1 FROM comment_signatures WHERE comment_id = ?2 AND group_id IS NULL AND kept_apart = 0)
               AND NOT EXISTS (SELECT 1 FROM comment_signatures WHERE comment_id = ?3)`,
            )
            .bind(now, match, commentId),
          db.prepare(`UPDATE comment_signatures SET group_id = ${insertedId("duplicate_groups")} WHERE comment_id = ? AND group_id IS NULL AND changes() = 1`).bind(match),
        ];
  return [
    ...founding,
    db
      .prepare(
        `INSERT INTO comment_signatures (comment_id, signature, group_id)
         VALUES (?1, ?2, (SELECT group_id FROM comment_signatures WHERE comment_id = ?3 AND kept_apart = 0)) ON CONFLICT DO NOTHING`,
      )
      .bind(commentId, signatureBytes(placement.signature), match),
    db
      .prepare("INSERT INTO duplicate_bands (band_key, comment_id) SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING")
      .bind(commentId, JSON.stringify(placement.keys)),
  ];
}

/** Groups new comments, one after another, so the second of two alike in one response finds the first. */
export async function groupComments(db: D1Database, comments: { id: number; text: string }[], now = new Date()): Promise<void> {
  const index = d1Index(db);
  for (const comment of comments) {
    const placement = await placeComment(index, comment.text);
    await db.batch(placementStatements(db, comment.id, placement, now.toISOString()));
  }
}

/** Comments grouping has not seen yet (arrival could not group them), oldest first, at most `limit`; returns how many it grouped. */
export async function groupWaitingComments(db: D1Database, limit = 500, now = new Date()): Promise<number> {
  const { results } = await db
    .prepare(
      `SELECT c.id, c.text FROM comments c
       WHERE c.words_deleted_at IS NULL AND NOT EXISTS (SELECT 1 FROM comment_signatures s WHERE s.comment_id = c.id)
       ORDER BY c.id LIMIT ?`,
    )
    .bind(limit)
    .all<{ id: number; text: string }>();
  await groupComments(db, results, now);
  return results.length;
}

/**
 * Takes comments out of grouping entirely: signature, band keys and
 * membership. For erasure and the retention job; `comments` is SQL selecting
 * comment ids, with `params` for its placeholders.
 */
export function forgetGroupingStatements(db: D1Database, comments: string, params: unknown[]): D1PreparedStatement[] {
  return [
    db.prepare(`DELETE FROM duplicate_bands WHERE comment_id IN (${comments})`).bind(...params),
    db.prepare(`DELETE FROM comment_signatures WHERE comment_id IN (${comments})`).bind(...params),
  ];
}

/** A redaction changes the words: the comment keeps its group, and its signature and band keys are made from the new text. */
export async function regroupRedacted(db: D1Database, commentId: number, text: string): Promise<void> {
  const signature = signatureOf(text);
  await db.batch([
    db.prepare("DELETE FROM duplicate_bands WHERE comment_id = ?").bind(commentId),
    db.prepare("UPDATE comment_signatures SET signature = ? WHERE comment_id = ?").bind(signature ? signatureBytes(signature) : null, commentId),
    db
      .prepare("INSERT INTO duplicate_bands (band_key, comment_id) SELECT value, ? FROM json_each(?) WHERE true ON CONFLICT DO NOTHING")
      .bind(commentId, JSON.stringify(signature ? bandKeys(signature) : [])),
  ]);
}
