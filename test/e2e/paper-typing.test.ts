/**
 * Typing in a paper sheet, at the officers' paper page and at a kiosk's staff
 * screen: a date error is marked at the field, not only in a summary, and the
 * day the sheet was received is the date its author is shown (/track, and
 * the kiosk's look-up that prints on the slip printer), not the day it was typed in.
 */
import { describe, it } from "vitest";
import type { Locator, Page } from "playwright-core";
import { axeViolations, newPage, officerPage, OPEN_NOW, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-paper-typing";
const { site, browser } = siteAndBrowserForFile({ ADMIN_TOKEN, ...OPEN_NOW });

async function asOfficer(path: string, json?: unknown): Promise<Record<string, unknown>> {
  const answer = await fetch(`${site().url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  return (await answer.json()) as Record<string, unknown>;
}

const newSheetReference = async () => ((await asOfficer("/api/admin/paper/batches", { count: 1 })) as { references: string[] }).references[0]!;

/** A day some time ago, as a person writes it ("4/12/2026"), as stored ("2026-12-04"), and as a page in English says it. */
function daysAgo(days: number) {
  const day = new Date(Date.now() - days * 86_400_000);
  const [year, month, date] = [day.getUTCFullYear(), day.getUTCMonth() + 1, day.getUTCDate()];
  const said = day.toLocaleDateString("en-GB", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }).replace(",", "");
  return { written: `${date}/${month}/${year}`, stored: `${year}-${String(month).padStart(2, "0")}-${String(date).padStart(2, "0")}`, said };
}

/** The field's error as a person with a screen reader finds it: the field invalid, described by a message next to it. */
async function errorAtField(field: Locator): Promise<{ invalid: string | null; message: string | null; nextToField: boolean }> {
  const invalid = await field.getAttribute("aria-invalid");
  const described = (await field.getAttribute("aria-describedby"))?.split(" ") ?? [];
  const errorId = described.find((id) => id.endsWith("-error"));
  if (!errorId) return { invalid, message: null, nextToField: false };
  const message = field.page().locator(`[id="${errorId}"]`);
  const nextToField = await field.evaluate((control, id) => control.parentElement!.contains(document.getElementById(id)), errorId);
  return { invalid, message: (await message.textContent())?.trim() ?? null, nextToField };
}

/** A kiosk set up from a one-time code, and a support worker's staff code for it. */
async function kioskWithStaffCode(page: Page): Promise<string> {
  const kiosk = (await asOfficer("/api/admin/kiosks", { name: "Day centre" })) as { id: number };
  const { code } = (await asOfficer(`/api/admin/kiosks/${kiosk.id}/setup-codes`)) as { code: string };
  const { code: staffCode } = (await asOfficer(`/api/admin/kiosks/${kiosk.id}/staff-codes`, { name: "Sam" })) as { code: string };
  await page.goto(`${site().url}/kiosk/`);
  await page.getByLabel("Set-up code").fill(code);
  await page.getByRole("button", { name: "Set up" }).click();
  await page.getByRole("button", { name: "I am giving my own views" }).waitFor();
  return staffCode;
}

describe("a date error, at the field", () => {
  it("marks the date at the officers' paper page, described by its message, as well as in the summary", async ({ expect }) => {
    const page = await officerPage(browser(), site(), ADMIN_TOKEN);
    await page.goto(`${site().url}/admin/paper/`);
    await page.getByLabel("Reference on the sheet").fill(await newSheetReference());
    await page.getByLabel("Date received").fill("31/2/2026");
    await page.getByLabel("Paragraph number for comment 1").fill("3.2");
    await page.getByLabel("Comment 1", { exact: true }).fill("On paper.");
    await page.getByRole("button", { name: "Save the form" }).click();
    const date = page.getByLabel("Date received");
    const atField = await errorAtField(date);
    expect(atField).toMatchObject({ invalid: "true", nextToField: true });
    expect(atField.message).toMatch(/^Error:\s*\S/);
    expect(await page.locator(".error-summary a[href='#receivedOn']").count()).toBe(1);
    // The other fields are not marked.
    expect(await page.getByLabel("Reference on the sheet").getAttribute("aria-invalid")).toBeNull();
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("marks the date and the paragraph at the kiosk's staff screen, and clears the marks once the sheet is saved", async ({ expect }) => {
    const page = await newPage(browser(), { viewport: { width: 800, height: 1000 } });
    const staffCode = await kioskWithStaffCode(page);
    await page.getByRole("button", { name: "Staff: type in a paper form" }).click();
    await page.getByLabel("Your staff code").fill(staffCode);
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByLabel("Reference on the sheet").fill(await newSheetReference());
    await page.getByLabel("Date received").fill("31/2/2026");
    await page.getByLabel("Paragraph number for comment 1").fill("9.9");
    await page.getByLabel("Comment 1", { exact: true }).fill("On paper.");
    await page.getByRole("button", { name: "Save the form" }).click();
    const date = page.getByLabel("Date received");
    await expect.poll(() => date.getAttribute("aria-invalid")).toBe("true");
    const atDate = await errorAtField(date);
    expect(atDate.nextToField).toBe(true);
    expect(atDate.message).toMatch(/^Error:\s*\S/);
    // The hint stays among what describes it.
    expect(await date.getAttribute("aria-describedby")).toContain("paper-received-hint");
    const paragraph = await errorAtField(page.getByLabel("Paragraph number for comment 1"));
    expect(paragraph).toMatchObject({ invalid: "true", nextToField: true });
    expect(paragraph.message).toContain("Enter a paragraph number as printed");
    expect(await page.getByLabel("Comment 1", { exact: true }).getAttribute("aria-invalid")).toBeNull();
    expect(await axeViolations(page)).toEqual([]);

    await date.fill(daysAgo(1).written);
    await page.getByLabel("Paragraph number for comment 1").fill("3.2");
    await page.getByRole("button", { name: "Save the form" }).click();
    await expect.poll(() => page.locator("[data-paper-outcome]").textContent()).toContain("is saved");
    expect(await page.locator("[data-paper-form] [aria-invalid]").count()).toBe(0);
    expect(await page.locator("[data-paper-form] [id$='-error']").count()).toBe(0);
    await page.context().close();
  });
});

describe("the date of a paper response", () => {
  it("is the day the sheet was received, on /track, in the API and in the kiosk's look-up, not the day it was typed in", async ({ expect }) => {
    const reference = await newSheetReference();
    const received = daysAgo(9);
    const entered = await fetch(`${site().url}/api/admin/paper/sheets`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ reference, receivedOn: received.written, comments: [{ paragraph: "3.2", text: "Written on paper." }] }),
    });
    expect(entered.status).toBe(201);
    const api = (await (await fetch(`${site().url}/api/responses/${reference}`)).json()) as { receivedOn?: string; channel: string };
    expect(api).toMatchObject({ channel: "paper", receivedOn: received.stored });

    const page = await newPage(browser());
    // The QR code's address fills the box; the look-up is posted.
    await page.goto(`${site().url}/track?reference=${reference}`);
    await page.locator("form button[type=submit]").first().click();
    const line = (await page.locator("[data-received]").textContent())!;
    expect(line).toContain(`Received on ${received.said}`);
    expect(line).not.toContain(daysAgo(0).said);
    for (const [prefix, words] of [["/es", "Recibida el"], ["/it", "Ricevuta il"]] as const) {
      await page.goto(`${site().url}${prefix}/track?reference=${reference}`);
      await page.locator("form button[type=submit]").first().click();
      expect(await page.locator("[data-received]").textContent()).toContain(words);
    }

    // At the kiosk, "Look up my reference" says the same, ready to print on the slip printer.
    await kioskWithStaffCode(page);
    await page.getByRole("button", { name: "Look up my reference" }).first().click();
    await page.getByLabel("Your reference").fill(reference);
    await page.getByRole("button", { name: "Look up" }).click();
    await expect.poll(() => page.locator("[data-lookup-result]").textContent()).toContain(`Received on ${received.said}`);
    await page.context().close();
  });
});
