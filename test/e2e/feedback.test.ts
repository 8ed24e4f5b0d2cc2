/** "You said, we did" in a real browser: the public log, tracking, and officers writing and publishing entries. */
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { getDocumentProxy, extractText } from "unpdf";
import { axeViolations, releaseBrowser, sharedBrowser, newPage, officerPage, pageBasics, RESULTS_PUBLISHED, startSite, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";
import { formatReference, newReference } from "../../functions/responses/reference.ts";

const ADMIN_TOKEN = "e2e-feedback-token-71b2";
const refs = { night: newReference(), noConsent: newReference(), winter: newReference(), homes: newReference(), general: newReference() };

let site: Site;
let browser: Browser;
const ids: Record<string, number> = {};

async function officerApi(path: string, json: unknown): Promise<{ id: number }> {
  const response = await fetch(`${site.url}${path}`, {
    method: "POST",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: JSON.stringify(json),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as { id: number };
}

beforeAll(async () => {
  site = await startSite({ ADMIN_TOKEN, ...RESULTS_PUBLISHED });
  executeSql(
    site.stateDirectory,
    seedCommentsSql([
      { reference: refs.night, paragraph: "streets-2", text: "Outreach at night please, the car park is cold.", publishConsent: true },
      { reference: refs.noConsent, paragraph: "streets-2", text: "More night outreach, but do not quote me." },
      { reference: refs.winter, paragraph: "winter-beds", text: "Single rooms are safer.", channel: "paper" },
      { reference: refs.homes, paragraph: "homes-1", text: "Build more council homes." },
      { reference: refs.general, paragraph: "general", text: "A good plan." },
    ]),
  );
  const base = { youSaid: "People told us what they think.", weDid: "Here is what we did.", status: "published" };
  ids.night = (await officerApi("/api/admin/feedback", {
    ...base, title: "Night outreach", outcome: "changed", paragraphs: ["streets-2"], references: [refs.night, refs.noConsent], quotes: [{ comment: 1, text: "Outreach at night please" }],
  })).id;
  ids.winter = (await officerApi("/api/admin/feedback", { ...base, title: "Single rooms in winter", outcome: "changed", paragraphs: ["winter-beds"], references: [refs.winter] })).id;
  ids.homes = (await officerApi("/api/admin/feedback", { ...base, title: "More council homes", outcome: "not_changed", paragraphs: ["homes-1"], references: [refs.homes] })).id;
  ids.draft = (await officerApi("/api/admin/feedback", { ...base, title: "Secret draft entry", outcome: "partly", paragraphs: ["general"], references: [refs.general], status: "draft" })).id;
  browser = await sharedBrowser();
});

afterAll(async () => {
  await releaseBrowser(browser);
  await site?.stop();
});

const signedInPage = (): Promise<Page> => officerPage(browser, site, ADMIN_TOKEN);

/** A page showing a look-up at /track, as a person makes it: the reference typed and posted, never in the address. */
async function trackedPage(reference: string): Promise<Page> {
  const page = await newPage(browser);
  await page.goto(`${site.url}/track`);
  await page.getByLabel("Your reference").fill(reference);
  await page.getByRole("button", { name: "Look up" }).click();
  await page.locator(".tracked-comment").first().waitFor();
  return page;
}

describe("the public log passes axe with zero violations", () => {
  const pages = {
    "the log": "/you-said-we-did",
    "the log filtered": "/you-said-we-did?section=streets&outcome=changed",
    "the log with a filter that is not valid": "/you-said-we-did?outcome=done",
  };
  for (const [name, path] of Object.entries(pages)) {
    it(`${name} (${path})`, async ({ expect }) => {
      expect(await pageBasics(browser, `${site.url}${path}`)).toEqual({ lang: "en", h1: 1, violations: [] });
    });
  }
});

describe("the public log", () => {
  it("counts published entries by outcome at the top, in words with plurals, and never shows a draft", async ({ expect }) => {
    const page = await newPage(browser);
    const response = await page.goto(`${site.url}/you-said-we-did`);
    expect(response!.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=60");
    expect(await page.locator(".outcome-counts li").allInnerTexts()).toEqual([
      "2 changes made",
      "0 made in part",
      "1 not made, with reasons",
      "0 still under review",
    ]);
    expect(await page.locator("main").innerText()).not.toContain("Secret draft entry");
    expect(await page.locator("h2").allInnerTexts()).toEqual(expect.arrayContaining(["3. Off the streets", "4. Homes that last"]));
    const night = page.locator(`#feedback-${ids.night}`);
    expect(await night.locator(".feedback-count").innerText()).toBe("This answers 2 comments. They were about paragraph 3.2 (2 comments).");
    expect(await night.locator("blockquote").allInnerTexts()).toEqual(["Outreach at night please"]);
    expect(await night.locator(".outcome").textContent()).toBe("What happened: Changed");
    await page.context().close();
  });

  it("filters by section and outcome with a plain form, by keyboard, without JavaScript", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/you-said-we-did`);
    await page.getByLabel("Section").focus();
    await page.keyboard.press("ArrowDown"); // 1. About this plan
    await page.keyboard.press("ArrowDown"); // 2. Advice early
    await page.keyboard.press("ArrowDown"); // 3. Off the streets
    await page.keyboard.press("Tab");
    await page.keyboard.press("ArrowDown"); // Changed
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Show");
    await page.keyboard.press("Enter");
    await page.waitForURL(/section=streets&outcome=changed/);
    expect(await page.locator(".feedback-entry h3").allInnerTexts()).toEqual(["Night outreach", "Single rooms in winter"]);
    expect(await page.locator(".outcome-counts li").first().innerText()).toBe("2 changes made");
    await page.getByRole("link", { name: "Show everything" }).click();
    // Counted on the page the link leads to, once it has replaced the filtered one.
    await expect.poll(() => page.locator(".feedback-entry h3").count()).toBe(3);
    await page.context().close();
  });

  it("links each entry to its paragraphs in the draft", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/you-said-we-did`);
    await page.locator(`#feedback-${ids.winter}`).getByRole("link", { name: "Paragraph 3.3 of the draft" }).click();
    await page.waitForURL(/\/draft\/streets\/#winter-beds$/);
    expect(await page.locator("#winter-beds").getAttribute("data-paragraph")).toBe("winter-beds");
    await page.context().close();
  });
});

describe("tracking a response", () => {
  it("passes axe with zero violations when it shows feedback", async ({ expect }) => {
    const page = await trackedPage(formatReference(refs.night));
    expect(await axeViolations(page)).toEqual([]);
    await page.context().close();
  });

  it("shows each comment's published entries with links, and sends the reader to the entry", async ({ expect }) => {
    const page = await trackedPage(formatReference(refs.winter).toLowerCase());
    const link = page.getByRole("link", { name: "Single rooms in winter" });
    expect(await page.locator(".tracked-feedback").innerText()).toContain("Outcome: Changed");
    await link.focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/you-said-we-did#feedback-${ids.winter}$`));
    expect(await page.locator(`#feedback-${ids.winter}:target`).count()).toBe(1);
    await page.context().close();
  });

  it("shows an answered comment as answered, with what people said, what the council did and what became of its paragraph, on one printed page", async ({ expect }) => {
    const page = await trackedPage(formatReference(refs.night));
    const comment = page.locator(".tracked-comment").first();
    const shown = await comment.innerText();
    expect(shown).toContain("Answered. The council has published what it did about it");
    expect(shown).not.toContain("Council officers are reading every comment now");
    for (const words of ["You said", "People told us what they think.", "We did", "Here is what we did.", "Outcome: Changed", "What changed in this paragraph"]) expect(shown).toContain(words);
    await page.emulateMedia({ media: "print" });
    const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ format: "A4" })));
    const { text } = await extractText(pdf, { mergePages: false });
    expect(text).toHaveLength(1);
    for (const words of ["Answered", "People told us what they think.", "Here is what we did."]) expect(text[0]).toContain(words);
    await page.context().close();
  });

  it("shows nothing of a draft entry that answers the comment", async ({ expect }) => {
    const page = await trackedPage(formatReference(refs.general));
    const text = await page.locator("main").innerText();
    expect(text).not.toContain("Secret draft entry");
    expect(text).toContain("There is no feedback about this yet.");
    await page.context().close();
  });
});

describe("the notice-board poster", () => {
  it("prints on A4 in large plain words: what people said, what the council did, how many comments each answers, and how to ask without the internet", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/you-said-we-did`);
    await page.getByRole("link", { name: "A notice-board version to print (A4)" }).click();
    await page.waitForURL(`${site.url}/you-said-we-did/poster`);
    expect(await axeViolations(page)).toEqual([]);
    await page.emulateMedia({ media: "print" });
    const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ preferCSSPageSize: true })));
    const [, , width, height] = (await pdf.getPage(1)).view as number[];
    expect([Math.round(width!), Math.round(height!)]).toEqual([595, 842]);
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");
    for (const words of ["You said, we did", "Night outreach", "You said:", "People told us what they think.", "We did:", "Here is what we did.", "This answers 2 comments.", "This answers 1 comment.", "You do not need the internet", "01632 960000", "2 Market Square"]) {
      expect(text, words).toContain(words);
    }
    expect(text).not.toContain("Secret draft entry");
    // Large print: the body text is at least 16 pt.
    expect(await page.locator(".poster-entry p").first().evaluate((node) => parseFloat(getComputedStyle(node).fontSize))).toBeGreaterThanOrEqual(21);
    await page.context().close();
  });

  it("is in each language at its own address", async ({ expect }) => {
    for (const [code, words] of [["es", "Ustedes dijeron, nosotros hicimos"], ["it", "Avete detto, abbiamo fatto"]] as const) {
      const basics = await pageBasics(browser, `${site.url}/${code}/you-said-we-did/poster`);
      expect(basics).toEqual({ lang: code, h1: 1, violations: [] });
      expect(await (await fetch(`${site.url}/${code}/you-said-we-did/poster`)).text()).toContain(words);
    }
  });
});

describe("the notice-board poster in easy read", () => {
  it("prints on A4 in easy words with a picture beside each part, and how to ask without the internet", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/you-said-we-did`);
    await page.getByRole("link", { name: "The same in easy read, to print (A4)" }).click();
    await page.waitForURL(`${site.url}/you-said-we-did/poster/easy-read`);
    expect(await axeViolations(page)).toEqual([]);
    expect(await page.locator(".easy-picture svg").count()).toBeGreaterThan(1);
    await page.emulateMedia({ media: "print" });
    const pdf = await getDocumentProxy(new Uint8Array(await page.pdf({ preferCSSPageSize: true })));
    const [, , width, height] = (await pdf.getPage(1)).view as number[];
    expect([Math.round(width!), Math.round(height!)]).toEqual([595, 842]);
    const text = (await extractText(pdf, { mergePages: true })).text.replace(/\s+/g, " ");
    for (const words of ["You said, we did: easy read", "You told us:", "People told us what they think.", "We did this:", "We changed the plan.", "2 comments are about this.", "You do not need the internet.", "Show them your reference.", "01632 960000", "2 Market Square"]) {
      expect(text, words).toContain(words);
    }
    expect(text).not.toContain("Secret draft entry");
    // Larger still than the standard poster.
    expect(await page.locator(".poster-entry p").first().evaluate((node) => parseFloat(getComputedStyle(node).fontSize))).toBeGreaterThanOrEqual(26);
    // Nothing wider than the page.
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
    await page.context().close();
  });

  it("is in Spanish and Italian at their own addresses", async ({ expect }) => {
    for (const [code, words] of [["es", "lectura fácil"], ["it", "lettura facile"]] as const) {
      const basics = await pageBasics(browser, `${site.url}/${code}/you-said-we-did/poster/easy-read`);
      expect(basics).toEqual({ lang: code, h1: 1, violations: [] });
      expect(await (await fetch(`${site.url}/${code}/you-said-we-did/poster/easy-read`)).text()).toContain(words);
    }
  });
});

describe("the final strategy and what changed", () => {
  const pages = { "the final strategy's contents": "/final/", "a final section": "/final/streets/", "what changed in a section": "/changes/streets/", "a section with a paragraph replaced": "/changes/advice/", "a section with a paragraph removed": "/changes/care/" };
  for (const [name, path] of Object.entries(pages)) {
    it(`${name} (${path}) passes axe with zero violations`, async ({ expect }) => {
      expect(await pageBasics(browser, `${site.url}${path}`)).toEqual({ lang: "en", h1: 1, violations: [] });
    });
  }

  it("marks insertions and deletions in words screen readers announce, and links each change to the feedback that explains it", async ({ expect }) => {
    const page = await newPage(browser);
    const response = await page.goto(`${site.url}/changes/streets/`);
    expect(response!.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=60");
    const revised = page.locator("#streets-2");
    expect(await revised.locator("h2").innerText()).toBe("Paragraph 3.2 of the draft, 3.3 of the final strategy");
    expect(await revised.locator(".change-kind").innerText()).toBe("Changed");
    expect(await revised.locator("ins").textContent()).toBe("inserted: , day or night (end of insertion)");
    expect(await page.locator("#night-outreach h2").innerText()).toBe("New paragraph 3.2");
    expect(await page.locator("#night-outreach ins").count()).toBe(1);
    expect(await page.locator("#winter-beds .change-kind").innerText()).toBe("Not changed");
    expect(await page.locator("#winter-beds ins, #winter-beds del").count()).toBe(0);

    // By keyboard from the change to the entry that explains it.
    await revised.getByRole("link", { name: "Night outreach" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/you-said-we-did#feedback-${ids.night}$`));
    await page.context().close();
  });

  it("shows a removed paragraph struck through, and names the paragraph that replaced another", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/changes/care/`);
    expect(await page.locator("#care-3 .change-kind").innerText()).toBe("Taken out of the final strategy");
    expect(await page.locator("#care-3 del").textContent()).toBe("deleted: People will be helped to register with a GP. (end of deletion)");
    await page.goto(`${site.url}/changes/advice/`);
    expect(await page.locator("#advice-2 .change-kind").innerText()).toBe("Replaced by paragraph 2.2");
    await page.context().close();
  });

  it("reads in print without colour: struck through, underlined and bracketed", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/changes/streets/`);
    await page.emulateMedia({ media: "print" });
    const styles = await page.evaluate(() => {
      const ins = document.querySelector("#streets-2 ins")!;
      const del = document.querySelector("#night-outreach ins, #care-3 del") ?? ins;
      return {
        insDecoration: getComputedStyle(ins).textDecorationLine,
        insBefore: getComputedStyle(ins, "::before").content,
        insBackground: getComputedStyle(ins).backgroundColor,
        other: getComputedStyle(del).textDecorationLine,
      };
    });
    expect(styles).toEqual({ insDecoration: "underline", insBefore: '"[+ "', insBackground: "rgba(0, 0, 0, 0)", other: "underline" });
    await page.goto(`${site.url}/changes/care/`);
    await page.emulateMedia({ media: "print" });
    expect(await page.evaluate(() => getComputedStyle(document.querySelector("#care-3 del")!).textDecorationLine)).toBe("line-through");
    await page.context().close();
  });

  it("links every final paragraph to what changed in it, and the log to both versions", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/final/streets/`);
    expect(await page.locator("[data-paragraph]").count()).toBe(0);
    await page.getByRole("link", { name: "What changed in paragraph 3.3" }).click();
    await page.waitForURL(/\/changes\/streets\/#streets-2$/);
    await page.goto(`${site.url}/you-said-we-did`);
    const night = page.locator(`#feedback-${ids.night}`);
    expect(await night.getByRole("link", { name: "Paragraph 3.3 of the final strategy" }).getAttribute("href")).toBe("/final/streets/#streets-2");
    expect(await night.getByRole("link", { name: "What changed in paragraph 3.2" }).getAttribute("href")).toBe("/changes/streets/#streets-2");
    await page.context().close();
  });

  it("shows a person tracking their comment how its paragraph changed", async ({ expect }) => {
    const page = await trackedPage(formatReference(refs.night));
    const comment = page.locator(".tracked-comment").first();
    expect(await comment.locator(".change-kind").innerText()).toBe("Changed");
    expect(await comment.locator("ins").textContent()).toContain(", day or night");
    await page.context().close();
  });

  it("answers 404 for a section that is in neither version", async ({ expect }) => {
    expect((await fetch(`${site.url}/changes/nowhere/`)).status).toBe(404);
  });
});

describe("officers' feedback pages", () => {
  it("pass axe with zero violations and are never cached", async ({ expect }) => {
    const page = await signedInPage();
    for (const path of ["/admin/feedback/", "/admin/feedback/new/", `/admin/feedback/${ids.night}/`, `/admin/feedback/${ids.draft}/`, "/admin/feedback/unanswered/"]) {
      const response = await page.goto(`${site.url}${path}`);
      expect(response!.headers()["cache-control"], path).toBe("no-store");
      expect(await page.locator("h1").count(), path).toBe(1);
      expect(await axeViolations(page), path).toEqual([]);
    }
    await page.context().close();
  });

  it("write an entry by keyboard, answer comments by reference, preview it and publish it", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/feedback/new/`);
    await page.getByRole("button", { name: "Save as a draft" }).press("Enter");
    // The answer is a new page: wait for it rather than read the title of the one being left.
    await expect.poll(() => page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary").innerText()).toContain("Enter a title");

    await page.getByLabel("Title", { exact: true }).fill("Advice that comes early");
    await page.getByLabel("You said", { exact: true }).fill("You asked for advice before it is too late.");
    await page.getByLabel("We did", { exact: true }).fill("Advice now starts at the first letter from a landlord.");
    await page.getByLabel("Partly changed").focus();
    await page.keyboard.press("Space");
    await page.getByLabel(/^4\.1 /).focus();
    await page.keyboard.press("Space");
    await page.getByLabel("References").fill(formatReference(refs.homes));
    await page.getByRole("button", { name: "Save as a draft" }).press("Enter");
    await page.waitForURL(/\/admin\/feedback\/\d+\/\?saved$/);
    expect(await page.locator(".preview .feedback-count").innerText()).toBe("This answers 1 comment. They were about paragraph 4.1 (1 comment).");
    expect(await axeViolations(page)).toEqual([]);

    await page.getByRole("button", { name: "Publish" }).press("Enter");
    await page.waitForURL(/saved/);
    expect(await page.locator("#status-title").innerText()).toBe("Published");
    await page.goto(`${site.url}/you-said-we-did?section=homes`);
    expect(await page.locator(".feedback-entry h3").allInnerTexts()).toEqual(["More council homes", "Advice that comes early"]);
    await page.context().close();
  });

  it("list the comments still to answer", async ({ expect }) => {
    const page = await signedInPage();
    await page.goto(`${site.url}/admin/feedback/unanswered/`);
    expect(await page.locator("main").innerText()).toContain("1 comment still to answer.");
    await page.getByRole("link", { name: "The strategy as a whole" }).click();
    // Read the list once the comment list has come, not the page the link was on.
    await page.locator(".comment-list > li").first().waitFor();
    expect(await page.locator(".comment-list > li").allInnerTexts()).toEqual([expect.stringContaining("A good plan.")]);
    await page.context().close();
  });
});

describe("published comments", () => {
  it("are not shown until officers publish them", async ({ expect }) => {
    expect(await pageBasics(browser, `${site.url}/what-people-said/`)).toEqual({ lang: "en", h1: 1, violations: [] });
    const page = await newPage(browser);
    await page.goto(`${site.url}/what-people-said/streets/`);
    expect(await page.locator("main").innerText()).toContain("The comments have not been published yet.");
    expect(await page.locator("blockquote").count()).toBe(0);
    await page.context().close();
  });

  it("are published by an officer, by keyboard, and then read paragraph by paragraph: consented words only, the rest counted", async ({ expect }) => {
    const officer = await signedInPage();
    await officer.goto(`${site.url}/admin/feedback/`);
    await officer.getByRole("button", { name: "Publish the comments" }).focus();
    await officer.keyboard.press("Enter");
    await officer.waitForURL(/saved/);
    expect(await officer.locator("#publication-title + p + form strong").innerText()).toBe("The comments are published.");
    await officer.context().close();

    for (const path of ["/what-people-said/", "/what-people-said/streets/", "/what-people-said/general/"]) {
      expect(await pageBasics(browser, `${site.url}${path}`), path).toEqual({ lang: "en", h1: 1, violations: [] });
    }
    const page = await newPage(browser);
    const response = await page.goto(`${site.url}/what-people-said/streets/`);
    expect(response!.headers()["cache-control"]).toBe("public, max-age=60, stale-while-revalidate=60");
    const streets2 = page.locator("#streets-2");
    expect(await streets2.locator("blockquote").allInnerTexts()).toEqual(["Outreach at night please, the car park is cold."]);
    expect(await streets2.locator(".more-comments-count").innerText()).toBe("And 1 more comment, not shown because its author did not agree to publish it.");
    expect(await page.locator("main").innerText()).not.toContain("do not quote me");
    expect(await page.locator("#winter-beds .more-comments-count").innerText()).toContain("And 1 more comment");

    await streets2.getByRole("link", { name: "Night outreach" }).focus();
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/you-said-we-did#feedback-${ids.night}$`));
    await page.context().close();
  });
});
