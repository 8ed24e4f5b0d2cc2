/**
 * A comment's words as the suggested groupings compare them: lower case,
 * accents taken off, common words ("the", "para", "della") left out, and each
 * word cut to a stem by a light suffix-stripping rule for English, Spanish or
 * Italian, so "shelter" and "shelters", "refugio" and "refugios", "rifugio" and
 * "rifugi" count as one. A comment does not say its language: the one whose
 * common words it uses most decides its stemmer.
 */
import { STOP_WORDS, type StemLanguage } from "./stop-words.ts";

/** Words shorter than this carry too little to group by. */
const MIN_WORD_LENGTH = 3;
/** A stem is never cut shorter than this. */
const MIN_STEM_LENGTH = 3;

export interface Word {
  stem: string;
  /** The word as written (lower case, accents kept), to show officers a real word rather than a stem. */
  shown: string;
}

/** Suffixes to strip, longest first; the first that leaves a long enough stem is taken. */
const SUFFIXES: Record<StemLanguage, string[]> = {
  en: ["ations", "ation", "nesses", "ness", "ments", "ment", "ities", "ity", "ings", "ing", "ers", "er", "ied", "ies", "ed", "es", "ly", "s"],
  es: [
    "amientos", "imientos", "amiento", "imiento", "aciones", "iciones", "acion", "icion", "mente", "idades", "idad",
    "ables", "ibles", "able", "ible", "istas", "ista", "osos", "osas", "oso", "osa", "ando", "iendo",
    "ados", "adas", "idos", "idas", "ado", "ada", "ido", "ida", "es", "os", "as", "s", "o", "a", "e",
  ],
  it: [
    "amenti", "imenti", "amento", "imento", "azioni", "azione", "mente", "ita", "iste", "isti", "ista",
    "ando", "endo", "io", "ati", "ate", "ato", "ata", "iti", "ite", "ito", "i", "e", "o", "a",
  ],
};

/** Lower case without accents: "Salud Mental" and "salud mental", "città" and "citta", are the same words. */
export function plainLetters(text: string): string {
  return text.normalize("NFKD").replace(/\p{M}+/gu, "").toLowerCase();
}

function stripSuffix(word: string, suffixes: string[]): string {
  for (const suffix of suffixes) {
    if (word.endsWith(suffix) && word.length - suffix.length >= MIN_STEM_LENGTH) return word.slice(0, -suffix.length);
  }
  return word;
}

/** The stem of a word (already in plain letters) by one language's rule. */
export function stem(word: string, language: StemLanguage): string {
  let stemmed = stripSuffix(word, SUFFIXES[language]);
  if (language === "en" && stemmed.endsWith("i") && word.endsWith("ies")) stemmed = `${stemmed.slice(0, -1)}y`;
  if (language === "it") {
    // Plurals that change the stem's spelling: rifugio/rifugi, albergo/alberghi, amica/amiche.
    if (/[cg]i$/.test(stemmed) && stemmed.length > MIN_STEM_LENGTH) stemmed = stemmed.slice(0, -1);
    if (/[cg]h$/.test(stemmed) && stemmed.length > MIN_STEM_LENGTH) stemmed = stemmed.slice(0, -1);
  }
  return stemmed;
}

/** The language whose common words the text uses most; English when none is ahead. */
export function likelyLanguage(words: string[]): StemLanguage {
  const hits: Record<StemLanguage, number> = { en: 0, es: 0, it: 0 };
  for (const word of words) for (const language of ["en", "es", "it"] as const) if (STOP_WORDS[language].has(word)) hits[language]++;
  if (hits.es > hits.en && hits.es >= hits.it) return "es";
  if (hits.it > hits.en && hits.it > hits.es) return "it";
  return "en";
}

const ALL_STOP_WORDS = new Set([...STOP_WORDS.en, ...STOP_WORDS.es, ...STOP_WORDS.it]);

/** The words of one comment that can characterise it, each with its stem, in the order written. */
export function commentWords(text: string): Word[] {
  const written = text.normalize("NFC").toLowerCase().match(/\p{L}+/gu) ?? [];
  const plain = written.map(plainLetters);
  const language = likelyLanguage(plain);
  const words: Word[] = [];
  plain.forEach((word, index) => {
    if (word.length < MIN_WORD_LENGTH || ALL_STOP_WORDS.has(word)) return;
    words.push({ stem: stem(word, language), shown: written[index]! });
  });
  return words;
}
