import { describe, it } from "vitest";
import { readFileSync } from "node:fs";
import { loadContent } from "../../functions/consultation/content.ts";
import { readContentSources } from "../../functions/consultation/read-content.ts";
import { axeViolations, newPage, OPEN_NOW, RESULTS_PUBLISHED, siteAndBrowserForFile, startSite } from "./harness.ts";

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
    // The address changes when the next page starts to arrive: it is read once it has loaded.
    await page.waitForLoadState();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("The fixture plan: easy read");
    expect(await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents()).toEqual(["Off the streets", "Health"]);
    expect(await page.getByRole("img").evaluateAll((images) => images.map((image) => image.getAttribute("aria-label")))).toEqual(
      [...source.matchAll(/^picture: \w+ \| (.+)$/gm)].map((match) => match[1]),
    );
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("offers to comment on the paragraph each idea is about, and the link opens a comment screen in easy words", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/easy-read/`);
    const links = page.getByRole("link", { name: /^Tell us what you think about this/ });
    expect(await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(
      ideasAbout.map((id) => `/easy-read/comment/${id}`),
    );
    // Each link says which paragraph it is about, so a list of links read out of context still makes sense.
    expect(await links.allTextContents()).toEqual(ideasAbout.map((id) => `Tell us what you think about this (paragraph ${draft.paragraphs.get(id)!.number} of the draft)`));

    await links.nth(1).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe(`/easy-read/comment/${ideasAbout[1]}`);
    await page.waitForLoadState();
    // The idea's own lines and picture, not the draft's dense paragraph.
    const main = (await page.getByRole("main").textContent())!;
    expect(main).not.toContain(draft.paragraphs.get(ideasAbout[1]!)!.markdown);
    const idea = source.split(/\n\s*\n/).find((block) => block.includes(`paragraph: ${ideasAbout[1]}`))!;
    for (const line of idea.split("\n").filter((text) => text.trim() && !/^(#|picture:|paragraph:)/.test(text))) expect(main).toContain(line);
    expect(await page.locator("[data-easy-idea] [role=img]").getAttribute("aria-label")).toBe(/^picture: \w+ \| (.+)$/m.exec(idea)![1]);
    // One large box, with the warning not to write a name, tied to it; then send.
    const box = page.getByLabel("Write what you think here");
    expect(await page.locator("#comment-hint").textContent()).toBe("Do not write your name. Do not write where you live.");
    expect(await box.getAttribute("aria-describedby")).toContain("comment-hint");
    expect(await axeViolations(page)).toEqual([]);
    await box.fill("More help at night, please.");
    await page.getByRole("button", { name: "Send" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/confirmation");
    await page.waitForLoadState();
    const sent = (await page.getByRole("main").textContent())!;
    const reference = /[0-9A-Z]{5}-[0-9A-Z]{5}/.exec(sent)![0];
    const stored = (await (await fetch(`${site().url}/api/responses/${reference}`)).json()) as { comments: { paragraph: string; text: string }[] };
    expect(stored.comments).toEqual([expect.objectContaining({ paragraph: ideasAbout[1], text: "More help at night, please." })]);
    await page.context().close();
  });

  it("offers a comment screen in easy words on the whole plan, and none for a paragraph easy read does not cover", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/easy-read/`);
    await page.getByRole("link", { name: "Tell us what you think about the whole plan" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/easy-read/comment/general");
    await page.waitForLoadState();
    expect(await page.getByText("This is about the whole plan.").count()).toBe(1);
    expect(await page.getByLabel("Write what you think here").count()).toBe(1);
    expect(await axeViolations(page)).toEqual([]);
    const covered = new Set(ideasAbout);
    const uncovered = [...draft.paragraphs.keys()].find((id) => !covered.has(id))!;
    expect((await fetch(`${site().url}/easy-read/comment/${uncovered}`)).status).toBe(404);
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
  }, 240_000);
});

describe("the easy-read version once the outcome is published", () => {
  it("leads with what people said and what the council did, and the finished plan, before the draft's ideas", async ({ expect }) => {
    const published = await startSite(RESULTS_PUBLISHED);
    try {
      const page = await newPage(browser());
      for (const [prefix, title] of [["", "You said, we did"], ["/es", "Ustedes dijeron, nosotros hicimos"]] as const) {
        await page.goto(`${published.url}${prefix}/easy-read/`);
        const headings = await page.getByRole("main").getByRole("heading", { level: 2 }).allTextContents();
        expect(headings[0]).toBe(title);
        const lead = page.locator("[data-when-published].results-lead");
        expect(await lead.isVisible()).toBe(true);
        expect(await lead.locator("a").evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual([`${prefix}/you-said-we-did`, `${prefix}/final/`]);
        // The outcome comes before the first idea, and before any closing date the draft's ideas give.
        const order = await page.evaluate(() => {
          const lead = document.querySelector(".results-lead")!;
          const idea = document.querySelector(".idea")!;
          return Boolean(lead.compareDocumentPosition(idea) & Node.DOCUMENT_POSITION_FOLLOWING);
        });
        expect(order).toBe(true);
        expect(await page.getByRole("link", { name: /think about/ }).count()).toBe(0);
        expect(await axeViolations(page)).toEqual([]);
      }
      await page.context().close();
    } finally {
      await published.stop();
    }
  }, 240_000);

  it("does not lead with an outcome while comments are taken", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/easy-read/`);
    expect(await page.locator("[data-when-published]").count()).toBe(0);
    await page.context().close();
  });
});

describe("the easy-read version and the accessibility statement in other languages", () => {
  it("shows the Spanish easy read in Spanish, linking to the Spanish comment forms", async ({ expect }) => {
    const spanish = readFileSync("test/fixtures/content/easy-read/es.md", "utf8");
    const page = await newPage(browser());
    await page.goto(`${site().url}/es/`);
    await page.getByRole("link", { name: "Leer la versión de lectura fácil, con dibujos" }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe("/es/easy-read/");
    await page.waitForLoadState();
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe(/^# (.+)$/m.exec(spanish)![1]);
    expect(await page.locator(".translation-note").count()).toBe(0);
    const links = page.getByRole("link", { name: /^Díganos qué piensa sobre esto/ });
    expect(await links.evaluateAll((anchors) => anchors.map((a) => new URL((a as HTMLAnchorElement).href).pathname))).toEqual(
      [...spanish.matchAll(/^paragraph: (.+)$/gm)].map((match) => `/es/easy-read/comment/${match[1]}`),
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
    expect(await page.getByRole("link", { name: /^Ci dica cosa pensa di questo/ }).first().getAttribute("href")).toBe(`/it/easy-read/comment/${ideasAbout[0]}`);
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

