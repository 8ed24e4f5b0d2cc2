/**
 * The kiosk's behaviour (see src/pages/kiosk/index.astro). What a person writes
 * lives only in memory until they press send; then the response waits in
 * IndexedDB, with its idempotency key and a reference the server reserved for
 * this kiosk, until the server has acknowledged it. Nothing about the person
 * is kept after that. It knows the consultation's period (learnt whenever it
 * is online, kept for when it is not), so after the close it starts no new response.
 */
import { statusAt } from "/period-rules.js";
import { deviceHash } from "/staff-code-rules.js";
import { clearFieldErrors, markFieldError } from "/field-errors.js";
import { receivedLine } from "/received-date.js";

(() => {
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
  /** Set when the server stopped taking this device's key: it then asks to be set up again, not set up afresh. */
  const WITHDRAWN = "kiosk.withdrawn";
  /** The period as the server last gave it: {opensAt, closesAt, graceDays}. */
  const PERIOD = "kiosk.period";
  /** The checks of the staff codes in force at this kiosk, as the server last gave them: [{salt, hash}], never the codes. */
  const STAFF_CHECKS = "kiosk.staffCodes";
  /** Wrong staff codes typed here: {count, until}; after STAFF_TRIES the staff screens stay shut for STAFF_LOCK_MS. */
  const STAFF_WRONG = "kiosk.staffWrong";
  const STAFF_TRIES = 5;
  const STAFF_LOCK_MS = 5 * 60_000;
  /** References held for people offline: enough for a busy day, topped up whenever fewer than half are left. */
  const POOL_FULL = 100;
  const POOL_LOW = 50;

  // ---- The device's own store: the key, the pool of references, the queue --------------------------

  const storage = {
    get key() { return localStorage.getItem(KEY); },
    set key(value) { value ? localStorage.setItem(KEY, value) : localStorage.removeItem(KEY); },
    get pool() { return JSON.parse(localStorage.getItem(POOL) || "[]"); },
    set pool(value) { localStorage.setItem(POOL, JSON.stringify(value)); },
    get withdrawn() { return localStorage.getItem(WITHDRAWN) === "yes"; },
    set withdrawn(value) { value ? localStorage.setItem(WITHDRAWN, "yes") : localStorage.removeItem(WITHDRAWN); },
    // Until the server has said, the dates the page was built with.
    get period() { return JSON.parse(localStorage.getItem(PERIOD) || "null") || { opensAt: data.opensAt, closesAt: data.closesAt }; },
    set period(value) { localStorage.setItem(PERIOD, JSON.stringify(value)); },
    get staffChecks() { return JSON.parse(localStorage.getItem(STAFF_CHECKS) || "[]"); },
    set staffChecks(value) { localStorage.setItem(STAFF_CHECKS, JSON.stringify(value)); },
    get staffWrong() { return JSON.parse(localStorage.getItem(STAFF_WRONG) || "null") || { count: 0, until: 0 }; },
    set staffWrong(value) { localStorage.setItem(STAFF_WRONG, JSON.stringify(value)); },
  };

  // ---- The consultation's period, as the server last gave it ---------------------------------------

  /** Whether comments are taken at an instant, by the server's own rule (period-rules.js). */
  const periodStatus = (at = Date.now()) => {
    const { opensAt, closesAt } = storage.period;
    return statusAt(Date.parse(opensAt), Date.parse(closesAt), at);
  };

  const londonTime = (instant) =>
    new Date(instant).toLocaleString(data.locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });

  /** Asks the server for the period in force (an extension, say) and the staff codes in force, and keeps them for when the kiosk is offline. */
  async function learnPeriod() {
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
    if (current === "start" || current === "closed") show("start");
    return learnt;
  }

  /** The screen that says plainly why nothing new can start, what happens next, and how to find out. */
  function showClosed(late) {
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

  // ---- Looking up a reference: what happened to a person's comments -------------------------------------

  const lookupText = (tag, text, lang) => {
    const node = element(tag, "", text);
    if (lang !== undefined) node.lang = lang;
    return node;
  };

  async function lookUp(event) {
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
      result.append(element("p", "", receivedLine(body, { receivedOn: data.lookupReceivedOn, receivedAt: data.lookupReceivedAt, date: data.dateFormat }, data.locale)));
      for (const comment of body.comments) {
        const entry = element("div", "lookup-comment");
        entry.append(element("p", "number", labelFor(comment.paragraph, numberOf(comment.paragraph))));
        entry.append(lookupText("p", comment.text, ""));
        const received = periodStatus() === "closed" ? data.lookupStatusReceivedClosed : data.lookupStatusReceived;
        entry.append(element("p", "", { received, answered: data.lookupStatusAnswered, hidden: data.lookupStatusHidden }[comment.status] || comment.status));
        for (const feedback of body.feedback.filter((item) => (comment.feedback || []).includes(item.id))) {
          entry.append(lookupText("h3", feedback.title, "en"));
          entry.append(element("p", "", `${data.outcomeLabel} ${data[`outcome${feedback.outcome.replace(/_(.)/g, (_, c) => c.toUpperCase()).replace(/^./, (c) => c.toUpperCase())}`] || feedback.outcome}`));
          entry.append(element("h4", "", data.youSaid), lookupText("p", feedback.youSaid, "en"));
          entry.append(element("h4", "", data.weDid), lookupText("p", feedback.weDid, "en"));
        }
        result.append(entry);
      }
      result.hidden = false;
      result.focus();
    } catch (failure) {
      error.textContent = failure instanceof TypeError ? data.offline : failure.shown ? failure.message : data.lookupFailed;
      error.hidden = false;
      $("#lookup-reference").focus();
    }
  }

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
  const STAFF_SCREENS = ["paper", "refused"];
  /** Set when someone pressed send after the close: the closed screen then says their comments were not sent. */
  let lateSend = false;

  function show(name) {
    // Without a key nobody can start: the start screen asks for the kiosk to be set up again.
    if (name === "start" && !storage.key) name = "needs-setup";
    // Outside the period no new response starts: the start screen says so instead.
    if (name === "start" && periodStatus() !== "open") name = "closed";
    if (name === "closed") showClosed(lateSend);
    lateSend = false;
    // Staff screens end where the next person starts.
    if (name === "start" || name === "closed" || name === "needs-setup") staff = undefined;
    // Nobody reaches a staff screen without a code.
    if (STAFF_SCREENS.includes(name) && !staff) {
      staffTarget = name;
      name = "staff-code";
      $("[data-staff-error]").hidden = true;
    }

    if (name === "refused") renderRefused();
    if (name === "lookup") {
      $("[data-lookup-result]").hidden = true;
      $("[data-lookup-error]").hidden = true;
    }
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

  // ---- Staff screens: only with a support worker's own code ----------------------------------------

  /** The support worker's code while staff screens are open; gone on Finish, on inactivity and back at the start. */
  let staff;
  /** The staff screen asked for, shown once the code is right. */
  let staffTarget;

  function staffError(message) {
    const error = $("[data-staff-error]");
    error.textContent = message;
    error.hidden = false;
    $("#staff-code").focus();
  }

  /** Checks the code against what the kiosk learnt while online, so the refused list opens offline too. */
  async function unlockStaff(event) {
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
    localStorage.removeItem(STAFF_WRONG);
    staff = { code };
    $("#staff-code").value = "";
    show(staffTarget);
  }

  /** The server refused the code (revoked since the kiosk last heard): staff mode ends and the code is asked for again. */
  function staffRefused(error) {
    staff = undefined;
    staffTarget = current;
    show("staff-code");
    staffError(error.message);
  }

  // ---- One person's session ----------------------------------------------------------------------

  /** Everything about the person: cleared after sending, on "finish" and after inactivity. */
  let session = { assisted: undefined, comments: [], writing: undefined };

  function clearSession() {
    session = { assisted: undefined, comments: [], writing: undefined };
    staff = undefined;
    for (const field of $$("input:not([type=radio]):not([type=checkbox]), textarea")) field.value = "";
    $("#consent-no").checked = true;
    clearPaperForm();
    $("[data-reference]").textContent = "";
    $("[data-paper-outcome]").hidden = true;
    $("[data-lookup-result]").textContent = "";
    renderReview();
  }

  const labelFor = (paragraph, number) =>
    paragraph === data.general ? data.generalLabel : data.paragraphLabel.replace("{number}", number);

  /** A paragraph's number as this page shows it, for responses that kept only its id. */
  const numberOf = (paragraph) => {
    const number = root.querySelector(`[data-paragraph="${CSS.escape(paragraph)}"] .number`);
    return number ? number.textContent : paragraph;
  };

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
    $("[data-discard]").hidden = true;
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
      const text = typed("p", "", comment.text);
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

  /** Whether the server's error says this device's key is missing, unknown or withdrawn (not a page in the server's place). */
  const keyRefused = (error) => Boolean(error && String(error.code).startsWith("kiosk_"));

  let filling = false;

  async function refillPool() {
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

  /** The response whose receipt is on the screen, and what is known of it: saved on the kiosk, sent, or refused. */
  let receiptFor;

  function showReceipt(state, reason) {
    $("[data-done-title]").textContent = { saved: data.doneSaved, sent: data.doneSent, refused: data.doneRefused }[state];
    $("[data-done-state]").textContent = { saved: data.doneSavedDetail, sent: data.doneSentDetail, refused: `${reason} ${data.doneRefusedDetail}` }[state];
  }

  async function send() {
    if (session.comments.length === 0) return;
    // Pressed after the close (or before the opening): nothing is queued that the server would only refuse.
    if (periodStatus() !== "open") {
      clearSession();
      lateSend = true;
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
    receiptFor = idempotencyKey;
    showReceipt("saved");
    show("done");
    deliver();
  }

  let delivering = false;
  /** Asked to deliver while delivering: go round again, so nothing waits for the next trigger. */
  let deliverAgain = false;
  let retryDelay = 2000;
  let retryTimer;

  /** Sends every queued response; each leaves the queue only when the server has it. */
  async function deliver() {
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
          if (item.idempotencyKey === receiptFor && current === "done") showReceipt("sent");
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
          // Refused for good (such as arriving after the grace period): kept, with the reason, for staff to deal with.
          const reason = [error.message, ...Object.values(error.fields || {})].filter(Boolean).join(" ");
          const refused = { code: error.code || String(answer.status), reason: reason || String(answer.status) };
          await enqueue({ ...item, refused });
          if (item.idempotencyKey === receiptFor && current === "done") showReceipt("refused", refusalReason(refused, item.body));
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

  async function showWaiting() {
    const items = await queued();
    const refused = items.filter((item) => item.refused).length;
    const waiting = items.length - refused;
    $("[data-waiting]").textContent = waiting === 0 ? "" : counted("waiting", waiting);
    for (const staff of $$("[data-refused-button]")) {
      staff.textContent = refused === 0 ? "" : counted("refusedCount", refused);
      staff.hidden = refused === 0;
    }
    if (current === "refused") renderRefused();
  }

  /**
   * The key is gone or withdrawn: the queue stays, to be sent once the kiosk is
   * set up again. A person who has just pressed send still sees their reference;
   * the start screen then asks for the kiosk to be set up again.
   */
  function needsSetup() {
    storage.key = null;
    storage.withdrawn = true;
    if (["loading", "start", "closed", "paper", "refused"].includes(current)) show("needs-setup");
  }

  // ---- Responses the server refused for good: shown to staff, never dropped silently --------------

  /** Why the server refused, by what the kiosk knows of the period: after the close is not a wrong clock. */
  function refusalReason({ code, reason }, body) {
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

  function element(tag, className, text) {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined) node.textContent = text;
    return node;
  }

  /** Someone's typed words in a block of their own, isolated: a right-to-left override inside cannot reverse the screen around them. */
  function typed(tag, className, text) {
    const node = element(tag, className, text);
    node.dir = "auto";
    return node;
  }

  /** A sentence of the page's with typed words in it ("Helped by {helper}"), each isolated in a <bdi>. */
  function sentenceWithTyped(tag, template, words) {
    const node = element(tag, "");
    for (const part of template.split(/(\{\w+\})/)) {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      node.append(name && Object.hasOwn(words, name) ? element("bdi", "", words[name]) : part);
    }
    return node;
  }

  async function renderRefused() {
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
      const retry = element("button", "button", `${data.refusedRetry}: ${name}`);
      retry.type = "button";
      retry.addEventListener("click", async () => {
        await enqueue({ ...item, refused: undefined });
        await showWaiting();
        $('[data-screen="refused"] h1').focus();
        deliver();
      });
      const remove = element("button", "button secondary", `${data.refusedRemove}: ${name}`);
      remove.type = "button";
      remove.addEventListener("click", () => confirmRemoval(entry, item, name));
      entry.append(retry, remove);
      list.append(entry);
    }
  }

  /** Removing a person's words takes a second, explicit step. */
  function confirmRemoval(entry, item, name) {
    for (const button of entry.querySelectorAll("button")) button.hidden = true;
    const question = element("div", "outcome");
    question.append(element("p", "", data.refusedConfirm));
    const yes = element("button", "button", `${data.refusedConfirmYes}: ${name}`);
    const no = element("button", "button secondary", `${data.refusedConfirmNo}: ${name}`);
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

  const paperRows = () => $$("[data-paper-row]");

  /** One more pair of boxes for a comment, numbered after the others. */
  function addPaperRow() {
    const rows = paperRows();
    const row = rows[0].cloneNode(true);
    const number = rows.length;
    const [paragraphLabel, textLabel] = row.querySelectorAll("label");
    const paragraph = row.querySelector("input");
    const text = row.querySelector("textarea");
    paragraphLabel.htmlFor = paragraph.id = `paper-paragraph-${number}`;
    textLabel.htmlFor = text.id = `paper-text-${number}`;
    paragraph.name = `paragraph-${number}`;
    text.name = `text-${number}`;
    paragraph.value = text.value = "";
    paragraphLabel.textContent = data.paperParagraphLabel.replace("{number}", String(number + 1));
    textLabel.textContent = data.paperTextLabel.replace("{number}", String(number + 1));
    $("[data-paper-rows]").append(row);
    return row;
  }

  /** Typing in a new sheet, or correcting one typed in before: the same form, sent with POST or PUT. */
  function paperMode(correcting) {
    const form = $("[data-paper-form]");
    form.dataset.correcting = correcting ? "true" : "";
    $("[data-paper-submit]").textContent = correcting ? data.paperCorrect : data.paperEnter;
  }

  function clearPaperForm() {
    const form = $("[data-paper-form]");
    form.reset();
    clearFieldErrors(form);
    for (const row of paperRows().slice(3)) row.remove();
    paperMode(false);
  }

  /** Puts what was typed in before into the form, ready to correct. */
  function fillPaperForm(entered) {
    const form = $("[data-paper-form]");
    clearPaperForm();
    form.elements.reference.value = entered.reference;
    form.elements.receivedOn.value = entered.receivedOn;
    form.elements.publishConsent.checked = entered.publishConsent;
    form.elements.respondentType.value = entered.respondentType || "";
    form.elements.organisation.value = entered.organisation || "";
    while (paperRows().length < entered.comments.length) addPaperRow();
    entered.comments.forEach((comment, row) => {
      form.elements[`paragraph-${row}`].value = comment.number || comment.paragraph;
      form.elements[`text-${row}`].value = comment.text;
    });
    paperMode(true);
  }

  async function typeInPaper(event) {
    event.preventDefault();
    const form = event.target;
    const rows = paperRows()
      .map((row, index) => ({ index, paragraph: form.elements[`paragraph-${index}`].value, text: form.elements[`text-${index}`].value }))
      .filter((comment) => comment.paragraph.trim() || comment.text.trim());
    const sheet = {
      reference: form.elements.reference.value,
      receivedOn: form.elements.receivedOn.value,
      comments: rows.map(({ paragraph, text }) => ({ paragraph, text })),
      publishConsent: form.elements.publishConsent.checked,
      ...(form.elements.respondentType.value && { respondentType: form.elements.respondentType.value }),
      ...(form.elements.organisation.value.trim() && { organisation: form.elements.organisation.value }),
    };
    const headers = {
      "Content-Type": "application/json",
      Accept: "application/json",
      "Accept-Language": document.documentElement.lang,
      "Kiosk-Key": storage.key || "",
      "Staff-Code": staff ? staff.code : "",
    };
    const correcting = Boolean(form.dataset.correcting);
    clearFieldErrors(form);
    const address = (reference) => `${data.apiPaper}/${encodeURIComponent(reference)}`;
    try {
      const answer = await fetch(correcting ? address(sheet.reference) : data.apiPaper, { method: correcting ? "PUT" : "POST", headers, body: JSON.stringify(sheet) });
      const body = await answer.json();
      const code = body.error && String(body.error.code);
      if (answer.ok) {
        clearPaperForm();
        showOutcome([data.paperSaved.replace("{reference}", body.reference)]);
      } else if (code === "sheet_already_entered") {
        // Never stored twice: show what was entered, ready to correct.
        const entered = await (await fetch(address(sheet.reference), { headers })).json();
        fillPaperForm(entered);
        showOutcome([data.paperEntered.replace("{reference}", entered.reference)]);
      } else if (keyRefused(body.error)) {
        needsSetup();
      } else if (String(code).startsWith("staff_code")) {
        staffRefused(body.error);
      } else {
        // The API names comments by their place in what was sent; the form names them by row.
        const fields = Object.entries(body.error.fields || {}).map(([field, message]) => {
          const match = /^comments\.(\d+)\.(paragraph|text)$/.exec(field);
          const control = form.elements[match ? `${match[2]}-${rows[Number(match[1])]?.index ?? 0}` : field];
          if (control instanceof HTMLElement && control.id) markFieldError(control, message, data.errorPrefix);
          if (!match) return message;
          const row = rows[Number(match[1])].index + 1;
          return `${(match[2] === "paragraph" ? data.paperParagraphLabel : data.paperTextLabel).replace("{number}", String(row))}: ${message}`;
        });
        showOutcome([body.error.message, ...fields]);
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
    if (["loading", "setup", "start", "closed", "needs-setup"].includes(current)) return;
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
    startAgain();
  }

  /** The next person starts afresh, in the kiosk's default language (the page is kept for offline use). */
  function startAgain() {
    clearSession();
    if (document.documentElement.lang !== data.defaultLanguage) location.assign(data.defaultKiosk);
    else show("start");
  }

  // ---- Reading aloud, where the browser can speak -------------------------------------------------

  /** Reads words out in their own language: the draft's English words on a Spanish kiosk with an English voice. */
  function speak(text, lang) {
    speechSynthesis.cancel();
    const utterance = new SpeechSynthesisUtterance(text);
    utterance.lang = lang || document.documentElement.lang;
    speechSynthesis.speak(utterance);
  }

  // ---- Wiring ------------------------------------------------------------------------------------

  root.addEventListener("click", (event) => {
    const target = event.target instanceof Element ? event.target.closest("button") : null;
    if (!target) return;
    if (target.hasAttribute("data-starts") && periodStatus() !== "open") show("closed");
    else if (target.dataset.go) {
      if (target.hasAttribute("data-own-views")) session.assisted = undefined;
      if (target.dataset.go === "review") renderReview();
      show(target.dataset.go);
    } else if (target.dataset.write) startWriting(target);
    else if (target.hasAttribute("data-send")) send();
    else if (target.hasAttribute("data-print")) window.print();
    else if (target.hasAttribute("data-finish")) startAgain(); else if (target.hasAttribute("data-continue")) {
      closeWarning();
      resetIdle();
    } else if (target.hasAttribute("data-read-aloud")) speak($("[data-write-quote]").textContent, $("[data-write-quote]").lang);
    else if (target.hasAttribute("data-read-screen")) speak([$("[data-waiting]").textContent, $(`[data-screen="${current}"]`).innerText].join("\n"));
  });

  // ---- Leaving a comment box: words typed and not yet added are not thrown away without asking ---------

  function backFromWriting() {
    const typed = $("#comment").value.trim();
    const kept = session.comments.find((comment) => comment.paragraph === session.writing?.paragraph);
    if (!typed || (kept && kept.text === typed)) return show("browse");
    $("[data-discard]").hidden = false;
    $("[data-discard]").focus();
  }

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

  window.addEventListener("online", () => {
    learnPeriod();
    deliver();
  });
  if ("serviceWorker" in navigator) {
    // The kiosk in every language (/kiosk/, /es/kiosk/…) works offline, so the start screen's language choice does too.
    const kiosks = [location.pathname, ...Array.from(document.querySelectorAll(".language-switcher a"), (link) => new URL(link.href).pathname)];
    for (const scope of kiosks) navigator.serviceWorker.register("/kiosk-sw.js", { scope }).catch(() => {});
    // The styles were fetched before the service worker was there to keep them: keep them now.
    const styles = Array.from(document.querySelectorAll('link[rel="stylesheet"]'), (link) => link.href);
    caches.open("kiosk-v1").then((cache) => cache.addAll([...kiosks, "/kiosk.js", "/period-rules.js", "/staff-code-rules.js", "/field-errors.js", "/received-date.js", ...styles])).catch(() => {});
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
})();
