import { cpSync, rmSync } from "node:fs";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { REQUEST_BYTES } from "../../functions/limits.ts";
import { formatReference, newReference } from "../../functions/responses/reference.ts";
import { axeViolations, commentingEnhanced, releaseBrowser, sharedBrowser, newPage, startSite, type Site } from "./harness.ts";
import { executeSql, seedCommentsSql } from "./admin-seed.ts";
import { awayFromRateWindowEdge } from "../rate-windows.ts";
import { FIXTURE_OUT_DIR } from "../../scripts/local-server.ts";
import { readInlineScripts } from "../../scripts/inline-scripts.ts";
import { readInlineStyles } from "../../scripts/inline-styles.ts";
import { writeStaticSecurityHeaders } from "../../scripts/static-headers.ts";

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00", RATE_LIMITS: "off" });
  browser = await sharedBrowser();
});

afterAll(async () => {
  await releaseBrowser(browser);
  await site?.stop();
});

async function track(reference: string) {
  const response = await fetch(`${site.url}/api/responses/${reference}`);
  return (await response.json()) as { comments: { paragraph: string; text: string }[] };
}

async function expectAccessible(page: Page, expect: (value: unknown) => { toEqual(value: unknown): void }) {
  expect(await axeViolations(page)).toEqual([]);
}

/** The site without its script, while axe can still run in the page. */
async function pageWithoutSiteScript() {
  const page = await newPage(browser);
  await page.route("**/*.js", (route) => route.abort());
  return page;
}

describe("commenting without JavaScript", () => {
  it("goes from a paragraph to the form, sends, shows the reference, and finds it again at /track", async ({ expect }) => {
    const page = await pageWithoutSiteScript();
    await page.goto(`${site.url}/draft/streets/`);
    await page.getByRole("link", { name: "Comment on paragraph 3.2" }).click();
    expect(await page.locator("blockquote").innerText()).toContain("3.2");
    await page.getByLabel("Your comment on paragraph 3.2").fill("Peer outreach workers helped me.\nPlease keep them.");
    await page.getByLabel("For an organisation").check();
    await page.getByLabel("Name of the organisation").fill("Testshire Day Centre");
    await page.getByLabel(/You may quote my comment/).check();
    await page.getByLabel("Anything else about the strategy as a whole? (optional)").fill("The whole plan needs more money.");
    await page.getByRole("button", { name: "Send comment" }).click();

    await page.waitForURL(`${site.url}/confirmation`);
    expect(new URL(page.url()).pathname).toBe("/confirmation");
    expect(await page.locator("h1").innerText()).toBe("Comment sent");
    const reference = (await page.locator(".reference").innerText()).trim();
    expect(reference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(page.url()).not.toContain(reference);
    expect(await page.locator("main").innerText()).toContain("What happens next");
    expect(await page.locator("main").innerText()).toContain("The consultation closes at 11:59pm on Friday 18 December 2099.");
    await expectAccessible(page, expect);

    await page.goto(`${site.url}/track`);
    await page.getByLabel("Your reference").fill(reference.toLowerCase().replace("-", " "));
    await page.getByRole("button", { name: "Look up" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe(`Response ${reference}`);
    expect(await page.locator("blockquote .user-text").allInnerTexts()).toEqual(["Peer outreach workers helped me.\nPlease keep them.", "The whole plan needs more money."]);
    // Everything held about the response is shown with it, the organisation as typed.
    expect(await page.locator(".held-data .user-text").allInnerTexts()).toEqual(["Testshire Day Centre"]);
    expect(page.url()).toBe(`${site.url}/track`);
    await expectAccessible(page, expect);
    await page.context().close();
  });

  it("shows the form again with an error summary, keeping every word the person wrote", async ({ expect }) => {
    const page = await pageWithoutSiteScript();
    await page.goto(`${site.url}/comment/homes-2`);
    const long = `${"Too long. ".repeat(500)}Still mine ✓`;
    await page.getByLabel("Your comment on paragraph 4.2").fill(long);
    await page.getByRole("button", { name: "Send comment" }).click();

    // The form comes back at the page's own address, never the API's.
    await page.locator(".error-summary").waitFor();
    expect(new URL(page.url()).pathname).toBe("/comment/homes-2");
    expect(await page.title()).toMatch(/^Error: /);
    const summary = page.locator(".error-summary");
    expect(await summary.locator("h2").innerText()).toBe("There is a problem");
    expect(await summary.getByRole("link").innerText()).toBe("Your comment must be 5,000 characters or fewer.");
    expect(await page.locator("#comment-error").innerText()).toContain("5,000 characters or fewer");
    expect(await page.getByLabel("Your comment on paragraph 4.2").inputValue()).toBe(long);
    expect(await page.locator("#comment").getAttribute("aria-describedby")).toContain("comment-error");
    await expectAccessible(page, expect);

    await page.getByLabel("Your comment on paragraph 4.2").fill("Shorter now.");
    await page.getByRole("button", { name: "Send comment" }).click();
    await expect.poll(() => page.locator("h1").innerText()).toBe("Comment sent");
    await page.context().close();
  });

  it("shows the organisation's name box only once that choice is made, without JavaScript too, so the send button never moves under a finger", async ({ expect }) => {
    for (const javaScriptEnabled of [false, true]) {
      const page = await newPage(browser, { javaScriptEnabled });
      await page.goto(`${site.url}/comment/general`);
      const sendAt = (await page.getByRole("button", { name: "Send comment" }).boundingBox())!.y;
      if (javaScriptEnabled) await commentingEnhanced(page);
      expect(await page.getByLabel("Name of the organisation").isVisible(), `script ${javaScriptEnabled}`).toBe(false);
      expect((await page.getByRole("button", { name: "Send comment" }).boundingBox())!.y, `script ${javaScriptEnabled}`).toBe(sendAt);
      await page.getByLabel("For an organisation").check();
      expect(await page.getByLabel("Name of the organisation").isVisible(), `script ${javaScriptEnabled}`).toBe(true);
      await page.getByLabel("As an individual").check();
      expect(await page.getByLabel("Name of the organisation").isVisible(), `script ${javaScriptEnabled}`).toBe(false);
      await page.context().close();
    }
  });

  it("comments on several paragraphs in one response, under one reference", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/comment/streets-2`);
    await page.getByLabel("Your comment on paragraph 3.2").fill("Keep the peer outreach workers.");
    await page.getByText("Comment on other paragraphs in the same response (optional)").click();
    const first = page.getByRole("group", { name: "Another paragraph (1 of 3)" });
    await first.getByLabel("Which paragraph").selectOption("care-3");
    await first.getByLabel("Your comment on that paragraph").fill("GP registration is the key.");
    await page.getByRole("button", { name: "Send comment" }).click();
    const reference = (await page.locator(".reference").innerText()).trim();
    expect((await track(reference)).comments.map((c) => c.paragraph)).toEqual(["streets-2", "care-3"]);
    await page.context().close();
  });

  it("keeps the other paragraphs' choices and words when the form comes back with an error", async ({ expect }) => {
    const page = await pageWithoutSiteScript();
    await page.goto(`${site.url}/comment/streets-2`);
    await page.getByText("Comment on other paragraphs in the same response (optional)").click();
    const second = page.getByRole("group", { name: "Another paragraph (2 of 3)" });
    await second.getByLabel("Your comment on that paragraph").fill("Forgot to choose.");
    await page.getByRole("button", { name: "Send comment" }).click();
    const summary = page.locator(".error-summary");
    // The form comes back as a new page: read it once it is there, not the page being left.
    await summary.waitFor();
    expect(await summary.getByRole("link").allInnerTexts()).toEqual(["Enter your comment.", "Say which paragraph the comment is about."]);
    expect(await page.locator("details.more-comments").getAttribute("open")).not.toBeNull();
    expect(await page.locator("#alsoComment2").inputValue()).toBe("Forgot to choose.");
    await summary.getByRole("link", { name: "Say which paragraph the comment is about." }).click();
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("alsoParagraph2");
    // The field and its error are tied together, so a screen reader reads the error with the field.
    const describedBy = (await page.locator("#alsoParagraph2").getAttribute("aria-describedby"))?.split(" ") ?? [];
    expect(describedBy).toContain("alsoParagraph2-error");
    expect(await page.locator("#alsoParagraph2-error").innerText()).toContain("Say which paragraph the comment is about.");
    await expectAccessible(page, expect);
    await page.context().close();
  });

  it("answers a form far over the size limit with the form page, a plain error and the person's words, not JSON", async ({ expect }) => {
    const words = `Too much to say. ${"x".repeat(REQUEST_BYTES)}`;
    const response = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site.url, Referer: `${site.url}/comment/homes-2` },
      body: new URLSearchParams({ paragraph: "homes-2", comment: words }),
    });
    expect(response.status).toBe(413);
    expect(response.headers.get("Content-Type")).toContain("text/html");
    const html = await response.text();
    expect(html).toContain("<title>Error: Comment on paragraph 4.2");
    expect(html).toMatch(/larger than [\d,]+ KB/);
    expect(html).toContain(words);
  });

  it("answers two long comments in a non-Latin script, as a plain form, without refusing them for their size", async ({ expect }) => {
    const bengali = "আমাদের রাতে আরও সাহায্য দরকার। ".repeat(200).slice(0, 4000);
    const response = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site.url },
      body: new URLSearchParams({ paragraph: "homes-2", comment: bengali, generalComment: bengali, idempotencyKey: `bengali-${Date.now()}` }),
    });
    expect(response.status).toBe(303);
    const reference = /confirmation=([0-9A-Z-]+)/.exec(response.headers.get("Set-Cookie") ?? "")?.[1];
    expect((await track(reference!)).comments.map((c) => c.text)).toEqual([bengali, bengali]);
  });

  it("shows the form again, not a server error, whatever the Referer of a refused post", async ({ expect }) => {
    for (const referer of [`${site.url}/comment/%E0%A4%A`, "http://[", "not a url at all"]) {
      const response = await fetch(`${site.url}/api/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site.url, Referer: referer },
        body: new URLSearchParams({ paragraph: "homes-2", comment: "" }),
      });
      expect(response.status, referer).toBe(422);
      const html = await response.text();
      expect(html, referer).toContain("Enter your comment.");
    }
  });

  it("answers any post to a comment page with that page in its language, never the API's JSON", async ({ expect }) => {
    for (const [path, contentType] of [
      ["/es/comment/streets-2", "text/plain"],
      ["/it/comment/general", "multipart/form-data; boundary=x"],
      ["/es/comment/streets-2", undefined],
    ] as const) {
      const response = await fetch(`${site.url}${path}`, {
        method: "POST",
        headers: { Origin: site.url, "Accept-Language": "en", ...(contentType ? { "Content-Type": contentType } : {}) },
        body: contentType ? "comment=Mis palabras" : undefined,
      });
      expect(response.status, `${path} ${contentType}`).toBeLessThan(500);
      expect(response.headers.get("Content-Type"), `${path} ${contentType}`).toContain("text/html");
      const html = await response.text();
      expect(html, `${path} ${contentType}`).toContain(`<html lang="${path.slice(1, 3)}"`);
      expect(html, `${path} ${contentType}`).toContain('class="error-summary"');
    }
  });

  it("shows a refused post to the API's address with its errors in the same language as the page around them", async ({ expect }) => {
    const response = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site.url, "Accept-Language": "es" },
      body: new URLSearchParams({ paragraph: "homes-2", comment: "" }),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<html lang="en"');
    expect(html).toContain("Enter your comment.");
  });

  it("takes a comment on the strategy as a whole from the contents page", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/draft/`);
    await page.getByRole("link", { name: "Comment on the strategy as a whole" }).click();
    await page.getByLabel("Your comment on the strategy as a whole").fill("A good start.");
    await page.getByRole("button", { name: "Send comment" }).click();
    const reference = (await page.locator(".reference").innerText()).trim();
    expect((await track(reference)).comments).toEqual([{ id: expect.any(Number), paragraph: "general", text: "A good start.", status: "received", feedback: [] }]);
    await page.context().close();
  });

  it("says the reference was not found, without revealing anything", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/track`);
    await page.getByLabel("Your reference").fill("AAAAA-AAAAA");
    await page.getByRole("button", { name: "Look up" }).click();
    expect(await page.locator(".error-summary").innerText()).toContain("We could not find a response with that reference");
    await expectAccessible(page, expect);
    await page.context().close();
  });
});

describe("on a shared computer", () => {
  it("shows the confirmation once, with no reference in the address, and Finish leaves nothing to reopen", async ({ expect }) => {
    const page = await pageWithoutSiteScript();
    await page.goto(`${site.url}/comment/streets-1`);
    await page.getByLabel("Your comment on paragraph 3.1").fill("Private words on a shared computer.");
    await page.getByRole("button", { name: "Send comment" }).click();
    const reference = (await page.locator(".reference").innerText()).trim();
    expect(page.url()).toBe(`${site.url}/confirmation`);

    await page.getByRole("link", { name: "Finish" }).click();
    await page.waitForURL(`${site.url}/`);
    // The next person presses Back: the confirmation is not shown again, and the form is empty.
    await page.goBack();
    expect(page.url()).toBe(`${site.url}/confirmation`);
    expect(await page.locator("h1").innerText()).toBe("There is nothing to show here");
    expect(await page.locator("body").innerText()).not.toContain(reference);
    await expectAccessible(page, expect);
    await page.goBack();
    expect(await page.getByLabel("Your comment on paragraph 3.1").inputValue()).toBe("");
    expect(await page.content()).not.toContain("Private words");
    await page.context().close();
  });

  it("prints the confirmation as a receipt: the reference large and black, where to look it up, and what happens next", async ({ expect }) => {
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/comment/general`);
    await page.getByLabel("Your comment on the strategy as a whole").fill("Printed at the library.");
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.emulateMedia({ media: "print" });
    const reference = page.locator(".reference");
    const printed = await reference.evaluate((element) => getComputedStyle(element));
    expect(printed.color).toBe("rgb(0, 0, 0)");
    expect(Number.parseFloat(printed.fontSize)).toBeGreaterThanOrEqual(32);
    expect(await page.getByText(`${new URL(site.url).host}/track`).isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "What happens next" }).isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Finish" }).isVisible()).toBe(false);
    expect(await page.locator(".site-nav").isVisible()).toBe(false);
    expect((await page.pdf()).byteLength).toBeGreaterThan(1000);
    await page.context().close();
  });

  it("looks a reference up without putting it in the address, shows the paragraph's words, and Finish leaves nothing to reopen", async ({ expect }) => {
    const sent = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `shared-${Date.now()}` },
      body: JSON.stringify({ comments: [{ paragraph: "streets-2", text: "Words the next person must not see." }] }),
    });
    const { reference } = (await sent.json()) as { reference: string };
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/track`);
    await page.getByLabel("Your reference").fill(reference);
    await page.getByRole("button", { name: "Look up" }).click();
    // The answer is a new page at the same address: wait for what it shows.
    await page.locator(".tracked-comment").first().waitFor();
    expect(page.url()).toBe(`${site.url}/track`);
    const result = await page.locator("main").innerText();
    expect(result).toContain("Paragraph 3.2");
    expect(result).toContain("Our outreach team will meet anyone reported as sleeping outside within a day.");
    expect(result).toContain("Words the next person must not see.");

    await page.getByRole("link", { name: "Finish" }).click();
    await page.waitForURL(`${site.url}/`);
    // Going back asks to send the look-up again (the answer was never stored), rather than showing the words.
    await page.goBack().catch(() => undefined);
    await page.waitForLoadState("load");
    // A locator waits out any navigation still under way, where evaluating in the page could not.
    expect(await page.locator("body").innerText()).not.toContain("Words the next person must not see.");
    await page.context().close();
  });
});

describe("commenting inline with JavaScript", () => {
  it("opens a form under the paragraph, counts characters live, and sends without leaving the page", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/draft/care/`);
    await page.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
    await page.getByRole("link", { name: "Comment on paragraph 5.3" }).click();
    const box = page.getByLabel("Your comment on paragraph 5.3");
    expect(await box.evaluate((element) => element === document.activeElement)).toBe(true);
    await box.fill("Let people register with a GP.");
    await page.waitForFunction(() => document.querySelector(".inline-comment .character-count")?.textContent?.includes("4,970"));
    expect(await page.locator(".inline-comment .character-count").innerText()).toBe("You have 4,970 characters remaining");
    await expectAccessible(page, expect);

    const address = page.url();
    await page.getByRole("button", { name: "Send comment" }).click();
    const sent = page.locator(".inline-sent");
    await sent.waitFor();
    expect(page.url()).toBe(address);
    const reference = /([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(await sent.innerText())![1]!;
    expect((await track(reference)).comments[0]).toMatchObject({ paragraph: "care-3", text: "Let people register with a GP." });
    await page.context().close();
  });

  it("shows the comment-sent panel the whole width of a phone, in every language, without squeezing the paragraph or its comment link", async ({ expect }) => {
    for (const width of [320, 375]) {
      for (const prefix of ["", "/es", "/it"]) {
        const page = await newPage(browser, { viewport: { width, height: 800 } });
        await page.goto(`${site.url}${prefix}/draft/care/`);
        await page.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
        const paragraph = page.locator('[data-paragraph="care-3"]');
        await paragraph.locator(".paragraph-comment a").click();
        await paragraph.locator("textarea").first().fill("Sent from a small phone.");
        await paragraph.locator('button[type="submit"]').click();
        const sent = paragraph.locator(".inline-sent");
        await sent.waitFor();
        const where = `${prefix || "/"} at ${width} px`;
        const [panel, text, link] = await Promise.all([sent.boundingBox(), paragraph.locator(":scope > p").first().boundingBox(), paragraph.locator(".paragraph-comment a").boundingBox()]);
        expect(panel!.width, where).toBeGreaterThanOrEqual(text!.width - 1);
        expect(link!.width, where).toBeGreaterThan(40);
        expect(link!.x + link!.width, where).toBeLessThanOrEqual(width);
        expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth), where).toBeLessThanOrEqual(0);
        await page.context().close();
      }
    }
  });

  it("shows the count for the words a form comes back with, and makes no number format until the words change", async ({ expect }) => {
    const page = await newPage(browser);
    // Counts every number format the page makes: the first costs tens of milliseconds in a fresh page.
    await page.addInitScript(() => {
      const made = { count: 0 };
      Object.defineProperty(window, "numberFormatsMade", { value: made });
      Intl.NumberFormat = new Proxy(Intl.NumberFormat, {
        construct(target, args) {
          made.count += 1;
          return Reflect.construct(target, args);
        },
      });
    });
    const formatsMade = () => page.evaluate(() => (window as unknown as { numberFormatsMade: { count: number } }).numberFormatsMade.count);
    await page.goto(`${site.url}/comment/homes-1`);
    await commentingEnhanced(page);
    expect(await page.locator("#comment-count").innerText()).toBe("You have 5,000 characters remaining");
    expect(await formatsMade()).toBe(0);

    // Ten characters too many: the server refuses them and shows the form again with the words in the box.
    await page.getByLabel("Your comment on paragraph 4.1").fill("x".repeat(5010));
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.locator(".error-summary").waitFor();
    await commentingEnhanced(page);
    const count = page.locator("#comment-count");
    expect(await count.innerText()).toBe("You have 10 characters too many");
    expect(await count.getAttribute("class")).toContain("character-count-over");
    expect(await formatsMade()).toBe(0);

    // Taking eleven away counts live again, in the same words.
    await page.getByLabel("Your comment on paragraph 4.1").fill("x".repeat(4999));
    await page.waitForFunction(() => document.querySelector("#comment-count")?.textContent?.includes("remaining"));
    expect(await count.innerText()).toBe("You have 1 character remaining");
    expect(await count.getAttribute("class")).not.toContain("character-count-over");
    expect(await formatsMade()).toBeGreaterThan(0);
    await page.context().close();
  });

  it("counts characters as the server does, so text that normalisation shortens is not called too long", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/comment/homes-1`);
    await commentingEnhanced(page);
    // 2,600 letters written as a base letter and a combining accent: 5,200 code points typed, 2,600 characters once composed.
    const accented = "e\u0301".repeat(2600);
    await page.getByLabel("Your comment on paragraph 4.1").fill(accented);
    await page.waitForFunction(() => document.querySelector("#comment-count")?.textContent?.includes("2,400"));
    expect(await page.locator("#comment-count").innerText()).toBe("You have 2,400 characters remaining");
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.locator(".reference").waitFor();
    await page.context().close();
  });

  it("shows errors inline and keeps the words", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/draft/homes/`);
    await page.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
    await page.getByRole("link", { name: "Comment on paragraph 4.1" }).click();
    await page.getByRole("button", { name: "Send comment" }).click();
    const summary = page.locator(".inline-comment .error-summary");
    await summary.waitFor();
    expect(await summary.innerText()).toContain("Enter your comment.");
    const long = "x".repeat(5001);
    await page.getByLabel("Your comment on paragraph 4.1").fill(long);
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.waitForFunction(() => document.querySelector(".inline-comment .error-summary")?.textContent?.includes("5,000"));
    expect(await page.getByLabel("Your comment on paragraph 4.1").inputValue()).toBe(long);
    await page.waitForFunction(() => document.querySelector(".inline-comment .character-count")?.textContent === "You have 1 character too many");
    await expectAccessible(page, expect);
    await page.context().close();
  });

  it("puts each error on its own box too, folds away with Escape keeping the words, and shows Cancel as a button", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/draft/homes/`);
    await page.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
    const link = page.getByRole("link", { name: "Comment on paragraph 4.2" });
    await link.click();
    await page.getByRole("button", { name: "Send comment" }).click();
    const box = page.getByLabel("Your comment on paragraph 4.2");
    const error = page.locator(".inline-comment .form-group-error .error-message");
    await error.first().waitFor();
    expect(await error.first().textContent()).toBe("Error: Enter your comment.");
    const errorId = await error.first().getAttribute("id");
    expect((await box.getAttribute("aria-describedby"))?.split(" ")).toContain(errorId);
    expect(await box.evaluate((element) => getComputedStyle(element).borderTopColor)).toBe("rgb(212, 53, 28)");
    await expectAccessible(page, expect);

    await box.fill("Kept when folded away.");
    await box.press("Escape");
    expect(await page.locator(".inline-comment").isVisible()).toBe(false);
    expect(await link.evaluate((element) => element === document.activeElement)).toBe(true);
    await link.click();
    expect(await box.inputValue()).toBe("Kept when folded away.");

    // Cancel is drawn as a button against the grey form: its edge stands out at least 3:1, as WCAG asks of controls.
    const contrast = await page.locator(".inline-comment").evaluate((form) => {
      const cancel = form.querySelector("[data-cancel]")!;
      const luminance = (colour: string) => {
        const [r, g, b] = colour.match(/\d+/g)!.slice(0, 3).map((part) => {
          const value = Number(part) / 255;
          return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
        });
        return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
      };
      const ratio = (a: string, b: string) => {
        const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
        return (light! + 0.05) / (dark! + 0.05);
      };
      const formBackground = getComputedStyle(form).backgroundColor;
      return { edge: ratio(getComputedStyle(cancel).borderTopColor, formBackground), text: ratio(getComputedStyle(cancel).color, getComputedStyle(cancel).backgroundColor) };
    });
    expect(contrast.edge).toBeGreaterThanOrEqual(3);
    expect(contrast.text).toBeGreaterThanOrEqual(4.5);
    await page.getByRole("button", { name: "Cancel" }).click();
    expect(await page.locator(".inline-comment").isVisible()).toBe(false);
    await page.context().close();
  });

  it("sends once when the same words are sent again after a lost answer", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/draft/advice/`);
    await page.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
    let dropped = false;
    let storedReference: string | undefined;
    // The first answer never reaches the page, as when a kiosk's connection drops mid-request.
    await page.route("**/api/responses", async (route) => {
      if (dropped) return route.continue();
      dropped = true;
      storedReference = ((await (await route.fetch()).json()) as { reference: string }).reference;
      await route.abort("connectionreset");
    });
    await page.getByRole("link", { name: "Comment on paragraph 2.1" }).click();
    await page.getByLabel("Your comment on paragraph 2.1").fill("Publish the progress report every year.");
    await page.getByRole("button", { name: "Send comment" }).click();
    await page.locator(".inline-comment .error-summary").waitFor();
    expect(await page.locator(".inline-comment .error-summary").innerText()).toContain("has not been sent yet");
    await page.getByRole("button", { name: "Send comment" }).click();
    const reference = /([0-9A-Z]{5}-[0-9A-Z]{5})/.exec(await page.locator(".inline-sent").innerText())![1]!;
    // The retry was answered with the response stored the first time, not a second one.
    expect(storedReference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(reference).toBe(storedReference);
    await page.context().close();
  });
});

describe("commenting by keyboard alone", () => {
  /** Presses Tab until the focused element matches, as a keyboard user would. */
  async function tabTo(page: Page, matches: (element: Element) => boolean, limit = 80) {
    for (let presses = 0; presses < limit; presses++) {
      await page.keyboard.press("Tab");
      if (await page.evaluate(`(${matches.toString()})(document.activeElement)`)) return;
    }
    throw new Error("the element was never reached with Tab");
  }

  it("reaches, fills and sends the inline form, and lands on the confirmation", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${site.url}/draft/about/`);
    await page.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
    await tabTo(page, (element) => element.textContent === "Comment on paragraph 1.2");
    await page.keyboard.press("Enter");
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe("TEXTAREA");
    await page.keyboard.type("Typed with the keyboard only.");
    await tabTo(page, (element) => element.textContent === "Send comment");
    await page.keyboard.press("Enter");
    await page.locator(".inline-sent").waitFor();
    expect(await page.evaluate(() => document.activeElement?.className)).toBe("inline-sent");
    await page.context().close();
  });

  it("fills and sends the plain form without a mouse", async ({ expect }) => {
    const page = await pageWithoutSiteScript();
    await page.goto(`${site.url}/comment/about-1`);
    await tabTo(page, (element) => element.id === "comment");
    await page.keyboard.type("Plain form, keyboard only.");
    await tabTo(page, (element) => element.id === "respondentType");
    await page.keyboard.press("Space");
    await tabTo(page, (element) => element.id === "publishConsent");
    await page.keyboard.press("Space");
    await tabTo(page, (element) => element.textContent === "Send comment");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/confirmation$/);
    const reference = (await page.locator(".reference").innerText()).trim();
    const tracked = await fetch(`${site.url}/api/responses/${reference}`);
    expect(((await tracked.json()) as { comments: { text: string }[] }).comments[0]!.text).toBe("Plain form, keyboard only.");
    await page.context().close();
  });
});

describe("what people write is only ever shown as text", () => {
  it("never runs a stored script payload", async ({ expect }) => {
    const payload = `<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 1">"'><svg onload=window.__pwned=1>`;
    const answer = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `xss-${Date.now()}` },
      body: JSON.stringify({ comments: [{ paragraph: "general", text: payload }] }),
    });
    const { reference } = (await answer.json()) as { reference: string };
    const page = await newPage(browser);
    const dialogs: string[] = [];
    page.on("dialog", (dialog) => (dialogs.push(dialog.message()), dialog.dismiss()));
    await page.goto(`${site.url}/track`);
    await page.getByLabel("Your reference").fill(reference);
    await page.getByRole("button", { name: "Look up" }).click();
    expect(await page.locator(".user-text").innerText()).toBe(payload);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("main img, main svg, main script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});

describe("after the closing date", () => {
  /** Closed on 6 February 2026, for every test here: none of them changes what the others find. */
  let closed: Site;
  beforeAll(async () => {
    closed = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2026-02-06T17:00:00+00:00" });
  });
  afterAll(async () => {
    await closed?.stop();
  });

  it("offers no form anywhere, says when it closed, and the API refuses", async ({ expect }) => {
    const page = await newPage(browser);
    await page.goto(`${closed.url}/draft/streets/`);
    expect(await page.getByRole("link", { name: "Comment on paragraph 3.2" }).count()).toBe(0);
    expect(await page.locator("form, template").count()).toBe(0);
    // An address kept from before the close (a bookmark, a printed link) still says plainly why there is no form.
    await page.goto(`${closed.url}/comment/streets-2`);
    expect(await page.locator("form.comment-form").count()).toBe(0);
    expect(await page.locator("main").innerText()).toContain("This consultation closed at 5:00pm on Friday 6 February 2026.");
    await expectAccessible(page, expect);
    // The look-up form and a page that is not there say it too.
    for (const path of ["/track", "/no-such-page/"]) {
      await page.goto(`${closed.url}${path}`);
      expect(await page.locator("main").innerText(), path).toContain("This consultation closed at 5:00pm on Friday 6 February 2026.");
      await expectAccessible(page, expect);
    }
    // Whoever prints paper forms now is told they would arrive too late, on screen only.
    await page.goto(`${closed.url}/print/`);
    expect(await page.getByRole("alert").innerText()).toBe(
      "The consultation closed at 5:00pm on Friday 6 February 2026. Forms given to us now arrive too late to be counted, so please do not hand these out.",
    );
    await page.emulateMedia({ media: "print" });
    expect(await page.getByRole("alert").isVisible()).toBe(false);
    const refused = await fetch(`${closed.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ comments: [{ paragraph: "general", text: "Late" }] }),
    });
    expect(refused.status).toBe(403);
    await page.context().close();
  });

  it("offers no comment links on a reading page reached by an address with a doubled slash, and keeps a post to one", async ({ expect }) => {
    const page = await newPage(browser);
    for (const path of ["//draft/streets/", "/es//draft/", "/draft//streets/"]) {
      await page.goto(`${closed.url}${path}`);
      expect(await page.locator("a[href*='/comment/']").count(), path).toBe(0);
      expect(await page.locator("[data-consultation-status]").innerText(), path).not.toBe("");
    }
    await page.context().close();
    const post = await fetch(`${closed.url}/es//comment/streets-2`, {
      method: "POST",
      redirect: "manual",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: closed.url },
      body: new URLSearchParams({ paragraph: "streets-2", comment: "Mis palabras" }),
    });
    expect(post.status).toBe(308);
    expect(post.headers.get("Location")).toBe(`${closed.url}/es/comment/streets-2`);
  });

  it("says on a look-up and a confirmation that the comments are being read now, not that they will be", async ({ expect }) => {
    executeSql(closed.stateDirectory, seedCommentsSql([{ reference: "KXSKT2222F", paragraph: "care-1", text: "Sent at a kiosk before the close.", channel: "kiosk" }]));
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${closed.url}/track`);
    await page.getByLabel("Your reference").fill("KXSKT-2222F");
    await page.getByRole("button", { name: "Look up" }).click();
    const result = await page.locator("main").innerText();
    expect(result).toContain("Received. Council officers are reading every comment now.");
    expect(result).toContain("We will add it here when we publish “You said, we did”.");
    expect(result).not.toMatch(/when the consultation closes|after the consultation closes/);

    // A confirmation reached after the close (a kiosk's late answer, say) speaks of the close as past.
    await page.context().addCookies([{ name: "confirmation", value: "KXSKT-2222F", url: `${closed.url}/confirmation` }]);
    await page.goto(`${closed.url}/confirmation`);
    const confirmation = await page.locator("main").innerText();
    expect(confirmation).toContain("The consultation has now closed. Council officers are reading every comment.");
    expect(confirmation).not.toContain("Comment on another paragraph");
    await page.context().close();
  });
});

describe("sending just after the close", () => {
  it("shows the words back, says what happened and the other ways to send them, inline and on the plain form", { timeout: 120_000 }, async ({ expect }) => {
    // The consultation closes some seconds after the pages are open, as it does for someone writing at 11:59pm
    // (time enough for the server to start and the pages to open on a busy machine: a few seconds each).
    const closesAt = new Date(Math.ceil((Date.now() + 20_000) / 1000) * 1000);
    const closing = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: closesAt.toISOString() });
    try {
      const plain = await pageWithoutSiteScript();
      await plain.goto(`${closing.url}/comment/streets-2`);
      await plain.getByLabel("Your comment on paragraph 3.2").fill("Written just before midnight.\nPlease still read it.");
      await plain.getByLabel("Anything else about the strategy as a whole? (optional)").fill("And a word on the whole plan.");
      await plain.getByText("Comment on other paragraphs in the same response (optional)").click();
      const other = plain.getByRole("group", { name: "Another paragraph (1 of 3)" });
      await other.getByLabel("Which paragraph").selectOption("care-3");
      await other.getByLabel("Your comment on that paragraph").fill("GP registration matters too.");

      const inline = await newPage(browser);
      await inline.goto(`${closing.url}/draft/care/`);
      await inline.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
      await inline.getByRole("link", { name: "Comment on paragraph 5.1" }).click();
      await inline.getByLabel("Your comment on paragraph 5.1").fill("Sent from the draft page, just too late.");
      expect(Date.now(), "both pages were open and filled in before the close").toBeLessThan(closesAt.getTime());

      await new Promise((resolve) => setTimeout(resolve, closesAt.getTime() + 1500 - Date.now()));

      await plain.getByRole("button", { name: "Send comment" }).click();
      // innerText shows the words as laid out, line breaks included, once the stylesheet has loaded.
      await plain.locator("h1", { hasText: "Your comment was not sent" }).waitFor();
      await plain.waitForLoadState("load");
      expect(new URL(plain.url()).pathname).toBe("/comment/streets-2");
      expect(await plain.locator("h1").innerText()).toBe("Your comment was not sent");
      const main = await plain.locator("main").innerText();
      expect(main).toContain("The consultation closed at");
      expect(await plain.locator(".words-back .user-text").allInnerTexts()).toEqual([
        "Written just before midnight.\nPlease still read it.",
        "And a word on the whole plan.",
        "GP registration matters too.",
      ]);
      expect(await plain.locator(".words-back h2").allInnerTexts()).toEqual([
        "Your comment on paragraph 3.2",
        "Your comment on the strategy as a whole",
        "Your comment on paragraph 5.3",
      ]);
      expect(await plain.getByRole("link", { name: "plan.consultation@testshire.example" }).getAttribute("href")).toBe("mailto:plan.consultation@testshire.example");
      expect(main).toContain("01632 960000");
      expect(await plain.locator("form.comment-form").count()).toBe(0);
      // No link on the page points at something that is not there.
      const brokenAnchors = await plain.locator("a[href^='#']").evaluateAll((links) =>
        links.map((link) => link.getAttribute("href")!).filter((href) => !document.getElementById(href.slice(1))),
      );
      expect(brokenAnchors).toEqual([]);
      await expectAccessible(plain, expect);

      await inline.getByRole("button", { name: "Send comment" }).click();
      const message = inline.locator(".inline-comment .error-summary");
      await inline.waitForFunction(() => document.querySelector(".inline-comment .error-summary")?.textContent?.includes("closed"));
      expect(await message.innerText()).toContain("plan.consultation@testshire.example");
      expect(await inline.getByLabel("Your comment on paragraph 5.1").inputValue()).toBe("Sent from the draft page, just too late.");
      await plain.context().close();
      await inline.context().close();
    } finally {
      await closing.stop();
    }
  });
});

describe("security headers", () => {
  it("are on pages, static files and API answers alike", async ({ expect }) => {
    for (const path of ["/", "/draft/streets/", "/comment.js", "/api/health", "/api/nowhere"]) {
      const response = await fetch(`${site.url}${path}`);
      const csp = response.headers.get("Content-Security-Policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      // Scripts from the site itself, and inline only the one text the policy names by its hash (test/e2e/inline-styles.test.ts).
      expect(csp, path).toMatch(/script-src 'self'( 'sha256-[A-Za-z0-9+/]+={0,2}')*(;|$)/);
      expect(csp, path).not.toContain("unsafe-inline");
      expect(response.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(response.headers.get("Referrer-Policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });
});

describe("with Turnstile configured", () => {
  const TURNSTILE = { TURNSTILE_SITE_KEY: "1x00000000000000000000AA", TURNSTILE_SECRET: "1x0000000000000000000000000000000AA" };
  const OPEN = { OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00" };
  /** The fixture site as built knowing Turnstile is on, so its static draft pages allow the check. */
  const TURNSTILE_BUILD = `${FIXTURE_OUT_DIR.replace(/-fixture$/, "")}-turnstile-fixture`;

  /**
   * Stands in for Cloudflare's Turnstile script (this machine has no internet):
   * like the real one, it puts a `cf-turnstile-response` field in each widget,
   * rendering `.cf-turnstile[data-sitekey]` itself unless asked to wait.
   */
  const FAKE_TURNSTILE = `
    window.turnstile = {
      render(widget, options) {
        const input = document.createElement("input");
        input.type = "hidden";
        input.name = "cf-turnstile-response";
        input.value = "token-for-" + options.sitekey;
        widget.append(input);
      },
      reset() {},
    };
    if (!document.currentScript.src.includes("render=explicit")) {
      for (const widget of document.querySelectorAll(".cf-turnstile[data-sitekey]")) window.turnstile.render(widget, { sitekey: widget.dataset.sitekey });
    }`;

  beforeAll(() => {
    // TURNSTILE_SITE_KEY changes nothing in a build but its static files' headers (scripts/static-headers.ts): the
    // fixture build, copied, with those headers written as a build given the setting writes them, is that build.
    rmSync(TURNSTILE_BUILD, { recursive: true, force: true });
    cpSync(FIXTURE_OUT_DIR, TURNSTILE_BUILD, { recursive: true });
    writeStaticSecurityHeaders(`${TURNSTILE_BUILD}/client`, {
      turnstile: true,
      styleHashes: readInlineStyles("src/styles").hashes,
      scriptHashes: readInlineScripts("public").hashes,
    });
  });

  async function pageRecordingPosts(sent: Record<string, string[]>) {
    const page = await newPage(browser);
    await page.route("https://challenges.cloudflare.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: FAKE_TURNSTILE }));
    // The plain form posts to its own page, the inline form to the API: both are recorded, neither stored.
    await page.route(/\/(api\/responses|comment\/[^/]+)$/, async (route) => {
      if (route.request().method() !== "POST") return route.continue();
      const fields = [...new URLSearchParams(route.request().postData() ?? "")].map(([name, value]) => `${name}${name === "cf-turnstile-response" ? `=${value}` : ""}`);
      sent[(await route.request().headerValue("accept"))?.includes("application/json") ? "inline" : "plain"] = fields.sort();
      await route.fulfill({ status: 201, contentType: "application/json", body: JSON.stringify({ reference: "AAAAA-AAAAA", receivedAt: "", comments: [] }) });
    });
    return page;
  }

  it("the inline form shows the check and sends the plain form's fields, the token among them", async ({ expect }) => {
    const guarded = await startSite({ ...OPEN, ...TURNSTILE }, TURNSTILE_BUILD);
    try {
      const sent: Record<string, string[]> = {};
      const page = await pageRecordingPosts(sent);
      await page.goto(`${guarded.url}/comment/streets-2`);
      await page.getByLabel("Your comment on paragraph 3.2").fill("Sent from the plain form.");
      await page.getByRole("button", { name: "Send comment" }).click();
      await expect.poll(() => sent.plain).toBeDefined();

      await page.goto(`${guarded.url}/draft/streets/`);
      await page.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
      await page.getByRole("link", { name: "Comment on paragraph 3.2" }).click();
      await page.locator(".inline-comment input[name=cf-turnstile-response]").waitFor({ state: "attached" });
      expect(await page.locator(".inline-comment [data-turnstile]").isVisible()).toBe(true);
      await page.getByLabel("Your comment on paragraph 3.2").fill("Sent from the inline form.");
      await page.getByRole("button", { name: "Send comment" }).click();
      await page.locator(".inline-sent").waitFor();

      const token = `cf-turnstile-response=token-for-${TURNSTILE.TURNSTILE_SITE_KEY}`;
      expect(sent.plain).toContain(token);
      expect(sent.inline).toContain(token);
      // The inline form is the plain form without its extra boxes: every field it sends, the plain form sends too.
      expect(sent.plain).toEqual(expect.arrayContaining(sent.inline!));
      expect(sent.inline).toEqual(expect.arrayContaining(["comment", "idempotencyKey", "paragraph", "website"]));
      await page.context().close();
    } finally {
      await guarded.stop();
    }
  });

  it("sends people to the plain form when the draft page cannot show the check", async ({ expect }) => {
    // The usual fixture build does not allow Turnstile on its static pages, though the Worker has it on.
    const guarded = await startSite({ ...OPEN, ...TURNSTILE });
    try {
      const page = await newPage(browser);
      await page.goto(`${guarded.url}/draft/streets/`);
      await page.waitForFunction(() => document.documentElement.dataset.inlineComments === "ready");
      await page.getByRole("link", { name: "Comment on paragraph 3.2" }).click();
      await page.waitForURL(/\/comment\/streets-2$/);
      expect(await page.locator(".cf-turnstile[data-sitekey]").count()).toBe(1);
      await page.context().close();
    } finally {
      await guarded.stop();
    }
  });
});

describe("a paper form's QR code", () => {
  it("fills the look-up box with the sheet's reference, and looks nothing up until the person asks", async ({ expect }) => {
    const sent = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `qr-${Date.now()}` },
      body: JSON.stringify({ comments: [{ paragraph: "general", text: "Written on paper, looked up by QR code." }] }),
    });
    const { reference } = (await sent.json()) as { reference: string };
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/track?reference=${reference}`);
    expect(await page.getByLabel("Your reference").inputValue()).toBe(reference);
    expect(await page.locator("main").innerText()).not.toContain("Written on paper");
    await page.getByRole("button", { name: "Look up" }).click();
    expect(await page.locator("main").innerText()).toContain("Written on paper, looked up by QR code.");
    expect(page.url()).toBe(`${site.url}/track`);
    await page.context().close();
  });
});

describe("the confirmation page, which anyone can send a cookie to", () => {
  it("is limited like /track, and takes a cookie it did not write calmly", async ({ expect }) => {
    const limited = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00" });
    try {
      const confirmation = (cookie: string) => fetch(`${limited.url}/confirmation`, { headers: { Cookie: cookie } });
      await awayFromRateWindowEdge();
      expect((await confirmation("confirmation=%E0%A4%A")).status).toBeLessThan(500);
      const statuses: number[] = [];
      // Guesses shaped like real references (their check character right), so each one is looked up.
      for (let guess = 0; guess < 35; guess++) statuses.push((await confirmation(`confirmation=${formatReference(newReference())}`)).status);
      expect(statuses).toContain(429);
      expect(statuses.indexOf(429)).toBeGreaterThanOrEqual(29);
    } finally {
      await limited.stop();
    }
  });
});

describe("a look-up posted to /track", () => {
  async function sendOne(): Promise<string> {
    const sent = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": `track-origin-${Date.now()}` },
      body: JSON.stringify({ comments: [{ paragraph: "general", text: "Looked up from elsewhere?" }] }),
    });
    return ((await sent.json()) as { reference: string }).reference;
  }
  const lookUp = (path: string, reference: string, headers: Record<string, string>) =>
    fetch(`${site.url}${path}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", ...headers },
      body: new URLSearchParams({ reference }),
    });

  it("from another website is not made, and says so on the page in the page's language", async ({ expect }) => {
    const reference = await sendOne();
    const english = await lookUp("/track", reference, { Origin: "https://elsewhere.example" });
    expect(english.status).toBe(403);
    const html = await english.text();
    expect(html).toContain("This look-up was sent from another website, so we did not make it.");
    expect(html).not.toContain("Looked up from elsewhere?");
    const spanish = await lookUp("/es/track", reference, { "Sec-Fetch-Site": "cross-site" });
    expect(spanish.status).toBe(403);
    expect(await spanish.text()).toContain("Esta búsqueda se envió desde otro sitio web");
  });

  it("with the box left empty asks for the reference in the page's language, rather than saying none was found", async ({ expect }) => {
    const english = await lookUp("/track", "  ", {});
    expect(english.status).toBe(422);
    const html = await english.text();
    expect(html).toContain("Enter your reference.");
    expect(html).not.toContain("We could not find a response with that reference.");
    const italian = await lookUp("/it/track", "", { Origin: site.url });
    expect(italian.status).toBe(422);
    expect(await italian.text()).toContain("Scriva il suo codice di riferimento.");
  });

  it("with a huge reference answers plainly, without sending the whole of it back", async ({ expect }) => {
    const answer = await lookUp("/es/track", "A".repeat(200_000), { Origin: site.url });
    expect(answer.status).toBe(404);
    const html = await answer.text();
    expect(html).toContain("No hemos encontrado ninguna respuesta con ese código de referencia.");
    expect(html).not.toContain("A".repeat(1_000));
  });

  it("from a browser that sends no Origin header is made, as from the site's own form", async ({ expect }) => {
    const reference = await sendOne();
    const answer = await lookUp("/track", reference, {});
    expect(answer.status).toBe(200);
    expect(await answer.text()).toContain("Looked up from elsewhere?");
    const sameSite = await lookUp("/it/track", reference, { Origin: site.url, "Sec-Fetch-Site": "same-origin" });
    expect(sameSite.status).toBe(200);
  });
});
