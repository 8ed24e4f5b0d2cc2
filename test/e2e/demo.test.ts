/**
 * The one end-to-end check of the shipped demo consultation (content/), as
 * built by `npm run build`: every other test runs on the fixture consultation,
 * so a council can replace content/ with its own strategy and keep a green
 * `npm test`. Expectations here are read from content/ itself.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser } from "playwright-core";
import { loadContent } from "../../functions/consultation/content.ts";
import { readContentSources } from "../../functions/consultation/read-content.ts";
import { OUT_DIR } from "../../scripts/local-server.ts";
import { axeViolations, releaseBrowser, sharedBrowser, newPage, startSite, type Site } from "./harness.ts";

const demo = loadContent(readContentSources("."));

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00" }, OUT_DIR);
  browser = await sharedBrowser();
});

afterAll(async () => {
  await releaseBrowser(browser);
  await site?.stop();
});

describe("the shipped consultation", () => {
  it("is served whole: its title, every section, and a comment on its first paragraph that can be tracked", async ({ expect }) => {
    const [section] = demo.draft.sections;
    const [paragraph] = section!.paragraphs;
    const checked = await newPage(browser);
    for (const path of ["/", `/draft/${section!.slug}/`]) {
      await checked.goto(`${site.url}${path}`);
      expect(await axeViolations(checked), path).toEqual([]);
    }
    await checked.context().close();

    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/`);
    expect(await page.locator("h1").innerText()).toContain(demo.settings.title);

    await page.goto(`${site.url}/draft/`);
    const listed = await page.locator("ol.contents a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
    expect(listed).toEqual(demo.draft.sections.map((section) => `/draft/${section.slug}/`));

    await page.goto(`${site.url}/draft/${section!.slug}/`);
    expect(await page.locator("[data-paragraph]").count()).toBe(section!.paragraphs.length);
    await page.getByRole("link", { name: `Comment on paragraph ${paragraph!.number}` }).click();
    await page.getByLabel(`Your comment on paragraph ${paragraph!.number}`).fill("The demo takes a comment.");
    await page.getByRole("button", { name: "Send comment" }).click();
    const reference = (await page.locator(".reference").innerText()).trim();
    const tracked = (await (await fetch(`${site.url}/api/responses/${reference}`)).json()) as { comments: { paragraph: string }[] };
    expect(tracked.comments.map((comment) => comment.paragraph)).toEqual([paragraph!.id]);
    await page.context().close();
  });

  it("fits a 320 px wide screen with its own words: its title, its sections and its contact address", async ({ expect }) => {
    const page = await newPage(browser, { viewport: { width: 320, height: 640 } });
    // The demo's own words (its long contact email among them) must reflow too, not only the fixture's.
    for (const path of ["/", "/draft/", ...demo.draft.sections.map((section) => `/draft/${section.slug}/`), "/privacy/", "/accessibility/", "/comment/general", "/track", "/print/", "/print/booklet/", "/easy-read/", "/easy-read/comment/general"]) {
      await page.goto(`${site.url}${path}`);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), path).toBeLessThanOrEqual(0);
    }
    await page.context().close();
  });

  // Starts a second server for the published outcome, so it takes longer than the others.
  it("keeps its final version to itself while comments are taken, and serves it, with what changed in each section, once published", { timeout: 180_000 }, async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/final/`);
    expect(await page.locator("main").innerText()).toContain("are to come");
    if (!demo.final) return void (await page.context().close());
    const published = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2026-02-06T17:00:00+00:00", RESULTS_PUBLISHED_AT: "2026-03-02T09:00:00+00:00" }, OUT_DIR);
    const changed = [...demo.final.fates].find(([, fate]) => fate.kind === "revised")!;
    const section = demo.draft.sections.find((candidate) => candidate.paragraphs.some((paragraph) => paragraph.id === changed[0]))!;
    try {
      for (const path of ["/final/", `/final/${section.slug}/`, `/changes/${section.slug}/`]) {
        await page.goto(`${published.url}${path}`);
        expect(await axeViolations(page), path).toEqual([]);
      }
      expect(await page.locator(`#${changed[0]} .change-kind`).innerText()).toBe("Changed");
      expect(await page.locator(`#${changed[0]} ins, #${changed[0]} del`).count()).toBeGreaterThan(0);
    } finally {
      await published.stop();
    }
    await page.context().close();
  });
});
