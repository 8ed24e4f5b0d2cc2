// @ts-check
/** Looking up a reference on the kiosk: what happened to a person's comments, as the look-up page tells it. */
import { $, data, element, labelFor, numberOf } from "./page.js";
import { periodStatus } from "./period.js";
import { receivedLine } from "../received-date.js";

/**
 * @param {string} tag
 * @param {string} text
 * @param {string} [lang]
 */
const lookupText = (tag, text, lang) => {
  const node = element(tag, "", text);
  if (lang !== undefined) node.lang = lang;
  return node;
};

/** @param {string} outcome "not_changed" → data-outcome-not-changed */
const outcomeWords = (outcome) => data[`outcome${outcome.replace(/_(.)/g, (_, c) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase())}`];

/** @param {SubmitEvent} event */
export async function lookUp(event) {
  event.preventDefault();
  const result = $("[data-lookup-result]");
  const error = $("[data-lookup-error]");
  result.textContent = "";
  result.hidden = true;
  error.hidden = true;
  const reference = $("#lookup-reference").value.trim();
  try {
    const answer = await fetch(`${data.apiResponses}/${encodeURIComponent(reference)}`, { headers: { Accept: "application/json", "Accept-Language": document.documentElement.lang } });
    const body = await answer.json();
    // Not found is said as the look-up page says it; anything else (too many look-ups) in the server's words.
    if (!answer.ok) throw Object.assign(new Error(answer.status === 404 ? data.lookupFailed : body.error?.message || data.lookupFailed), { shown: true });
    result.append(element("h2", "", data.lookupFor.replace("{reference}", body.reference)));
    result.append(element("p", "", receivedLine(body, { receivedOn: data.lookupReceivedOn ?? "", receivedAt: data.lookupReceivedAt ?? "", date: data.dateFormat ?? "" }, data.locale)));
    for (const comment of body.comments) {
      const entry = element("div", "lookup-comment");
      entry.append(element("p", "number", labelFor(comment.paragraph, numberOf(comment.paragraph))));
      entry.append(lookupText("p", comment.text, ""));
      const received = periodStatus() === "closed" ? data.lookupStatusReceivedClosed : data.lookupStatusReceived;
      entry.append(element("p", "", { received, answered: data.lookupStatusAnswered, hidden: data.lookupStatusHidden }[comment.status] || comment.status));
      for (const feedback of body.feedback.filter((item) => (comment.feedback || []).includes(item.id))) {
        entry.append(lookupText("h3", feedback.title, "en"));
        entry.append(element("p", "", `${data.outcomeLabel} ${outcomeWords(feedback.outcome) || feedback.outcome}`));
        entry.append(element("h4", "", data.youSaid), lookupText("p", feedback.youSaid, "en"));
        entry.append(element("h4", "", data.weDid), lookupText("p", feedback.weDid, "en"));
      }
      result.append(entry);
    }
    result.hidden = false;
    result.focus();
  } catch (failure) {
    const refusal = /** @type {{ shown?: boolean, message?: string }} */ (failure);
    error.textContent = failure instanceof TypeError ? data.offline : refusal.shown ? refusal.message : data.lookupFailed;
    error.hidden = false;
    $("#lookup-reference").focus();
  }
}
