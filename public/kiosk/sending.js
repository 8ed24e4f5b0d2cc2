// @ts-check
/**
 * Sending: a response is queued on the device first, with its idempotency
 * key and a reference the server reserved for this kiosk, then delivered;
 * it leaves the queue only when the server has it. References are reserved
 * ahead, so people offline still get one.
 */
import { $, $$, counted, data } from "./page.js";
import { periodStatus } from "./period.js";
import { refusalReason, renderRefused } from "./refused.js";
import { show } from "./screens.js";
import { clearSession } from "./session.js";
import { keyRefused, needsSetup } from "./setup.js";
import { kiosk } from "./state.js";
import { dequeue, enqueue, queued, storage } from "./store.js";

/** References held for people offline: enough for a busy day, topped up whenever fewer than half are left. */
const POOL_FULL = 100;
const POOL_LOW = 50;

let filling = false;

export async function refillPool() {
  if (filling || !storage.key || storage.pool.length >= POOL_LOW || !navigator.onLine) return;
  filling = true;
  try {
    // The server reserves at most data.poolRequestMax at a time.
    while (storage.key && storage.pool.length < POOL_FULL) {
      const answer = await fetch(data.apiReferences, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Kiosk-Key": storage.key },
        body: JSON.stringify({ count: Math.min(Number(data.poolRequestMax), POOL_FULL - storage.pool.length) }),
      });
      if (answer.status !== 201) {
        const { error } = await answer.json().catch(() => ({}));
        if (keyRefused(error)) needsSetup();
        break;
      }
      storage.pool = storage.pool.concat((await answer.json()).references);
    }
  } catch {
    // Offline: the pool is filled next time.
  } finally {
    filling = false;
  }
}

function takeReference() {
  const pool = storage.pool;
  const reference = pool.shift();
  storage.pool = pool;
  return reference;
}

/**
 * The receipt on the screen: saved on the kiosk, sent, or refused.
 * @param {"saved" | "sent" | "refused"} state
 * @param {string} [reason]
 */
function showReceipt(state, reason) {
  $("[data-done-title]").textContent = { saved: data.doneSaved, sent: data.doneSent, refused: data.doneRefused }[state];
  $("[data-done-state]").textContent = { saved: data.doneSavedDetail, sent: data.doneSentDetail, refused: `${reason} ${data.doneRefusedDetail}` }[state];
}

export async function send() {
  const { session } = kiosk;
  if (session.comments.length === 0) return;
  // Pressed after the close (or before the opening): nothing is queued that the server would only refuse.
  if (periodStatus() !== "open") {
    clearSession();
    kiosk.lateSend = true;
    show("closed");
    return;
  }
  const reference = takeReference();
  const body = {
    comments: session.comments.map(({ paragraph, text }) => ({ paragraph, text })),
    publishConsent: $("#consent-yes").checked,
    pressedSendAt: new Date().toISOString(),
    ...(session.assisted && { assisted: session.assisted }),
    ...(reference && { reference }),
  };
  const idempotencyKey = crypto.randomUUID();
  await enqueue({ idempotencyKey, body, queuedAt: Date.now() });
  clearSession();
  $("[data-reference]").textContent = reference || data.noReference;
  // Saved on this kiosk is all that is true until the server answers.
  kiosk.receiptFor = idempotencyKey;
  showReceipt("saved");
  show("done");
  deliver();
}

let delivering = false;
/** Asked to deliver while delivering: go round again, so nothing waits for the next trigger. */
let deliverAgain = false;
let retryDelay = 2000;
/** @type {ReturnType<typeof setTimeout> | undefined} */
let retryTimer;

/** Sends every queued response; each leaves the queue only when the server has it. */
export async function deliver() {
  if (!storage.key) return;
  if (delivering) {
    deliverAgain = true;
    return;
  }
  delivering = true;
  deliverAgain = false;
  clearTimeout(retryTimer);
  let failed = false;
  try {
    for (const item of await queued()) {
      if (item.refused) continue;
      let answer;
      try {
        answer = await fetch(data.apiResponses, {
          method: "POST",
          headers: { "Content-Type": "application/json", Accept: "application/json", "Kiosk-Key": storage.key, "Idempotency-Key": item.idempotencyKey },
          body: JSON.stringify(item.body),
          // A Wi-Fi login page that answers in the server's place must not pass for a receipt.
          redirect: "manual",
        });
      } catch {
        failed = true;
        break;
      }
      const { reference, error } = await answer.json().catch(() => ({}));
      if (answer.ok && typeof reference === "string") {
        await dequeue(item.idempotencyKey);
        if (item.idempotencyKey === kiosk.receiptFor && kiosk.current === "done") showReceipt("sent");
      }
      else if (!error || answer.status >= 500 || answer.status === 429) {
        // Not the server's word, or the server's trouble: try again later.
        failed = true;
        break;
      } else {
        if (keyRefused(error)) {
          needsSetup();
          break;
        }
        if (error.code === "response_erased") {
          // Its author asked for it to be erased after the server stored it: the kiosk keeps no copy either.
          await dequeue(item.idempotencyKey);
          continue;
        }
        // Refused for good (such as arriving after the grace period): kept, with the reason, for staff to deal with.
        const reason = [error.message, ...Object.values(error.fields || {})].filter(Boolean).join(" ");
        const refused = { code: error.code || String(answer.status), reason: reason || String(answer.status) };
        await enqueue({ ...item, refused });
        if (item.idempotencyKey === kiosk.receiptFor && kiosk.current === "done") showReceipt("refused", refusalReason(refused, item.body));
      }
    }
  } finally {
    delivering = false;
  }
  await showWaiting();
  if (deliverAgain && !failed) return deliver();
  if (failed) {
    retryTimer = setTimeout(deliver, retryDelay);
    retryDelay = Math.min(retryDelay * 2, 60000);
  } else {
    retryDelay = 2000;
    refillPool();
  }
}

/** How many responses wait to be sent, and how many were refused (for staff). */
export async function showWaiting() {
  const items = await queued();
  const refused = items.filter((item) => item.refused).length;
  const waiting = items.length - refused;
  $("[data-waiting]").textContent = waiting === 0 ? "" : counted("waiting", waiting);
  for (const staff of $$("[data-refused-button]")) {
    staff.textContent = refused === 0 ? "" : counted("refusedCount", refused);
    staff.hidden = refused === 0;
  }
  if (kiosk.current === "refused") renderRefused();
}
