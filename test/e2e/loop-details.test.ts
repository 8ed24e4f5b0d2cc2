/**
 * The smaller points of the loop for people without a device that the
 * kiosk's and the comment forms' own tests do not cover: how a hidden comment
 * is told to its author, the Italian kiosk's note on untranslated sections,
 * and markup with no attribute given twice.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { FIXTURE_OUT_DIR } from "../../scripts/local-server.ts";
import { newPage, OPEN_NOW, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-loop-details";
const { site, browser } = siteAndBrowserForFile({ ADMIN_TOKEN, ...OPEN_NOW });

const htmlFiles = (folder: string): string[] =>
  readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".html"))
    .map((entry) => join(entry.parentPath, entry.name));

/** Each start tag in the markup that names an attribute twice. */
function tagsWithAttributeTwice(html: string): string[] {
  const found: string[] = [];
  for (const [tag] of html.matchAll(/<[a-z][a-z0-9-]*\s[^<>]*>/gi)) {
    // Attribute names, outside quoted values.
    const names = [...tag.replace(/"[^"]*"|'[^']*'/g, "").matchAll(/\s([^\s=/>]+)(?==|\s|\/?>)/g)].map((match) => match[1]!.toLowerCase());
    if (new Set(names).size !== names.length) found.push(tag.slice(0, 120));
  }
  return found;
}

describe("a hidden comment, told to its author", () => {
  it("says it was not shown and still counts, and never that its author broke the rules, hidden as a duplicate", async ({ expect }) => {
    const sent = await fetch(`${site().url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID(), "CF-Connecting-IP": "198.51.100.201" },
      body: JSON.stringify({ comments: [{ paragraph: "streets-2", text: "The same words as a hundred others." }] }),
    });
    const { reference, comments } = (await sent.json()) as { reference: string; comments: { id: number }[] };
    const hidden = await fetch(`${site().url}/api/admin/comments/${comments[0]!.id}/hide`, {
      method: "POST",
      headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
      body: JSON.stringify({ reason: "Duplicate of a campaign comment" }),
    });
    expect(hidden.ok).toBe(true);
    const page = await newPage(browser());
    for (const prefix of ["", "/es", "/it"]) {
      await page.goto(`${site().url}${prefix}/track?reference=${reference}`);
      await page.locator("form button[type=submit]").first().click();
      const status = (await page.locator(".tracked-comment").first().innerText()).toLowerCase();
      expect(status, prefix).not.toMatch(/broke|rompi|violat|infrin|incumpl/);
    }
    await page.goto(`${site().url}/track?reference=${reference}`);
    await page.locator("form button[type=submit]").first().click();
    const english = await page.locator(".tracked-comment").first().innerText();
    expect(english).toContain("Not shown on the website");
    expect(english).toContain("it counts like every other comment");
    await page.context().close();
  });
});

describe("the Italian kiosk", () => {
  it("notes in Italian a section shown in English because it is not translated", async ({ expect }) => {
    const html = await (await fetch(`${site().url}/it/kiosk/`)).text();
    expect(html).toContain("Questa sezione non è ancora tradotta, per questo è mostrata in inglese.");
  });
});

describe("the built pages' markup", () => {
  it("gives no element the same attribute twice (such as name=\"organisation\" on the comment forms)", ({ expect }) => {
    const twice = htmlFiles(join(FIXTURE_OUT_DIR, "client")).flatMap((file) => tagsWithAttributeTwice(readFileSync(file, "utf8")).map((tag) => `${file}: ${tag}`));
    expect(twice).toEqual([]);
  });

  it("gives no element the same attribute twice on the pages rendered on demand", async ({ expect }) => {
    for (const path of ["/comment/general", "/comment/care-3", "/easy-read/comment/general", "/print/", "/track"]) {
      expect(tagsWithAttributeTwice(await (await fetch(`${site().url}${path}`)).text()), path).toEqual([]);
    }
  });
});
