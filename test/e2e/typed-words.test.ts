/**
 * Words people type are isolated wherever a page shows them: a right-to-left
 * override (U+202E) in a comment, a name or a title cannot reverse the page
 * around it. Every text holding one, on every page that shows it, must sit
 * alone in a <bdi> or an element with dir="auto".
 */
import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { kioskSetupCode, newPage, officerPage, OPEN_NOW, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-typed-words";
const { site, browser } = siteAndBrowserForFile({ ADMIN_TOKEN, ...OPEN_NOW });

const RLO = "\u202E";
/** Typed words that start with an override, each different so a page showing one is told from another. */
const typed = (what: string) => `${RLO}${what} gnitirw`;

async function api(path: string, method: string, json?: unknown, headers: Record<string, string> = {}) {
  const answer = await fetch(`${site().url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json", ...headers },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  if (!answer.ok) throw new Error(`${method} ${path}: ${answer.status} ${await answer.text()}`);
  return answer.status === 204 ? undefined : ((await answer.json()) as Record<string, unknown>);
}

/**
 * Every text on the page with an override in it that is neither alone in an
 * isolating element (<bdi>, dir) nor inside a first-strong isolate (U+2068 …
 * U+2069, the text form of <bdi>, for plain-text titles), and every
 * tooltip with one outside such an isolate. (Accessible names are spoken, not drawn.)
 */
async function unisolated(page: Page): Promise<string[]> {
  return page.evaluate((override) => {
    const found: string[] = [];
    const outsideIsolates = (text: string) => text.replace(/\u2068[^\u2066-\u2069]*\u2069/g, "").includes(override);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? "";
      if (!outsideIsolates(text)) continue;
      const isolating = node.parentElement?.closest("bdi, [dir]");
      if (!isolating || isolating === document.documentElement || isolating.textContent!.trim() !== text.trim()) found.push(text);
    }
    for (const element of document.body.querySelectorAll("*")) {
      for (const name of ["title"]) {
        const value = element.getAttribute(name);
        if (value && outsideIsolates(value)) found.push(`${name}: ${value}`);
      }
    }
    return found;
  }, RLO);
}

/** How many texts with an override the page shows, so a check never passes on a page that shows none. */
const overrides = (page: Page) => page.evaluate((override) => document.body.innerText.split(override).length - 1, RLO);

describe("people's words on pages", () => {
  it("are isolated on every public and officer page that shows them", async ({ expect }) => {
    // A kiosk response, helped, from an organisation, with a comment on a paragraph.
    const code = await kioskSetupCode(site(), ADMIN_TOKEN, typed("kiosk"));
    const { key } = (await api("/api/kiosk/setup", "POST", { code })) as { key: string };
    const response = (await api(
      "/api/responses",
      "POST",
      {
        comments: [{ paragraph: "streets-2", text: typed("comment") }],
        publishConsent: true,
        respondentType: "organisation",
        organisation: typed("organisation"),
        assisted: { organisation: typed("centre"), helper: typed("helper") },
      },
      { "Kiosk-Key": key, "Idempotency-Key": `typed-words-${Date.now()}`, Authorization: "" },
    )) as { reference: string; comments: { id: number }[] };
    const commentId = response.comments[0]!.id;
    const theme = (await api("/api/admin/themes", "POST", { name: typed("theme") })) as { id: number };
    await api(`/api/admin/comments/${commentId}/themes`, "PUT", { themeIds: [theme.id] });
    await api(`/api/admin/comments/${commentId}/hide`, "POST", { reason: typed("reason") });
    await api(`/api/admin/comments/${commentId}/unhide`, "POST", {});
    const entry = (await api("/api/admin/feedback", "POST", {
      title: typed("title"),
      youSaid: typed("you said"),
      weDid: typed("we did"),
      outcome: "changed",
      paragraphs: ["streets-2"],
      references: [response.reference],
      quotes: [{ comment: commentId }],
      status: "published",
    })) as { id: number };
    await api("/api/admin/publication", "PUT", { responsesPublished: true });

    const officer = await officerPage(browser(), site(), ADMIN_TOKEN);
    const officerPages = ["/admin/comments/", `/admin/comments/${commentId}/`, "/admin/audit/", "/admin/themes/", "/admin/themes/figures/", "/admin/report/", "/admin/feedback/", "/admin/kiosks/"];
    for (const path of officerPages) {
      await officer.goto(`${site().url}${path}`);
      expect(await overrides(officer), path).toBeGreaterThan(0);
      expect(await unisolated(officer), path).toEqual([]);
    }
    await officer.goto(`${site().url}/admin/feedback/${entry.id}/`);
    expect(await unisolated(officer)).toEqual([]);
    await officer.context().close();

    const person = await newPage(browser());
    for (const path of ["/you-said-we-did", "/what-people-said/streets/"]) {
      await person.goto(`${site().url}${path}`);
      expect(await overrides(person), path).toBeGreaterThan(0);
      expect(await unisolated(person), path).toEqual([]);
    }
    await person.goto(`${site().url}/track`);
    await person.getByLabel("Your reference").fill(response.reference);
    await person.getByRole("button", { name: "Look up" }).click();
    await person.waitForLoadState();
    expect(await overrides(person)).toBeGreaterThan(1);
    expect(await unisolated(person)).toEqual([]);
    await person.context().close();
  });
});
