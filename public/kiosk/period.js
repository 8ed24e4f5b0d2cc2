// @ts-check
/**
 * The consultation's period as the server last gave it (learnt whenever the
 * kiosk is online, kept for when it is not), judged by the server's own rule
 * (period-rules.js): after the close the kiosk starts no new response.
 */
import { statusAt } from "../period-rules.js";
import { $, data } from "./page.js";
import { needsSetup, keyRefused } from "./setup.js";
import { show } from "./screens.js";
import { kiosk } from "./state.js";
import { storage } from "./store.js";

/**
 * Whether comments are taken at an instant.
 * @param {number} [at]
 */
export const periodStatus = (at = Date.now()) => {
  const { opensAt, closesAt } = storage.period;
  return statusAt(Date.parse(opensAt), Date.parse(closesAt), at);
};

/** @param {string | number} instant */
export const londonTime = (instant) =>
  new Date(instant).toLocaleString(data.locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

/** Asks the server for the period in force (an extension, say) and the staff codes in force, and keeps them for when the kiosk is offline. */
export async function learnPeriod() {
  if (!storage.key) return false;
  let learnt = false;
  try {
    const answer = await fetch(data.apiKiosk, { headers: { Accept: "application/json", "Kiosk-Key": storage.key } });
    const { opensAt, closesAt, graceDays, resultsPublished, staffCodes, error } = await answer.json().catch(() => ({}));
    if (answer.ok && opensAt && closesAt) {
      storage.period = { opensAt, closesAt, graceDays, resultsPublished: Boolean(resultsPublished) };
      storage.staffChecks = staffCodes || [];
      learnt = true;
    } else if (keyRefused(error)) needsSetup();
  } catch {
    // Offline: the period learnt last time stands.
  }
  if (kiosk.current === "start" || kiosk.current === "closed") show("start");
  return learnt;
}

/**
 * The screen that says plainly why nothing new can start, what happens next, and how to find out.
 * @param {boolean} late
 */
export function showClosed(late) {
  const status = periodStatus();
  const { opensAt, closesAt } = storage.period;
  $("[data-closed-title]").textContent = status === "not_open" ? data.notOpenTitle : data.closedTitle;
  $("[data-closed-when]").textContent =
    status === "not_open" ? data.notOpenWhen.replace("{time}", londonTime(opensAt)) : data.closedWhen.replace("{time}", londonTime(closesAt));
  $("[data-closed-late]").hidden = !late;
  // Once the outcome is published, it leads: what happens next has happened.
  const published = Boolean(storage.period.resultsPublished) && status === "closed";
  $("[data-results-published]").hidden = !published;
  $("[data-closed-next]").hidden = status === "not_open" || published;
}
