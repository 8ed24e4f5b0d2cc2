/**
 * What a comment's words look like to near-duplicate detection, with no
 * words kept: a MinHash signature of its word shingles, and the band keys
 * (locality-sensitive hashing) under which similar signatures meet.
 *
 * Text is folded the same way in every language (lower case, accents and
 * punctuation gone), cut into sentences, and each sentence into overlapping
 * runs of three words. Shingles never cross a sentence, so reordered
 * sentences give the same set; a changed name or greeting changes only the
 * few shingles around it. Two comments are alike in the proportion of
 * shingles they share (Jaccard similarity), which two signatures estimate
 * by the proportion of positions where they agree.
 */

/** Words per shingle. */
export const SHINGLE_WORDS = 3;
/** Hash functions in a signature. */
export const SIGNATURE_LENGTH = 64;
/** Signature positions per band: two signatures become candidates when a whole band agrees. */
export const BAND_ROWS = 4;
export const BAND_COUNT = SIGNATURE_LENGTH / BAND_ROWS;
/** Estimated similarity at or above which two comments are near-duplicates (tuned on the bench's labelled set). */
export const SIMILARITY_THRESHOLD = 0.45;
/** Fewer shingles than this and a comment is too short to tell a template from a common phrase. */
export const MIN_SHINGLES = 4;

/** Lower case, no accents, no punctuation: "¡Hola, señora!" and "hola senora" read alike. */
export function sentencesOf(text: string): string[][] {
  return text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .split(/[.!?;:¡¿\n\r]+/u)
    .map((sentence) => sentence.match(/[\p{L}\p{N}]+/gu) ?? [])
    .filter((words) => words.length > 0);
}

/** The comment's shingles, as 32-bit hashes, each once. */
export function shingleHashes(text: string): Set<number> {
  const hashes = new Set<number>();
  for (const words of sentencesOf(text)) {
    // A sentence shorter than a shingle (a greeting, a sign-off) says too little to count.
    for (let start = 0; start + SHINGLE_WORDS <= words.length; start++) {
      hashes.add(fnv1a(words.slice(start, start + SHINGLE_WORDS).join(" ")));
    }
  }
  return hashes;
}

function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** MurmurHash3's finaliser: a fixed, well-mixed permutation of 32-bit numbers. */
function mix(value: number): number {
  let h = value >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

const SEEDS = Array.from({ length: SIGNATURE_LENGTH }, (_, i) => mix(0x9e3779b9 * (i + 1)));

/** The signature of a comment, or null when it is too short to group. */
export function signatureOf(text: string): Uint32Array | null {
  const shingles = shingleHashes(text);
  if (shingles.size < MIN_SHINGLES) return null;
  const signature = new Uint32Array(SIGNATURE_LENGTH).fill(0xffffffff);
  for (const shingle of shingles) {
    for (let i = 0; i < SIGNATURE_LENGTH; i++) {
      const value = mix(shingle ^ SEEDS[i]!);
      if (value < signature[i]!) signature[i] = value;
    }
  }
  return signature;
}

/** One key per band: the band's number above 32 bits, a hash of its positions below. */
export function bandKeys(signature: Uint32Array): number[] {
  const keys: number[] = [];
  for (let band = 0; band < BAND_COUNT; band++) {
    let hash = mix(band + 1);
    for (let row = 0; row < BAND_ROWS; row++) hash = mix(hash ^ signature[band * BAND_ROWS + row]!);
    keys.push(band * 2 ** 32 + hash);
  }
  return keys;
}

/** The estimated Jaccard similarity of two comments: the share of positions where their signatures agree. */
export function similarity(a: Uint32Array, b: Uint32Array): number {
  let same = 0;
  for (let i = 0; i < SIGNATURE_LENGTH; i++) if (a[i] === b[i]) same++;
  return same / SIGNATURE_LENGTH;
}

/** A signature as D1 stores it (a BLOB), and back. */
export const signatureBytes = (signature: Uint32Array): Uint8Array => new Uint8Array(signature.buffer, signature.byteOffset, signature.byteLength).slice();

export function signatureFromBytes(stored: ArrayBuffer | Uint8Array | number[]): Uint32Array {
  const bytes = stored instanceof Uint8Array ? stored : new Uint8Array(stored as ArrayBuffer | number[]);
  return new Uint32Array(bytes.slice().buffer);
}
