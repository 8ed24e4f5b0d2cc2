/**
 * Suggested groupings and bulk actions in a real Chromium: an officer turns
 * a suggestion into a theme and discards another, then acts on many comments
 * from the filtered comment list.
 */
import { beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, officerPage, siteAndBrowserForFile, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";
import { SUGGESTION_FIXTURE } from "../fixtures/suggestions/comments.ts";

const ADMIN_TOKEN = "e2e-bulk-token-8c2e";

const served = siteAndBrowserForFile({ ADMIN_TOKEN });
let site: Site;
let browser: Browser;

const BUS_COMMENTS = ["The night bus skips the hostel stop.", "A bus pass for people in hostels.", "Bus drivers refuse people with big bags."];

beforeAll(async () => {
  [site, browser] = [served.site(), served.browser()];
  const english = SUGGESTION_FIXTURE.filter((comment) => comment.language === "en" && comment.topic !== "other");
  executeSql(
    site.stateDirectory,
    seedCommentsSql([
      ...english.map((comment, index) => ({
        reference: `SG${String(index).padStart(8, "0")}`,
        paragraph: comment.topic === "shelter" ? "winter-beds" : "care-1",
        text: comment.text,
      })),
      ...BUS_COMMENTS.map((text, index) => ({ reference: `BS${String(index).padStart(8, "0")}`, paragraph: "general", text })),
    ]),
  );
});

const signedInPage = (): Promise<Page> => officerPage(browser, site, ADMIN_TOKEN);
const api = async <T,>(path: string): Promise<T> => (await (await fetch(`${site.url}${path}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as T;
type Suggestions = { groupings: { id: string; terms: string[]; commentIds: number[] }[] };
type Listed = { comments: { id: number; text: string; status: string; reading: string; themes: { name: string }[] }[] };

describe("the suggested groupings page", () => {
  it("shows each grouping's words, examples and count, and passes axe", async ({ expect }) => {
    const page = await signedInPage();
    const response = await page.goto(`${site.url}/admin/suggestions/`);
    expect(response!.status()).toBe(200);
    expect(response!.headers()["cache-control"]).toBe("no-store");
    expect(await page.locator("h1").count()).toBe(1);
    const shelters = page.locator("section.grouping").filter({ has: page.locator(".grouping-terms", { hasText: "shelter" }) });
    expect(await shelters.count()).toBe(1);
    expect(await shelters.locator("h2").textContent()).toContain("4 comments");
    expect(await shelters.locator(".user-text").count()).toBe(3);
    expect(await page.getByText("Compared 11 comments without a theme.").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("turns a grouping into a new theme in one action, tagging all its comments", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/suggestions/?scope=section&section=streets`);
    const grouping = page.locator("section.grouping").filter({ has: page.locator(".grouping-terms", { hasText: "shelter" }) });
    await grouping.getByLabel("Name of a new theme").fill("Night shelters");
    await grouping.getByRole("button", { name: "Tag these comments with the theme" }).click();
    await page.waitForURL(/saved/);
    expect(await page.getByRole("status").filter({ hasText: "Your change has been saved." }).count()).toBeGreaterThan(0);
    expect(await page.locator("section.grouping").filter({ hasText: "shelter" }).count()).toBe(0);
    const themes = await api<{ themes: { id: number; name: string; commentCount: number }[] }>("/api/admin/themes");
    expect(themes.themes.find((theme) => theme.name === "Night shelters")?.commentCount).toBe(4);
    await page.context().close();
  });

  it("discards a grouping so it is not suggested again", async ({ expect }) => {
    const before = await api<Suggestions>("/api/admin/suggestions?scope=section&section=care");
    expect(before.groupings.length).toBeGreaterThan(0);
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/suggestions/?scope=section&section=care`);
    await page.locator("section.grouping").first().getByRole("button", { name: "Discard this suggestion" }).click();
    await page.waitForURL(/saved/);
    expect(await page.locator("section.grouping").count()).toBe(before.groupings.length - 1);
    await page.reload();
    expect(await page.locator("section.grouping").count()).toBe(before.groupings.length - 1);
    const after = await api<Suggestions>("/api/admin/suggestions?scope=section&section=care");
    expect(after.groupings.map((grouping) => grouping.id)).not.toContain(before.groupings[0]!.id);
    await page.context().close();
  });

  it("marks all of a grouping's comments read in one action", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/suggestions/?scope=paragraph&paragraph=general`);
    const grouping = page.locator("section.grouping").filter({ has: page.locator(".grouping-terms", { hasText: "bus" }) });
    expect(await grouping.count()).toBe(1);
    await grouping.getByLabel("Mark as read").check();
    await grouping.getByRole("button", { name: "Apply to these comments" }).click();
    await page.waitForURL(/saved/);
    const listed = await api<Listed>("/api/admin/comments?q=bus");
    expect(listed.comments.map((comment) => comment.reading)).toEqual(["read", "read", "read"]);
    await page.context().close();
  });

  it("refuses to hide a grouping's comments without a reason, next to the field, changing nothing", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/suggestions/?scope=paragraph&paragraph=general`);
    const grouping = page.locator("section.grouping").filter({ has: page.locator(".grouping-terms", { hasText: "bus" }) });
    await grouping.getByLabel("Hide, with one reason for all").check();
    await grouping.getByRole("button", { name: "Apply to these comments" }).click();
    // The answer is a new page: wait for it rather than read the title of the one being left.
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    const reason = await page.locator(".error-summary a").first().getAttribute("href");
    expect(reason).toMatch(/^#groupReason-[0-9a-f]+$/);
    expect(await page.locator(reason!).getAttribute("aria-describedby")).toContain(`${reason!.slice(1)}-error`);
    expect(await axeViolations(page)).toEqual([]);
    const listed = await api<Listed>("/api/admin/comments?q=bus");
    expect(listed.comments.map((comment) => comment.status)).toEqual(["received", "received", "received"]);
    await page.context().close();
  });
});

describe("the comment list's bulk form", () => {
  it("hides every comment matching the filter with one reason", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/?q=bus`);
    await page.getByLabel("All 3 comments matching the filter").check();
    await page.getByLabel("Hide, with one reason for all").check();
    await page.getByLabel("Reason for hiding").fill("Off topic for this strategy");
    // Enter in the reason applies the bulk action, as the form's first button.
    await page.getByLabel("Reason for hiding").press("Enter");
    await page.waitForURL(/saved/);
    expect(await page.getByText("3 of 3 comments changed.").count()).toBe(1);
    const listed = await api<Listed>("/api/admin/comments?q=bus");
    expect(listed.comments.map((comment) => comment.status)).toEqual(["hidden", "hidden", "hidden"]);
    const audit = await api<{ entries: { action: string }[] }>("/api/admin/audit");
    expect(audit.entries.filter((entry) => entry.action === "comment.hide")).toHaveLength(3);
    await page.context().close();
  });

  it("refuses an action without its theme, says why next to the field, and changes nothing", async ({ expect }) => {
    const before = await api<Listed>("/api/admin/comments?section=care");
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/?section=care`);
    await page.locator(".comment-select input").first().check();
    await page.getByLabel("Tag with a theme").check();
    await page.getByRole("button", { name: "Apply to the chosen comments" }).click();
    // The answer is a new page: wait for it rather than read the title of the one being left.
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").first().getAttribute("href")).toBe("#bulkTheme");
    expect(await page.locator("#bulkTheme").getAttribute("aria-describedby")).toContain("bulkTheme-error");
    expect(await axeViolations(page)).toEqual([]);
    expect(await api<Listed>("/api/admin/comments?section=care")).toEqual(before);
    await page.context().close();
  });

  it("tags the ticked comments with a theme and marks them read", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/comments/?section=care`);
    const boxes = page.locator(".comment-select input");
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByLabel("Tag with a theme").check();
    await page.locator("#bulkTheme").selectOption({ label: "Night shelters" });
    await page.getByRole("button", { name: "Apply to the chosen comments" }).click();
    await page.waitForURL(/saved/);
    expect(await page.getByText("2 of 2 comments changed.").count()).toBe(1);
    await page.goto(`${site.url}/admin/comments/?section=care`);
    await boxes.nth(0).check();
    await boxes.nth(1).check();
    await page.getByLabel("Mark as read").check();
    await page.getByRole("button", { name: "Apply to the chosen comments" }).click();
    await page.waitForURL(/saved/);
    const listed = await api<Listed>("/api/admin/comments?section=care");
    const changed = listed.comments.slice(0, 2);
    expect(changed.every((comment) => comment.themes.some((theme) => theme.name === "Night shelters"))).toBe(true);
    expect(changed.every((comment) => comment.reading === "read")).toBe(true);
    await page.context().close();
  });
});
