import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser } from "playwright-core";
import { readFileSync } from "node:fs";
import { pageWeight, SECTION_BUDGET_GZIP } from "../../bench/page-weight.ts";
import { FIXTURE_OUT_DIR } from "../../scripts/local-server.ts";
import { loadContent } from "../../functions/consultation/content.ts";
import { readContentSources } from "../../functions/consultation/read-content.ts";
import { axeViolations, commentingEnhanced, releaseBrowser, sharedBrowser, newPage, pageBasics, startSite, type Site } from "./harness.ts";

/** The fixture consultation this site was built from (npm run build:fixture). */
const fixture = loadContent(readContentSources("test/fixtures"));

let site: Site;
let browser: Browser;
let sectionPaths: string[];

beforeAll(async () => {
  // 18 December 2099 is a Friday, like the content's closing date.
  site = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00" });
  browser = await sharedBrowser();
  const page = await newPage(browser);
  await page.goto(`${site.url}/draft/`);
  sectionPaths = await page.locator("ol.contents a").evaluateAll((links) => links.map((a) => new URL((a as HTMLAnchorElement).href).pathname));
  await page.context().close();
});

/** The same site closed on 6 February 2026: started by the first test that asks for it, and shared, since none of them changes it. */
let closedSite: Promise<Site> | undefined;
const closedOnSixthFebruary = () => (closedSite ??= startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2026-02-06T17:00:00+00:00" }));

afterAll(async () => {
  await releaseBrowser(browser);
  await Promise.all([site?.stop(), closedSite?.then((closed) => closed.stop())]);
});

describe("every page type passes axe with zero violations", () => {
  const pageTypes = {
    home: "/",
    contents: "/draft/",
    section: "/draft/streets/",
    "comment on a paragraph": "/comment/streets-2",
    "comment on the whole strategy": "/comment/general",
    "accessibility statement": "/accessibility/",
    "easy read": "/easy-read/",
    "privacy notice": "/privacy/",
    "page not found": "/no-such-page/",
    "look up a comment": "/track",
    "a confirmation already shown": "/confirmation",
  };
  for (const [name, path] of Object.entries(pageTypes)) {
    it(`${name} (${path})`, async ({ expect }) => {
      expect(await pageBasics(browser, `${site.url}${path}`)).toEqual({ lang: "en", h1: 1, violations: [] });
    });
  }
});

describe("reading the draft", () => {
  it("lists every section on the contents page, in order", async ({ expect }) => {
    expect(sectionPaths).toEqual(fixture.draft.sections.map((section) => `/draft/${section.slug}/`));
  });

  it("works with JavaScript disabled, with a number and a comment link beside every paragraph", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    let paragraphs = 0;
    for (const path of sectionPaths) {
      await page.goto(`${site.url}${path}`);
      const blocks = page.locator("[data-paragraph]");
      const count = await blocks.count();
      expect(count, path).toBeGreaterThan(0);
      for (let index = 0; index < count; index++) {
        const block = blocks.nth(index);
        const id = await block.getAttribute("data-paragraph");
        expect(await block.getAttribute("id")).toBe(id);
        const number = (await block.locator(".paragraph-number").innerText()).trim();
        expect(number).toMatch(/^\d+\.\d+$/);
        await expect(block.getByRole("link", { name: `Comment on paragraph ${number}` }).isVisible()).resolves.toBe(true);
      }
      paragraphs += count;
    }
    expect(paragraphs).toBe(fixture.draft.paragraphs.size);
    await page.context().close();
  });

  it("gives every paragraph a unique id across the whole draft", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    const ids: string[] = [];
    for (const path of sectionPaths) {
      await page.goto(`${site.url}${path}`);
      ids.push(...(await page.locator("[data-paragraph]").evaluateAll((nodes) => nodes.map((n) => n.getAttribute("data-paragraph")!))));
    }
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...fixture.draft.paragraphs.keys()]);
    await page.context().close();
  });

  it("links straight to a paragraph with a fragment, and from it to commenting on it", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/draft/streets/`);
    const second = page.locator("[data-paragraph]").nth(1);
    const id = await second.getAttribute("data-paragraph");
    const text = (await second.locator("p").first().innerText()).trim();
    await page.goto(`${site.url}/draft/streets/#${id}`);
    expect(await page.evaluate(() => document.querySelector(":target")?.getAttribute("data-paragraph"))).toBe(id);
    await page.getByRole("link", { name: "Comment on paragraph 3.2" }).click();
    expect(new URL(page.url()).pathname).toBe(`/comment/${id}`);
    expect(await page.locator("h1").innerText()).toBe("Comment on paragraph 3.2");
    expect(await page.locator("blockquote").innerText()).toContain(text.slice(0, 60));
    await page.context().close();
  });

  it("asks for the commenting script and the modules it imports only once the page has painted its content, all at once", async ({ expect }) => {
    for (const path of ["/comment/general", sectionPaths[0]!]) {
      const page = await newPage(browser);
      await page.goto(`${site.url}${path}`);
      await commentingEnhanced(page);
      // When each was asked for and arrived, as the browser itself records it, on the same clock as the first paint.
      const { firstPaint, scripts } = await page.evaluate(() => ({
        firstPaint: performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN,
        scripts: (performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((entry) => new URL(entry.name).pathname.endsWith(".js"))
          .map((entry) => ({ path: new URL(entry.name).pathname, startTime: entry.startTime, responseEnd: entry.responseEnd })),
      }));
      expect(scripts.map((script) => script.path).sort(), path).toEqual(["/comment.js", "/plural-rules.js", "/text-rules.js"]);
      expect(scripts.filter((script) => !(script.startTime >= firstPaint)), `${path}: asked for before the first paint at ${firstPaint} ms`).toEqual([]);
      // Each module is asked for beside the script, none only once the script that imports it has arrived.
      const commentScript = scripts.find((script) => script.path === "/comment.js")!;
      expect(scripts.filter((script) => script.startTime >= commentScript.responseEnd), path).toEqual([]);
      await page.context().close();
    }
  });

  it("still enhances the forms in a browser that reports no paints, once it has drawn a frame", async ({ expect }) => {
    const page = await newPage(browser);
    await page.addInitScript(() => {
      // As a browser without paint timing: it lists no paint entries and never reports one.
      Object.defineProperty(PerformanceObserver, "supportedEntryTypes", { get: () => [] });
      const observe = PerformanceObserver.prototype.observe;
      PerformanceObserver.prototype.observe = function (options) {
        if (options?.type !== "paint") observe.call(this, options);
      };
    });
    await page.goto(`${site.url}/comment/general`);
    await commentingEnhanced(page);
    expect(await page.locator("#comment-count").innerText()).toBe("You have 5,000 characters remaining");
    await page.context().close();
  });

  it("asks for no script at all with JavaScript off, where the forms work without it", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    const requests: string[] = [];
    page.on("request", (request) => void requests.push(new URL(request.url()).pathname));
    for (const path of ["/comment/general", "/es/comment/streets-2", ...sectionPaths]) {
      await page.goto(`${site.url}${path}`);
      await page.waitForLoadState("networkidle");
    }
    expect(requests.filter((request) => request.endsWith(".js"))).toEqual([]);
    await page.context().close();
  });

  it("loads no web font and nothing from another origin; the only scripts are the optional commenting one and the text and plural rules it shares with the server", async ({ expect }) => {
    const page = await newPage(browser);
    const requests: { url: string; type: string }[] = [];
    page.on("request", (request) => requests.push({ url: request.url(), type: request.resourceType() }));
    for (const path of ["/", "/draft/"]) await page.goto(`${site.url}${path}`);
    for (const path of sectionPaths) {
      await page.goto(`${site.url}${path}`);
      // The commenting script comes after the first paint, which may be after the load event.
      await commentingEnhanced(page);
    }
    expect(requests.filter((r) => !r.url.startsWith(site.url) && !r.url.startsWith("data:"))).toEqual([]);
    expect(requests.filter((r) => r.type === "font")).toEqual([]);
    const scripts = new Set(requests.filter((r) => r.type === "script").map((r) => new URL(r.url).pathname));
    expect([...scripts].sort()).toEqual(["/comment.js", "/plural-rules.js", "/text-rules.js"]);
    await page.context().close();
  });

  it("keeps each section page within 30 KB gzipped, CSS and any script included", async ({ expect }) => {
    for (const path of sectionPaths) {
      const weight = await pageWeight(site.url, path);
      expect(weight.css.bytes, `${path} has its stylesheet`).toBeGreaterThan(0);
      // The commenting script counts, though the page asks for it only once painted.
      expect(weight.js.bytes, `${path} has its commenting script`).toBeGreaterThan(0);
      expect(weight.total.gzip, path).toBeLessThanOrEqual(SECTION_BUDGET_GZIP);
    }
  });
});

describe("the home page", () => {
  it("says what is consulted on, by whom, until when, and the ways to take part", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/`);
    const main = page.locator("main");
    expect(await main.locator("h1").innerText()).toContain(fixture.settings.title);
    expect(await main.innerText()).toContain("Testshire Council");
    expect(await main.innerText()).toContain("Closes at 11:59pm on Friday 18 December 2099.");
    const ways = await page.locator("#ways-to-take-part + ul li").allInnerTexts();
    expect(ways.map((w) => w.split(":")[0])).toEqual(["Online", "At a kiosk", "On paper"]);
    await page.context().close();
  });

  it("says plainly once the consultation has closed, and what happens next, with nothing inviting comments", async ({ expect }) => {
    const closed = await closedOnSixthFebruary();
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${closed.url}/`);
    const main = await page.locator("main").innerText();
    expect(main).toContain("This consultation closed at 5:00pm on Friday 6 February 2026.");
    expect(main).toContain("Council officers are now reading every comment.");
    expect(await page.locator(".tag").innerText()).toBe("Consultation closed");
    expect(await page.locator("h1").innerText()).toBe(`The consultation on the ${fixture.settings.title} has closed`);
    for (const stale of ["Have your say", "Draft for consultation", "Ways to take part", "Comment on paragraph"]) expect(main).not.toContain(stale);
    await page.context().close();
    const checker = await newPage(browser);
    await checker.goto(`${closed.url}/`);
    expect(await axeViolations(checker)).toEqual([]);
    await checker.context().close();
  });
});

describe("the draft's pages, prerendered and free of JavaScript, with the live status", () => {
  it("say until when comments are taken, from the dates the site runs with", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    for (const path of ["/draft/", "/draft/streets/", "/accessibility/"]) {
      await page.goto(`${site.url}${path}`);
      // The content says 2030; the site runs with CLOSES_AT in 2099.
      expect(await page.locator("[data-consultation-status]").innerText(), path).toBe("Closes at 11:59pm on Friday 18 December 2099.");
    }
    await page.context().close();
  });

  // It may start the closed site, which takes most of a minute on a busy machine.
  it("after the close, say so and what happens next, offer no comment link or form, and load no script", { timeout: 240_000 }, async ({ expect }) => {
    const closed = await closedOnSixthFebruary();
    const page = await newPage(browser, { javaScriptEnabled: false });
    for (const path of ["/draft/", ...sectionPaths, "/privacy/"]) {
      const response = await page.goto(`${closed.url}${path}`);
      expect(response!.headers()["cache-control"], path).toBe("no-cache");
      const main = await page.locator("main").innerText();
      expect(main, path).toContain("This consultation closed at 5:00pm on Friday 6 February 2026.");
      expect(main, path).toContain("Council officers are now reading every comment.");
      expect(await page.getByRole("link", { name: /^Comment on/ }).count(), path).toBe(0);
      expect(await page.locator("script, template").count(), path).toBe(0);
    }
    // The words themselves are all still there, numbered.
    await page.goto(`${closed.url}/draft/streets/`);
    expect(await page.locator("[data-paragraph]").count()).toBe(fixture.draft.sections.find((section) => section.slug === "streets")!.paragraphs.length);
    await page.context().close();
    const checker = await newPage(browser);
    await checker.goto(`${closed.url}/draft/streets/`);
    expect(await axeViolations(checker)).toEqual([]);
    // A comment page offers no form after the close, so it asks for nothing the form would need.
    const scripts: string[] = [];
    checker.on("request", (request) => void (request.resourceType() === "script" && scripts.push(new URL(request.url()).pathname)));
    for (const path of ["/comment/streets-2", "/comment/general", "/es/comment/streets-2"]) {
      await checker.goto(`${closed.url}${path}`);
      expect(await checker.locator("main [data-status=closed]").count(), path).toBe(1);
      expect(await checker.locator("textarea").count(), path).toBe(0);
      // Not even the few lines that would ask for the script once the page has painted.
      expect(await checker.locator("script").count(), path).toBe(0);
    }
    expect(scripts).toEqual([]);
    await checker.context().close();
  });

  it("are still the files the build wrote, with the status slot and comment links in them", async ({ expect }) => {
    const built = readFileSync(`${FIXTURE_OUT_DIR}/client/draft/streets/index.html`, "utf8");
    expect(built).toContain("data-consultation-status");
    expect(built).toContain("Comment on paragraph 3.2");
    expect(built).not.toContain("Closes at");
  });

  it("give no element the same attribute twice, such as the comment form's organisation field", async ({ expect }) => {
    const doubled: string[] = [];
    for (const path of ["draft/streets", "draft/care", "kiosk", "es/kiosk"]) {
      const built = readFileSync(`${FIXTURE_OUT_DIR}/client/${path}/index.html`, "utf8");
      for (const [tag] of built.matchAll(/<[a-z][a-z0-9-]*\s[^>]*>/g)) {
        const names = [...tag.replace(/"[^"]*"|'[^']*'/g, "").matchAll(/\s([a-zA-Z_:][-a-zA-Z0-9_:.]*)/g)].map(([, name]) => name!.toLowerCase());
        if (new Set(names).size !== names.length) doubled.push(`${path}: ${tag.slice(0, 120)}`);
      }
    }
    expect(doubled).toEqual([]);
  });
});

describe("keyboard", () => {
  it("offers the skip link first and it moves focus to the main content", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/draft/streets/`);
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to main content");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("main-content");
    await page.context().close();
  });
});
