/**
 * Officer-side fixes in a real Chromium: the report's counts in plural forms,
 * a draft's preview that claims no publication, the kiosk-key form cleared
 * after issuing (and a reload that issues nothing), themes merged or deleted
 * on the themes page, and the responses kiosks could not send.
 */
import { beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { axeViolations, officerPage, siteAndBrowserForFile, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";

const ADMIN_TOKEN = "e2e-officer-fixes-token-5b2e";

const served = siteAndBrowserForFile({ ADMIN_TOKEN });
let site: Site;
let browser: Browser;

const api = (method: string, path: string, json?: unknown, headers: Record<string, string> = { Authorization: `Bearer ${ADMIN_TOKEN}` }) =>
  fetch(`${site.url}${path}`, { method, headers: { ...headers, "Content-Type": "application/json" }, body: json === undefined ? undefined : JSON.stringify(json) });

beforeAll(async () => {
  [site, browser] = [served.site(), served.browser()];
  // One response with one comment, hidden: every count in the report is 1.
  executeSql(site.stateDirectory, seedCommentsSql([{ reference: "AAAAA1111S", paragraph: "streets-2", text: "Outreach at night, please." }]));
  await api("POST", "/api/admin/comments/1/hide", { reason: "Names a person" });
});

const signedIn = (): Promise<Page> => officerPage(browser, site, ADMIN_TOKEN);

describe("the report", () => {
  it("says \"1 response\", \"1 comment\" and \"1 comment was hidden\", never \"1 responses\" or \"1 comments\"", async ({ expect }) => {
    const page = await signedIn();
    await page.goto(`${site.url}/admin/report/`);
    const tookPart = await page.locator('[aria-labelledby="took-part"] > p').first().textContent();
    expect(tookPart).toBe("1 response with 1 comment. 0 responses were made at a kiosk with a support worker's help.");
    const method = await page.locator('[aria-labelledby="method"]').textContent();
    expect(method).toContain("of 1 comment,");
    expect(method).toContain("1 comment was hidden from public view");
    expect(await page.locator("main").textContent()).not.toMatch(/\b1 (responses|comments)\b/);
    await page.context().close();
  });
});

describe("a draft feedback entry's preview", () => {
  it("does not say it was published", async ({ expect }) => {
    const created = await api("POST", "/api/admin/feedback", { title: "Night outreach", youSaid: "More outreach.", weDid: "Not decided yet.", outcome: "under_review", paragraphs: ["streets-2"], references: [], status: "draft" });
    const { id } = (await created.json()) as { id: number };
    const page = await signedIn();
    await page.goto(`${site.url}/admin/feedback/${id}/`);
    const preview = await page.locator(".preview").textContent();
    expect(preview).not.toContain("Published at");
    expect(preview).toContain("Not published yet");
    await page.context().close();
  });
});

describe("issuing a kiosk key", () => {
  it("shows the key once, clears the form, and a reload issues no second key", async ({ expect }) => {
    const page = await signedIn();
    await page.goto(`${site.url}/admin/kiosks/`);
    await page.getByLabel("Place").fill("Harbour day centre");
    await page.getByRole("button", { name: "Issue key" }).click();
    const key = await page.locator("[data-kiosk-key]").textContent();
    expect(key).toMatch(/\S{20,}/);
    expect(await page.getByLabel("Place").inputValue()).toBe("");
    expect(await axeViolations(page)).toEqual([]);
    await page.reload();
    expect(await page.locator("[data-kiosk-key]").count()).toBe(0);
    const { kiosks } = (await (await api("GET", "/api/admin/kiosks")).json()) as { kiosks: { name: string }[] };
    expect(kiosks.filter((kiosk) => kiosk.name === "Harbour day centre")).toHaveLength(1);
    await page.context().close();
  });
});

describe("responses kiosks could not send", () => {
  it("are listed on the kiosks page with their words until an officer deals with them", async ({ expect }) => {
    const kiosk = (await (await api("POST", "/api/admin/kiosks", { name: "Station hostel" })).json()) as { id: number; key: string };
    const staff = (await (await api("POST", `/api/admin/kiosks/${kiosk.id}/staff-codes`, { name: "Sam Okafor" })).json()) as { code: string };
    const reported = await api(
      "POST",
      "/api/kiosk/refused",
      { refused: [{ idempotencyKey: "e2e-refused-0001", code: "grace_period_over", reason: "Sent after the grace period.", comments: [{ paragraph: "streets-2", text: "A bed near the station." }] }] },
      { "Kiosk-Key": kiosk.key, "Staff-Code": staff.code },
    );
    expect(reported.status).toBe(201);
    const page = await signedIn();
    await page.goto(`${site.url}/admin/kiosks/`);
    const section = page.locator('[aria-labelledby="refused"]');
    expect(await section.textContent()).toContain("A bed near the station.");
    expect(await section.textContent()).toContain("Sam Okafor");
    expect(await axeViolations(page)).toEqual([]);
    await section.getByRole("button", { name: /dealt with/ }).click();
    await page.waitForURL(/saved/);
    expect(await page.locator('[aria-labelledby="refused"]').textContent()).toContain("No kiosk has reported");
    await page.context().close();
  });
});

describe("removing a theme on the themes page", () => {
  it("merges one theme into another and deletes one, each in one step", async ({ expect }) => {
    for (const name of ["Night shelters", "Outreach"]) await api("POST", "/api/admin/themes", { name });
    const page = await signedIn();
    await page.goto(`${site.url}/admin/themes/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Move the comments of Night shelters to").selectOption({ label: "Outreach" });
    await page.getByRole("button", { name: "Merge or delete Night shelters" }).click();
    await page.waitForURL(/saved/);
    await page.getByRole("button", { name: "Merge or delete Outreach" }).click();
    await page.waitForURL(/saved/);
    const { themes } = (await (await api("GET", "/api/admin/themes")).json()) as { themes: unknown[] };
    expect(themes).toEqual([]);
    await page.context().close();
  });
});
