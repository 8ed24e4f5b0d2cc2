/**
 * The kiosk's behaviour (see src/pages/kiosk/index.astro). What a person writes
 * lives only in memory until they press send; then the response waits in
 * IndexedDB, with its idempotency key and a reference the server reserved for
 * this kiosk, until the server has acknowledged it. Nothing about the person
 * is kept after that.
 */
(() => {
  "use strict";
  const root = document.getElementById("kiosk");
  if (!root) return;
  const data = root.dataset;
  // A count's words in the page's language: the page gives every form (data-waiting-one, data-waiting-other…).
  const plurals = new Intl.PluralRules(document.documentElement.lang);
  const counted = (name, count) => {
    const rule = plurals.select(count);
    const template = data[`${name}${rule[0].toUpperCase()}${rule.slice(1)}`] ?? data[`${name}Other`];
    return template.replace("{count}", count.toLocaleString(document.documentElement.lang));
  };
  const KEY = "kiosk.key";
  const POOL = "kiosk.references";
  const POOL_LOW = 5;
  const POOL_FILL = 20;

  // ---- The device's own store: the key, the pool of references, the queue --------------------------

  const storage = {
    get key() { return localStorage.getItem(KEY); },
    set key(value) { value ? localStorage.setItem(KEY, value) : localStorage.removeItem(KEY); },
    get pool() { return JSON.parse(localStorage.getItem(POOL) || "[]"); },
    set pool(value) { localStorage.setItem(POOL, JSON.stringify(value)); },
  };

  const openQueue = () =>
    new Promise((resolve, reject) => {
      const request = indexedDB.open("kiosk", 1);
      request.onupgradeneeded = () => request.result.createObjectStore("queue", { keyPath: "idempotencyKey" });
      request.onsuccess = () => resolve(request.result);
      request.onerror = () => reject(request.error);
    });

  async function queueDo(mode, action) {
    const db = await openQueue();
    return new Promise((resolve, reject) => {
      const transaction = db.transaction("queue", mode);
      const request = action(transaction.objectStore("queue"));
      transaction.oncomplete = () => resolve(request && request.result);
      transaction.onerror = () => reject(transaction.error);
    });
  }
  const queued = () => queueDo("readonly", (store) => store.getAll());
  const enqueue = (item) => queueDo("readwrite", (store) => store.put(item));
  const dequeue = (idempotencyKey) => queueDo("readwrite", (store) => store.delete(idempotencyKey));

  // ---- Screens -----------------------------------------------------------------------------------

  const $ = (selector) => root.querySelector(selector);
  const $$ = (selector) => Array.from(root.querySelectorAll(selector));
  let current = "loading";

  function show(name) {
    current = name;
    for (const screen of $$("[data-screen]")) screen.hidden = screen.dataset.screen !== name;
    const heading = $(`[data-screen="${name}"] h1`);
    if (heading) {
      heading.tabIndex = -1;
      heading.focus();
    }
    window.scrollTo(0, 0);
    resetIdle();
  }

  // ---- One person's session ----------------------------------------------------------------------

  /** Everything about the person: cleared after sending, on "finish" and after inactivity. */
  let session = { assisted: undefined, comments: [], writing: undefined };

  function clearSession() {
    session = { assisted: undefined, comments: [], writing: undefined };
    for (const field of $$("input:not([type=radio]), textarea")) field.value = "";
    $("#consent-no").checked = true;
    $("[data-reference]").textContent = "";
    $("[data-paper-outcome]").hidden = true;
    renderReview();
  }

  const labelFor = (paragraph, number) =>
    paragraph === data.general ? data.generalLabel : data.paragraphLabel.replace("{number}", number);

  function startWriting(button) {
    const paragraph = button.dataset.write;
    const number = button.dataset.number || "";
    session.writing = { paragraph, number };
    $("[data-write-title]").textContent = labelFor(paragraph, number);
    const source = root.querySelector(`[data-paragraph="${paragraph}"] [data-paragraph-text]`);
    const quote = $("[data-write-quote]");
    quote.innerHTML = source ? source.innerHTML : "";
    quote.lang = source ? source.lang : "";
    quote.hidden = !source;
    $("[data-read-aloud]").hidden = !source || !("speechSynthesis" in window);
    const existing = session.comments.find((comment) => comment.paragraph === paragraph);
    $("#comment").value = existing ? existing.text : "";
    $("[data-write-error]").hidden = true;
    show("write");
  }

  function renderReview() {
    const list = $("[data-review-list]");
    list.textContent = "";
    session.comments.forEach((comment, index) => {
      const item = document.createElement("li");
      item.className = "review-item";
      const title = document.createElement("p");
      title.className = "number";
      title.textContent = labelFor(comment.paragraph, comment.number);
      const text = document.createElement("p");
      text.textContent = comment.text;
      const remove = document.createElement("button");
      remove.type = "button";
      remove.className = "button secondary";
      remove.textContent = `${data.removeLabel}: ${title.textContent}`;
      remove.addEventListener("click", () => {
        session.comments.splice(index, 1);
        renderReview();
        $("[data-review-list]").focus();
      });
      item.append(title, text, remove);
      list.append(item);
    });
    list.tabIndex = -1;
    $("[data-empty]").hidden = session.comments.length > 0;
    $("[data-send]").hidden = session.comments.length === 0;
    for (const count of $$("[data-count]")) count.textContent = String(session.comments.length);
  }

  // ---- Sending: queue first, then deliver --------------------------------------------------------

  async function refillPool() {
    if (!storage.key || storage.pool.length >= POOL_LOW || !navigator.onLine) return;
    try {
      const answer = await fetch(data.apiReferences, {
        method: "POST",
        headers: { "Content-Type": "application/json", "Kiosk-Key": storage.key },
        body: JSON.stringify({ count: POOL_FILL }),
      });
      if (answer.status === 201) storage.pool = storage.pool.concat((await answer.json()).references);
      else if (answer.status === 401 || answer.status === 403) needsSetup();
    } catch {
      // Offline: the pool is filled next time.
    }
  }

  function takeReference() {
    const pool = storage.pool;
    const reference = pool.shift();
    storage.pool = pool;
    return reference;
  }

  async function send() {
    if (session.comments.length === 0) return;
    const reference = takeReference();
    const body = {
      comments: session.comments.map(({ paragraph, text }) => ({ paragraph, text })),
      publishConsent: $("#consent-yes").checked,
      pressedSendAt: new Date().toISOString(),
      ...(session.assisted && { assisted: session.assisted }),
      ...(reference && { reference }),
    };
    await enqueue({ idempotencyKey: crypto.randomUUID(), body, queuedAt: Date.now() });
    clearSession();
    $("[data-reference]").textContent = reference || data.noReference;
    show("done");
    deliver();
  }

  let delivering = false;
  let retryDelay = 2000;
  let retryTimer;

  /** Sends every queued response; each leaves the queue only when the server has it. */
  async function deliver() {
    if (delivering || !storage.key) return;
    delivering = true;
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
          });
        } catch {
          failed = true;
          break;
        }
        if (answer.ok) await dequeue(item.idempotencyKey);
        else if (answer.status === 401 || answer.status === 403) {
          const { error } = await answer.json().catch(() => ({ error: {} }));
          if (String(error.code).startsWith("kiosk_")) {
            needsSetup();
            break;
          }
          // Refused for good (such as arriving after the grace period): kept, but not sent again.
          await enqueue({ ...item, refused: error.code || String(answer.status) });
        } else if (answer.status >= 500 || answer.status === 429) {
          failed = true;
          break;
        } else {
          const { error } = await answer.json().catch(() => ({ error: {} }));
          await enqueue({ ...item, refused: error.code || String(answer.status) });
        }
      }
    } finally {
      delivering = false;
    }
    await showWaiting();
    if (failed) {
      retryTimer = setTimeout(deliver, retryDelay);
      retryDelay = Math.min(retryDelay * 2, 60000);
    } else {
      retryDelay = 2000;
      refillPool();
    }
  }

  async function showWaiting() {
    const waiting = (await queued()).length;
    $("[data-waiting]").textContent =
      waiting === 0 ? "" : counted("waiting", waiting);
  }

  function needsSetup() {
    storage.key = null;
    storage.pool = [];
    show("needs-setup");
  }

  // ---- Setting the device up ---------------------------------------------------------------------

  async function setUp(event) {
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
      $("#setup-code").value = "";
      await refillPool();
      show("start");
      deliver();
    } catch (failure) {
      error.textContent = failure instanceof TypeError ? data.offline : data.setupFailed;
      error.hidden = false;
      $("#setup-code").focus();
    }
  }

  // ---- A paper form typed in by a support worker (online only) -----------------------------------

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

  async function typeInPaper(event) {
    event.preventDefault();
    const form = event.target;
    const comments = [0, 1, 2]
      .map((row) => ({ paragraph: form.elements[`paragraph-${row}`].value, text: form.elements[`text-${row}`].value }))
      .filter((comment) => comment.paragraph.trim() || comment.text.trim());
    const sheet = { reference: form.elements.reference.value, receivedOn: form.elements.receivedOn.value, comments };
    const headers = { "Content-Type": "application/json", Accept: "application/json", "Accept-Language": document.documentElement.lang, "Kiosk-Key": storage.key || "" };
    try {
      const answer = await fetch(data.apiPaper, { method: "POST", headers, body: JSON.stringify(sheet) });
      const body = await answer.json();
      if (answer.ok) {
        form.reset();
        showOutcome([data.paperSaved.replace("{reference}", body.reference)]);
      } else if (body.error && body.error.code === "sheet_already_entered") {
        const entered = await (await fetch(`${data.apiPaper}/${encodeURIComponent(sheet.reference)}`, { headers })).json();
        showOutcome([
          data.paperEntered.replace("{reference}", entered.reference),
          ...entered.comments.map((comment) => `${comment.number || comment.paragraph}: ${comment.text}`),
        ]);
      } else if (answer.status === 401 || (body.error && String(body.error.code).startsWith("kiosk_"))) {
        needsSetup();
      } else {
        showOutcome([body.error.message, ...Object.values(body.error.fields || {})]);
      }
    } catch {
      showOutcome([data.offline]);
    }
  }

  // ---- Inactivity: a warning, then everything is cleared -----------------------------------------

  const idleMs = Number(new URLSearchParams(location.search).get("idle") || data.idleSeconds) * 1000;
  const warningSeconds = Math.max(20, Number(data.warningSeconds));
  let idleTimer;
  let countdownTimer;

  function resetIdle() {
    clearTimeout(idleTimer);
    if ($("[data-warning]").hidden === false) return;
    // Nothing to protect on the start and set-up screens.
    if (["loading", "setup", "start", "needs-setup"].includes(current)) return;
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

  function closeWarning() {
    clearInterval(countdownTimer);
    $("[data-warning]").hidden = true;
  }

  function timeOut() {
    closeWarning();
    clearSession();
    show("start");
  }

  // ---- Wiring ------------------------------------------------------------------------------------

  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("button") : null;
    if (!target) return;
    if (target.dataset.go) {
      if (target.hasAttribute("data-own-views")) session.assisted = undefined;
      if (target.dataset.go === "review") renderReview();
      show(target.dataset.go);
    } else if (target.dataset.write) startWriting(target);
    else if (target.hasAttribute("data-send")) send();
    else if (target.hasAttribute("data-print")) window.print();
    else if (target.hasAttribute("data-finish")) {
      clearSession();
      show("start");
    } else if (target.hasAttribute("data-continue")) {
      closeWarning();
      resetIdle();
    } else if (target.hasAttribute("data-read-aloud")) {
      speechSynthesis.cancel();
      const utterance = new SpeechSynthesisUtterance($("[data-write-quote]").textContent);
      utterance.lang = $("[data-write-quote]").lang || document.documentElement.lang;
      speechSynthesis.speak(utterance);
    }
  });

  $("[data-setup-form]").addEventListener("submit", setUp);
  $("[data-paper-form]").addEventListener("submit", typeInPaper);

  $("[data-helper-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    const organisation = $("#helper-organisation").value.trim();
    const helper = $("#helper-name").value.trim();
    $("[data-helper-error]").hidden = Boolean(organisation && helper);
    if (!organisation || !helper) return;
    session.assisted = { organisation, helper };
    show("browse");
  });

  $("[data-write-form]").addEventListener("submit", (event) => {
    event.preventDefault();
    const text = $("#comment").value.trim();
    if (!text) {
      $("[data-write-error]").hidden = false;
      $("#comment").focus();
      return;
    }
    const { paragraph, number } = session.writing;
    session.comments = session.comments.filter((comment) => comment.paragraph !== paragraph).concat({ paragraph, number, text });
    renderReview();
    show("review");
  });

  for (const type of ["pointerdown", "keydown", "input", "click"]) document.addEventListener(type, resetIdle, true);

  window.addEventListener("online", deliver);
  if ("serviceWorker" in navigator) {
    // The kiosk in every language (/kiosk/, /es/kiosk/…) works offline, so the start screen's language choice does too.
    const kiosks = [location.pathname, ...Array.from(document.querySelectorAll(".language-switcher a"), (link) => new URL(link.href).pathname)];
    for (const scope of kiosks) navigator.serviceWorker.register("/kiosk-sw.js", { scope }).catch(() => {});
    // The styles were fetched before the service worker was there to keep them: keep them now.
    const styles = Array.from(document.querySelectorAll('link[rel="stylesheet"]'), (link) => link.href);
    caches.open("kiosk-v1").then((cache) => cache.addAll([...kiosks, "/kiosk.js", ...styles])).catch(() => {});
  }

  renderReview();
  show(storage.key ? "start" : "setup");
  showWaiting();
  deliver();
  refillPool();
})();
