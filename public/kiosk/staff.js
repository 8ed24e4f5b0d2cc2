// @ts-check
/**
 * Staff screens (paper forms, refused responses) open only with a support
 * worker's own code, checked against what the kiosk learnt while online so
 * they open offline too. Wrong codes lock the screens for a while.
 */
import { deviceHash } from "../staff-code-rules.js";
import { $, data } from "./page.js";
import { learnPeriod } from "./period.js";
import { show } from "./screens.js";
import { kiosk } from "./state.js";
import { storage } from "./store.js";

/** After STAFF_TRIES wrong codes the staff screens stay shut for STAFF_LOCK_MS. */
const STAFF_TRIES = 5;
const STAFF_LOCK_MS = 5 * 60_000;

/** @param {string} message */
function staffError(message) {
  const error = $("[data-staff-error]");
  error.textContent = message;
  error.hidden = false;
  $("#staff-code").focus();
}

/** @param {SubmitEvent} event */
export async function unlockStaff(event) {
  event.preventDefault();
  $("[data-staff-error]").hidden = true;
  const wrong = storage.staffWrong;
  if (wrong.until > Date.now()) return staffError(data.staffLocked);
  // Online, learn first: a code revoked since is refused at once.
  const learnt = navigator.onLine && (await learnPeriod());
  const checks = storage.staffChecks;
  // Never told of any code: say how to fix that. Told of none now: every code is wrong.
  if (checks.length === 0 && !learnt) return staffError(data.staffNoneKnown);
  const code = $("#staff-code").value;
  let right = false;
  for (const check of checks) if ((await deviceHash(code, check.salt)) === check.hash) right = true;
  if (!right) {
    const count = wrong.count + 1;
    storage.staffWrong = count >= STAFF_TRIES ? { count: 0, until: Date.now() + STAFF_LOCK_MS } : { count, until: 0 };
    return staffError(count >= STAFF_TRIES ? data.staffLocked : data.staffWrong);
  }
  storage.staffWrong = null;
  kiosk.staff = { code };
  $("#staff-code").value = "";
  show(kiosk.staffTarget);
}

/**
 * The server refused the code (revoked since the kiosk last heard): staff mode ends and the code is asked for again.
 * @param {{ message: string }} error
 */
export function staffRefused(error) {
  kiosk.staff = undefined;
  kiosk.staffTarget = kiosk.current;
  show("staff-code");
  staffError(error.message);
}
