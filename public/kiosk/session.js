// @ts-check
/**
 * One person's session: choosing paragraphs, writing, and the list of
 * comments they will send as one response. A comment needs words a reader
 * can see, by the server's own rule (text-rules.js).
 */
import { hasVisibleText } from "../text-rules.js";
import { $, $$, data, labelFor, root, typed } from "./page.js";
import { clearPaperForm } from "./paper.js";
import { show } from "./screens.js";
import { kiosk } from "./state.js";

export function clearSession() {
  kiosk.session = { assisted: undefined, comments: [], writing: undefined };
  kiosk.staff = undefined;
  for (const field of $$("input:not([type=radio]):not([type=checkbox]), textarea")) field.value = "";
  $("#consent-no").checked = true;
  clearPaperForm();
  $("[data-reference]").textContent = "";
  $("[data-paper-outcome]").hidden = true;
  $("[data-lookup-result]").textContent = "";
  renderReview();
}

/** @param {HTMLElement} button */
export function startWriting(button) {
  const paragraph = button.dataset.write;
  const number = button.dataset.number || "";
  kiosk.session.writing = { paragraph, number };
  $("[data-write-title]").textContent = labelFor(paragraph, number);
  const source = /** @type {HTMLElement | null} */ (root.querySelector(`[data-paragraph="${paragraph}"] [data-paragraph-text]`));
  const quote = $("[data-write-quote]");
  quote.innerHTML = source ? source.innerHTML : "";
  quote.lang = source ? source.lang : "";
  quote.hidden = !source;
  $("[data-read-aloud]").hidden = !source || !("speechSynthesis" in window);
  const existing = kiosk.session.comments.find((comment) => comment.paragraph === paragraph);
  $("#comment").value = existing ? existing.text : "";
  $("[data-write-error]").hidden = true;
  $("[data-discard]").hidden = true;
  show("write");
}

export function renderReview() {
  const list = $("[data-review-list]");
  list.textContent = "";
  const { comments } = kiosk.session;
  comments.forEach((comment, index) => {
    const item = document.createElement("li");
    item.className = "review-item";
    const title = document.createElement("p");
    title.className = "number";
    title.textContent = labelFor(comment.paragraph, comment.number);
    const text = typed("p", "", comment.text);
    const remove = document.createElement("button");
    remove.type = "button";
    remove.className = "button secondary";
    remove.textContent = `${data.removeLabel}: ${title.textContent}`;
    remove.addEventListener("click", () => {
      kiosk.session.comments.splice(index, 1);
      renderReview();
      $("[data-review-list]").focus();
    });
    item.append(title, text, remove);
    list.append(item);
  });
  list.tabIndex = -1;
  $("[data-empty]").hidden = comments.length > 0;
  $("[data-send]").hidden = comments.length === 0;
  for (const count of $$("[data-count]")) count.textContent = String(comments.length);
}

/** Adds what was written to the list, or says a comment needs words. */
export function addWritten() {
  const text = $("#comment").value.trim();
  if (!hasVisibleText(text)) {
    $("[data-write-error]").hidden = false;
    $("#comment").focus();
    return;
  }
  const { paragraph, number } = kiosk.session.writing;
  kiosk.session.comments = kiosk.session.comments.filter((comment) => comment.paragraph !== paragraph).concat({ paragraph, number, text });
  renderReview();
  show("review");
}

/** Leaving a comment box: words typed and not yet added are not thrown away without asking. */
export function backFromWriting() {
  const written = $("#comment").value.trim();
  const kept = kiosk.session.comments.find((comment) => comment.paragraph === kiosk.session.writing?.paragraph);
  if (!hasVisibleText(written) || (kept && kept.text === written)) return show("browse");
  $("[data-discard]").hidden = false;
  $("[data-discard]").focus();
}

/** @param {SubmitEvent} event */
export function chooseHelper(event) {
  event.preventDefault();
  const organisation = $("#helper-organisation").value.trim();
  const helper = $("#helper-name").value.trim();
  $("[data-helper-error]").hidden = Boolean(organisation && helper);
  if (!organisation || !helper) return;
  kiosk.session.assisted = { organisation, helper };
  show("browse");
}
