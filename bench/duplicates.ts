/**
 * Grouping 100,000 comments as they arrive: a 5,000-comment campaign with
 * small edits and 20,000 near-duplicates in groups of 2 to 50 among
 * distinct comments on the same topic (bench/duplicates-data.ts). Each
 * comment goes through the Worker's own rule (functions/duplicates/placement.ts)
 * against a band table held in memory in place of D1's; the figures are
 * precision and recall against the labels, the time to group them all and
 * the growth of the heap.
 */
import { CANDIDATES_PER_BAND, placeComment, type BandIndex, type Candidate } from "../functions/duplicates/placement.ts";
import { BAND_COUNT, SIGNATURE_LENGTH } from "../functions/duplicates/signature.ts";
import { syntheticConsultation, type LabelledComment } from "./duplicates-data.ts";

export interface GroupingFigures {
  comments: number;
  campaign: { labelled: number; grouped: number; precision: number; recall: number };
  /** Every pair of comments put in one group, against every labelled pair (campaign and near-duplicates). */
  pairs: { precision: number; recall: number };
  groups: number;
  seconds: number;
  commentsPerSecond: number;
  /** Growth of the heap and array buffers while grouping, the band table in memory included. */
  peakMemoryGrowthBytes: number;
  /** The band table in memory, which in the Worker is D1's: the rest is what grouping itself holds. */
  bandTableBytes: number;
  groupingMemoryBytes: number;
}

/**
 * D1's tables in memory, as compact as they can be, so the heap's growth is
 * an upper bound for the Worker (which holds none of this: its tables are in
 * D1): each comment's signature and group, and under each band key the
 * latest comments filed there, as many as a look-up reads.
 */
function memoryIndex(count: number) {
  const slots = 2 ** Math.ceil(Math.log2(count * BAND_COUNT * 1.3));
  const keys = new Float64Array(slots).fill(-1);
  const latest = new Int32Array(slots * CANDIDATES_PER_BAND).fill(-1);
  const signatures = new Uint32Array(count * SIGNATURE_LENGTH);
  const groupOf = new Int32Array(count).fill(-1);
  const slotOf = (key: number) => {
    let slot = (key % slots + Math.floor(key / 2 ** 32) * 7919) % slots;
    while (keys[slot] !== -1 && keys[slot] !== key) slot = (slot + 1) % slots;
    return slot;
  };
  const file = (key: number, id: number) => {
    const slot = slotOf(key);
    keys[slot] = key;
    const at = slot * CANDIDATES_PER_BAND;
    latest.copyWithin(at, at + 1, at + CANDIDATES_PER_BAND);
    latest[at + CANDIDATES_PER_BAND - 1] = id;
  };
  const index: BandIndex = {
    async candidates(bandKeys, perBand) {
      const seen = new Set<number>();
      for (const key of bandKeys) {
        const slot = slotOf(key);
        if (keys[slot] === -1) continue;
        for (let i = CANDIDATES_PER_BAND - perBand; i < CANDIDATES_PER_BAND; i++) {
          const id = latest[slot * CANDIDATES_PER_BAND + i]!;
          if (id >= 0) seen.add(id);
        }
      }
      return [...seen].map((id): Candidate => ({
        commentId: id,
        signature: signatures.subarray(id * SIGNATURE_LENGTH, (id + 1) * SIGNATURE_LENGTH),
        groupId: groupOf[id]! >= 0 ? groupOf[id]! : null,
      }));
    },
  };
  return { index, file, signatures, groupOf, bytes: keys.byteLength + latest.byteLength + signatures.byteLength + groupOf.byteLength };
}

const WORKER_MEMORY_LIMIT = 128 * 1024 * 1024;

/** The goals: the campaign found with precision and recall of at least 0.95, grouping within a Worker's memory. */
export const GROUPING_GOAL = (figures: GroupingFigures) =>
  figures.campaign.precision >= 0.95 && figures.campaign.recall >= 0.95 && figures.groupingMemoryBytes < WORKER_MEMORY_LIMIT;

const mb = (bytes: number) => (bytes / 2 ** 20).toFixed(0);
const pairs = (n: number) => (n * (n - 1)) / 2;

function score(comments: LabelledComment[], groupOf: Int32Array) {
  const members = new Map<number, number[]>();
  groupOf.forEach((group, id) => group >= 0 && members.set(group, [...(members.get(group) ?? []), id]));
  const labelled = comments.filter((comment) => comment.label === "campaign").length;
  // The campaign's group is the one holding most of its comments.
  let best: number[] = [];
  let bestHits = 0;
  for (const ids of members.values()) {
    const hits = ids.filter((id) => comments[id]!.label === "campaign").length;
    if (hits > bestHits) [best, bestHits] = [ids, hits];
  }
  const labelSizes = new Map<string, number>();
  for (const comment of comments) if (comment.label !== null) labelSizes.set(String(comment.label), (labelSizes.get(String(comment.label)) ?? 0) + 1);
  let predictedPairs = 0;
  let truePairs = 0;
  for (const ids of members.values()) {
    predictedPairs += pairs(ids.length);
    const byLabel = new Map<string, number>();
    for (const id of ids) if (comments[id]!.label !== null) byLabel.set(String(comments[id]!.label), (byLabel.get(String(comments[id]!.label)) ?? 0) + 1);
    for (const n of byLabel.values()) truePairs += pairs(n);
  }
  const labelledPairs = [...labelSizes.values()].reduce((sum, n) => sum + pairs(n), 0);
  return {
    campaign: { labelled, grouped: best.length, precision: bestHits / Math.max(best.length, 1), recall: bestHits / labelled },
    pairs: { precision: truePairs / Math.max(predictedPairs, 1), recall: truePairs / labelledPairs },
    groups: [...members.values()].filter((ids) => ids.length >= 2).length,
  };
}

export async function measureGrouping(count = 100_000): Promise<GroupingFigures> {
  const comments = syntheticConsultation(count);
  globalThis.gc?.();
  const used = () => process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
  const heapBefore = used();
  let peak = heapBefore;
  const { index, file, signatures, groupOf, bytes: indexBytes } = memoryIndex(comments.length);
  const started = performance.now();
  for (let id = 0; id < comments.length; id++) {
    const placement = await placeComment(index, comments[id]!.text);
    if (!placement) continue;
    signatures.set(placement.signature, id * SIGNATURE_LENGTH);
    for (const key of placement.keys) file(key, id);
    const match = placement.match;
    if (match) {
      // As in D1: the match founds a group under its own id if it had none, and the new comment joins it.
      if (groupOf[match.commentId]! < 0) groupOf[match.commentId] = match.commentId;
      groupOf[id] = groupOf[match.commentId]!;
    }
    if (id % 5000 === 0) peak = Math.max(peak, used());
  }
  const seconds = (performance.now() - started) / 1000;
  peak = Math.max(peak, used());
  const figures = { comments: comments.length, ...score(comments, groupOf), seconds, commentsPerSecond: comments.length / seconds, peakMemoryGrowthBytes: peak - heapBefore, bandTableBytes: indexBytes, groupingMemoryBytes: peak - heapBefore - indexBytes };
  const percent = (x: number) => `${(x * 100).toFixed(1)}%`;
  console.log("\nGrouping near-duplicates as they arrive");
  console.table({
    campaign: { labelled: figures.campaign.labelled, grouped: figures.campaign.grouped, precision: percent(figures.campaign.precision), recall: percent(figures.campaign.recall) },
    "all pairs": { precision: percent(figures.pairs.precision), recall: percent(figures.pairs.recall) },
  });
  console.log(`${figures.comments} comments in ${seconds.toFixed(1)} s (${Math.round(figures.commentsPerSecond)}/s), ${figures.groups} groups, memory +${mb(figures.peakMemoryGrowthBytes)} MB, of which ${mb(indexBytes)} MB the band table D1 holds for the Worker`);
  return figures;
}
