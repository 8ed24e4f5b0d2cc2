/**
 * CSV as RFC 4180 describes it (CRLF between records, quotes doubled inside
 * quoted fields), safe to open in a spreadsheet.
 */

/** Spreadsheets read UTF-8 (accents, emoji) only when the file starts with this. */
export const BYTE_ORDER_MARK = "\uFEFF";

/** A cell a spreadsheet always reads as a formula: "=…", "@…", or one hidden behind a leading tab or carriage return. */
const ALWAYS_A_FORMULA = /^[=@\t\r]/;
/**
 * After a leading "+" or "-", what makes a spreadsheet read the rest as a
 * formula rather than text: an operator ("+1+2"), a function call ("-SUM("),
 * a link to another program or sheet ("|", "!"), or a cell reference ("+A1").
 */
const FORMULA_AFTER_SIGN = /[=+\-*/^&<>|!@:;]|[A-Za-z_][\w.]*\s*\(|\$?\b[A-Za-z]{1,3}\$?\d+\b/;
const NEEDS_QUOTES = /[",\r\n]/;

/**
 * A text cell a spreadsheet would run as a formula gets a leading apostrophe,
 * so it is shown as the text it is. Ordinary text that merely starts with a
 * sign, such as "+44 20 7946 0123" or "-5 beds", is left exactly as written.
 */
export function neutraliseFormula(text: string): string {
  const formula = ALWAYS_A_FORMULA.test(text) || (/^[+-]/.test(text) && FORMULA_AFTER_SIGN.test(text.slice(1)));
  return formula ? `'${text}` : text;
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
