/**
 * Grouping comments that talk about the same thing, deterministically: each
 * comment becomes a TF-IDF vector of its stems, then groups are merged
 * bottom-up (agglomerative clustering, average linkage on cosine similarity)
 * while the two closest groups are at least SIMILARITY_THRESHOLD alike. Ties
 * are broken by the comments' order, so the same comments always give the same
 * groups. The work is about n² in time and memory for n comments, which is why
 * callers cap n (SUGGESTION_LIMITS.commentsConsidered).
 */
import type { Word } from "./words.ts";

/** Two groups whose comments are on average less alike than this stay apart. */
export const SIMILARITY_THRESHOLD = 0.1;

export interface ComparedComment {
  id: number;
  words: Word[];
}

export interface Cluster {
  /** Ascending. */
  commentIds: number[];
  /** The words that characterise it, most characteristic first, as people wrote them. */
  terms: string[];
  /** The comments nearest its centre, nearest first. */
  exampleIds: number[];
}

type Vector = Map<string, number>;

/** TF-IDF with a dampened term frequency, normalised to length 1. */
function vectors(comments: ComparedComment[]): Vector[] {
  const documentFrequency = new Map<string, number>();
  const counts = comments.map((comment) => {
    const count = new Map<string, number>();
    for (const word of comment.words) count.set(word.stem, (count.get(word.stem) ?? 0) + 1);
    for (const stem of count.keys()) documentFrequency.set(stem, (documentFrequency.get(stem) ?? 0) + 1);
    return count;
  });
  const total = comments.length;
  return counts.map((count) => {
    const vector: Vector = new Map();
    let length = 0;
    for (const [stem, n] of count) {
      const weight = (1 + Math.log(n)) * (Math.log((1 + total) / (1 + documentFrequency.get(stem)!)) + 1);
      vector.set(stem, weight);
      length += weight * weight;
    }
    length = Math.sqrt(length) || 1;
    for (const [stem, weight] of vector) vector.set(stem, weight / length);
    return vector;
  });
}

function cosine(a: Vector, b: Vector): number {
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let sum = 0;
  for (const [stem, weight] of small) sum += weight * (large.get(stem) ?? 0);
  return sum;
}

/**
 * Average-linkage clustering over a similarity matrix. Each live group keeps
 * its most similar partner; merging two updates one row by Lance–Williams and
 * rescans only the rows whose partner was one of the two.
 */
function agglomerate(similarity: Float32Array, n: number, threshold: number): number[][] {
  const members: (number[] | null)[] = Array.from({ length: n }, (_, i) => [i]);
  const at = (i: number, j: number) => similarity[i * n + j]!;
  const best = new Int32Array(n).fill(-1);
  const rescan = (i: number) => {
    let partner = -1;
    for (let j = 0; j < n; j++) if (j !== i && members[j] && (partner < 0 || at(i, j) > at(i, partner))) partner = j;
    best[i] = partner;
  };
  for (let i = 0; i < n; i++) rescan(i);
  for (;;) {
    let a = -1;
    for (let i = 0; i < n; i++) if (members[i] && best[i]! >= 0 && (a < 0 || at(i, best[i]!) > at(a, best[a]!))) a = i;
    if (a < 0 || at(a, best[a]!) < threshold) break;
    const b = best[a]!;
    const [keep, drop] = a < b ? [a, b] : [b, a];
    const [sizeKeep, sizeDrop] = [members[keep]!.length, members[drop]!.length];
    for (let k = 0; k < n; k++) {
      if (!members[k] || k === keep || k === drop) continue;
      const merged = (sizeKeep * at(keep, k) + sizeDrop * at(drop, k)) / (sizeKeep + sizeDrop);
      similarity[keep * n + k] = merged;
      similarity[k * n + keep] = merged;
    }
    members[keep] = [...members[keep]!, ...members[drop]!].sort((x, y) => x - y);
    members[drop] = null;
    for (let k = 0; k < n; k++) {
      if (!members[k]) continue;
      if (k === keep || best[k] === keep || best[k] === drop) rescan(k);
      else if (best[k]! < 0 || at(k, keep) > at(k, best[k]!)) best[k] = keep;
    }
  }
  return members.filter((group): group is number[] => group !== null);
}

function centre(group: number[], all: Vector[]): Vector {
  const sum: Vector = new Map();
  for (const index of group) for (const [stem, weight] of all[index]!) sum.set(stem, (sum.get(stem) ?? 0) + weight / group.length);
  return sum;
}

/** How a stem is most often written in the group, so officers read "shelters" rather than "shelt". */
function shownForms(group: number[], comments: ComparedComment[]): Map<string, string> {
  const tally = new Map<string, Map<string, number>>();
  for (const index of group) {
    for (const word of comments[index]!.words) {
      const forms = tally.get(word.stem) ?? new Map<string, number>();
      forms.set(word.shown, (forms.get(word.shown) ?? 0) + 1);
      tally.set(word.stem, forms);
    }
  }
  const shown = new Map<string, string>();
  for (const [stem, forms] of tally) {
    shown.set(stem, [...forms].sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))[0]![0]);
  }
  return shown;
}

/** Groups of at least `minSize` comments, largest first, each with its terms and examples. */
export function clusterComments(
  comments: ComparedComment[],
  options: { minSize: number; terms: number; examples: number; threshold?: number },
): Cluster[] {
  const ordered = [...comments].sort((a, b) => a.id - b.id);
  const n = ordered.length;
  const all = vectors(ordered);
  const similarity = new Float32Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) similarity[i * n + j] = similarity[j * n + i] = cosine(all[i]!, all[j]!);
  }
  const groups = agglomerate(similarity, n, options.threshold ?? SIMILARITY_THRESHOLD).filter((group) => group.length >= options.minSize);
  return groups
    .map((group) => {
      const middle = centre(group, all);
      // Characteristic: weighty in the group and shared by more than one of its comments.
      const sharedBy = (stem: string) => group.filter((index) => all[index]!.has(stem)).length;
      const shown = shownForms(group, ordered);
      const terms = [...middle]
        .filter(([stem]) => sharedBy(stem) >= 2)
        .sort(([a, x], [b, y]) => y - x || (a < b ? -1 : a > b ? 1 : 0))
        .slice(0, options.terms)
        .map(([stem]) => shown.get(stem)!);
      const examples = [...group]
        .sort((x, y) => cosine(all[y]!, middle) - cosine(all[x]!, middle) || x - y)
        .slice(0, options.examples)
        .map((index) => ordered[index]!.id);
      return { commentIds: group.map((index) => ordered[index]!.id), terms, exampleIds: examples };
    })
    .sort((a, b) => b.commentIds.length - a.commentIds.length || a.commentIds[0]! - b.commentIds[0]!);
}
