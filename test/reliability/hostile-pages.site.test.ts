/**
 * Hostile posts to every page that takes a POST, on the served site: the plain
 * comment form (through /api/responses, answered with the form page), the
 * officers' sign-in, themes, comment and feedback pages. Never a 5xx or a stack trace;
 * a refused comment comes back as the form with its error summary; nothing is written.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startSite, type Site } from "../e2e/harness.ts";
import { executeSql, seedCommentsSql } from "../e2e/admin-seed.ts";

const ADMIN_TOKEN = "hostile-pages-officer";
const SEED = 20301123;
let site: Site;
let sessionCookie: string;

beforeAll(async () => {
  site = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00", RATE_LIMITS: "off", ADMIN_TOKEN });
  executeSql(site.stateDirectory, seedCommentsSql([{ reference: "AAAAA11111", paragraph: "streets-2", text: "A comment to aim at" }]));
  const signedIn = await fetch(`${site.url}/admin/sign-in/`, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site.url },
    body: new URLSearchParams({ name: "Sam Patel", token: ADMIN_TOKEN }),
    redirect: "manual",
  });
  sessionCookie = signedIn.headers.get("Set-Cookie")!.split(";")[0]!;
  await fetch(`${site.url}/api/admin/feedback`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify({ title: "An entry to aim at", youSaid: "Said.", weDid: "Did.", outcome: "changed", paragraphs: ["streets-2"], references: [], comments: [1] }),
  });
});

afterAll(async () => {
  await site?.stop();
});

/** How much is stored, as officers can see it: comments per paragraph and themes, feedback entries and publication. */
async function stored(): Promise<string> {
  const read = async (path: string) => (await fetch(`${site.url}${path}`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } })).json();
  return JSON.stringify(await Promise.all(["/api/admin/themes/counts", "/api/admin/feedback", "/api/admin/publication"].map(read)));
}

const FIELDS = [
  "paragraph", "comment", "generalComment", "alsoParagraph1", "alsoComment1", "respondentType", "organisation", "publishConsent", "idempotencyKey",
  "website", "token", "action", "reason", "text", "theme", "themeId", "name",
  "title", "youSaid", "weDid", "outcome", "references", "answer-references", "answer-theme", "answer-paragraph", "answer-q", "commentId",
  "quote-comment-1", "quote-text-1", "responsesPublished", "read",
];
const value = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", "general", "streets-2", "organisation", "yes", "no", "hide", "redact", "themes", "unhide", "unread", "1", "-1", "A".repeat(6000)),
  fc.constantFrom("save", "publish", "unpublish", "answer", "unanswer", "quotes", "changed", "true", "999999999999999999999", "NaN"),
);
const ascii = fc.string({ unit: fc.integer({ min: 0x20, max: 0x7e }).map((code) => String.fromCharCode(code)), maxLength: 200 });

const post = fc.record({
  path: fc.constantFrom(
    "/api/responses", "/admin/sign-in/", "/admin/themes/", "/admin/comments/", "/admin/comments/1/", "/admin/comments/999999/",
    "/admin/feedback/", "/admin/feedback/new/", "/admin/feedback/1/", "/admin/feedback/999999/",
  ),
  contentType: fc.constantFrom("application/x-www-form-urlencoded", "multipart/form-data", "text/plain", "application/json", ""),
  body: fc.oneof(
    fc.dictionary(fc.constantFrom(...FIELDS), value).map((fields) => new URLSearchParams(fields).toString()),
    fc.string({ unit: "binary" }),
    fc.uint8Array({ maxLength: 2000 }),
  ),
  referer: fc.option(fc.oneof(ascii, fc.constantFrom("http://[", "/comment/%E0%A4%A", "/comment/streets-2"))),
  signedIn: fc.boolean(),
});

describe("hostile posts to the pages that take them", () => {
  it("never answer 5xx or show a stack trace, show a refused comment form again, and write nothing", { timeout: 600_000 }, async ({ expect }) => {
    // What was stored after the last post: a refused one must leave it so.
    let kept = await stored();
    await fc.assert(
      fc.asyncProperty(post, async (input) => {
        const headers: Record<string, string> = { Origin: site.url };
        if (input.contentType) headers["Content-Type"] = input.contentType;
        if (input.referer !== null) headers.Referer = input.referer.startsWith("/") ? `${site.url}${input.referer}` : input.referer;
        if (input.signedIn) headers.Cookie = sessionCookie;
        const response = await fetch(`${site.url}${input.path}`, { method: "POST", headers, body: input.body, redirect: "manual" });
        const label = `${input.path} (${input.contentType || "no type"}) → ${response.status}`;
        const page = await response.text();
        const before = kept;
        kept = await stored();
        expect(response.status, label).toBeLessThan(500);
        expect(page, label).not.toMatch(/node_modules|at \S+ \(|Error: .*\n\s+at /);
        if (response.status >= 400) {
          if (input.path === "/api/responses" && input.contentType === "application/x-www-form-urlencoded") {
            expect(page, label).toContain('class="error-summary"');
          }
          expect(kept, label).toBe(before);
        }
      }),
      { seed: SEED, numRuns: 400 },
    );
  });
});
