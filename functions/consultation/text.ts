/** A paragraph's words as people read them: for comparing versions of it and finding the closest one. */
import { Lexer, type Token } from "marked";

/** The paragraph's text without markdown: links and emphasis give their words, raw HTML gives nothing. */
export function plainText(markdown: string): string {
  const words = (tokens: Token[]): string =>
    tokens
      .map((token) => {
        if (token.type === "html") return "";
        if (token.type === "br") return " ";
        if ("tokens" in token && token.tokens) return words(token.tokens);
        return "text" in token ? String(token.text) : token.raw;
      })
      .join("");
  return words(new Lexer().inlineTokens(markdown.normalize("NFC"))).replace(/\s+/g, " ").trim();
}

const segmenter = new Intl.Segmenter(undefined, { granularity: "word" });

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const { segment, isWordLike } of segmenter.segment(text.toLocaleLowerCase())) {
    if (isWordLike) counts.set(segment, (counts.get(segment) ?? 0) + 1);
  }
  return counts;
}

/** How alike two texts' words are, from 0 (no word shared) to 1 (the same words), in any script. */
export function similarity(a: string, b: string): number {
  const [x, y] = [wordCounts(a), wordCounts(b)];
  let shared = 0;
  let total = 0;
  for (const [word, count] of x) shared += Math.min(count, y.get(word) ?? 0), (total += count);
  for (const count of y.values()) total += count;
  return total === 0 ? 1 : (2 * shared) / total;
}

/** The candidate whose text is most like `text`, if any shares a word with it. */
export function closest<T extends { text: string }>(text: string, candidates: T[]): T | undefined {
  let best: T | undefined;
  let bestScore = 0;
  for (const candidate of candidates) {
    const score = similarity(text, candidate.text);
    if (score > bestScore) (best = candidate), (bestScore = score);
  }
  return best;
}

/** The start of a text, for naming a paragraph in a message. */
export function glimpse(text: string, length = 70): string {
  const plain = plainText(text);
  return plain.length > length ? `${plain.slice(0, length).trimEnd()}…` : plain;
}
