/**
 * Near-duplicates in a real Chromium: the officers' list shows a group as
 * one row with its count, and its page shows what each copy changed, marked
 * so a screen reader says it, and lets an officer confirm it as a campaign.
 */
import { beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, officerPage, OPEN_NOW, siteAndBrowserForFile, type Site } from "./harness.ts";
import { CAMPAIGN, SAME_TOPIC } from "../api/duplicate-fixtures.ts";

const ADMIN_TOKEN = "e2e-duplicates-token-71c2";

const served = siteAndBrowserForFile({ ...OPEN_NOW, ADMIN_TOKEN, RATE_LIMITS: "off" });
let site: Site;
let browser: Browser;
const sent: number[] = [];

beforeAll(async () => {
  [site, browser] = [served.site(), served.browser()];
  // Sent as people send them, so they are grouped as they arrive.
  for (const [index, text] of [...CAMPAIGN.en, SAME_TOPIC[0]!].entries()) {
    const response = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `e2e-duplicates-${index}` },
      body: JSON.stringify({ comments: [{ paragraph: "general", text }] }),
    });
    if (response.status !== 201) throw new Error(`${response.status}: ${await response.text()}`);
    sent.push(((await response.json()) as { comments: { id: number }[] }).comments[0]!.id);
  }
}, 60_000);

const signedInPage = (): Promise<Page> => officerPage(browser, site, ADMIN_TOKEN);

describe("near-duplicates on the officers' pages", { timeout: 90_000 }, () => {
  it("lists a group as one row with its count, next to a comment of its own", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/`);
    const rows = page.locator(".comment-list > li");
    expect(await rows.count()).toBe(2);
    const groupLink = page.getByRole("link", { name: "3 comments with the same words" });
    expect(await groupLink.count()).toBe(1);
    // A filter lists every matching comment, each still saying which group it is in.
    await page.goto(`${site.url}/admin/comments/?paragraph=general`);
    expect(await page.locator(".comment-list > li").count()).toBe(4);
    // A copy's own page says it is one of a group.
    await page.goto(`${site.url}/admin/comments/${sent[1]}/`);
    expect(await page.getByRole("link", { name: "3 comments with the same words" }).count()).toBe(1);
    await page.context().close();
  });

  it("opens the group on what each copy changed, marked for a screen reader, and passes axe", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/`);
    await page.getByRole("link", { name: "3 comments with the same words" }).click();
    expect(await page.locator("h1").textContent()).toContain("3 comments");
    const differences = page.locator(".word-differences");
    expect(await differences.count()).toBe(2);
    // The second copy adds a greeting and a sign-off; the third changes "should" to "must" and "meals" to "food".
    expect(await differences.nth(0).locator("ins").allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining("Added: Dear Sir or Madam,")]));
    const third = (await differences.nth(1).locator("del").allTextContents()).join(" ");
    expect(third).toContain("Taken out:");
    expect(third).toContain("should");
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("confirms the group as a campaign, and says who did it", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/duplicates/`);
    await page.getByRole("link", { name: /^Group \d+$/ }).first().click();
    await page.getByRole("button", { name: "Confirm as a campaign" }).click();
    await page.waitForURL(/\?saved$/);
    expect(await page.getByText(/Confirmed as a campaign by/).count()).toBe(1);
    expect(await page.getByRole("button", { name: "Confirm as a campaign" }).count()).toBe(0);
    await page.context().close();
  });

  it("shows the confirmed campaign as one item with its count on the overview and on \"You said, we did\"", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/`);
    expect(await page.locator("#campaigns-title + p + ul li").allTextContents()).toEqual([expect.stringMatching(/^Group \d+: 3 people sent this$/)]);
    const created = await fetch(`${site.url}/api/admin/feedback`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ title: "Weekend opening", youSaid: "Open at weekends.", weDid: "Open on Saturdays.", outcome: "changed", comments: sent, status: "published" }),
    });
    expect(created.status).toBe(201);
    await page.goto(`${site.url}/you-said-we-did`);
    expect(await page.locator(".feedback-campaigns li").allTextContents()).toEqual(["A campaign: 3 people sent this"]);
    await page.context().close();
  });
});
