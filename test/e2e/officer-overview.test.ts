/**
 * The officers' overview, heat map, theme figures and report in a real
 * Chromium: axe, keyboard journeys, and how they print.
 */
import { beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, officerPage, siteAndBrowserForFile, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";

const ADMIN_TOKEN = "e2e-overview-token-3a9f";

const served = siteAndBrowserForFile({ ADMIN_TOKEN });
let site: Site;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = [served.site(), served.browser()];
  executeSql(
    site.stateDirectory,
    seedCommentsSql([
      { reference: "AAAAA1111S", paragraph: "streets-2", text: "Outreach at night, please.", publishConsent: true, receivedAt: "2030-11-18T10:00:00.000Z" },
      { reference: "BBBBB22228", paragraph: "streets-2", text: "More outreach workers.", channel: "kiosk", receivedAt: "2030-11-19T10:00:00.000Z" },
      { reference: "CCCCC3333P", paragraph: "winter-beds", text: "Beds in winter.", channel: "paper", receivedAt: "2030-11-19T12:00:00.000Z" },
      { reference: "DDDDD44445", paragraph: "general", text: "A good plan overall.", publishConsent: true, receivedAt: "2030-11-20T09:00:00.000Z" },
    ]),
  );
  const officer = (method: string, path: string, json: unknown) =>
    fetch(`${site.url}${path}`, { method, headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" }, body: JSON.stringify(json) });
  const theme = (await (await officer("POST", "/api/admin/themes", { name: "Outreach" })).json()) as { id: number };
  for (const id of [1, 2]) await officer("PUT", `/api/admin/comments/${id}/themes`, { themeIds: [theme.id] });
});

const signedInPage = (): Promise<Page> => officerPage(browser, site, ADMIN_TOKEN);

const PAGES = {
  overview: "/admin/",
  "heat map": "/admin/draft/",
  "theme figures": "/admin/themes/figures/",
  report: "/admin/report/",
};

describe("the new officer pages", () => {
  for (const [name, path] of Object.entries(PAGES)) {
    it(`${name} (${path}) passes axe, with its charts' tables open too, in English with one h1, never cached`, async ({ expect }) => {
      const page = await signedInPage();
      const response = await page.goto(`${site.url}${path}`);
      expect(response!.status()).toBe(200);
      expect(response!.headers()["cache-control"]).toBe("no-store");
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.locator("h1").count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      const closed = page.locator("details.chart-table:not([open]) summary");
      while ((await closed.count()) > 0) await closed.first().click();
      expect(await axeViolations(page)).toEqual([]);
      await page.context().close();
    });

    it(`${name} prints in black and white without the officers' navigation, and makes a PDF`, async ({ expect }) => {
      const page = await signedInPage();
      await page.goto(`${site.url}${path}`);
      await page.emulateMedia({ media: "print" });
      expect(await page.locator(".admin-nav").isVisible()).toBe(false);
      const fills = await page.locator(".chart-bar").evaluateAll((bars) => [...new Set(bars.map((bar) => getComputedStyle(bar).fill))]);
      for (const fill of fills) expect(fill).toBe("rgb(11, 12, 12)");
      const pdf = await page.pdf({ format: "A4" });
      expect(pdf.subarray(0, 5).toString()).toBe("%PDF-");
      await page.context().close();
    });
  }
});

describe("the overview", () => {
  it("shows the figures, each a link to the comments it counts, and the charts as SVG with a title, a description and a table", async ({ expect }) => {
    const page = await signedInPage();
    const main = await page.locator("main").innerText();
    expect(main).toContain("0 of 4 comments read");
    const channel = page.locator("figure", { has: page.locator("#by-channel-title") });
    expect(await channel.locator("svg[role=img]").getAttribute("aria-labelledby")).toBe("by-channel-title by-channel-desc");
    expect(await page.locator("#by-channel-desc").textContent()).toContain("Online 2, Kiosk 1, Paper 1");
    await channel.locator("summary").click();
    expect(await channel.locator("tbody tr").allInnerTexts()).toEqual(["Online\t2", "Kiosk\t1", "Paper\t1"]);
    expect(await channel.getByRole("link", { name: "Kiosk" }).getAttribute("href")).toBe("/admin/comments/?channel=kiosk");
    const days = page.locator("figure", { has: page.locator("#by-day-title") });
    expect(await page.locator("#by-day-desc").textContent()).toContain("The closing day, 20 December, is marked with a dashed line.");
    await days.locator("summary").click();
    expect(await days.locator("tbody tr").first().innerText()).toBe("18 Nov\t1\t1");
    await page.context().close();
  });

  it("by keyboard: from the unread figure, marks two comments read at once, and the progress counts them", async ({ expect }) => {
    const page = await signedInPage();
    await page.getByRole("link", { name: /Unread/ }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/reading=unread/);
    expect(await page.locator(".comment-list > li").count()).toBe(4);
    await page.getByLabel("Select comment 4").focus();
    await page.keyboard.press("Space");
    await page.getByLabel("Select comment 3").focus();
    await page.keyboard.press("Space");
    await page.getByRole("button", { name: "Mark selected as read" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/saved/);
    expect(await page.locator("[role=status]").innerText()).toBe("Your change has been saved.");
    expect(await page.locator(".comment-list > li").count()).toBe(2);
    expect(await axeViolations(page)).toEqual([]);
    await page.goto(`${site.url}/admin/`);
    expect(await page.locator("main").innerText()).toContain("2 of 4 comments read");
    await page.context().close();
  });

  it("marks a comment read when an officer opens it, and unread again on request, both in the audit log", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/?reading=unread`);
    const first = page.locator(".comment-list > li h3 a").first();
    const id = (await first.innerText()).replace(/\D/g, "");
    await first.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/comments\/\d+\/$/);
    expect(await page.locator(".summary-list").innerText()).toMatch(/Reading\s+Read/);
    await page.getByRole("button", { name: "Mark as unread" }).press("Enter");
    await page.waitForURL(/saved/);
    await page.goto(`${site.url}/admin/audit/`);
    const log = await page.locator("table").innerText();
    expect(log).toContain("Read a comment");
    expect(log).toContain("Marked a comment unread");
    const unread = (await (await fetch(`${site.url}/api/admin/comments/${id}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { reading: string };
    expect(unread.reading).toBe("unread");
    await page.context().close();
  });

  it("refuses to mark nothing, saying so next to the list", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/`);
    await page.getByRole("button", { name: "Mark selected as read" }).press("Enter");
    await page.locator(".error-summary").waitFor();
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").getAttribute("href")).toBe("#selected-comments");
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});

describe("the heat map", () => {
  it("shades each paragraph by its comments and links each count to them, by keyboard", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/draft/`);
    const busiest = page.getByRole("link", { name: "2 comments on 3.2" });
    expect(await busiest.locator("xpath=..").getAttribute("class")).toBe("heat heat-4");
    expect(await page.getByRole("link", { name: "1 comment on 3.3" }).locator("xpath=..").getAttribute("class")).toBe("heat heat-2");
    await busiest.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/paragraph=streets-2/);
    expect(await page.locator(".comment-list > li").count()).toBe(2);
    await page.context().close();
  });
});

describe("themes by section and over time", () => {
  it("counts each theme in its sections and weeks, each count a link to those comments", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/themes/figures/`);
    const bySection = page.getByRole("region", { name: "Comments per theme in each section" });
    expect(await bySection.locator("tbody tr").first().innerText()).toMatch(/^Outreach\t0\t0\t2\t0\t0\t0$/);
    await bySection.getByRole("link", { name: "Outreach, 3. Off the streets: 2 comments" }).press("Enter");
    await page.waitForURL(/section=streets/);
    expect(await page.locator(".comment-list > li").count()).toBe(2);
    await page.context().close();
  });
});

describe("the report", () => {
  it("says what was consulted on, how people took part, the themes with consented quotes only, and offers the CSV", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/report/`);
    const main = await page.locator("main").innerText();
    expect(main).toContain("4 responses with 4 comments.");
    expect(main).toContain("Outreach at night, please.");
    expect(main).not.toContain("More outreach workers.");
    expect(await page.locator("details.chart-table[open]").count()).toBe(2);
    const csv = await page.evaluate(async (href) => (await fetch(href!)).text(), await page.getByRole("link", { name: "Download the figures (CSV)" }).getAttribute("href"));
    expect(csv).toContain("participation,comments,4\r\n");
    await page.context().close();
  });
});

describe("every officer page", () => {
  it("offers no other language, since officer pages are in English only: no link on them leads nowhere", async ({ expect }) => {
    const page = await signedInPage();
    // Each officer address is asked for once, however many pages link to it.
    const checked = new Set<string>();
    for (const path of [...Object.values(PAGES), "/admin/comments/", "/admin/comments/1/"]) {
      await page.goto(`${site.url}${path}`);
      expect(await page.locator("a[hreflang]").count(), path).toBe(0);
      const links = await page.locator("a[href^='/']").evaluateAll((anchors) => [...new Set(anchors.map((a) => a.getAttribute("href")!.split("#")[0]!))]);
      for (const link of links.filter((href) => href.includes("/admin") && !checked.has(href))) {
        checked.add(link);
        const response = await page.request.get(`${site.url}${link}`, { maxRedirects: 0 });
        expect(response.status(), `${path} links to ${link}`).toBeLessThan(400);
      }
    }
    await page.context().close();
  });
});

// Last in this file: it adds a theme and a response that the figures above do not count.
describe("long names without spaces", () => {
  it("wrap on a 320 px screen instead of pushing the officer pages sideways, every table opened", async ({ expect }) => {
    const theme = "Wheelchair".repeat(8);
    executeSql(
      site.stateDirectory,
      seedCommentsSql([{ reference: "EEEEE5555K", paragraph: "care-3", text: "Sent by a support worker.", receivedAt: "2030-11-21T10:00:00.000Z" }]) +
        `\nUPDATE responses SET respondent_type = 'organisation', organisation = '${"Organisation".repeat(10)}', assisted_organisation = '${"Daycentre".repeat(10)}', assisted_helper = '${"Helper".repeat(12)}' WHERE reference = 'EEEEE5555K';`,
    );
    const created = await fetch(`${site.url}/api/admin/themes`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ name: theme }),
    });
    expect(created.status).toBe(201);
    const page = await officerPage(browser, site, ADMIN_TOKEN, { viewport: { width: 320, height: 700 } });
    const id = await page.evaluate(async (url) => ((await (await fetch(`${url}/api/admin/comments?reference=EEEEE5555K`)).json()) as { comments: { id: number }[] }).comments[0]!.id, site.url);
    for (const path of ["/admin/themes/figures/", "/admin/comments/?reference=EEEEE5555K", `/admin/comments/${id}/`, "/admin/report/"]) {
      await page.goto(`${site.url}${path}`);
      await page.evaluate(() => document.querySelectorAll("details").forEach((details) => (details.open = true)));
      expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(320);
    }
    await page.context().close();
  });
});
