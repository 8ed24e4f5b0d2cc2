/**
 * Paper people can keep: the short form with the plan's parts to tick and a
 * few large boxes, the reading booklet printed on its own, and on every sheet
 * a slip to tear off and keep with the reference, its QR code, when the
 * outcome is published and how to find out without the internet. As Chromium
 * prints them on A4.
 */
import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { axeViolations, newPage, OPEN_NOW, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-paper-forms";
const { site, browser } = siteAndBrowserForFile({ ADMIN_TOKEN, ...OPEN_NOW });
const PHONE = "01632 960000";
const ADDRESS = "Plan Consultation, Testshire Council, 2 Market Square, Testshire TS1 1AA";
const REFERENCE = /\b[0-9A-Z]{5}-[0-9A-Z]{5}\b/g;

/** The page as Chromium prints it on A4: each page's text with its spaces made single, and the first page's size in points. */
async function printedPdf(page: Page): Promise<{ width: number; height: number; pages: string[] }> {
  await page.emulateMedia({ media: "print" });
  const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ format: "A4", printBackground: false })));
  const [, , width, height] = (await pdf.getPage(1)).view as number[];
  const { text } = await extractText(pdf, { mergePages: false });
  await page.emulateMedia({ media: "screen" });
  return { width: width!, height: height!, pages: text.map((words) => words.replace(/\s+/g, " ")) };
}

async function issuedReferences(count: number): Promise<string[]> {
  const answer = await fetch(`${site().url}/api/admin/paper/batches`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify({ count }),
  });
  return ((await answer.json()) as { references: string[] }).references;
}

describe("the short paper form and its slip", () => {
  it("prints a batch with each sheet's reference on the form and on the slip the person keeps", async ({ expect }) => {
    const references = await issuedReferences(2);
    const page = await newPage(browser());
    await page.setExtraHTTPHeaders({ Authorization: `Bearer ${ADMIN_TOKEN}` });
    await page.goto(`${site().url}/print/?${new URLSearchParams({ references: references.join(" "), size: "large" })}`);
    const sheets = page.locator("main.sheet");
    expect(await sheets.count()).toBe(2);
    for (const [index, reference] of references.entries()) {
      const sheet = sheets.nth(index);
      expect(await sheet.locator(".sheet-head .reference").textContent()).toBe(reference);
      expect(await sheet.locator(".keep-slip .reference").textContent()).toBe(reference);
      // Both QR codes lead to this sheet's own look-up.
      expect(await sheet.locator("svg").count()).toBe(2);
    }
    // The short form: the plan's parts to tick, a few large boxes, and none of the draft's words.
    const first = sheets.first();
    expect(await first.locator("[data-plan-part]").allTextContents()).toEqual(["1. About this plan", "2. Advice early", "3. Off the streets", "4. Homes that last", "5. Health and care"]);
    expect(await first.locator("[data-comment-box] .write-in").count()).toBe(3);
    expect(await first.locator("[data-paragraph-number]").count()).toBe(0);
    expect(await page.locator("body.large").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    // In print, each reference stays whole inside its box.
    await page.emulateMedia({ media: "print" });
    const overflowing = await page.locator(".reference").evaluateAll((nodes) =>
      nodes.filter((node) => node.getBoundingClientRect().right > node.closest(".reference-box")!.getBoundingClientRect().right + 1).map((node) => node.textContent),
    );
    expect(overflowing).toEqual([]);
    const printed = await printedPdf(page);
    expect(Math.abs(printed.width - 595)).toBeLessThan(2);
    expect(Math.abs(printed.height - 842)).toBeLessThan(2);
    // Each reference twice, in order: on the form, then on its slip; a new sheet starts a new page.
    expect(printed.pages.flatMap((text) => text.match(REFERENCE) ?? [])).toEqual([references[0], references[0], references[1], references[1]]);
    const secondStarts = printed.pages.findIndex((text) => text.includes(references[1]!));
    expect(printed.pages[secondStarts - 1]).not.toContain(references[1]);
    // The slip, whole on one page: the reference, when results come, and how to ask without the internet.
    const slipPage = printed.pages.find((text) => text.includes("Keep this slip: it is your reference"))!;
    expect(slipPage).toContain(references[0]);
    expect(slipPage).toContain("We will say what we did about the comments on Monday 3 February 2031.");
    expect(slipPage).toContain("Show this slip to staff at the day centre or hostel");
    expect(slipPage).toContain(`Phone ${PHONE} and say your reference.`);
    expect(slipPage).toContain(`Write to: ${ADDRESS}`);
    await page.context().close();
  });

  it("keeps a standard-size sheet, slip included, to two pages", async ({ expect }) => {
    const references = await issuedReferences(2);
    const page = await newPage(browser());
    await page.setExtraHTTPHeaders({ Authorization: `Bearer ${ADMIN_TOKEN}` });
    await page.goto(`${site().url}/print/?${new URLSearchParams({ references: references.join(" ") })}`);
    const { pages } = await printedPdf(page);
    expect(pages.length).toBeLessThanOrEqual(4);
    expect(pages.findIndex((text) => text.includes(references[1]!))).toBeLessThanOrEqual(2);
    await page.context().close();
  });

  it("prints the blank form's slip with a box to copy the reference into, in every language", async ({ expect }) => {
    const page = await newPage(browser());
    for (const [prefix, words] of [["", "Keep this slip"], ["/es", "Guarde esta tira"], ["/it", "Conservi questo tagliando"]] as const) {
      await page.goto(`${site().url}${prefix}/print/`);
      expect(await page.locator(".keep-slip .reference-write-in").count()).toBe(1);
      expect(await page.locator(".keep-slip").textContent()).toContain(words);
      expect(await page.locator(".keep-slip").textContent()).toContain(PHONE);
      expect(await axeViolations(page)).toEqual([]);
      const printed = (await printedPdf(page)).pages.join(" ");
      expect(printed).toContain(words);
      expect(printed).toContain(ADDRESS);
    }
    await page.context().close();
  });

  it("prints the reading booklet on its own: every paragraph's number and words, the untranslated marked", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/print/`);
    await page.getByRole("link", { name: /reading booklet/ }).click();
    await page.waitForURL(/\/print\/booklet\/$/);
    const numbers = await page.locator("[data-paragraph-number]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-paragraph-number")));
    expect(numbers.length).toBeGreaterThan(5);
    expect(await page.locator("main").textContent()).toContain("Our outreach team will meet anyone");
    expect(await axeViolations(page)).toEqual([]);
    const printed = await printedPdf(page);
    expect(Math.abs(printed.width - 595)).toBeLessThan(2);
    const text = printed.pages.join(" ");
    for (const number of numbers) expect(text).toMatch(new RegExp(`(?<![\\d.])${number!.replace(".", "\\.")}(?!\\d)`));
    await page.goto(`${site().url}/it/print/booklet/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("it");
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });
});
