// @ts-check
/**
 * A paper form typed in by a support worker (online only): the same sheet
 * the officers' paper page sends, entered with POST or corrected with PUT.
 */
import { commentField, paperSheet, sheetRows } from "../comment-rows.js";
import { clearFieldErrors, markFieldError } from "../field-errors.js";
import { $, $$, data } from "./page.js";
import { keyRefused, needsSetup } from "./setup.js";
import { staffRefused } from "./staff.js";
import { kiosk } from "./state.js";
import { storage } from "./store.js";

/** @param {string[]} lines */
function showOutcome(lines) {
  const outcome = $("[data-paper-outcome]");
  outcome.textContent = "";
  for (const line of lines) {
    const paragraph = document.createElement("p");
    paragraph.textContent = line;
    outcome.append(paragraph);
  }
  outcome.hidden = false;
  outcome.focus();
}

const paperRows = () => $$("[data-paper-row]");

/** One more pair of boxes for a comment, numbered after the others. */
export function addPaperRow() {
  const rows = paperRows();
  const row = rows[0].cloneNode(true);
  const number = rows.length;
  const [paragraphLabel, textLabel] = row.querySelectorAll("label");
  const paragraph = row.querySelector("input");
  const text = row.querySelector("textarea");
  paragraphLabel.htmlFor = paragraph.id = `paper-paragraph-${number}`;
  textLabel.htmlFor = text.id = `paper-text-${number}`;
  paragraph.name = `paragraph-${number}`;
  text.name = `text-${number}`;
  paragraph.value = text.value = "";
  paragraphLabel.textContent = data.paperParagraphLabel.replace("{number}", String(number + 1));
  textLabel.textContent = data.paperTextLabel.replace("{number}", String(number + 1));
  $("[data-paper-rows]").append(row);
  return row;
}

/**
 * Typing in a new sheet, or correcting one typed in before: the same form, sent with POST or PUT.
 * @param {boolean} correcting
 */
function paperMode(correcting) {
  const form = $("[data-paper-form]");
  form.dataset.correcting = correcting ? "true" : "";
  $("[data-paper-submit]").textContent = correcting ? data.paperCorrect : data.paperEnter;
}

export function clearPaperForm() {
  const form = $("[data-paper-form]");
  form.reset();
  clearFieldErrors(form);
  for (const row of paperRows().slice(3)) row.remove();
  paperMode(false);
}

/**
 * Puts what was typed in before into the form, ready to correct.
 * @param {{ reference: string, receivedOn: string, publishConsent: boolean, respondentType?: string, organisation?: string, comments: { paragraph: string, number?: string, text: string }[] }} entered
 */
function fillPaperForm(entered) {
  const form = $("[data-paper-form]");
  clearPaperForm();
  form.elements.reference.value = entered.reference;
  form.elements.receivedOn.value = entered.receivedOn;
  form.elements.publishConsent.checked = entered.publishConsent;
  form.elements.respondentType.value = entered.respondentType || "";
  form.elements.organisation.value = entered.organisation || "";
  while (paperRows().length < entered.comments.length) addPaperRow();
  sheetRows(entered.comments).forEach(({ paragraph, text }, row) => {
    form.elements[`paragraph-${row}`].value = paragraph;
    form.elements[`text-${row}`].value = text;
  });
  paperMode(true);
}

/** @param {SubmitEvent} event */
export async function typeInPaper(event) {
  event.preventDefault();
  const form = /** @type {any} */ (event.target);
  const { sheet, rowOf } = paperSheet({
    reference: form.elements.reference.value,
    receivedOn: form.elements.receivedOn.value,
    rows: paperRows().map((row, index) => ({ paragraph: form.elements[`paragraph-${index}`].value, text: form.elements[`text-${index}`].value })),
    publishConsent: form.elements.publishConsent.checked,
    respondentType: form.elements.respondentType.value,
    organisation: form.elements.organisation.value,
  });
  const headers = {
    "Content-Type": "application/json",
    Accept: "application/json",
    "Accept-Language": document.documentElement.lang,
    "Kiosk-Key": storage.key || "",
    "Staff-Code": kiosk.staff ? kiosk.staff.code : "",
  };
  const correcting = Boolean(form.dataset.correcting);
  clearFieldErrors(form);
  /** @param {string} reference */
  const address = (reference) => `${data.apiPaper}/${encodeURIComponent(reference)}`;
  try {
    const answer = await fetch(correcting ? address(sheet.reference) : data.apiPaper, { method: correcting ? "PUT" : "POST", headers, body: JSON.stringify(sheet) });
    const body = await answer.json();
    const code = body.error && String(body.error.code);
    if (answer.ok) {
      clearPaperForm();
      showOutcome([data.paperSaved.replace("{reference}", body.reference)]);
    } else if (code === "sheet_already_entered") {
      // Never stored twice: show what was entered, ready to correct.
      const entered = await (await fetch(address(sheet.reference), { headers })).json();
      fillPaperForm(entered);
      showOutcome([data.paperEntered.replace("{reference}", entered.reference)]);
    } else if (keyRefused(body.error)) {
      needsSetup();
    } else if (String(code).startsWith("staff_code")) {
      staffRefused(body.error);
    } else {
      // The API names comments by their place in what was sent; the form names them by row.
      const fields = Object.entries(body.error.fields || {}).map(([field, message]) => {
        const comment = commentField(field);
        // Marked at its field as well as listed, as the officers' form does.
        const control = form.elements.namedItem(comment ? `${comment.part}-${rowOf[comment.index] ?? 0}` : field);
        if (control instanceof HTMLElement && control.id) markFieldError(control, String(message), data.errorPrefix ?? "");
        if (!comment) return message;
        const row = rowOf[comment.index] + 1;
        return `${(comment.part === "paragraph" ? data.paperParagraphLabel : data.paperTextLabel).replace("{number}", String(row))}: ${message}`;
      });
      showOutcome([body.error.message, ...fields]);
    }
  } catch {
    showOutcome([data.offline]);
  }
}
