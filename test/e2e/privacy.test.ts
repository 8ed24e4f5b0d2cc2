import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser } from "playwright-core";
import { axeViolations, releaseBrowser, sharedBrowser, newPage, officerPage, OPEN_NOW, startSite, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";

const ADMIN_TOKEN = "e2e-privacy-token-8c2e";

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite({ ...OPEN_NOW, ADMIN_TOKEN, RETENTION_DAYS: "365" });
  executeSql(
    site.stateDirectory,
    seedCommentsSql([
      { reference: "EEEEE5555K", paragraph: "streets-2", text: "Xqaccess: my hostel is on Mill Lane." },
      { reference: "FFFFF66662", paragraph: "general", text: "Xqerase: please remove my words later." },
    ]),
  );
  browser = await sharedBrowser();
});

afterAll(async () => {
  await releaseBrowser(browser);
  await site?.stop();
});

const lookUp = async (page: import("playwright-core").Page, reference: string) => {
  await page.goto(`${site.url}/track`);
  await page.getByLabel("Your reference").fill(reference);
  await page.getByRole("button", { name: "Look up" }).press("Enter");
};

describe("a person's own data", () => {
  it("shows everything held about a response on /track, to print or download as JSON", async ({ expect }) => {
    const page = await newPage(browser, { acceptDownloads: true });
    await lookUp(page, "eeeee-5555k");
    const held = page.locator(".held-data");
    expect(await held.innerText()).toContain("Everything we hold about this response");
    expect(await held.innerText()).toContain("Agreed to be quoted");
    expect(await axeViolations(page)).toEqual([]);
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: "Download everything (JSON)" }).press("Enter");
    const download = await downloading;
    expect(download.suggestedFilename()).toBe("response-EEEEE-5555K.json");
    const data = JSON.parse(readFileSync(await download.path(), "utf8"));
    expect(data).toMatchObject({ reference: "EEEEE-5555K", channel: "online", publishConsent: false, comments: [{ paragraph: "streets-2", text: "Xqaccess: my hostel is on Mill Lane." }] });
    await page.context().close();
  });

  it("states in every language's privacy notice the retention period the job keeps, and the backups' 30 days", async ({ expect }) => {
    const page = await newPage(browser);
    for (const [prefix, phrase] of [["", "365 days after the consultation closes"], ["/es", "365 días después del cierre"], ["/it", "365 giorni dopo la chiusura"]]) {
      await page.goto(`${site.url}${prefix}/privacy/`);
      const practice = await page.locator(".privacy-practice").innerText();
      expect(practice, prefix).toContain(phrase);
      expect(practice, prefix).toContain("30");
      expect(await page.locator("[data-retention-days]").getAttribute("data-retention-days")).toBe("365");
      expect(await axeViolations(page)).toEqual([]);
    }
    await page.context().close();
  });
});

describe("erasing a response on request", () => {
  it("takes two steps on the officer's page, with a reason, and the person's reference then says it was erased", async ({ expect }) => {
    const page = await officerPage(browser, site, ADMIN_TOKEN);
    await page.goto(`${site.url}/admin/comments/2/`);
    expect(await page.locator("blockquote").first().innerText()).toContain("Xqerase");
    await page.getByRole("link", { name: "Erase response FFFFF-66662" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Erase response FFFFF-66662?");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "Erase it for good" }).press("Enter");
    expect(await page.locator(".error-summary").innerText()).toContain("Enter why the response is being erased");
    await page.getByLabel("Why it is being erased").fill("Asked by phone on 3 January");
    await page.getByRole("button", { name: "Erase it for good" }).press("Enter");
    await page.waitForURL(/erased/);
    expect(await page.locator("main").innerText()).toContain("The response was erased.");
    const exported = await (await fetch(`${site.url}/api/admin/export?format=ndjson&includeHidden=true`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
    expect(exported).not.toContain("Xqerase");
    await page.goto(`${site.url}/admin/audit/`);
    expect(await page.locator("table").innerText()).toContain("Erased a response at its author's request");
    await page.context().close();

    const person = await newPage(browser);
    await lookUp(person, "FFFFF-66662");
    expect(await person.locator(".error-summary").innerText()).toContain("This response was erased at its author's request.");
    await person.context().close();
  });
});

describe("the retention job, run on demand", () => {
  // It starts a server of its own, with a past period.
  it("runs from wrangler's /__scheduled and deletes the words once the period is over", { timeout: 180_000 }, async ({ expect }) => {
    const closed = await startSite({ OPENS_AT: "2020-01-01T00:00:00Z", CLOSES_AT: "2020-02-01T00:00:00Z", ADMIN_TOKEN, RETENTION_DAYS: "30" });
    try {
      executeSql(closed.stateDirectory, seedCommentsSql([{ reference: "GGGGG7777G", paragraph: "general", text: "Xqretained words", receivedAt: "2020-01-10T10:00:00.000Z" }]));
      const ran = await fetch(`${closed.url}/__scheduled?cron=${encodeURIComponent("30 3 * * *")}`);
      expect(ran.status).toBe(200);
      const tracked = await fetch(`${closed.url}/api/responses/GGGGG-7777G`);
      expect(tracked.status).toBe(410);
      const exported = await (await fetch(`${closed.url}/api/admin/export?format=ndjson`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).text();
      expect(exported).not.toContain("Xqretained");
      const overview = await (await fetch(`${closed.url}/api/admin/overview`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
      expect(overview).toMatchObject({ comments: 1, retention: { due: true, deleted: { comments: 1, responses: 1 } } });
    } finally {
      await closed.stop();
    }
  });
});
