// @ts-check
/**
 * The kiosk's behaviour (see src/pages/kiosk/index.astro), wired here; each
 * concern is a module in kiosk/. What a person writes lives only in memory
 * until they press send; then the response waits in IndexedDB, with its
 * idempotency key and a reference the server reserved for this kiosk, until
 * the server has acknowledged it (kiosk/sending.js). Nothing about the
 * person is kept after that. It knows the consultation's period (learnt
 * whenever it is online, kept for when it is not), so after the close it
 * starts no new response (kiosk/period.js). Every file it loads is in the
 * service worker's list (kiosk-sw.js), so it works offline.
 */
import { lookUp } from "./kiosk/lookup.js";
import { $, data, root } from "./kiosk/page.js";
import { addPaperRow, typeInPaper } from "./kiosk/paper.js";
import { learnPeriod, periodStatus } from "./kiosk/period.js";
import { closeWarning, resetIdle, show, startAgain } from "./kiosk/screens.js";
import { deliver, refillPool, send, showWaiting } from "./kiosk/sending.js";
import { addWritten, backFromWriting, chooseHelper, renderReview, startWriting } from "./kiosk/session.js";
import { sendRefusedReport } from "./kiosk/refused.js";
import { setUp } from "./kiosk/setup.js";
import { unlockStaff } from "./kiosk/staff.js";
import { kiosk } from "./kiosk/state.js";
import { storage } from "./kiosk/store.js";

/**
 * Reads words out in their own language: the draft's English words on a Spanish kiosk with an English voice.
 * @param {string} text
 * @param {string} [lang]
 */
function speak(text, lang) {
  speechSynthesis.cancel();
  const utterance = new SpeechSynthesisUtterance(text);
  utterance.lang = lang || document.documentElement.lang;
  speechSynthesis.speak(utterance);
}

function start() {
  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("button") : null;
    if (!target) return;
    if (target.hasAttribute("data-starts") && periodStatus() !== "open") show("closed");
    else if (target.dataset.go) {
      if (target.hasAttribute("data-own-views")) kiosk.session.assisted = undefined;
      if (target.dataset.go === "review") renderReview();
      show(target.dataset.go);
    } else if (target.dataset.write) startWriting(target);
    else if (target.hasAttribute("data-send")) send();
    else if (target.hasAttribute("data-print")) window.print();
    else if (target.hasAttribute("data-report-refused")) sendRefusedReport();
    else if (target.hasAttribute("data-finish")) startAgain(); else if (target.hasAttribute("data-continue")) {
      closeWarning();
      resetIdle();
    } else if (target.hasAttribute("data-read-aloud")) speak($("[data-write-quote]").textContent, $("[data-write-quote]").lang);
    else if (target.hasAttribute("data-read-screen")) speak([$("[data-waiting]").textContent, $(`[data-screen="${kiosk.current}"]`).innerText].join("\n"));
  });

  $("[data-back-from-writing]").addEventListener("click", backFromWriting);
  $("[data-discard-yes]").addEventListener("click", () => {
    $("[data-discard]").hidden = true;
    $("#comment").value = "";
    show("browse");
  });
  $("[data-discard-no]").addEventListener("click", () => {
    $("[data-discard]").hidden = true;
    $("#comment").focus();
  });

  $("[data-setup-form]").addEventListener("submit", setUp);
  $("[data-staff-form]").addEventListener("submit", unlockStaff);
  $("[data-lookup-form]").addEventListener("submit", lookUp);
  $("[data-paper-form]").addEventListener("submit", typeInPaper);
  $("[data-paper-add-row]").addEventListener("click", () => addPaperRow().querySelector("input").focus());
  $("[data-helper-form]").addEventListener("submit", chooseHelper);
  $("[data-write-form]").addEventListener("submit", (/** @type {SubmitEvent} */ event) => {
    event.preventDefault();
    addWritten();
  });

  for (const type of ["pointerdown", "keydown", "input", "click"]) document.addEventListener(type, resetIdle, true);

  window.addEventListener("online", () => {
    learnPeriod();
    deliver();
  });
  if ("serviceWorker" in navigator) {
    // The kiosk in every language (/kiosk/, /es/kiosk/…) works offline, so the start screen's language choice does too.
    // Each has a worker of its own. This kiosk's comes first and keeps its page and every script; the others, registered
    // once it is ready, find the scripts kept and fetch only their own page.
    const others = new Set(Array.from(document.querySelectorAll(".language-switcher a"), (link) => new URL(/** @type {HTMLAnchorElement} */ (link).href).pathname));
    const register = (/** @type {string} */ scope) => navigator.serviceWorker.register("/kiosk-sw.js", { scope });
    register(location.pathname)
      .then(() => navigator.serviceWorker.ready)
      .then(() => Promise.all(Array.from(others, register)))
      .catch(() => {});
  }

  $("[data-read-screen]").hidden = !("speechSynthesis" in window);
  // A printed slip needs the whole address, not just the path.
  $("[data-track-sentence]").textContent = data.trackAt.replace("{address}", new URL(data.track, location.href).href);
  renderReview();
  show(storage.key || storage.withdrawn ? "start" : "setup");
  showWaiting();
  learnPeriod();
  deliver();
  refillPool();
}

if (root) start();
