/**
 * The stylesheets come inline in each page (scripts/inline-styles.ts): the
 * security policy must allow every one of them by its hash, on static pages
 * (through _headers) and on pages the Worker renders alike, and the page must
 * make no request for a stylesheet. So must the one inline script, the
 * commenting script's loader (scripts/inline-scripts.ts).
 */
import { createHash } from "node:crypto";
import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { commentingEnhanced, newPage, officerPage, OPEN_NOW, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-inline-styles";
const { site, browser } = siteAndBrowserForFile({ ...OPEN_NOW, ADMIN_TOKEN });

/** Collects the page's security policy violations from its first script on. */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { violations: string[] }).violations = seen;
    document.addEventListener("securitypolicyviolation", (event) => seen.push(`${event.violatedDirective}: ${event.sample || event.blockedURI}`));
  });
  const refused: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) refused.push(message.text());
  });
  return async () => [...(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)), ...refused];
}

/** What the page looks like with its styles applied, and what it asked for besides the page. */
async function visit(page: Page, url: string) {
  const violations = await watchViolations(page);
  const stylesheetRequests: string[] = [];
  page.on("request", (request) => {
    if (request.resourceType() === "stylesheet") stylesheetRequests.push(request.url());
  });
  const response = await page.goto(url);
  return {
    status: response?.status(),
    inlineStyles: await page.locator("head style").count(),
    bodyMargin: await page.evaluate(() => getComputedStyle(document.body).marginTop),
    violations: await violations(),
    stylesheetRequests,
  };
}

/** The pages that carry the commenting script's loader, in two languages besides English. */
const COMMENTING_PAGES = [
  ["a section page", "/draft/streets/"],
  ["a section page in Spanish", "/es/draft/streets/"],
  ["a comment page", "/comment/streets-2"],
  ["a comment page in Italian", "/it/comment/streets-2"],
] as const;

describe("inline stylesheets", () => {
  const PAGES = [...COMMENTING_PAGES, ["the kiosk", "/kiosk/"], ["the paper form", "/print/"]] as const;

  for (const [name, path] of PAGES) {
    it(`are allowed by the security policy and applied on ${name}`, async ({ expect }) => {
      const page = await newPage(browser());
      try {
        const seen = await visit(page, `${site().url}${path}`);
        expect(seen.status).toBe(200);
        expect(seen.inlineStyles).toBeGreaterThan(0);
        // The browser's own style gives the body an 8px margin; each of the portal's stylesheets takes it away.
        expect(seen.bodyMargin).toBe("0px");
        expect(seen.violations).toEqual([]);
        expect(seen.stylesheetRequests).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }

  it("are allowed by the security policy and applied on an officer page", async ({ expect }) => {
    const page = await officerPage(browser(), site(), ADMIN_TOKEN);
    try {
      const seen = await visit(page, `${site().url}/admin/comments/`);
      expect(seen.status).toBe(200);
      expect(seen.inlineStyles).toBe(2);
      expect(await page.locator(".admin-nav").evaluate((nav) => getComputedStyle(nav).display)).toBe("flex");
      expect(seen.violations).toEqual([]);
      expect(seen.stylesheetRequests).toEqual([]);
    } finally {
      await page.context().close();
    }
  });

  it("that the policy does not list are refused, so the check above can fail", async ({ expect }) => {
    const page = await newPage(browser());
    try {
      await page.goto(`${site().url}/draft/streets/`);
      const seen = await page.evaluate(async () => {
        const refused = new Promise<string>((resolve) => document.addEventListener("securitypolicyviolation", (event) => resolve(event.violatedDirective)));
        const style = document.createElement("style");
        style.textContent = "body { margin: 3px; }";
        document.head.appendChild(style);
        return { directive: await refused, margin: getComputedStyle(document.body).marginTop };
      });
      expect(seen.directive).toMatch(/^style-src/);
      expect(seen.margin).toBe("0px");
    } finally {
      await page.context().close();
    }
  });
});

/** The sources a policy's directive lists, from a Content-Security-Policy header. */
function directive(policy: string, name: string): string[] {
  const found = policy.split(";").map((part) => part.trim().split(/\s+/)).find(([first]) => first === name);
  return found?.slice(1) ?? [];
}

describe("the commenting script's inline loader", () => {
  for (const [name, path] of COMMENTING_PAGES) {
    it(`is allowed by the hash of its exact text on ${name}, and runs there without a security policy violation`, async ({ expect }) => {
      const response = await fetch(`${site().url}${path}`);
      const html = await response.text();
      const inline = [...html.matchAll(/<script\b(?![^>]*\ssrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((match) => match[1]!);
      expect(inline).toHaveLength(1);
      const scriptSources = directive(response.headers.get("Content-Security-Policy") ?? "", "script-src");
      expect(scriptSources).toEqual(["'self'", `'sha256-${createHash("sha256").update(inline[0]!, "utf8").digest("base64")}'`]);

      const page = await newPage(browser());
      try {
        const violations = await watchViolations(page);
        await page.goto(`${site().url}${path}`);
        // The loader ran, asked for comment.js, and comment.js enhanced the page.
        await commentingEnhanced(page);
        expect(await violations()).toEqual([]);
      } finally {
        await page.context().close();
      }
    });
  }

  it("is the only inline script allowed: its own text with a line added is refused, so the check above can fail", async ({ expect }) => {
    const page = await newPage(browser());
    try {
      await page.goto(`${site().url}/comment/streets-2`);
      await commentingEnhanced(page);
      const seen = await page.evaluate(async () => {
        const refused = new Promise<string>((resolve) => document.addEventListener("securitypolicyviolation", (event) => resolve(event.violatedDirective)));
        const loader = document.querySelector("script[data-commenting]")!;
        const script = document.createElement("script");
        script.type = "module";
        script.textContent = `${loader.textContent}\nconsole.log("again");`;
        document.head.appendChild(script);
        return await refused;
      });
      expect(seen).toMatch(/^script-src/);
    } finally {
      await page.context().close();
    }
  });
});
