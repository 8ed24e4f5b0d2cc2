// @ts-check
/**
 * Setting the device up with a one-time code from an officer, and what
 * happens when the server stops taking its key: the queue stays, to be sent
 * once the kiosk is set up again.
 */
import { $, data } from "./page.js";
import { learnPeriod } from "./period.js";
import { show } from "./screens.js";
import { deliver, refillPool } from "./sending.js";
import { kiosk } from "./state.js";
import { storage } from "./store.js";

/**
 * Whether the server's error says this device's key is missing, unknown or withdrawn (not a page in the server's place).
 * @param {{ code?: unknown } | undefined} error
 */
export const keyRefused = (error) => Boolean(error && String(error.code).startsWith("kiosk_"));

/**
 * The key is gone or withdrawn: the queue stays, to be sent once the kiosk is
 * set up again. A person who has just pressed send still sees their reference;
 * the start screen then asks for the kiosk to be set up again.
 */
export function needsSetup() {
  storage.key = null;
  storage.withdrawn = true;
  if (["loading", "start", "closed", "paper", "refused"].includes(kiosk.current)) show("needs-setup");
}

/** @param {SubmitEvent} event */
export async function setUp(event) {
  event.preventDefault();
  const error = $("[data-setup-error]");
  error.hidden = true;
  try {
    const answer = await fetch(data.apiSetup, {
      method: "POST",
      headers: { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": document.documentElement.lang },
      body: JSON.stringify({ code: $("#setup-code").value }),
    });
    if (answer.status !== 201) throw new Error(String(answer.status));
    storage.key = (await answer.json()).key;
    storage.withdrawn = false;
    // References reserved under the old key stay in the responses already queued; new ones come from the new key.
    storage.pool = [];
    $("#setup-code").value = "";
    await refillPool();
    await learnPeriod();
    show("start");
    deliver();
  } catch (failure) {
    error.textContent = failure instanceof TypeError ? data.offline : data.setupFailed;
    error.hidden = false;
    $("#setup-code").focus();
  }
}
