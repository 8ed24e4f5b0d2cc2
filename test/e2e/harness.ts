/**
 * The end-to-end harness: the built site served in workerd (scripts/local-server.ts) on a fresh
 * local D1, and a real Chromium driven by playwright-core.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { AxeBuilder } from "@axe-core/playwright";
import type axe from "axe-core";
import { afterAll, beforeAll } from "vitest";
import {
  freshMigratedDatabase,
  startLocalServer,
  CONTENT_ROOT,
  FIXTURE_CONTENT_ROOT,
  FIXTURE_OUT_DIR,
  SETTING_NAMES,
  type LocalServer,
} from "../../scripts/local-server.ts";
import { launchBrowser } from "../../scripts/browser.ts";

let shared: Promise<Browser> | undefined;

/**
 * The tests' pages run little script, and most of it once (axe, parsed afresh
 * on each page), so V8's optimising compilers cost more than they save: a
 * page's work measured about a fifth cheaper without them. The benchmarks'
 * browsers keep them, as people's browsers do.
 */
const TEST_BROWSER_ARGS = ["--js-flags=--no-opt --no-maglev"];

/**
 * One Chromium for every test file a test process runs, one file after
 * another: launching a browser for each file cost more than some files'
 * tests. Each test still opens contexts of its own, and `releaseBrowser`
 * closes whatever a file left open.
 */
export function sharedBrowser(): Promise<Browser> {
  shared ??= launchBrowser({ args: TEST_BROWSER_ARGS }).then((browser) => {
    browser.on("disconnected", () => (shared = undefined));
    return browser;
  });
  return shared;
}

/** Closes every context a file left open in the shared browser, which stays up for the next file. */
export async function releaseBrowser(browser: Browser | undefined): Promise<void> {
  await Promise.all(browser?.contexts().map((context) => context.close()) ?? []);
}

export interface Site extends LocalServer {
  stateDirectory: string;
  /**
   * Kills the server at once, as a crash would, and starts it again on the
   * same port and database: only for a site started with `ownProcess`.
   */
  crashAndRestart(): Promise<void>;
}

/**
 * Serves a build on a free port with its own, freshly migrated D1: the site
 * built from the fixture consultation (test/fixtures/content) unless another
 * build is named. Every setting is given explicitly, so a developer's
 * .dev.vars changes nothing. workerd is started from the test's own process,
 * unless the test needs a server it can kill (`ownProcess`).
 */
export async function startSite(
  vars: Partial<Record<(typeof SETTING_NAMES)[number], string>> = {},
  outDir: string = FIXTURE_OUT_DIR,
  options: { checkSettings?: boolean; ownProcess?: boolean } = {},
): Promise<Site> {
  if (!existsSync(`${outDir}/server/wrangler.json`)) throw new Error(`${outDir}/ is missing: run \`npm test\`, which builds it`);
  const settings = { ...Object.fromEntries(SETTING_NAMES.map((name) => [name, ""])), ...vars };
  // Fixture builds (dist-fixture, dist-turnstile-fixture…) are made from the fixture consultation.
  const contentRoot = outDir.endsWith("-fixture") ? FIXTURE_CONTENT_ROOT : CONTENT_ROOT;
  const serverOptions = { outDir, vars: settings, contentRoot, checkSettings: options.checkSettings, inProcess: !options.ownProcess };
  const stateDirectory = mkdtempSync(join(".wrangler", "e2e-"));
  freshMigratedDatabase(stateDirectory);
  let server = await startLocalServer({ ...serverOptions, persistTo: stateDirectory }).catch((error: unknown) => {
    rmSync(stateDirectory, { recursive: true, force: true });
    throw error;
  });
  return {
    ...server,
    stateDirectory,
    output: () => server.output(),
    crashAndRestart: async () => {
      if (!options.ownProcess) throw new Error("only a site started with { ownProcess: true } can be killed as a crash would");
      await server.stop("SIGKILL");
      server = await startLocalServer({ ...serverOptions, port: server.port, persistTo: stateDirectory });
    },
    stop: async () => {
      await server.stop();
      rmSync(stateDirectory, { recursive: true, force: true });
    },
  };
}

export async function newPage(browser: Browser, options: BrowserContextOptions = {}): Promise<Page> {
  const context = await browser.newContext(options);
  return context.newPage();
}

export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

type Violation = { id: string; help: string; nodes: { target: unknown[] }[] };
const describeViolations = (violations: Violation[]) =>
  violations.map((violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(" ")).join(", ")})`);

/**
 * axe-core's minified build: the same rules as the package's default export, whose source is the
 * commented build at twice the size. A page parses axe afresh every time it is injected (about 200
 * times a run), and the minified text measured a third cheaper to inject.
 */
const AXE_SOURCE = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8");

/**
 * Puts axe in the page's main frame through a DevTools session of its own: Playwright's evaluate of
 * the same text measured about a quarter dearer, and axe is injected about 200 times a run.
 */
async function injectAxe(page: Page): Promise<void> {
  const session = await page.context().newCDPSession(page);
  try {
    const { exceptionDetails } = await session.send("Runtime.evaluate", { expression: AXE_SOURCE });
    if (exceptionDetails) throw new Error(`axe could not be injected: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  } finally {
    await session.detach();
  }
}

/**
 * The accessibility violations axe finds on the page as it is now, in a readable form. A page of one
 * frame (every page of the portal) gets axe once and runs it there: AxeBuilder's way for many frames
 * injects it twice and opens a second page to gather the results, three times the work for the same answer.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  if (page.frames().length > 1) return describeViolations((await new AxeBuilder({ page, axeSource: AXE_SOURCE }).withTags(AXE_TAGS).analyze()).violations);
  if (!(await page.evaluate(() => "axe" in window))) await injectAxe(page);
  const violations = await page.evaluate(
    async (tags) =>
      (await (window as unknown as { axe: typeof axe }).axe.run(document, { runOnly: { type: "tag", values: tags } })).violations.map(
        ({ id, help, nodes }) => ({ id, help, nodes: nodes.map(({ target }) => ({ target: [...target] })) }),
      ),
    AXE_TAGS,
  );
  return describeViolations(violations);
}

/**
 * The page `pageBasics` visits each address in, one per browser until its file releases it: a fresh
 * page costs a new renderer (about 0.2 CPU-s), and what a page's basics are needs none. It keeps no
 * HTTP cache, as a fresh page has none: a page cached for a minute is asked for again, not shown as
 * it was before a test changed it.
 */
const basicsPages = new WeakMap<Browser, Page>();

async function basicsPage(browser: Browser): Promise<Page> {
  const kept = basicsPages.get(browser);
  if (kept && !kept.isClosed()) return kept;
  const page = await newPage(browser);
  const session = await page.context().newCDPSession(page);
  await session.send("Network.enable");
  await session.send("Network.setCacheDisabled", { cacheDisabled: true });
  basicsPages.set(browser, page);
  return page;
}

/** What every page must get right, at `url` with no cookies and no cache: its language, one h1, and no axe violations. */
export async function pageBasics(browser: Browser, url: string): Promise<{ lang: string | null; h1: number; violations: string[] }> {
  const page = await basicsPage(browser);
  // Signed out, and with no language or other choice remembered, as on a fresh page.
  await page.context().clearCookies();
  await page.goto(url);
  // Read in the page itself: a locator would first set up Playwright's own script in the page, about as dear as the visit.
  const { lang, h1 } = await page.evaluate(() => ({ lang: document.documentElement.getAttribute("lang"), h1: document.querySelectorAll("h1").length }));
  return { lang, h1, violations: await axeViolations(page) };
}

/**
 * Waits until comment.js has enhanced the page (live character counts, the
 * error summary focused): pages ask for it only after their first paint
 * (scripts/inline-scripts.ts), which may come after the load event that
 * page.goto waits for.
 */
export async function commentingEnhanced(page: Page): Promise<void> {
  await page.locator("html[data-enhanced=ready]").waitFor({ state: "attached" });
}

/**
 * A page signed in to the officer area with ADMIN_TOKEN (named `name`), on the officers' home page. The
 * sign-in form is posted from the page's own browser context, which keeps the session cookie as the site
 * sets it: the form itself, in a browser, is tested in test/e2e/admin.test.ts, and a page and a locator
 * fewer for each of the sixty or so signed-in pages the tests open save about a fifth of a CPU-second each.
 */
export async function officerPage(browser: Browser, site: Pick<Site, "url">, token: string, options: BrowserContextOptions = {}, name = "Sam Patel"): Promise<Page> {
  const page = await newPage(browser, options);
  const signedIn = await page.context().request.post(`${site.url}/admin/sign-in/`, { form: { name, token }, headers: { Origin: site.url }, maxRedirects: 0 });
  if (signedIn.status() !== 303) throw new Error(`signing in answered ${signedIn.status()}`);
  await page.goto(`${site.url}/admin/`);
  if (new URL(page.url()).pathname !== "/admin/") throw new Error(`the officers' home page sent a signed-in officer to ${page.url()}`);
  return page;
}

/**
 * An officer's session cookie (`name=value`), from the sign-in form posted as a browser posts it: for
 * tests that ask with a cookie themselves and need no page.
 */
export async function officerSessionCookie(site: Pick<Site, "url">, token: string, name = "Sam Patel"): Promise<string> {
  const signedIn = await fetch(`${site.url}/admin/sign-in/`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site.url },
    body: new URLSearchParams({ name, token }),
  });
  const cookie = signedIn.headers.get("Set-Cookie")?.split(";")[0];
  if (signedIn.status !== 303 || !cookie) throw new Error(`signing in answered ${signedIn.status} without a session cookie`);
  return cookie;
}

/** The consultation open whatever today's date, for journeys that need it open now. */
export const OPEN_NOW = { OPENS_AT: "2020-01-01T00:00:00Z", CLOSES_AT: "2090-12-31T23:59:59Z" } as const;

/** The consultation closed long ago and its outcome published, for pages that show the final strategy and what changed. */
export const RESULTS_PUBLISHED = { OPENS_AT: "2020-01-01T00:00:00Z", CLOSES_AT: "2020-02-01T00:00:00Z", RESULTS_PUBLISHED_AT: "2020-03-02T09:00:00Z" } as const;

/** A served site for one test file, started before its tests and stopped after them, and the shared browser. */
export function siteAndBrowserForFile(vars: Parameters<typeof startSite>[0]): { site: () => Site; browser: () => Browser } {
  let site: Site | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    site = await startSite(vars);
    browser = await sharedBrowser();
  });
  afterAll(async () => {
    await releaseBrowser(browser);
    await site?.stop();
  });
  return { site: () => site!, browser: () => browser! };
}

/** A one-time set-up code for a new kiosk, as an officer gets it from the API with ADMIN_TOKEN. */
export async function kioskSetupCode(target: Pick<Site, "url">, token: string, name = "Day centre"): Promise<string> {
  const asOfficer = async (path: string, json?: unknown) =>
    (await (
      await fetch(`${target.url}${path}`, {
        method: "POST",
        headers: { Authorization: `Bearer ${token}`, "Content-Type": "application/json" },
        body: json === undefined ? undefined : JSON.stringify(json),
      })
    ).json()) as Record<string, unknown>;
  const kiosk = (await asOfficer("/api/admin/kiosks", { name })) as { id: number };
  return ((await asOfficer(`/api/admin/kiosks/${kiosk.id}/setup-codes`)) as { code: string }).code;
}
