import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { extractText, getDocumentProxy } from "unpdf";
import { axeViolations, newPage, OPEN_NOW, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-paper";
const SECTIONS = ["about", "advice", "streets", "homes", "care"];

// Open now, whatever today is, so a sheet received yesterday counts.
const { site, browser } = siteAndBrowserForFile({ ADMIN_TOKEN, ...OPEN_NOW });

async function signedInPage(): Promise<Page> {
  const page = await newPage(browser());
  await page.goto(`${site().url}/admin/sign-in/`);
  await page.getByLabel("Your name").fill("Sam Patel");
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

/** The page as Chromium prints it on A4: the size of its first page in points and the text of every page. */
async function printedPdf(page: Page): Promise<{ width: number; height: number; pages: string[] }> {
  await page.emulateMedia({ media: "print" });
  const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ format: "A4", printBackground: false })));
  const [, , width, height] = (await pdf.getPage(1)).view as number[];
  const { text } = await extractText(pdf, { mergePages: false });
  await page.emulateMedia({ media: "screen" });
  return { width: width!, height: height!, pages: text };
}

/** Each sheet's printed text: from the page showing its reference up to the next sheet's. */
function sheetTexts(pages: string[], references: string[]): string[] {
  const starts = references.map((reference) => pages.findIndex((text) => text.includes(reference)));
  return starts.map((start, index) => (start < 0 ? "" : pages.slice(start, starts[index + 1] ?? pages.length).join("\n")));
}

/** The numbers not found in the text in the draft's order, each standing alone ("3.2", not part of "13.2" or "3.21"). */
function missingInOrder(text: string, numbers: string[]): string[] {
  let from = 0;
  const missing: string[] = [];
  for (const number of numbers) {
    const found = new RegExp(`(?<![\\d.])${number.replace(".", "\\.")}(?![\\d])`, "g");
    found.lastIndex = from;
    const match = found.exec(text);
    if (match) from = match.index + number.length;
    else missing.push(number);
  }
  return missing;
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

describe("support workers' staff codes in the officers' area", () => {
  it("gives a support worker a code shown once, which opens the kiosk's paper routes, names them in the audit log, and revokes it", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site().url}/admin/kiosks/`);
    await page.getByLabel("Place").fill("Hope hostel");
    await page.getByRole("button", { name: "Issue key" }).click();
    const key = (await page.locator("[data-kiosk-key]").textContent())!;
    // A name is needed; the error is at the field.
    await page.getByRole("button", { name: "Give a staff code at Hope hostel" }).click();
    const section = page.getByRole("region", { name: "Staff codes for Hope hostel" });
    expect(await section.locator(".error-message").textContent()).toContain("Enter the support worker's name");
    expect(await axeViolations(page)).toEqual([]);
    await section.getByLabel("Support worker's name").fill("Ana Ruiz");
    await section.getByRole("button", { name: "Give a staff code at Hope hostel" }).click();
    const code = (await page.locator("[data-staff-code]").textContent())!;
    expect(code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    expect(await page.getByRole("heading", { name: "Staff code for Ana Ruiz at Hope hostel" }).isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    const read = (headers: Record<string, string>) => fetch(`${site().url}/api/paper/sheets/K7M4Q-2XD9P`, { headers });
    // The key alone is not enough; with the code the sheet is looked for (and, never typed in, not found).
    expect((await read({ "Kiosk-Key": key })).status).toBe(401);
    expect((await read({ "Kiosk-Key": key, "Staff-Code": code })).status).toBe(404);
    // Shown once: the page again does not hold it.
    await page.goto(`${site().url}/admin/kiosks/`);
    expect(await page.content()).not.toContain(code);
    await page.getByRole("button", { name: "Revoke the staff code of Ana Ruiz" }).click();
    await page.waitForURL(/saved/);
    expect((await read({ "Kiosk-Key": key, "Staff-Code": code })).status).toBe(403);
    await page.goto(`${site().url}/admin/audit/`);
    const audit = (await page.locator("main").textContent())!;
    expect(audit).toContain("Gave a support worker a staff code");
    expect(audit).toContain("Revoked a support worker's staff code");
    await page.context().close();
  });
});

describe("paper forms", () => {
  it("names the postal address on the plain form, so a form can be posted", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/print/`);
    const { pages } = await printedPdf(page);
    expect(pages.join("\n").replace(/\s+/g, " ")).toContain("post it to: Plan Consultation, Testshire Council, 2 Market Square, Testshire TS1 1AA");
    await page.context().close();
  });

  it("prints a batch: one A4 sheet per reference with its QR code and every paragraph number", async ({ expect }) => {
    const page = await signedInPage();
    const numbers = await draftNumbers(page);
    expect(numbers.length).toBeGreaterThan(5);
    await page.goto(`${site().url}/admin/paper/`);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("How many sheets").fill("2");
    await page.getByLabel("Large print").check();
    await page.getByLabel(/^Long form/).check();
    await page.getByRole("button", { name: "Make forms to print" }).click();
    await page.waitForURL(/\/print\/\?/);
    const sheets = page.locator("main.sheet");
    expect(await sheets.count()).toBe(2);
    const references = await page.locator(".sheet-head .reference").allTextContents();
    expect(references.every((reference) => /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(reference))).toBe(true);
    // On the form and on the slip the person keeps.
    expect(await page.locator(".reference-box svg").count()).toBe(4);
    expect(await page.locator("body.large").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);

    await page.emulateMedia({ media: "print" });
    const printed = await sheets.first().locator("[data-paragraph-number]").evaluateAll((nodes) =>
      nodes.filter((node) => (node as HTMLElement).offsetParent !== null).map((node) => node.getAttribute("data-paragraph-number")),
    );
    expect(printed).toEqual(numbers);
    await page.emulateMedia({ media: "screen" });

    // On paper, as Chromium prints it on A4: each sheet starts on its own page with its reference,
    // and every paragraph number of the draft follows in order.
    const large = await printedPdf(page);
    // A4 is 595 by 842 points; Chromium rounds its size in inches, so allow a point or two.
    expect(Math.abs(large.width - 595)).toBeLessThan(2);
    expect(Math.abs(large.height - 842)).toBeLessThan(2);
    const largeSheets = sheetTexts(large.pages, references);
    expect(largeSheets.map((text) => missingInOrder(text, numbers))).toEqual([[], []]);
    // Each reference is printed whole, as it is typed back in: on the form, then on its slip.
    expect(large.pages.flatMap((text) => text.match(/\b[0-9A-Z]{5}-[0-9A-Z]{5}\b/g) ?? [])).toEqual(references.flatMap((reference) => [reference, reference]));

    // The standard size says the same on fewer pages.
    await page.goto(`${site().url}/print/?${new URLSearchParams({ references: references.join(" "), layout: "full" })}`);
    expect(await page.locator("body.large").count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    const standard = await printedPdf(page);
    expect(Math.abs(standard.width - 595)).toBeLessThan(2);
    expect(sheetTexts(standard.pages, references).map((text) => missingInOrder(text, numbers))).toEqual([[], []]);
    expect(standard.pages.length).toBeLessThan(large.pages.length);

    // The compact form: the same numbers, each with its box, without the draft's words.
    await page.emulateMedia({ media: "screen" });
    await page.goto(`${site().url}/print/?${new URLSearchParams({ references: references[0]!, layout: "compact" })}`);
    expect(await page.locator("[data-paragraph-number]").evaluateAll((nodes) => nodes.map((node) => node.getAttribute("data-paragraph-number")))).toEqual(numbers);
    expect(await page.locator("[data-paragraph-number] .write-in").count()).toBe(numbers.length);
    expect(await page.locator("main").textContent()).not.toContain("Our outreach team will meet anyone");
    expect(await axeViolations(page)).toEqual([]);
    const compact = await printedPdf(page);
    expect(sheetTexts(compact.pages, [references[0]!]).map((text) => missingInOrder(text, numbers))).toEqual([[]]);
    expect(compact.pages.join("\n")).not.toContain("Our outreach team will meet anyone");
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

  it("corrects a sheet with more comments than the form's six rows, keeping every one, and who responded", async ({ expect }) => {
    const page = await signedInPage();
    const [reference] = ((await (
      await page.request.post(`${site().url}/api/admin/paper/batches`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` }, data: { count: 1 } })
    ).json()) as { references: string[] }).references;
    const numbers = ["1.1", "1.2", "2.1", "2.2", "3.1", "3.2", "3.3", "4.1"];
    const entered = await page.request.post(`${site().url}/api/admin/paper/sheets`, {
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}` },
      data: { reference, receivedOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10), comments: numbers.map((paragraph) => ({ paragraph, text: `On ${paragraph}.` })) },
    });
    expect(entered.status()).toBe(201);

    await page.goto(`${site().url}/admin/paper/`);
    await page.getByLabel("Reference on the sheet").fill(reference!);
    await page.getByLabel("Date received").fill(new Date(Date.now() - 86_400_000).toISOString().slice(0, 10));
    await page.getByLabel("Paragraph number for comment 1").fill("3.2");
    await page.getByLabel("Comment 1", { exact: true }).fill("Something else.");
    // A long sheet needs more rows: asking for them keeps what was typed and saves nothing yet.
    await page.getByRole("button", { name: "Add another comment" }).click();
    await page.getByLabel("Comment 12", { exact: true }).waitFor();
    expect(await page.getByLabel("Comment 1", { exact: true }).inputValue()).toBe("Something else.");
    await page.getByRole("button", { name: "Save the form" }).click();
    await expect.poll(() => page.getByText(/was typed in already/).count()).toBe(1);
    expect(await page.getByLabel("Comment 8", { exact: true }).inputValue()).toBe("On 4.1.");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Comment 8", { exact: true }).fill("On 4.1, corrected.");
    await page.getByLabel("An individual").check();
    await page.getByRole("button", { name: "Save the correction" }).click();
    await expect.poll(() => page.getByText(`Form ${reference} is saved.`).count()).toBe(1);

    const tracked = (await (await fetch(`${site().url}/api/responses/${reference}`)).json()) as { comments: { text: string }[] };
    expect(tracked.comments.map((comment) => comment.text)).toEqual([...numbers.slice(0, 7).map((number) => `On ${number}.`), "On 4.1, corrected."]);
    const sheet = (await (await page.request.get(`${site().url}/api/admin/paper/sheets/${reference}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json()) as { respondentType: string };
    expect(sheet.respondentType).toBe("individual");
    await page.context().close();
  });
});
