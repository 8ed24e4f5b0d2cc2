/**
 * The site as people meet it on a phone (375 CSS px) and at 400% zoom
 * (320 CSS px): nothing needs sideways scrolling on any page type, in any
 * state, and the main action and the references are easy to see and hit.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { commentingEnhanced, releaseBrowser, sharedBrowser, newPage, startSite, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";

const ADMIN_TOKEN = "layout-officer-token-77";
const OPEN = { OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00", RATE_LIMITS: "off", ADMIN_TOKEN };
const CLOSED = { OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2026-02-06T17:00:00+00:00", RESULTS_PUBLISHED_AT: "2026-03-02T09:00:00+00:00", RATE_LIMITS: "off" };
const WIDTHS = [320, 375];
const REFERENCE = "PQDKF4GCC9";

let site: Site;
let closed: Site;
let browser: Browser;

beforeAll(async () => {
  [site, closed] = await Promise.all([startSite(OPEN), startSite(CLOSED)]);
  const longText = `A long comment with a long address in it: plan.consultation.feedback.for.everyone@testshire.example ${"and more words ".repeat(30)}`;
  for (const target of [site, closed]) {
    executeSql(
      target.stateDirectory,
      seedCommentsSql([
        { reference: REFERENCE, paragraph: "streets-2", text: longText },
        { reference: "BBBBB22222", paragraph: "general", text: "Short.", channel: "kiosk" },
      ]),
    );
  }
  // Two copies of one campaign, sent as people send them, so they are grouped as they arrive.
  const campaign = (greeting: string) =>
    `${greeting} Please keep the winter night shelter open every night of the year and write to plan.consultation.feedback.for.everyone@testshire.example with ${"Longwordwithoutanybreak".repeat(3)} about it.`;
  for (const [index, greeting] of ["Dear council,", "Hello,"].entries()) {
    const sent = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `layout-campaign-${index}` },
      body: JSON.stringify({ comments: [{ paragraph: "streets-2", text: campaign(greeting) }] }),
    });
    if (sent.status !== 201) throw new Error(`the campaign's copy was not stored: ${sent.status}`);
  }
  browser = await sharedBrowser();
});

afterAll(async () => {
  await releaseBrowser(browser);
  await Promise.all([site?.stop(), closed?.stop()]);
});

/** How far the page is wider than the screen, in CSS pixels: 0 when nothing needs sideways scrolling. */
const overflow = (page: Page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

/** The elements wider than the screen, to say what to fix when the page overflows. */
const culprits = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll("body *")]
      .filter((element) => element.getBoundingClientRect().right > document.documentElement.clientWidth + 0.5)
      .filter((element) => !element.closest(".table-wrapper"))
      .slice(0, 5)
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}: ${Math.round(element.getBoundingClientRect().right)}`),
  );

async function phone(width: number, options: { javaScriptEnabled?: boolean } = {}) {
  return newPage(browser, { viewport: { width, height: 667 }, ...options });
}

async function signIn(page: Page, target: Site) {
  await page.goto(`${target.url}/admin/sign-in/`);
  await page.getByLabel("Your name").fill("Sam Patel");
  await page.getByLabel("Officer token").fill(ADMIN_TOKEN);
  await page.getByLabel("Officer token").press("Enter");
  await page.waitForURL(`${target.url}/admin/`);
}

/** The officers' themes page, with a theme with a long name made if there is none yet. */
async function themesPage(page: Page) {
  await signIn(page, site);
  await page.goto(`${site.url}/admin/themes/`);
  if ((await page.locator("table").count()) === 0) {
    await page.getByLabel("Theme name").fill("Outreach at night and on weekends");
    await page.getByLabel("Theme name").press("Enter");
    await page.waitForURL(/saved/);
  }
}

/** Each page type in each state, reached the way a person reaches it. */
const JOURNEYS: Record<string, (page: Page) => Promise<unknown>> = {
  home: (page) => page.goto(`${site.url}/`),
  contents: (page) => page.goto(`${site.url}/draft/`),
  section: (page) => page.goto(`${site.url}/draft/streets/`),
  "comment form": async (page) => {
    await page.goto(`${site.url}/comment/streets-2`);
    await commentingEnhanced(page);
  },
  "comment on the whole strategy": async (page) => {
    await page.goto(`${site.url}/comment/general`);
    await commentingEnhanced(page);
  },
  "comment form with the other paragraphs open": async (page) => {
    await page.goto(`${site.url}/comment/streets-2`);
    await commentingEnhanced(page);
    await page.getByText("Comment on other paragraphs in the same response (optional)").click();
  },
  "comment form shown again with errors": async (page) => {
    await page.goto(`${site.url}/comment/streets-2`);
    // The script folds away the boxes a choice has not asked for, moving what follows: the form is used once that is done.
    await commentingEnhanced(page);
    await page.getByText("Comment on other paragraphs in the same response (optional)").click();
    await page.getByRole("group", { name: "Another paragraph (1 of 3)" }).getByLabel("Your comment on that paragraph").fill("Which one?");
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.locator(".error-summary").waitFor();
    await commentingEnhanced(page);
  },
  confirmation: async (page) => {
    await page.goto(`${site.url}/comment/streets-2`);
    await commentingEnhanced(page);
    await page.getByLabel("Your comment on paragraph 3.2").fill("Seen on a phone.");
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.locator(".reference").waitFor();
  },
  "look-up form": (page) => page.goto(`${site.url}/track`),
  "look-up result": async (page) => {
    await page.goto(`${site.url}/track`);
    await page.getByLabel("Your reference").fill(REFERENCE);
    await page.getByRole("button", { name: "Look up" }).click();
    await page.locator(".tracked-comment").first().waitFor();
  },
  "look-up not found": async (page) => {
    await page.goto(`${site.url}/track`);
    await page.getByLabel("Your reference").fill("AAAAA-AAAAA");
    await page.getByRole("button", { name: "Look up" }).click();
    await page.locator(".error-summary").waitFor();
  },
  "accessibility statement": (page) => page.goto(`${site.url}/accessibility/`),
  "easy read": (page) => page.goto(`${site.url}/easy-read/`),
  "privacy notice": (page) => page.goto(`${site.url}/privacy/`),
  "page not found": (page) => page.goto(`${site.url}/no-such-page/`),
  "home, closed": (page) => page.goto(`${closed.url}/`),
  "section, closed": (page) => page.goto(`${closed.url}/draft/streets/`),
  "comment page, closed": (page) => page.goto(`${closed.url}/comment/streets-2`),
  "look-up result, closed": async (page) => {
    await page.goto(`${closed.url}/track`);
    await page.getByLabel("Your reference").fill(REFERENCE);
    await page.getByRole("button", { name: "Look up" }).click();
    await page.locator(".tracked-comment").first().waitFor();
  },
  "officer sign-in": (page) => page.goto(`${site.url}/admin/sign-in/`),
  "officer overview": (page) => signIn(page, site),
  "officer comments": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/comments/`);
  },
  "officer comments with a bad filter": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/comments/?from=yesterday&channel=fax`);
  },
  "officer heat map": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/draft/`);
  },
  "officer theme figures": async (page) => {
    await themesPage(page);
    await page.goto(`${site.url}/admin/themes/figures/`);
  },
  "officer report": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/report/`);
  },
  "officer comment": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/comments/1/`);
  },
  "officer themes": (page) => themesPage(page),
  "officer audit log": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/audit/`);
  },
  "you said, we did": (page) => page.goto(`${site.url}/you-said-we-did`),
  // Public only once the outcome is published, which the closed site has done.
  "final strategy": (page) => page.goto(`${closed.url}/final/`),
  "final section": (page) => page.goto(`${closed.url}/final/streets/`),
  "what changed in a section": (page) => page.goto(`${closed.url}/changes/streets/`),
  "published comments": (page) => page.goto(`${site.url}/what-people-said/streets/`),
  kiosk: (page) => page.goto(`${site.url}/kiosk/`),
  "printed form": (page) => page.goto(`${site.url}/print/`),
  "reading booklet": (page) => page.goto(`${site.url}/print/booklet/`),
  "easy-read comment screen": (page) => page.goto(`${site.url}/easy-read/comment/general`),
  "easy-read poster": (page) => page.goto(`${closed.url}/you-said-we-did/poster/easy-read`),
  "printed forms in large print, each with its reference": (page) => page.goto(`${site.url}/print/?references=K7M4Q-2XD9P+Z3T4W-8BXQ1&size=large`),
  "officer feedback": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/feedback/`);
  },
  "officer kiosks": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/kiosks/`);
  },
  "officer paper": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/paper/`);
  },
  "officer near-duplicates, and a group's word differences": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/duplicates/`);
    await page.locator("main a[href*='/admin/duplicates/']").first().click();
    await page.locator(".word-differences").first().waitFor();
    for (const details of await page.locator("details").all()) await details.evaluate((element) => ((element as HTMLDetailsElement).open = true));
  },
  "officer suggested groupings": async (page) => {
    await signIn(page, site);
    await page.goto(`${site.url}/admin/suggestions/?scope=paragraph&paragraph=streets-2`);
  },
};

describe("nothing needs sideways scrolling at 320 and 375 CSS px", () => {
  for (const [name, journey] of Object.entries(JOURNEYS)) {
    it(name, async ({ expect }) => {
      // One page for both widths, signed out again before each, as a fresh one would be.
      const page = await phone(WIDTHS[0]!);
      for (const width of WIDTHS) {
        await page.setViewportSize({ width, height: 667 });
        await page.context().clearCookies();
        await journey(page);
        expect(await overflow(page), `${width} px: ${(await culprits(page)).join("; ")}`).toBeLessThanOrEqual(0);
      }
      await page.context().close();
    });
  }

  it("lets wide officer tables scroll inside their own region, which a keyboard can reach", async ({ expect }) => {
    const page = await phone(320);
    await signIn(page, site);
    await page.goto(`${site.url}/admin/audit/`);
    const region = page.locator(".table-wrapper").first();
    expect(await region.getAttribute("tabindex")).toBe("0");
    expect(await region.getAttribute("role")).toBe("region");
    expect(await region.getAttribute("aria-label")).toBeTruthy();
    await page.context().close();
  });
});

describe("on a phone", () => {
  it("gives “Comment on paragraph 3.2” a touch target at least 44 px tall", async ({ expect }) => {
    const page = await newPage(browser, { viewport: { width: 375, height: 667 }, hasTouch: true, isMobile: true });
    await page.goto(`${site.url}/draft/streets/`);
    const box = await page.getByRole("link", { name: "Comment on paragraph 3.2" }).boundingBox();
    expect(box!.height).toBeGreaterThanOrEqual(44);
    await page.context().close();
  });

  it("lets a paragraph's text use the width of the screen, its number above it", async ({ expect }) => {
    const page = await phone(375);
    await page.goto(`${site.url}/draft/streets/`);
    const paragraph = page.locator("[data-paragraph='streets-2']");
    const text = await paragraph.locator("p").first().boundingBox();
    const block = await paragraph.boundingBox();
    expect(text!.width).toBeGreaterThanOrEqual(block!.width - 1);
    await page.context().close();
  });

  it("keeps the header to a small part of a 375 × 667 screen", async ({ expect }) => {
    const page = await phone(375);
    await page.goto(`${site.url}/draft/streets/`);
    const header = await page.locator(".site-header").boundingBox();
    expect(header!.height).toBeLessThanOrEqual(667 / 6);
    await page.context().close();
  });

  it("never breaks a reference or a year range across lines", async ({ expect }) => {
    const lines = (page: Page, selector: string) =>
      page.locator(selector).first().evaluate((element) => new Set([...element.getClientRects()].map((rect) => Math.round(rect.top))).size);
    for (const width of WIDTHS) {
      const page = await phone(width);
      await page.goto(`${site.url}/`);
      expect(await lines(page, "h1 .nowrap"), `${width} px: the title's year range`).toBe(1);
      expect(await page.locator("h1 .nowrap").first().innerText()).toBe("2030-2035");

      await page.goto(`${site.url}/track`);
      await page.getByLabel("Your reference").fill(REFERENCE);
      await page.getByRole("button", { name: "Look up" }).click();
      expect(await lines(page, "h1 .nowrap"), `${width} px: the look-up heading`).toBe(1);

      await page.goto(`${site.url}/draft/care/`);
      await page.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
      await page.getByRole("link", { name: "Comment on paragraph 5.1" }).click();
      await page.getByLabel("Your comment on paragraph 5.1").fill("From a small screen.");
      await page.getByRole("button", { name: "Send comment" }).click();
      await page.locator(".inline-sent .reference-inline").waitFor();
      expect(await lines(page, ".inline-sent .reference-inline"), `${width} px: the inline confirmation`).toBe(1);
      await page.context().close();
    }
  });
});
