/**
 * Several officers in a real Chromium: signing in with a name, assigning a
 * comment, "assigned to me" and "unread by me", and private notes that no
 * public page shows.
 */
import { beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, newPage, officerPage, siteAndBrowserForFile, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";

const ADMIN_TOKEN = "e2e-shared-work-token-7c1d";
const NOTE = "Xqprivate rang the outreach team";

const served = siteAndBrowserForFile({ ADMIN_TOKEN, RESULTS_PUBLISHED_AT: "2020-03-02T09:00:00Z" });
let site: Site;
let browser: Browser;

beforeAll(async () => {
  [site, browser] = [served.site(), served.browser()];
  executeSql(
    site.stateDirectory,
    seedCommentsSql([
      { reference: "AAAAA1111S", paragraph: "streets-2", text: "Outreach at night, please.", publishConsent: true },
      { reference: "BBBBB22228", paragraph: "streets-2", text: "More outreach workers.", publishConsent: true },
      { reference: "CCCCC3333P", paragraph: "general", text: "A good plan overall.", publishConsent: true },
    ]),
  );
});

const as = (name: string): Promise<Page> => officerPage(browser, site, ADMIN_TOKEN, {}, name);

/** The comments the list shows, by their link text ("Comment 2"). */
async function listed(page: Page, query: string): Promise<string[]> {
  await page.goto(`${site.url}/admin/comments/?${query}`);
  return page.locator(".comment-list > li > h3 a").allTextContents();
}

describe("signing in with a name", () => {
  it("asks for a name beside the token, and refuses without one, keeping the name field linked to its error", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/admin/sign-in/`);
    await page.getByLabel("Officer token").fill(ADMIN_TOKEN);
    await page.getByRole("button", { name: "Sign in" }).click();
    // The answer is a new page: wait for it rather than read the title of the one being left.
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").first().getAttribute("href")).toBe("#name");
    expect(await page.locator("#name").getAttribute("aria-describedby")).toContain("name-error");
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.context().cookies()).toEqual([]);
    await page.context().close();
  });
});

describe("sharing the work", () => {
  it("lets one officer assign a comment to another, who finds it under \"assigned to me\"", async ({ expect }) => {
    const ana = await as("Ana Ruiz");
    const ben = await as("Ben Cole");
    await ana.goto(`${site.url}/admin/comments/1/`);
    expect(await axeViolations(ana)).toEqual([]);
    await ana.getByLabel("Assign this comment to").fill("Ben Cole");
    await ana.getByRole("button", { name: "Save the assignment", exact: true }).click();
    await ana.waitForURL(/saved/);
    expect(await ana.locator("#assignment-title + p").textContent()).toContain("Assigned to Ben Cole.");

    expect(await listed(ben, "assigned=me")).toEqual(["Comment 1"]);
    expect(await listed(ana, "assigned=me")).toEqual([]);
    // Ben chooses from the officers seen so far in the list's filter.
    expect(await ben.locator("#assigned option").allTextContents()).toEqual(expect.arrayContaining(["Me", "Nobody", "Ana Ruiz", "Ben Cole"]));
    expect(await axeViolations(ben)).toEqual([]);
    await Promise.all([ana.context().close(), ben.context().close()]);
  });

  it("keeps each officer's reading apart: \"only comments I have not read\"", async ({ expect }) => {
    const carla = await as("Carla Nunes");
    const dev = await as("Dev Shah");
    await carla.goto(`${site.url}/admin/comments/2/`);
    await carla.goto(`${site.url}/admin/comments/`);
    await carla.getByLabel("Only comments I have not read").check();
    await carla.getByRole("button", { name: "Apply filters" }).click();
    expect(new URL(carla.url()).searchParams.get("unreadBy")).toBe("me");
    expect(await carla.locator(".comment-list > li > h3 a").allTextContents()).not.toContain("Comment 2");
    expect(await listed(dev, "unreadBy=me")).toContain("Comment 2");
    await Promise.all([carla.context().close(), dev.context().close()]);
  });
});

describe("private notes", () => {
  it("are shown to officers on the comment's page and on no public page", async ({ expect }) => {
    const ana = await as("Ana Ruiz");
    await ana.goto(`${site.url}/admin/comments/3/`);
    await ana.getByLabel("Add a note").fill(NOTE);
    await ana.getByRole("button", { name: "Add the note" }).click();
    await ana.waitForURL(/saved/);
    expect(await ana.locator(".comment-notes").textContent()).toContain(NOTE);
    expect(await ana.locator(".comment-notes").textContent()).toContain("Ana Ruiz");
    expect(await axeViolations(ana)).toEqual([]);
    // Published, so the public pages show the comment itself.
    const publish = await fetch(`${site.url}/api/admin/publication`, {
      method: "PUT",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ responsesPublished: true }),
    });
    expect(publish.status).toBe(200);
    const visitor = await newPage(browser);
    for (const path of ["/what-people-said/", "/you-said-we-did/"]) {
      await visitor.goto(`${site.url}${path}`);
      expect(await visitor.content(), path).not.toContain("Xqprivate");
    }
    await visitor.goto(`${site.url}/track`);
    await visitor.getByLabel("Your reference").fill("CCCCC-3333P");
    await visitor.getByRole("button", { name: "Look up" }).click();
    await visitor.locator(".tracked-comment").first().waitFor();
    expect(await visitor.content()).toContain("A good plan overall.");
    expect(await visitor.content()).not.toContain("Xqprivate");
    await Promise.all([ana.context().close(), visitor.context().close()]);
  });
});
