// @ts-check
/** Responses the server refused for good: shown to staff with the reason, sent again or removed, never dropped silently. */
import { $, counted, data, element, labelFor, numberOf, sentenceWithTyped, typed } from "./page.js";
import { londonTime, periodStatus } from "./period.js";
import { deliver, showWaiting } from "./sending.js";
import { reportRefused } from "./refused-report.js";
import { staffRefused } from "./staff.js";
import { kiosk } from "./state.js";
import { dequeue, enqueue, queued, storage } from "./store.js";

/**
 * Why the server refused, by what the kiosk knows of the period: after the close is not a wrong clock.
 * @param {{ code: string, reason: string }} refusal
 * @param {{ pressedSendAt: string }} body
 * @returns {string}
 */
export function refusalReason({ code, reason }, body) {
  if (code === "consultation_closed") {
    const pressed = Date.parse(body.pressedSendAt);
    const { opensAt, closesAt } = storage.period;
    const status = periodStatus(pressed);
    if (status === "closed") return data.refusedAfterClose.replace("{time}", londonTime(closesAt));
    if (status === "not_open") return data.refusedBeforeOpening.replace("{time}", londonTime(opensAt));
    return data.refusedClosed;
  }
  return (
    {
      grace_period_over: data.refusedGraceOver,
      reference_not_reserved: data.refusedReferenceNotReserved,
    }[code] || data.refusedOther.replace("{reason}", reason)
  );
}

export async function renderRefused() {
  const list = $("[data-refused-list]");
  list.textContent = "";
  for (const item of (await queued()).filter((queuedItem) => queuedItem.refused)) {
    const { body } = item;
    const entry = element("li", "refused-item");
    const name = body.reference ? data.refusedReference.replace("{reference}", body.reference) : data.refusedNoReference;
    entry.append(element("h2", "", name));
    entry.append(element("p", "", data.refusedPressed.replace("{time}", new Date(body.pressedSendAt).toLocaleString(data.locale, { dateStyle: "long", timeStyle: "short" }))));
    if (body.assisted) entry.append(sentenceWithTyped("p", data.refusedHelped, body.assisted));
    entry.append(element("p", "error", refusalReason(item.refused, body)));
    for (const comment of body.comments) {
      entry.append(element("p", "number", labelFor(comment.paragraph, numberOf(comment.paragraph))));
      entry.append(typed("p", "refused-comment", comment.text));
    }
    const retry = /** @type {HTMLButtonElement} */ (element("button", "button", `${data.refusedRetry}: ${name}`));
    retry.type = "button";
    retry.addEventListener("click", async () => {
      await enqueue({ ...item, refused: undefined });
      await showWaiting();
      $('[data-screen="refused"] h1').focus();
      deliver();
    });
    const remove = /** @type {HTMLButtonElement} */ (element("button", "button secondary", `${data.refusedRemove}: ${name}`));
    remove.type = "button";
    remove.addEventListener("click", () => confirmRemoval(entry, item, name));
    entry.append(retry, remove);
    list.append(entry);
  }
}

/** The refused list, sent to officers so someone deals with each response (refused-report.js). */
export async function sendRefusedReport() {
  const status = $("[data-report-refused-status]");
  const items = (await queued()).filter((item) => item.refused);
  try {
    const received = await reportRefused({
      address: data.apiRefused ?? "",
      key: storage.key,
      staffCode: kiosk.staff && kiosk.staff.code,
      language: document.documentElement.lang,
      items,
      reasonOf: (item) => refusalReason(item.refused, item.body),
    });
    status.textContent = counted("reportRefusedDone", received);
  } catch (caught) {
    const error = /** @type {Error & { code?: string }} */ (caught);
    if (String(error.code).startsWith("staff_code")) return staffRefused(error);
    status.textContent = error instanceof TypeError ? data.reportRefusedFailed ?? "" : error.message;
  }
}

/**
 * Removing a person's words takes a second, explicit step.
 * @param {HTMLElement} entry
 * @param {{ idempotencyKey: string }} item
 * @param {string} name
 */
function confirmRemoval(entry, item, name) {
  for (const button of entry.querySelectorAll("button")) button.hidden = true;
  const question = element("div", "outcome");
  question.append(element("p", "", data.refusedConfirm));
  const yes = /** @type {HTMLButtonElement} */ (element("button", "button", `${data.refusedConfirmYes}: ${name}`));
  const no = /** @type {HTMLButtonElement} */ (element("button", "button secondary", `${data.refusedConfirmNo}: ${name}`));
  yes.type = no.type = "button";
  yes.addEventListener("click", async () => {
    await dequeue(item.idempotencyKey);
    await showWaiting();
    $('[data-screen="refused"] h1').focus();
  });
  no.addEventListener("click", () => {
    question.remove();
    for (const button of entry.querySelectorAll("button")) button.hidden = false;
    entry.querySelector("button").focus();
  });
  question.append(yes, no);
  entry.append(question);
  question.tabIndex = -1;
  question.focus();
}
