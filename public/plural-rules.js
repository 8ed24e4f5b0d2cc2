// @ts-check
/**
 * The one rule for a count's words: the form Intl.PluralRules picks for the
 * reader's language, or "other" when no words are written for that form.
 * The server's `plural` (functions/i18n/index.ts) imports this file and the
 * browser's scripts load it (public/comment.js, the kiosk), which read the
 * forms the page gives them from `pluralTemplates`. Plain JavaScript, so the
 * same file serves both.
 */

/**
 * `make` for each locale once: making Intl's rules and formats costs far more
 * than using them, and counts are shown often (the kiosk's on every key press).
 * @template T
 * @param {(locale: string) => T} make
 * @returns {(locale: string) => T}
 */
function perLocale(make) {
  /** @type {Map<string, T>} */
  const made = new Map();
  return (locale) => {
    if (!made.has(locale)) made.set(locale, make(locale));
    return /** @type {T} */ (made.get(locale));
  };
}
const pluralRules = perLocale((locale) => new Intl.PluralRules(locale));
const numberFormat = perLocale((locale) => new Intl.NumberFormat(locale));

/**
 * The plural form of `count` in `locale` that has words, "other" when the form Intl.PluralRules picks has none.
 * @param {string} locale
 * @param {number} count
 * @param {(form: string) => boolean} hasWords
 * @returns {string}
 */
export function pluralForm(locale, count, hasWords) {
  const form = pluralRules(locale).select(count);
  return hasWords(form) ? form : "other";
}

/**
 * `count` as the reader's locale writes numbers ("5,000", "5.000").
 * @param {string} locale
 * @param {number} count
 * @returns {string}
 */
export function formatCount(locale, count) {
  return numberFormat(locale).format(count);
}

/**
 * A count in words, from the forms a page gives as data attributes
 * (data-NAME-one, data-NAME-other…), with {count} formatted for the locale.
 * @param {Record<string, string | undefined>} dataset
 * @param {string} name
 * @param {number} count
 * @param {string} locale
 * @returns {string}
 */
export function countInWords(dataset, name, count, locale) {
  /** @param {string} form */
  const attribute = (form) => `${name}${form[0]?.toUpperCase()}${form.slice(1)}`;
  const template = dataset[attribute(pluralForm(locale, count, (form) => dataset[attribute(form)] !== undefined))] ?? "";
  return template.replace("{count}", formatCount(locale, count));
}
