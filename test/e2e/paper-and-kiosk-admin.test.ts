import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { axeViolations, newPage, OPEN_NOW, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-paper";
const SECTIONS = ["about", "advice", "streets", "homes", "care"];

// Open now, whatever today is, so a sheet received yesterday counts.
const { site, browser } = siteAndBrowserForFile({ ADMIN_TOKEN, ...OPEN_NOW });

async function signedInPage(): Promise<Page> {
  const page = await newPage(browser());
  await page.goto(`${site().url}/admin/sign-in/`);
  await page.getByLabel("Officer token").fill(ADMIN_TOKEN);
  await page.getByLabel("Officer token").press("Enter");
  await page.waitForURL(`${site().url}/admin/`);
  return page;
}

/** Every paragraph number the draft shows, read from the built draft pages themselves. */
async function draftNumbers(page: Page): Promise<string[]> {
  const numbers: string[] = [];
  for (const slug of SECTIONS) {
    await page.goto(`${site().url}/draft/${slug}/`);
    numbers.push(...(await page.locator("[data-paragraph] .paragraph-number").allTextContents()));
  }
  return numbers;
}

describe("kiosks in the officers' area", () => {
  it("issues a key shown once, makes a set-up code a device can use, and revokes the kiosk", async ({ expect }) => {
    const page = await signedInPage();
    await page.getByRole("link", { name: "Kiosks" }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Place").fill("St Anne's day centre");
    await page.getByRole("button", { name: "Issue key" }).click();
    const key = await page.locator("[data-kiosk-key]").textContent();
    expect(key!.length).toBeGreaterThanOrEqual(43);
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Set-up code for St Anne's day centre" }).click();
    const code = await page.locator("[data-setup-code]").textContent();
    const device = await fetch(`${site().url}/api/kiosk/setup`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }) });
    expect(device.status).toBe(201);
    const { key: deviceKey } = (await device.json()) as { key: string };

    await page.getByRole("button", { name: "Revoke St Anne's day centre" }).click();
    await expect.poll(() => page.getByText(/^Revoked/).count()).toBe(1);
    const refused = await fetch(`${site().url}/api/kiosk`, { headers: { "Kiosk-Key": deviceKey } });
    expect(refused.status).toBe(403);
    await page.context().close();
  });
});

describe("paper forms", () => {
  it("prints a batch: one A4 sheet per reference with its QR code and every paragraph number", async ({ expect }) => {
    const page = await signedInPage();
    const numbers = await draftNumbers(page);
    expect(numbers.length).toBeGreaterThan(5);
    await page.goto(`${site().url}/admin/paper/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("How many sheets").fill("2");
    await page.getByLabel("Large print").check();
    await page.getByRole("button", { name: "Make forms to print" }).click();
    await page.waitForURL(/\/print\/\?/);
    const sheets = page.locator("main.sheet");
    expect(await sheets.count()).toBe(2);
    const references = await page.locator(".reference").allTextContents();
    expect(references.every((reference) => /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(reference))).toBe(true);
    expect(await page.locator(".reference-box svg").count()).toBe(2);
    expect(await page.locator("body.large").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.emulateMedia({ media: "print" });
    const printed = await sheets.first().locator("[data-paragraph-number]").evaluateAll((nodes) =>
      nodes.filter((node) => (node as HTMLElement).offsetParent !== null).map((node) => node.getAttribute("data-paragraph-number")),
    );
    expect(printed).toEqual(numbers);
    const pdf = await page.pdf({ format: "A4", printBackground: false });
    const text = pdf.toString("latin1");
    expect(text.startsWith("%PDF")).toBe(true);
    const box = /\/MediaBox\s*\[\s*0 0 ([\d.]+) ([\d.]+)\s*\]/.exec(text);
    expect(box, "the PDF names its page size").not.toBeNull();
    // A4 is 595 by 842 points; Chromium rounds its size in inches, so allow a point or two.
    expect(Math.abs(Number(box![1]) - 595)).toBeLessThan(2);
    expect(Math.abs(Number(box![2]) - 842)).toBeLessThan(2);
    expect(Number(/\/Count (\d+)/.exec(text)![1])).toBeGreaterThanOrEqual(2);

    // The compact form: the same numbers, each with its box, without the draft's words.
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${site().url}/print/?${new URLSearchParams({ references: references[0]!, layout: "compact" })}`);
    expect(await page.locator("[data-paragraph-number]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-paragraph-number")))).toEqual(numbers);
    expect(await page.locator("[data-paragraph-number] .write-in").count()).toBe(numbers.length);
    expect(await page.locator("main").textContent()).not.toContain("Our outreach team will meet anyone");
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("types a sheet in, and on typing it again shows what was entered for correcting instead of storing it twice", async ({ expect }) => {
    const page = await signedInPage();
    const batch = await page.request.post(`${site().url}/api/admin/paper/batches`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      data: { count: 1 },
    });
    const [reference] = ((await batch.json()) as { references: string[] }).references;
    const typeIn = async (text: string) => {
      await page.goto(`${site().url}/admin/paper/`);
      await page.getByLabel("Reference on the sheet").fill(reference!);
      await page.getByLabel("Date received").fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
      await page.getByLabel("Paragraph number for comment 1").fill("3.2");
      await page.getByLabel("Comment 1", { exact: true }).fill(text);
      await page.getByRole("button", { name: "Save the form" }).click();
    };
    await typeIn("Meet people sooner.");
    await expect.poll(() => page.getByText(`Form ${reference} is saved.`).count()).toBe(1);

    await typeIn("Different words from a second typist.");
    await expect.poll(() => page.getByText(/was typed in already/).count()).toBe(1);
    expect(await page.getByLabel("Comment 1", { exact: true }).inputValue()).toBe("Meet people sooner.");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Comment 1", { exact: true }).fill("Meet people sooner, please.");
    await page.getByRole("button", { name: "Save the correction" }).click();
    await expect.poll(() => page.getByText(`Form ${reference} is saved.`).count()).toBe(1);

    const tracked = (await (await fetch(`${site().url}/api/responses/${reference}`)).json()) as { channel: string; comments: { text: string }[] };
    expect(tracked).toMatchObject({ channel: "paper", comments: [{ text: "Meet people sooner, please." }] });
    // The officers' list says how it came and when the sheet was received.
    await page.goto(`${site().url}/admin/comments/?${new URLSearchParams({ reference: reference! })}`);
    expect(await page.locator("main").textContent()).toContain("Paper form received");
    await page.context().close();
  });
});
