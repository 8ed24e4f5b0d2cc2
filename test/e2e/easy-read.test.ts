import { describe, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadContent } from "../../functions/consultation/content.ts";
import { readContentSources } from "../../functions/consultation/read-content.ts";
import { axeViolations, newPage, OPEN_NOW, siteAndBrowserForFile, startSite } from "./harness.ts";

const { draft } = loadContent(readContentSources("test/fixtures"));
const { site, browser } = siteAndBrowserForFile(OPEN_NOW);

/** The fixture's easy-read file, as its author wrote it. */
const source = readFileSync("test/fixtures/content/easy-read/en.md", "utf8");
const ideasAbout = [...source.matchAll(/^paragraph: (.+)$/gm)].map((match) => match[1]!);

describe("the easy-read version", () => {
  it("is linked from the home page and shows each idea with its picture, named for people who cannot see it", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/`);
    await page.getByRole("link", { name: "Read the easy read version, with pictures" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/easy-read/");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("The fixture plan: easy read");
    expect(await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents()).toEqual(["Off the streets", "Health"]);
    expect(await page.getByRole("img").evaluateAll((images) => images.map((image) => image.getAttribute("aria-label")))).toEqual(
      [...source.matchAll(/^picture: \w+ \| (.+)$/gm)].map((match) => match[1]),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("offers to comment on the paragraph each idea is about, and the link opens that paragraph's form", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/easy-read/`);
    const links = page.getByRole("link", { name: /^Tell us what you think about this/ });
    expect(await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(
      ideasAbout.map((id) => `/comment/${id}`),
    );
    // Each link says which paragraph it is about, so a list of links read out of context still makes sense.
    expect(await links.allTextContents()).toEqual(ideasAbout.map((id) => `Tell us what you think about this (paragraph ${draft.paragraphs.get(id)!.number} of the draft)`));

    await links.nth(1).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/comment/${ideasAbout[1]}`);
    expect(await page.getByRole("main").textContent()).toContain(draft.paragraphs.get(ideasAbout[1]!)!.markdown);
    await page.context().close();
  });

  it("reflows at 320 CSS px, and reads without JavaScript", async ({ expect }) => {
    const page = await newPage(browser(), { viewport: { width: 320, height: 640 }, javaScriptEnabled: false });
    await page.goto(`${site().url}/easy-read/`);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    expect(await page.getByRole("link", { name: /^Tell us what you think about this/ }).count()).toBe(ideasAbout.length);
    await page.context().close();
  });
});

describe("the easy-read version once comments are no longer taken", () => {
  it("still reads, with no links to a form that would refuse the comment", async ({ expect }) => {
    const closed = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2026-02-06T17:00:00+00:00" });
    try {
      const page = await newPage(browser());
      await page.goto(`${closed.url}/easy-read/`);
      expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("The fixture plan: easy read");
      expect(await page.getByRole("link", { name: /think about/ }).count()).toBe(0);
      expect(await page.getByText(/This consultation closed at/).count()).toBeGreaterThan(0);
      await page.context().close();
    } finally {
      await closed.stop();
    }
  });
});

describe("the easy-read version and the accessibility statement in other languages", () => {
  it("shows the Spanish easy read in Spanish, linking to the Spanish comment forms", async ({ expect }) => {
    const spanish = readFileSync("test/fixtures/content/easy-read/es.md", "utf8");
    const page = await newPage(browser());
    await page.goto(`${site().url}/es/`);
    await page.getByRole("link", { name: "Leer la versión de lectura fácil, con dibujos" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/es/easy-read/");
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(/^# (.+)$/m.exec(spanish)![1]);
    expect(await page.locator(".translation-note").count()).toBe(0);
    const links = page.getByRole("link", { name: /^Díganos qué piensa sobre esto/ });
    expect(await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(
      [...spanish.matchAll(/^paragraph: (.+)$/gm)].map((match) => `/es/comment/${match[1]}`),
    );
    await page.context().close();
  });

  it("shows the English easy read on an Italian page when there is no Italian one, marked as English and said so in Italian", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/it/easy-read/`);
    expect(await page.locator("html").getAttribute("lang")).toBe("it");
    const heading = page.getByRole("heading", { level: 1 });
    expect(await heading.textContent()).toBe("The fixture plan: easy read");
    expect(await heading.getAttribute("lang")).toBe("en");
    expect(await page.locator(".translation-note").innerText()).toBe("Questa pagina non è ancora tradotta, per questo è mostrata in inglese.");
    // The words are English; the links around them stay Italian and lead to the Italian forms.
    expect(await page.locator(".idea p[lang='en']").allTextContents()).toEqual(source.split("\n").filter((line) => line.trim() && !/^(#|picture:|paragraph:)/.test(line)));
    expect(await page.getByRole("link", { name: /^Ci dica cosa pensa di questo/ }).first().getAttribute("href")).toBe(`/it/comment/${ideasAbout[0]}`);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("shows the accessibility statement content/ translates in that language, and the English one elsewhere, marked", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/es/accessibility/`);
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Declaración de accesibilidad");
    expect(await page.locator(".translation-note").count()).toBe(0);
    await page.goto(`${site().url}/it/accessibility/`);
    expect(await page.getByRole("heading", { level: 1 }).getAttribute("lang")).toBe("en");
    expect(await page.locator(".translation-note").count()).toBe(1);
    await page.context().close();
  });
});

