// @ts-check
/**
 * One screen at a time: which one may show (a kiosk without a key cannot
 * start, nothing new starts outside the period, staff screens need a code),
 * and the inactivity warning that clears everything for the next person.
 */
import { $, $$, counted, data } from "./page.js";
import { periodStatus, showClosed } from "./period.js";
import { renderRefused } from "./refused.js";
import { clearSession } from "./session.js";
import { kiosk } from "./state.js";
import { storage } from "./store.js";

const STAFF_SCREENS = ["paper", "refused"];

/** @param {string} name */
export function show(name) {
  // Without a key nobody can start: the start screen asks for the kiosk to be set up again.
  if (name === "start" && !storage.key) name = "needs-setup";
  // Outside the period no new response starts: the start screen says so instead.
  if (name === "start" && periodStatus() !== "open") name = "closed";
  if (name === "closed") showClosed(kiosk.lateSend);
  kiosk.lateSend = false;
  // Staff screens end where the next person starts.
  if (name === "start" || name === "closed" || name === "needs-setup") kiosk.staff = undefined;
  // Nobody reaches a staff screen without a code.
  if (STAFF_SCREENS.includes(name) && !kiosk.staff) {
    kiosk.staffTarget = name;
    name = "staff-code";
    $("[data-staff-error]").hidden = true;
  }

  if (name === "refused") renderRefused();
  if (name === "lookup") {
    $("[data-lookup-result]").hidden = true;
    $("[data-lookup-error]").hidden = true;
  }
  kiosk.current = name;
  for (const screen of $$("[data-screen]")) screen.hidden = screen.dataset.screen !== name;
  const heading = $(`[data-screen="${name}"] h1`);
  if (heading) {
    heading.tabIndex = -1;
    heading.focus();
  }
  window.scrollTo(0, 0);
  resetIdle();
}

/** The next person starts afresh, in the kiosk's default language (the page is kept for offline use). */
export function startAgain() {
  clearSession();
  if (document.documentElement.lang !== data.defaultLanguage) location.assign(data.defaultKiosk);
  else show("start");
}

// ---- Inactivity: a warning, then everything is cleared -----------------------------------------

const idleMs = Number(new URLSearchParams(location.search).get("idle") || data.idleSeconds) * 1000;
const warningSeconds = Math.max(20, Number(data.warningSeconds));
/** @type {ReturnType<typeof setTimeout> | undefined} */
let idleTimer;
/** @type {ReturnType<typeof setInterval> | undefined} */
let countdownTimer;

export function resetIdle() {
  clearTimeout(idleTimer);
  if ($("[data-warning]").hidden === false) return;
  // Nothing to protect on the start and set-up screens.
  if (["loading", "setup", "start", "closed", "needs-setup"].includes(kiosk.current)) return;
  idleTimer = setTimeout(warn, idleMs);
}

function warn() {
  const dialog = $("[data-warning]");
  let left = warningSeconds;
  const tick = () => {
    $("[data-warning-countdown]").textContent = counted("warningText", left);
    if (left-- <= 0) timeOut();
  };
  dialog.hidden = false;
  tick();
  countdownTimer = setInterval(tick, 1000);
  $("[data-continue]").focus();
}

export function closeWarning() {
  clearInterval(countdownTimer);
  $("[data-warning]").hidden = true;
}

function timeOut() {
  closeWarning();
  startAgain();
}
