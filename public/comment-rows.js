// @ts-check
/**
 * A response names its comments by their place in what was sent
 * ("comments.2.text"); a form names them by the row or boxes they were typed
 * in. The one rule between the two, for the comment form
 * (functions/responses/form.ts), the officers' paper form
 * (src/pages/admin/paper.astro) and the kiosk's (public/kiosk/paper.js).
 * Plain JavaScript, so the same file serves server and browser.
 */

/**
 * The comment an error's field names: its place in what was sent and which part of it; undefined for any other field.
 * @param {string} field
 * @returns {{ index: number, part: "paragraph" | "text" } | undefined}
 */
export function commentField(field) {
  const match = /^comments\.(\d+)\.(paragraph|text)$/.exec(field);
  return match ? { index: Number(match[1]), part: match[2] === "paragraph" ? "paragraph" : "text" } : undefined;
}

/**
 * The comments on a paper sheet's rows and the row each came from. A row
 * with anything typed in either box is sent, so the server can say what it
 * lacks; a row left empty is not.
 * @param {{ paragraph: string, text: string }[]} rows
 * @returns {{ comments: { paragraph: string, text: string }[], rowOf: number[] }}
 */
export function sheetComments(rows) {
  const rowOf = rows.flatMap((row, index) => (row.paragraph.trim() || row.text.trim() ? [index] : []));
  return { comments: rowOf.map((index) => ({ paragraph: rows[index]?.paragraph ?? "", text: rows[index]?.text ?? "" })), rowOf };
}
