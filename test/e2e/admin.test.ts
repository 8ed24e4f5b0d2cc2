import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, releaseBrowser, sharedBrowser, newPage, officerPage, officerSessionCookie, startSite, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";
import { awayFromRateWindowEdge } from "../rate-windows.ts";

const ADMIN_TOKEN = "e2e-officer-token-5d1c";

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite({ ADMIN_TOKEN });
  executeSql(
    site.stateDirectory,
    seedCommentsSql([
      { reference: "AAAAA11111", paragraph: "streets-2", text: "Outreach workers should visit the car park at night." },
      { reference: "BBBBB22222", paragraph: "general", text: "=HYPERLINK(\"http://evil.example\") and café ☕", channel: "kiosk" },
      { reference: "CCCCC33333", paragraph: "early-help-service", text: "My name is Jo Bloggs, call 07700 900123 about the hostel." },
    ]),
  );
  browser = await sharedBrowser();
});

afterAll(async () => {
  await releaseBrowser(browser);
  await site?.stop();
});

const signedInPage = (): Promise<Page> => officerPage(browser, site, ADMIN_TOKEN, { acceptDownloads: true });

describe("signing in", () => {
  it("sends a visitor who is not signed in to the sign-in page, and the API refuses them", async ({ expect }) => {
    const page = await newPage(browser);
    const response = await page.goto(`${site.url}/admin/themes/`);
    expect(new URL(page.url()).pathname).toBe("/admin/sign-in/");
    expect(response!.headers()["cache-control"]).toBe("no-store");
    expect((await fetch(`${site.url}/api/admin/comments`)).status).toBe(401);
    await page.context().close();
  });

  it("refuses a wrong token with an error linked to the field", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/admin/sign-in/`);
    await page.getByLabel("Your name").fill("Sam Patel");
    await page.getByLabel("Officer token").fill("wrong");
    await page.getByRole("button", { name: "Sign in" }).click();
    // The answer is a new page: wait for it rather than read the title of the one being left.
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").getAttribute("href")).toBe("#token");
    expect(await page.locator("#token").getAttribute("aria-describedby")).toContain("token-error");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.context().cookies()).toEqual([]);
    await page.context().close();
  });

  it("signs in with the token into a secure, HttpOnly, SameSite=Strict cookie that does not hold the token", async ({ expect }) => {
    // Through the form, by keyboard, as an officer signs in (the other tests' pages get the same cookie by officerPage).
    const page = await newPage(browser);
    await page.goto(`${site.url}/admin/sign-in/`);
    await page.getByLabel("Your name").fill("Sam Patel");
    await page.getByLabel("Officer token").fill(ADMIN_TOKEN);
    await page.getByLabel("Officer token").press("Enter");
    await page.waitForURL(`${site.url}/admin/`);
    expect(await page.locator("body").innerText()).toContain("Signed in as Sam Patel");
    const [cookie] = await page.context().cookies();
    expect(cookie).toMatchObject({ name: "officer_session", httpOnly: true, secure: true, sameSite: "Strict", path: "/" });
    expect(cookie!.value).not.toContain(ADMIN_TOKEN);
    // The cookie also opens the API, so the export button works in the browser.
    const status = await page.evaluate(async () => (await fetch("/api/admin/session")).status);
    expect(status).toBe(200);
    await page.context().close();
  });
});

describe("guessing the token", () => {
  it("is slowed down on its own: 429 with Retry-After after 30 wrong tries, whatever the public look-ups", async ({ expect }) => {
    const guarded = await startSite({ ADMIN_TOKEN });
    try {
      const attempt = (token: string) =>
        fetch(`${guarded.url}/admin/sign-in/`, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: guarded.url },
          body: new URLSearchParams({ name: "Sam Patel", token }),
          redirect: "manual",
        });
      // Strangers looking up references from the same address use up their own allowance, not the officers'.
      await awayFromRateWindowEdge(20);
      for (let index = 0; index < 35; index++) await fetch(`${guarded.url}/api/responses/AAAAA-AAAAA`);
      expect((await attempt(ADMIN_TOKEN)).status).toBe(303);

      const statuses: number[] = [];
      for (let index = 0; index < 30; index++) statuses.push((await attempt(`guess-${index}`)).status);
      expect(new Set(statuses)).toEqual(new Set([401]));
      const limited = await attempt("one more guess");
      expect(limited.status).toBe(429);
      expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
      expect(await limited.text()).toContain("Too many wrong sign-in attempts");
      // Wrong Bearer tokens on the API count too, and are refused alike.
      const api = await fetch(`${guarded.url}/api/admin/session`, { headers: { Authorization: "Bearer another-guess" } });
      expect(api.status).toBe(429);
    } finally {
      await guarded.stop();
    }
  });
});

describe("posts the officer pages do not expect", () => {
  const bodies: [string, Record<string, string>, string | undefined][] = [
    ["JSON", { "Content-Type": "application/json" }, JSON.stringify({ token: ADMIN_TOKEN })],
    ["no content type", {}, "token=x"],
    ["plain text", { "Content-Type": "text/plain" }, "token=x"],
    ["multipart without a boundary", { "Content-Type": "multipart/form-data" }, "token=x"],
    ["no body at all", { "Content-Type": "application/x-www-form-urlencoded" }, undefined],
  ];
  for (const [name, headers, body] of bodies) {
    it(`answer ${name} with a page, never a server error`, async ({ expect }) => {
      const cookie = await officerSessionCookie(site, ADMIN_TOKEN);
      for (const [path, withCookie] of [["/admin/sign-in/", false], ["/admin/themes/", true], ["/admin/comments/1/", true]] as const) {
        const response = await fetch(`${site.url}${path}`, {
          method: "POST",
          headers: { Origin: site.url, ...headers, ...(withCookie ? { Cookie: cookie } : {}) },
          body,
          redirect: "manual",
        });
        expect(response.status, `${name} to ${path}`).toBeLessThan(500);
        expect(await response.text(), `${name} to ${path}`).not.toMatch(/at [\w.]+ \(|node_modules/);
      }
    });
  }

  it("refuse a post from another site with the officer's cookie, changing nothing", async ({ expect }) => {
    const cookie = await officerSessionCookie(site, ADMIN_TOKEN);
    const forged = await fetch(`${site.url}/admin/themes/`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: "https://elsewhere.example", "Sec-Fetch-Site": "cross-site", Cookie: cookie },
      body: new URLSearchParams({ name: "Planted by another site" }),
      redirect: "manual",
    });
    expect(forged.status).toBe(403);
    const themes = await fetch(`${site.url}/api/admin/themes`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    expect(JSON.stringify(await themes.json())).not.toContain("Planted by another site");
  });
});

describe("the officers' pages pass axe with zero violations", () => {
  const pages = {
    "sign-in": "/admin/sign-in/",
    comments: "/admin/comments/",
    "comments with a bad filter": "/admin/comments/?from=yesterday&channel=fax",
    "a comment": "/admin/comments/1/",
    themes: "/admin/themes/",
    "suggested groupings": "/admin/suggestions/",
    "suggested groupings for a section that does not exist": "/admin/suggestions/?scope=section&section=nowhere",
    "audit log": "/admin/audit/",
  };
  // One officer signed in for every page but the sign-in page, which is seen signed out.
  let officer: Page;
  beforeAll(async () => {
    officer = await signedInPage();
  });
  afterAll(async () => {
    await officer?.context().close();
  });
  for (const [name, path] of Object.entries(pages)) {
    it(`${name} (${path})`, async ({ expect }) => {
      const page = name === "sign-in" ? await newPage(browser) : officer;
      const response = await page.goto(`${site.url}${path}`);
      expect(response!.headers()["cache-control"]).toBe("no-store");
      expect(await page.locator("html").getAttribute("lang")).toBe("en");
      expect(await page.locator("h1").count()).toBe(1);
      expect(await axeViolations(page)).toEqual([]);
      if (page !== officer) await page.context().close();
    });
  }
});

describe("an officer's work, by keyboard", () => {
  it("searches, opens a comment and sees the paragraph as its author saw it", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/`);
    await page.getByLabel("Search comment text").fill("outreach night");
    await page.keyboard.press("Enter");
    await page.waitForURL(/q=outreach/);
    const results = page.locator(".comment-list > li");
    expect(await results.count()).toBe(1);
    expect(await page.locator("#results + p").innerText()).toBe("1 comment matches.");
    await results.first().getByRole("link").focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/admin\/comments\/\d+\/$/);
    expect(await page.locator("h2", { hasText: "as the person saw it" }).innerText()).toContain("Paragraph 3.2");
    await page.context().close();
  });

  it("creates a theme, tags a comment with it and sees it counted", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/themes/`);
    await page.getByLabel("Theme name").fill("Outreach");
    await page.keyboard.press("Enter");
    await page.waitForURL(/saved/);
    expect(await page.locator("[role=status]").innerText()).toBe("Your change has been saved.");
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${site.url}/admin/comments/1/`);
    await page.getByLabel("Outreach").focus();
    await page.keyboard.press("Space");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Save themes");
    await page.keyboard.press("Enter");
    await page.waitForURL(/saved/);
    expect(await page.getByLabel("Outreach").isChecked()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);

    await page.goto(`${site.url}/admin/themes/`);
    const row = page.locator("tr", { has: page.getByRole("link", { name: "View comments with theme “Outreach”" }) });
    expect(await row.locator("td.number").innerText()).toBe("1");
    await page.context().close();
  });

  it("hides a comment with a reason and redacts another with one, both in the audit log, without the words taken out", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/2/`);
    await page.getByRole("button", { name: "Hide comment" }).press("Enter");
    expect(await page.locator(".error-summary").innerText()).toContain("Enter why you are hiding this comment");
    await page.getByLabel("Reason for hiding").fill("Spreadsheet formula, not a comment");
    await page.getByLabel("Reason for hiding").press("Enter");
    await page.waitForURL(/saved/);
    const hidden = await page.locator("main").innerText();
    expect(hidden).toContain("Reason for hiding: Spreadsheet formula, not a comment");
    expect(hidden).not.toMatch(/Hidden\s+Hidden/);

    await page.goto(`${site.url}/admin/comments/3/`);
    await page.getByLabel("Comment text without personal details").fill("My name is [name removed], call [phone removed] about the hostel.");
    await page.getByLabel("Why (optional)").fill("A name and a phone number");
    await page.getByRole("button", { name: "Save redacted text" }).press("Enter");
    await page.waitForURL(/saved/);
    expect(await page.locator("blockquote").first().innerText()).toBe("My name is [name removed], call [phone removed] about the hostel.");

    await page.goto(`${site.url}/admin/audit/`);
    const log = await page.locator("table").innerText();
    expect(log).toContain("Hid a comment");
    expect(log).toContain("Took personal details out of a comment");
    expect(log).toContain("A name and a phone number");
    // The words taken out are kept nowhere, the audit log included.
    expect(log).not.toContain("Bloggs");
    expect(log).not.toContain("07700 900123");
    expect(log).toContain("Signed in");
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("downloads the CSV export with the button, hidden comments left out", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/`);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download export" }).press("Enter");
    const download = await downloading;
    expect(download.suggestedFilename()).toMatch(/^fixture-plan-comments-\d{8}T\d{6}Z\.csv$/);
    const csv = readFileSync(await download.path(), "utf8");
    expect(csv.startsWith("\uFEFFreference,")).toBe(true);
    expect(csv).toContain("Outreach workers should visit the car park at night.");
    expect(csv).not.toContain("HYPERLINK");
    await page.context().close();
  });

  it("signs out, ending the session on the server too", async ({ expect }) => {
    const page = await signedInPage();
    const [kept] = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).press("Enter");
    await page.waitForURL(/signed-out/);
    expect(await page.context().cookies()).toEqual([]);
    await page.goto(`${site.url}/admin/`);
    expect(new URL(page.url()).pathname).toBe("/admin/sign-in/");
    // A copy of the cookie, kept from before signing out, opens nothing.
    const replayed = await fetch(`${site.url}/api/admin/session`, { headers: { Cookie: `${kept!.name}=${kept!.value}` } });
    expect(replayed.status).toBe(401);
    await page.context().close();
  });
});
