// @ts-check
/**
 * A response names its comments by their place in what was sent
 * ("comments.2.text"); a form names them by the row or boxes they were typed
 * in. The one rule between the two, and for what a paper form sends, for the comment form
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
 * @typedef {{ paragraph: string, text: string }} SheetRow
 * @typedef {{ reference: string, receivedOn: string, rows: SheetRow[], publishConsent: boolean, respondentType: string, organisation: string }} PaperForm
 */

/**
 * The sheet a paper form describes, as the server takes it
 * (functions/paper/sheets.ts), and the row each of its comments came from.
 * A row with anything typed in either box is sent, so the server can say
 * what it lacks; a row left empty is not, nor a blank optional field.
 * @param {PaperForm} form
 */
export function paperSheet(form) {
  const rowOf = form.rows.flatMap((row, index) => (row.paragraph.trim() || row.text.trim() ? [index] : []));
  const sheet = {
    reference: form.reference,
    receivedOn: form.receivedOn,
    comments: rowOf.map((index) => ({ paragraph: form.rows[index]?.paragraph ?? "", text: form.rows[index]?.text ?? "" })),
    publishConsent: form.publishConsent,
    ...(form.respondentType && { respondentType: form.respondentType }),
    ...(form.organisation.trim() && { organisation: form.organisation }),
  };
  return { sheet, rowOf };
}

/**
 * A sheet typed in before, back in its rows to correct: each comment's
 * paragraph as printed on the sheet (its number), or its id when it has none.
 * @param {{ paragraph: string, number?: string, text: string }[]} comments
 * @returns {SheetRow[]}
 */
export const sheetRows = (comments) => comments.map((comment) => ({ paragraph: comment.number || comment.paragraph, text: comment.text }));
