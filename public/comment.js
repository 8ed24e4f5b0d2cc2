// @ts-check
// Progressive enhancement for commenting. Everything here also works without it:
// the links lead to a plain form page, and that form posts without JavaScript.

import { countInWords } from "./plural-rules.js";
import { charactersLeft } from "./text-rules.js";

const LIVE_COUNT_DELAY = 400;

/**
 * A live character count under each comment box, counted by the server's own rule (text-rules.js).
 * @param {HTMLTextAreaElement} textarea
 */
function enhanceCharacterCount(textarea) {
  const count = document.getElementById(`${textarea.id}-count`);
  if (!count || textarea.dataset.counted) return;
  textarea.dataset.counted = "yes";
  const max = Number(textarea.dataset.max);
  /** @type {ReturnType<typeof setTimeout> | undefined} */
  let timer;
  /** @param {string} text @param {boolean} over */
  const show = (text, over) => {
    count.textContent = text;
    count.classList.toggle("character-count-over", over);
  };
  const update = () => {
    const { name, count: left } = charactersLeft(max, textarea.value);
    // The page gives every form its language has (data-remaining-one, data-remaining-other…); the language's own rules pick one.
    show(countInWords(textarea.dataset, name, left, textarea.dataset.locale), name === "over");
  };
  // Screen readers hear the count when typing pauses, not at every key.
  textarea.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(update, LIVE_COUNT_DELAY);
  });
  // The page wrote the count for the words it came with; words the browser put back (going back to the page) are counted here.
  if (textarea.dataset.countNow !== undefined && textarea.value === textarea.defaultValue) {
    show(textarea.dataset.countNow, charactersLeft(max, textarea.value).name === "over");
  } else update();
}

/** Shows the organisation's name only when "for an organisation" is chosen. */
function enhanceConditionalReveal(form) {
  for (const radio of form.querySelectorAll("input[type=radio][data-reveals]")) {
    const target = document.getElementById(radio.dataset.reveals);
    if (!target) continue;
    const sync = () => (target.hidden = !radio.checked);
    for (const other of form.querySelectorAll(`input[type=radio][name="${radio.name}"]`)) other.addEventListener("change", sync);
    radio.setAttribute("aria-controls", target.id);
    sync();
  }
}

function enhanceForm(form) {
  for (const textarea of form.querySelectorAll("textarea[data-max]")) enhanceCharacterCount(textarea);
  enhanceConditionalReveal(form);
}

// ---------------------------------------------------------------------------
// Inline commenting on the draft pages

const template = /** @type {HTMLTemplateElement | null} */ (document.getElementById("comment-form-template"));

function fillTemplate(paragraph, number) {
  const fragment = /** @type {DocumentFragment} */ (template.content.cloneNode(true));
  const prefix = `inline-${paragraph}-`;
  for (const element of fragment.querySelectorAll("[id], [for], [aria-describedby], [data-reveals]")) {
    for (const attribute of ["id", "for", "aria-describedby", "data-reveals"]) {
      const value = element.getAttribute(attribute);
      if (value) element.setAttribute(attribute, value.replaceAll("inline-", prefix));
    }
  }
  for (const element of fragment.querySelectorAll("[data-numbered]")) element.textContent = element.textContent.replace("{number}", number);
  /** @type {HTMLInputElement} */ (fragment.querySelector("input[name=paragraph]")).value = paragraph;
  return fragment;
}

/** The form group a control belongs to, and where its error message goes: before the control, as on the plain form. */
function errorPlace(field) {
  return { group: field.closest(".form-group"), before: field.closest(".radios") ?? field.closest(".radio, .checkbox") ?? field };
}

/** Takes away the messages and error styles of the last attempt. */
function clearFieldErrors(form) {
  for (const message of form.querySelectorAll("[data-inline-error]")) message.remove();
  for (const group of form.querySelectorAll(".form-group-error")) group.classList.remove("form-group-error");
  for (const field of form.querySelectorAll("[data-error-described]")) {
    const ids = field.getAttribute("aria-describedby").split(" ").filter((id) => id !== `${field.id}-error`);
    field.setAttribute("aria-describedby", ids.join(" "));
    delete field.dataset.errorDescribed;
  }
}

/** Puts each error on its own box too, as the plain form does: the message above it, tied to it, and the error style. */
function showFieldError(field, text) {
  if (field.dataset.errorDescribed) return;
  const { group, before } = errorPlace(field);
  const message = document.createElement("p");
  message.className = "error-message";
  message.id = `${field.id}-error`;
  message.dataset.inlineError = "";
  const prefix = document.createElement("span");
  prefix.className = "visually-hidden";
  prefix.textContent = template.dataset.errorPrefix;
  message.append(prefix, ` ${text}`);
  before.before(message);
  group?.classList.add("form-group-error");
  const ids = (field.getAttribute("aria-describedby") ?? "").split(" ").filter(Boolean);
  field.setAttribute("aria-describedby", [...ids, message.id].join(" "));
  field.dataset.errorDescribed = "yes";
}

function showErrors(form, messages) {
  clearFieldErrors(form);
  for (const { field, message } of messages) showFieldError(field, message);
  const summary = form.querySelector("[data-inline-errors]");
  const list = summary.querySelector("ul");
  list.replaceChildren();
  for (const { field, message } of messages) {
    const item = document.createElement("li");
    const link = document.createElement("a");
    link.href = `#${field.id}`;
    link.textContent = message;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      field.focus();
    });
    item.append(link);
    list.append(item);
  }
  summary.hidden = messages.length === 0;
  if (messages.length > 0) summary.focus();
}

/** The form control an error names (errors name the form's own fields); the comment box if none matches. */
function fieldFor(form, name) {
  return form.querySelector(`[name="${CSS.escape(name)}"]`) ?? form.querySelector("textarea");
}

/**
 * Sends the inline form exactly as the plain form would be sent (the same
 * fields, form-encoded), asking for the receipt as JSON instead of a new page.
 */
async function sendInline(form, state) {
  const keyField = form.querySelector("input[name=idempotencyKey]");
  keyField.value = "";
  const data = new URLSearchParams(/** @type {any} */ (new FormData(form)));
  data.delete("cf-turnstile-response");
  // One key per set of words: a retry of the same words reuses it, so nothing is stored twice.
  const content = data.toString();
  if (state.content !== content) {
    state.content = content;
    state.key = crypto.randomUUID();
  }
  keyField.value = state.key;
  const button = form.querySelector("button[type=submit]");
  button.disabled = true;
  try {
    const answer = await fetch(form.action, {
      method: "POST",
      headers: { Accept: "application/json", "Accept-Language": document.documentElement.lang },
      body: new URLSearchParams(/** @type {any} */ (new FormData(form))),
    });
    const result = await answer.json();
    if (answer.ok) return showSent(form, result.reference);
    const fields = result.error?.fields;
    // Sent just after the close: the words stay in the box, and the message says where else to send them.
    const closed = result.error?.code === "consultation_closed";
    const messages = fields
      ? Object.entries(fields).map(([name, message]) => ({ field: fieldFor(form, name), message }))
      : [{ field: form.querySelector("textarea"), message: (closed ? template.dataset.closed : result.error?.message) ?? template.dataset.networkError }];
    showErrors(form, messages);
    turnstile()?.reset(form.querySelector(".cf-turnstile"));
  } catch {
    showErrors(form, [{ field: form.querySelector("textarea"), message: template.dataset.networkError }]);
  } finally {
    button.disabled = false;
  }
}

function showSent(form, reference) {
  const panel = document.createElement("div");
  panel.className = "inline-sent";
  panel.tabIndex = -1;
  panel.setAttribute("role", "status");
  // In the page's language, even under a paragraph shown in English.
  if (form.lang) panel.lang = form.lang;
  // The reference is held on one line, never broken at its dash.
  const text = document.createElement("p");
  const [before, after] = template.dataset.sent.split("{reference}");
  const strong = document.createElement("strong");
  strong.className = "reference-inline";
  strong.textContent = reference;
  text.append(before, strong, after ?? "");
  const link = document.createElement("a");
  link.href = template.dataset.trackUrl;
  link.textContent = template.dataset.track;
  panel.append(text, link);
  form.replaceWith(panel);
  panel.focus();
}

async function openInlineForm(link) {
  if (turnstileSiteKey) {
    try {
      await loadTurnstile();
    } catch {
      // The check cannot load here (this page's build may not allow it): the plain form page has it.
      window.location.href = link.href;
      return;
    }
  }
  const block = link.closest("[data-paragraph]");
  const existing = block.querySelector("form.inline-comment");
  if (existing) {
    // Closed earlier with Cancel or Escape: it comes back with the words as they were.
    existing.hidden = false;
    return existing.querySelector("textarea").focus();
  }
  const paragraph = block.dataset.paragraph;
  const number = block.querySelector(".paragraph-number").textContent.trim();
  block.append(fillTemplate(paragraph, number));
  const form = block.querySelector("form.inline-comment");
  const state = {};
  enhanceForm(form);
  if (turnstileSiteKey) renderTurnstile(form);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    sendInline(form, state);
  });
  // Cancel and Escape fold the form away, keeping the words in case the person comes back to them.
  const close = () => {
    form.hidden = true;
    link.focus();
  };
  form.querySelector("[data-cancel]").addEventListener("click", close);
  form.addEventListener("keydown", (event) => {
    if (event.key !== "Escape") return;
    event.preventDefault();
    close();
  });
  form.querySelector("textarea").focus();
}

// ---------------------------------------------------------------------------
// Turnstile, when the site has it: the inline form shows the same check as the plain form.

const TURNSTILE_SCRIPT = "https://challenges.cloudflare.com/turnstile/v0/api.js?render=explicit";
let turnstileSiteKey = null;
/** The widget's script, once loaded, as it names itself on the window. */
const turnstile = () => /** @type {any} */ (window).turnstile;
let turnstileLoaded;

function loadTurnstile() {
  turnstileLoaded ??= new Promise((resolve, reject) => {
    const script = document.createElement("script");
    script.src = TURNSTILE_SCRIPT;
    script.async = true;
    script.onload = resolve;
    script.onerror = reject;
    document.head.append(script);
  });
  return turnstileLoaded;
}

function renderTurnstile(form) {
  const group = form.querySelector("[data-turnstile]");
  const widget = group.querySelector(".cf-turnstile");
  widget.dataset.sitekey = turnstileSiteKey;
  group.hidden = false;
  turnstile().render(widget, { sitekey: turnstileSiteKey });
}

async function enhanceDraftPage() {
  // Inline forms only while the consultation is open; otherwise the links lead to a page that says why.
  let consultation;
  try {
    consultation = await (await fetch(template.dataset.consultationApi)).json();
  } catch {
    return;
  }
  if (consultation.status !== "open") return;
  turnstileSiteKey = consultation.turnstileSiteKey ?? null;
  document.addEventListener("click", (event) => {
    const link = /** @type {Element} */ (event.target).closest?.(".paragraph-comment a");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
    event.preventDefault();
    openInlineForm(link);
  });
  document.documentElement.dataset.inlineComments = "ready";
}

for (const form of document.querySelectorAll("form.comment-form")) enhanceForm(form);
/** @type {HTMLElement | null} */ (document.querySelector("[data-error-summary]"))?.focus();
if (template) enhanceDraftPage();
// The script comes after the first paint, maybe after the load event: this says the forms are enhanced now
// (the draft pages' inline forms say so themselves once offered, as data-inline-comments).
document.documentElement.dataset.enhanced = "ready";
