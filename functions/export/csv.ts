/**
 * CSV as RFC 4180 describes it (CRLF between records, quotes doubled inside
 * quoted fields), safe to open in a spreadsheet.
 */

/** Spreadsheets read UTF-8 (accents, emoji) only when the file starts with this. */
export const BYTE_ORDER_MARK = "\uFEFF";

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A text cell a spreadsheet could run as a formula ("=HYPERLINK(…)",
 * "+1+2", "@SUM(…)", or one hidden behind a tab or carriage return) gets a
 * leading apostrophe, so it is shown as the text it is.
 */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

/** One field: text is neutralised, then quoted if it holds a quote, comma or line break. */
export function csvField(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value !== "string") return String(value);
  const safe = neutraliseFormula(value);
  return NEEDS_QUOTES.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function csvRecord(values: readonly (string | number | boolean | null | undefined)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}
