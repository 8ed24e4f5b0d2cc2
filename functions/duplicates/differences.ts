/**
 * What differs between two comments, word by word: the longest run of words
 * they share in order (a longest common subsequence), and around it what
 * the second added and took out. For officers reading a group, so a copy's
 * own sentence, greeting or changed name stands out.
 */

export type DifferencePart = { kind: "same" | "added" | "removed"; text: string };

/** Words compared, per comment: enough for any comment the portal accepts (5,000 characters). */
const MAX_WORDS = 1500;

const wordsOf = (text: string) => text.split(/\s+/u).filter(Boolean).slice(0, MAX_WORDS);
/** Words match as people read them: case and accents aside. */
const folded = (word: string) => word.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase();

/** The parts of `text` against `original`: runs of the same words, words added, words taken out, in reading order. */
export function wordDifferences(original: string, text: string): DifferencePart[] {
  const before = wordsOf(original);
  const after = wordsOf(text);
  const a = before.map(folded);
  const b = after.map(folded);
  // lengths[i][j]: the longest common run of a[i…] and b[j…], in one flat array.
  const width = b.length + 1;
  const lengths = new Uint16Array((a.length + 1) * width);
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      lengths[i * width + j] = a[i] === b[j] ? lengths[(i + 1) * width + j + 1]! + 1 : Math.max(lengths[(i + 1) * width + j]!, lengths[i * width + j + 1]!);
    }
  }
  const parts: DifferencePart[] = [];
  const push = (kind: DifferencePart["kind"], word: string) => {
    const last = parts.at(-1);
    if (last?.kind === kind) last.text += ` ${word}`;
    else parts.push({ kind, text: word });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      push("same", after[j]!);
      i++;
      j++;
    } else if (lengths[(i + 1) * width + j]! >= lengths[i * width + j + 1]!) push("removed", before[i++]!);
    else push("added", after[j++]!);
  }
  while (i < a.length) push("removed", before[i++]!);
  while (j < b.length) push("added", after[j++]!);
  return parts;
}
