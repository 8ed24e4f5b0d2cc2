/**
 * The kiosk's slips on a receipt printer, 80 mm wide: the receipt after
 * sending, and "Look up my reference" with the answer. Printed by Chromium at
 * that width, nothing runs past the paper's edge and the reference stays whole.
 */
import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { kioskSetupCode, OPEN_NOW, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-kiosk-slip";
const { site, browser } = siteAndBrowserForFile({ ADMIN_TOKEN, ...OPEN_NOW });
/** 80 mm in CSS pixels, and in PDF points. */
const SLIP_PX = Math.floor((80 / 25.4) * 96);
const SLIP_PT = (80 / 25.4) * 72;

/** What of `selector` a slip printer would cut off: each visible element whose box runs past the paper's right edge. */
async function pastTheEdge(page: Page, selector: string): Promise<string[]> {
  await page.setViewportSize({ width: SLIP_PX, height: 1000 });
  await page.emulateMedia({ media: "print" });
  const overflowing = await page.locator(selector).evaluate((slip, width) => {
    const nodes = [slip, ...slip.querySelectorAll("*")] as HTMLElement[];
    return nodes.filter((node) => node.getClientRects().length > 0 && node.getBoundingClientRect().right > width + 0.5).map((node) => `${node.tagName}: ${node.textContent!.slice(0, 40)}`);
  }, SLIP_PX);
  return overflowing;
}

/** The page printed on 80 mm paper, as the kiosk's print button sends it: its width in points and its text. */
async function printedSlip(page: Page): Promise<{ width: number; text: string }> {
  await page.emulateMedia({ media: "print" });
  const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ preferCSSPageSize: true, printBackground: false })));
  const [, , width] = (await pdf.getPage(1)).view as number[];
  const { text } = await extractText(pdf, { mergePages: true });
  await page.emulateMedia({ media: "screen" });
  return { width: width!, text: text.replace(/\s+/g, " ") };
}

describe("the kiosk's slips on an 80 mm receipt printer", () => {
  it("prints the receipt and the look-up within the paper, the reference whole", async ({ expect }) => {
    const code = await kioskSetupCode(site(), ADMIN_TOKEN);
    const context = await browser().newContext({ viewport: { width: 800, height: 1000 }, hasTouch: true });
    const page = await context.newPage();
    await page.goto(`${site().url}/kiosk/`);
    await page.getByLabel("Set-up code").fill(code);
    await page.getByRole("button", { name: "Set up" }).click();
    await page.getByRole("button", { name: "I am giving my own views" }).click();
    await page.getByRole("button", { name: "Say something about the whole plan" }).click();
    // A long word with no break, as a person might type one, must wrap too.
    await page.getByLabel("What do you think?").fill(`Please keep the day centre open at weekends. ${"Longwordwithoutanybreak".repeat(4)}`);
    await page.getByRole("button", { name: "Add to my response" }).click();
    await page.getByRole("button", { name: "Send my response" }).click();
    // The receipt's element is there before its reference is: read it once it is shown.
    await expect.poll(() => page.locator("[data-reference]").textContent(), { timeout: 30_000 }).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    const reference = (await page.locator("[data-reference]").textContent())!;
    // Looked up below, so it must have reached the server, not only the kiosk's queue.
    await page.getByRole("heading", { name: "Thank you. Your response has been sent." }).waitFor({ timeout: 30_000 });

    expect(await pastTheEdge(page, ".receipt")).toEqual([]);
    const receipt = await printedSlip(page);
    expect(Math.abs(receipt.width - SLIP_PT)).toBeLessThan(2);
    expect(receipt.text).toContain(reference);
    expect(receipt.text).toContain("/track");

    await page.setViewportSize({ width: 800, height: 1000 });
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("button", { name: "Look up my reference" }).first().click();
    await page.getByLabel("Your reference").fill(reference);
    await expect.poll(() => page.getByLabel("Your reference").inputValue()).toBe(reference);
    const lookedUp = page.waitForResponse((answer) => answer.url().endsWith(`/api/responses/${reference}`));
    await page.getByRole("button", { name: "Look up", exact: true }).click();
    expect((await lookedUp).status()).toBe(200);
    await expect.poll(() => page.locator("[data-lookup-result]").textContent(), { timeout: 15_000 }).toContain("Please keep the day centre open at weekends.");
    expect(await pastTheEdge(page, "[data-lookup-result]")).toEqual([]);
    const lookUp = await printedSlip(page);
    expect(Math.abs(lookUp.width - SLIP_PT)).toBeLessThan(2);
    expect(lookUp.text).toContain(reference);
    expect(lookUp.text).toContain("Please keep the day centre open at weekends.");
    await context.close();
  });
});
