/**
 * Where one new comment goes: the group of the earlier comment it is most
 * like, if that one is alike enough, or no group. The same rule runs in the
 * Worker (store.ts, over D1's band table) and in the bench (over a table in
 * memory), so what the bench measures is what officers get.
 */
import { bandKeys, signatureOf, similarity, SIMILARITY_THRESHOLD } from "./signature.ts";

/** An earlier comment that shares at least one band with the new one. */
export interface Candidate {
  commentId: number;
  signature: Uint32Array;
  groupId: number | null;
}

/**
 * Earlier comments filed under any of these band keys: under each key the
 * `perBand` latest, each comment once, never one an officer kept apart. The
 * bound keeps every look-up a few index reads, however large a campaign grows.
 */
export interface BandIndex {
  candidates(keys: number[], perBand: number): Promise<Candidate[]>;
}

/** Comments read per band key: a campaign's latest members are as good as any of them. */
export const CANDIDATES_PER_BAND = 4;

export interface Placement {
  signature: Uint32Array;
  keys: number[];
  /** The earlier comment it duplicates, or null. */
  match: Candidate | null;
}

/** The new comment's signature, band keys and match; null when it is too short to group. */
export async function placeComment(index: BandIndex, text: string): Promise<Placement | null> {
  const signature = signatureOf(text);
  if (!signature) return null;
  const keys = bandKeys(signature);
  let match: Candidate | null = null;
  let best = SIMILARITY_THRESHOLD;
  for (const candidate of await index.candidates(keys, CANDIDATES_PER_BAND)) {
    const score = similarity(signature, candidate.signature);
    // At the threshold or above; ties go to a comment already in a group, so a campaign stays one group.
    const better = score > best || (score === best && (match === null || (match.groupId === null && candidate.groupId !== null)));
    if (better) {
      match = candidate;
      best = score;
    }
  }
  return { signature, keys, match };
}
