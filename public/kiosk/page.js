// @ts-check
/**
 * The kiosk page (src/pages/kiosk/index.astro) as the scripts see it: its
 * root, the words and settings it gives as data attributes, and small ways
 * of drawing on it.
 */
import { countInWords } from "../plural-rules.js";

/** @type {HTMLElement | null} */
export const root = document.getElementById("kiosk");
/** The page's words and settings (data-…), in its language. */
export const data = root ? root.dataset : /** @type {DOMStringMap} */ ({});

/**
 * @param {string} selector
 * @returns {any} what the page's markup puts there
 */
export const $ = (selector) => root.querySelector(selector);
/**
 * @param {string} selector
 * @returns {any[]}
 */
export const $$ = (selector) => Array.from(root.querySelectorAll(selector));

/**
 * A count's words in the page's language: the page gives every form (data-waiting-one, data-waiting-other…).
 * @param {string} name
 * @param {number} count
 */
export const counted = (name, count) => countInWords(data, name, count, document.documentElement.lang);

/**
 * @param {string} paragraph
 * @param {string} number
 */
export const labelFor = (paragraph, number) => (paragraph === data.general ? data.generalLabel : data.paragraphLabel.replace("{number}", number));

/**
 * A paragraph's number as this page shows it, for responses that kept only its id.
 * @param {string} paragraph
 */
export const numberOf = (paragraph) => {
  const number = root.querySelector(`[data-paragraph="${CSS.escape(paragraph)}"] .number`);
  return number ? number.textContent : paragraph;
};

/**
 * @param {string} tag
 * @param {string} className
 * @param {string} [text]
 * @returns {HTMLElement}
 */
export function element(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * Someone's typed words in a block of their own, isolated: a right-to-left override inside cannot reverse the screen around them.
 * @param {string} tag
 * @param {string} className
 * @param {string} text
 */
export function typed(tag, className, text) {
  const node = element(tag, className, text);
  node.dir = "auto";
  return node;
}

/**
 * A sentence of the page's with typed words in it ("Helped by {helper}"), each isolated in a <bdi>.
 * @param {string} tag
 * @param {string} template
 * @param {Record<string, string>} words
 */
export function sentenceWithTyped(tag, template, words) {
  const node = element(tag, "");
  for (const part of template.split(/(\{\w+\})/)) {
    const name = /^\{(\w+)\}$/.exec(part)?.[1];
    node.append(name && Object.hasOwn(words, name) ? element("bdi", "", words[name]) : part);
  }
  return node;
}
