// @ts-check
/**
 * The one definition of a comment's text: the server's response schema
 * imports this file (through functions/responses/text.ts) and the browser
 * loads it for the live character count (public/comment.js), so a count on
 * the page and the server's decision never disagree. Plain JavaScript, so
 * the same file serves both.
 */

/** A high surrogate without its low half, or a low one without its high half: not text, just damage. */
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Control characters other than line breaks and tabs. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
/** Something a reader can see: a letter, digit, punctuation mark or symbol (emoji included). */
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;

/**
 * NFC, Unix line breaks, no lone surrogates, no control characters other than line breaks and tabs, no outer whitespace.
 * @param {string} value
 * @returns {string}
 */
export function normaliseText(value) {
  return value.replace(LONE_SURROGATE, "").normalize("NFC").replace(/\r\n?/g, "\n").replace(CONTROL, "").trim();
}

/**
 * Length as people count it, after normalisation: one per character, whatever its encoding.
 * @param {string} value
 * @returns {number}
 */
export function textLength(value) {
  return [...normaliseText(value)].length;
}

/**
 * Whether normalised text has anything to read: zero-width and other invisible characters alone do not count.
 * @param {string} value
 * @returns {boolean}
 */
export function hasVisibleText(value) {
  return VISIBLE.test(value);
}

/**
 * What the count under a comment box says of `value`: the characters left before `max`, or how many it is over.
 * The page shows it for the words it was sent with (src/components/CommentBox.astro), and comment.js as they change.
 * @param {number} max
 * @param {string} value
 * @returns {{ name: "remaining" | "over", count: number }}
 */
export function charactersLeft(max, value) {
  const left = max - textLength(value);
  return left >= 0 ? { name: "remaining", count: left } : { name: "over", count: -left };
}
