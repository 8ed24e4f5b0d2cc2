/**
 * WCAG 2.2 AA, proven in a real Chromium for every public page type in every
 * language: axe, reflow at 320 CSS px, focus never hidden, the text-spacing
 * overrides, reduced motion, target sizes, and a keyboard-only journey from
 * the home page to a sent comment and its reference.
 */
import { beforeAll, describe, it } from "vitest";
import type { Page } from "playwright-core";
import { languages, LANGUAGE_CODES, translator } from "../../functions/i18n/index.ts";
import { axeViolations, commentingEnhanced, kioskSetupCode, OPEN_NOW, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-accessibility";
const { site, browser } = siteAndBrowserForFile({ ...OPEN_NOW, ADMIN_TOKEN, RATE_LIMITS: "off" });

const prefix = (code: string) => (code === "en" ? "" : `/${code}`);

/** Each public page type, as a person reaches it: an address, or a few steps. */
const PAGE_TYPES: Record<string, (page: Page, code: string) => Promise<unknown>> = {
  home: (page, code) => page.goto(`${site().url}${prefix(code)}/`),
  contents: (page, code) => page.goto(`${site().url}${prefix(code)}/draft/`),
  "translated section": (page, code) => page.goto(`${site().url}${prefix(code)}/draft/streets/`),
  "section in English": (page, code) => page.goto(`${site().url}${prefix(code)}/draft/care/`),
  "comment form": async (page, code) => {
    await page.goto(`${site().url}${prefix(code)}/comment/streets-2`);
    await commentingEnhanced(page);
  },
  "comment form shown again with errors": async (page, code) => {
    await page.goto(`${site().url}${prefix(code)}/comment/general`);
    // The script folds away the boxes a choice has not asked for, moving the button: it is pressed once that is done.
    await commentingEnhanced(page);
    await page.locator("button[type=submit]").click();
    await page.locator(".error-summary").waitFor();
    await commentingEnhanced(page);
  },
  confirmation: async (page, code) => {
    await page.goto(`${site().url}${prefix(code)}/comment/general`);
    await commentingEnhanced(page);
    await page.locator("#comment").fill("A plan with more night shelters.");
    await page.locator("button[type=submit]").click();
    await page.locator(".reference").waitFor();
  },
  "confirmation already shown": (page, code) => page.goto(`${site().url}${prefix(code)}/confirmation`),
  "look-up form": (page, code) => page.goto(`${site().url}${prefix(code)}/track`),
  "looked-up response": async (page, code) => {
    await page.goto(`${site().url}${prefix(code)}/track`);
    await page.locator("#reference").fill(reference);
    await page.locator("button[type=submit]").click();
    await page.locator(".tracked-comment").first().waitFor();
  },
  "You said, we did": (page, code) => page.goto(`${site().url}${prefix(code)}/you-said-we-did`),
  "published comments": (page, code) => page.goto(`${site().url}${prefix(code)}/what-people-said/`),
  "published comments on a section": (page, code) => page.goto(`${site().url}${prefix(code)}/what-people-said/streets/`),
  "final strategy": (page, code) => page.goto(`${site().url}${prefix(code)}/final/`),
  "final section": (page, code) => page.goto(`${site().url}${prefix(code)}/final/streets/`),
  "what changed": (page, code) => page.goto(`${site().url}${prefix(code)}/changes/streets/`),
  "printed form": (page, code) => page.goto(`${site().url}${prefix(code)}/print/`),
  "kiosk start screen": async (page, code) => {
    await page.goto(`${site().url}${prefix(code)}/kiosk/`);
    await page.locator('[data-screen="start"]').waitFor();
  },
  "accessibility statement": (page, code) => page.goto(`${site().url}${prefix(code)}/accessibility/`),
  "easy read": (page, code) => page.goto(`${site().url}${prefix(code)}/easy-read/`),
  "privacy notice": (page, code) => page.goto(`${site().url}${prefix(code)}/privacy/`),
  "page not found": (page, code) => page.goto(`${site().url}${prefix(code)}/no-such-page`),
};

let reference = "";

/** The WCAG 1.4.12 text-spacing bookmarklet's overrides. */
const TEXT_SPACING = `* { line-height: 1.5 !important; letter-spacing: .12em !important; word-spacing: .16em !important; }
p { margin-bottom: 2em !important; }`;

/** How far the page is wider than the screen: 0 when nothing needs sideways scrolling. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** Visible text cut off by a box that hides what does not fit. */
const clippedText = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.closest(".visually-hidden, [hidden], [aria-hidden=true], template") === null && (element as HTMLElement).innerText?.trim())
      .filter((element) => {
        const style = getComputedStyle(element);
        const hides = [style.overflowX, style.overflowY].some((value) => value === "hidden" || value === "clip");
        return hides && (element.scrollWidth > element.clientWidth + 1 || element.scrollHeight > element.clientHeight + 1);
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );

/**
 * Targets smaller than 24 × 24 CSS px (WCAG 2.5.8) without the spacing the
 * criterion allows instead: a 24 px circle centred on each undersized target
 * must not touch another target or another undersized target's circle.
 * Links in a sentence are exempt, as the criterion says; a radio or checkbox
 * is measured with its label, which is its target too.
 */
const smallTargets = (page: Page) =>
  page.evaluate(() => {
    const inSentence = (link: Element) => {
      const block = link.closest("p, li, dd, td, figcaption");
      return block !== null && (block.textContent ?? "").trim().length > (link.textContent ?? "").trim().length + 1;
    };
    const targets = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, summary")]
      .filter((element) => !element.closest(".visually-hidden, [hidden], [aria-hidden=true]") && !element.classList.contains("skip-link"))
      .map((element) => {
        const label = element.matches("input[type=radio], input[type=checkbox]") ? element.closest(".radio, .checkbox, label") : null;
        return { element, box: (label ?? element).getBoundingClientRect() };
      })
      .filter(({ box }) => box.width > 0 && box.height > 0);
    const centre = (box: DOMRect) => ({ x: box.left + box.width / 2, y: box.top + box.height / 2 });
    const undersized = targets.filter(({ element, box }) => (box.width < 24 || box.height < 24) && !(element.matches("a") && inSentence(element)));
    const crowded = undersized.filter(({ element, box }) => {
      const c = centre(box);
      const touchesTarget = targets.some((other) => {
        if (other.element === element) return false;
        const dx = Math.max(other.box.left - c.x, 0, c.x - other.box.right);
        const dy = Math.max(other.box.top - c.y, 0, c.y - other.box.bottom);
        return Math.hypot(dx, dy) < 12;
      });
      const touchesCircle = undersized.some((other) => other.element !== element && Math.hypot(centre(other.box).x - c.x, centre(other.box).y - c.y) < 24);
      return touchesTarget || touchesCircle;
    });
    return crowded.map(({ element, box }) => `${element.tagName.toLowerCase()} "${(element.textContent ?? "").trim().slice(0, 30)}" ${Math.round(box.width)}×${Math.round(box.height)}`);
  });

/** Animations and transitions that still run when the person asked for reduced motion. */
const movingElements = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("*")]
      .filter((element) => {
        const style = getComputedStyle(element);
        const seconds = (value: string) => Math.max(...value.split(",").map((part) => parseFloat(part) * (part.trim().endsWith("ms") ? 0.001 : 1)));
        const animated = style.animationName !== "none" && seconds(style.animationDuration) > 0.001;
        return animated || seconds(style.transitionDuration) > 0.001 || style.scrollBehavior === "smooth";
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`),
  );

/**
 * Tabs through the page (up to `limit` stops) and lists every focused
 * element that is out of the viewport or covered by something else
 * (WCAG 2.4.11), or shows no focus indicator.
 */
async function hiddenFocus(page: Page, limit = 25): Promise<string[]> {
  const problems: string[] = [];
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let stop = 0; stop < limit; stop++) {
    await page.keyboard.press("Tab");
    const problem = await page.evaluate(() => {
      const element = document.activeElement as HTMLElement | null;
      if (!element || element === document.body) return "done";
      // A link that wraps is judged by its first line, where a point in its box is surely on it.
      const box = element.getClientRects()[0] ?? element.getBoundingClientRect();
      const name = `${element.tagName.toLowerCase()} "${(element.textContent ?? element.id).trim().slice(0, 30)}"`;
      if (box.bottom <= 0 || box.top >= innerHeight || box.right <= 0 || box.left >= innerWidth) return `${name} is out of view`;
      const x = Math.min(Math.max(box.left + box.width / 2, 0), innerWidth - 1);
      const y = Math.min(Math.max(box.top + Math.min(box.height / 2, 10), 0), innerHeight - 1);
      const hit = document.elementFromPoint(x, y);
      const label = hit?.closest("label") as HTMLLabelElement | null;
      if (hit && hit !== element && !element.contains(hit) && label?.control !== element) return `${name} is covered by ${hit.tagName.toLowerCase()}.${hit.className}`;
      const style = getComputedStyle(element);
      const indicated = (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) > 0) || style.boxShadow !== "none";
      return indicated ? "" : `${name} shows no focus indicator`;
    });
    if (problem === "done") break;
    if (problem) problems.push(problem);
  }
  return problems;
}

describe("every public page type in every language", () => {
  beforeAll(async () => {
    // A response to look up, sent as anyone would, and a kiosk set up to open on its start screen.
    const sent = await fetch(`${site().url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID(), Origin: site().url },
      body: JSON.stringify({ comments: [{ paragraph: "streets-2", text: "More outreach at night, please." }] }),
    });
    reference = ((await sent.json()) as { reference: string }).reference;
    await setUpKioskDevice();
  });

  for (const code of LANGUAGE_CODES) {
    it(`in ${languages.get(code)!.name}: no axe violations, 24 px targets, nothing moving with reduced motion asked for, reflow at 320 px, focus in view and visible, text spacing kept`, { timeout: 240_000 }, async ({ expect }) => {
      // The text-spacing overrides come as a person's own style sheet, which the site's security policy does not govern.
      const context = await browser().newContext({ ...kioskStorage, viewport: { width: 1280, height: 800 }, bypassCSP: true });
      const page = await context.newPage();
      const problems: Record<string, string[]> = {};
      const note = (where: string, found: string[]) => {
        if (found.length > 0) problems[where] = found;
      };
      for (const [name, reach] of Object.entries(PAGE_TYPES)) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await reach(page, code);
        // Read in the page itself: a locator would first set up Playwright's own script in each page reached.
        expect(await page.evaluate(() => document.documentElement.getAttribute("lang")), name).toBe(code);
        note(`${name}: axe`, await axeViolations(page));
        note(`${name}: targets`, await smallTargets(page));
        // The site's motion rules are its style sheets' alone, which follow the setting at once.
        await page.emulateMedia({ reducedMotion: "reduce" });
        note(`${name}: reduced motion`, await movingElements(page));
        await page.emulateMedia({ reducedMotion: null });

        await page.setViewportSize({ width: 320, height: 640 });
        const wider = await overflow(page);
        if (wider > 0) note(`${name}: 320 px`, [`${wider} px too wide`]);
        note(`${name}: focus`, await hiddenFocus(page));

        await page.setViewportSize({ width: 1280, height: 800 });
        await page.addStyleTag({ content: TEXT_SPACING });
        const spaced = await overflow(page);
        note(`${name}: text spacing`, [...(spaced > 0 ? [`${spaced} px too wide`] : []), ...(await clippedText(page))]);
      }
      expect(problems).toEqual({});
      await context.close();
    });
  }
});

describe("a keyboard-only journey", () => {
  /** Presses Tab until the focused element is the one wanted, as a keyboard user would; fails if it is never reached. */
  async function tabTo(page: Page, wanted: (element: { tag: string; text: string; href: string }) => boolean, limit = 80) {
    for (let stop = 0; stop < limit; stop++) {
      await page.keyboard.press("Tab");
      const focused = await page.evaluate(() => {
        const element = document.activeElement as HTMLElement;
        return { tag: element.tagName.toLowerCase(), text: (element.innerText ?? "").trim(), href: element.getAttribute("href") ?? "" };
      });
      if (wanted(focused)) return;
    }
    throw new Error("never reached by Tab");
  }

  for (const code of LANGUAGE_CODES) {
    it(`goes from the home page to a sent comment and its reference, in ${languages.get(code)!.name}`, async ({ expect }) => {
      const t = translator(code);
      const page = await browser().newPage();
      await page.goto(`${site().url}${prefix(code)}/`);
      await tabTo(page, (element) => element.text === t("home.start"));
      await page.keyboard.press("Enter");
      await page.waitForURL(`${site().url}${prefix(code)}/draft/`);
      await tabTo(page, (element) => element.href === `${prefix(code)}/draft/streets/`);
      await page.keyboard.press("Enter");
      await page.waitForURL(`${site().url}${prefix(code)}/draft/streets/`);
      // The inline form is offered once the script knows the consultation is open.
      await page.locator("html[data-inline-comments=ready]").waitFor();
      await tabTo(page, (element) => element.text === t("section.commentOn", { number: "3.2" }));
      await page.keyboard.press("Enter");
      // The inline form opens under the paragraph, its box focused.
      await page.locator(".inline-comment textarea").waitFor();
      await page.keyboard.type("Más equipos de calle por la noche / Più squadre di notte / More night outreach.");
      await tabTo(page, (element) => element.tag === "button" && element.text === t("comment.submit"));
      await page.keyboard.press("Enter");
      const sent = page.locator(".inline-sent");
      await sent.waitFor();
      expect(await sent.getAttribute("lang")).toBe(code === "en" ? null : code);
      const shown = (await sent.locator(".reference-inline").innerText()).trim();
      expect(shown).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
      expect(await page.evaluate(() => document.activeElement?.className)).toBe("inline-sent");
      const stored = (await (await fetch(`${site().url}/api/responses/${shown}`)).json()) as { comments: { paragraph: string }[] };
      expect(stored.comments.map((comment) => comment.paragraph)).toEqual(["streets-2"]);
      await page.close();
    });
  }
});

/** The browser storage of a kiosk set up once with a one-time code, so every language's kiosk opens on its start screen. */
let kioskStorage: { storageState?: Awaited<ReturnType<import("playwright-core").BrowserContext["storageState"]>> } = {};

async function setUpKioskDevice() {
  if (kioskStorage.storageState) return;
  const code = await kioskSetupCode(site(), ADMIN_TOKEN);
  const context = await browser().newContext();
  const page = await context.newPage();
  await page.goto(`${site().url}/kiosk/`);
  await page.locator("#setup-code").fill(code);
  await page.locator("[data-setup-form] button").click();
  await page.locator('[data-screen="start"]').waitFor();
  kioskStorage = { storageState: await context.storageState() };
  await context.close();
}
