/**
 * Wrong settings: caught before the site starts (and before it builds) with
 * a message that says what to change, and if they reach a running Worker
 * anyway (as in production, where Cloudflare holds the variables), every
 * page still answers calmly, never with a stack trace.
 */
import { spawnSync } from "node:child_process";
import { rmSync } from "node:fs";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser } from "playwright-core";
import { axeViolations, releaseBrowser, sharedBrowser, newPage, startSite, type Site } from "./harness.ts";

/** A closing time before the fixture consultation opens (7 October 2030). */
const CLOSED_BEFORE_OPENING = { CLOSES_AT: "2020-01-01T00:00:00Z" };
/** Lines of a stack trace or the paths of source files: never for people to see. */
const TRACE = /\n\s+at |file:\/\/|\.ts:\d+|\.astro:\d+|node_modules/;

describe("a closing time before the opening time", () => {
  it("stops the local server from starting, saying what to change", async ({ expect }) => {
    const started = startSite(CLOSED_BEFORE_OPENING);
    await expect(started).rejects.toThrow(/CLOSES_AT/);
    const message = await started.catch((error: Error) => error.message);
    expect(message).toContain("would close before it opens");
    expect(message).toContain("opensAt in content/consultation.json");
    expect(message).toMatch(/OPENS_AT=\S+ CLOSES_AT=\S+/);
  });

  it("stops the build, saying what to change, without a stack trace", ({ expect }) => {
    const outDir = "dist-bad-dates";
    try {
      const build = spawnSync("npm", ["run", "build:fixture"], {
        env: { ...process.env, ...CLOSED_BEFORE_OPENING, PORTAL_OUT_DIR: outDir },
        encoding: "utf8",
      });
      const output = `${build.stdout}\n${build.stderr}`;
      expect(build.status).not.toBe(0);
      expect(output).toContain("would close before it opens");
      expect(output).toContain("CLOSES_AT");
      expect(output).not.toMatch(TRACE);
    } finally {
      rmSync(`${outDir}-fixture`, { recursive: true, force: true });
    }
  });
});

describe("a Worker running with wrong dates anyway", () => {
  let site: Site;
  let browser: Browser;

  beforeAll(async () => {
    site = await startSite(CLOSED_BEFORE_OPENING, undefined, { checkSettings: false });
    browser = await sharedBrowser();
  });

  afterAll(async () => {
    await releaseBrowser(browser);
    await site?.stop();
  });

  it("answers every page that depends on the dates with a calm error page and a way back", async ({ expect }) => {
    for (const path of ["/", "/comment/streets-2", "/comment/general", "/confirmation"]) {
      const response = await fetch(`${site.url}${path}`);
      const html = await response.text();
      expect(response.status, path).toBe(500);
      expect(response.headers.get("Content-Type"), path).toContain("text/html");
      expect(html, path).not.toMatch(TRACE);
      expect(html, path).toContain("Sorry, there is a problem with this website");
      expect(html, path).toContain('href="/draft/"');
    }
  });

  it("says so in the language of the page asked for, with its way back in that language", async ({ expect }) => {
    for (const [path, words, back] of [
      ["/es/comment/streets-2", "Lo sentimos, hay un problema con este sitio web", 'href="/es/draft/"'],
      ["/it/", "Ci scusiamo, c'è un problema con questo sito", 'href="/it/draft/"'],
    ] as const) {
      const response = await fetch(`${site.url}${path}`);
      const html = await response.text();
      expect(response.status, path).toBe(500);
      expect(html, path).toContain(`<html lang="${path.slice(1, 3)}">`);
      expect(html.replaceAll("&#39;", "'"), path).toContain(words);
      expect(html, path).toContain(back);
    }
  });

  it("keeps the draft readable", async ({ expect }) => {
    const contents = await fetch(`${site.url}/draft/`);
    expect(contents.status).toBe(200);
    expect(await contents.text()).toContain('<ol class="contents">');
    const section = await fetch(`${site.url}/draft/streets/`);
    expect(section.status).toBe(200);
    expect(await section.text()).toContain('data-paragraph="streets-2"');
  });

  it("shows the error page in full to a browser, accessible and in the page's language", async ({ expect }) => {
    const page = await newPage(browser);
    const response = await page.goto(`${site.url}/`);
    expect(response!.status()).toBe(500);
    expect(await page.locator("h1").innerText()).toBe("Sorry, there is a problem with this website");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.getByRole("link", { name: "Read the draft" }).count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("answers the API with its own error body, not a page", async ({ expect }) => {
    const response = await fetch(`${site.url}/api/consultation`);
    expect(response.status).toBe(500);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe("misconfigured");
  });
});
