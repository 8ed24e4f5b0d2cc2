import { spawnSync } from "node:child_process";
import { afterAll, beforeAll, describe, it } from "vitest";
import type { Browser, Page } from "playwright-core";
import { REQUEST_BYTES } from "../../functions/limits.ts";
import { axeViolations, launchBrowser, newPage, startSite, type Site } from "./harness.ts";

let site: Site;
let browser: Browser;

beforeAll(async () => {
  site = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00", RATE_LIMITS: "off" });
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
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
    const page = await newPage(browser, { javaScriptEnabled: false });
    await page.goto(`${site.url}/draft/streets/`);
    await page.getByRole("link", { name: "Comment on paragraph 3.2" }).click();
    expect(await page.locator("blockquote").innerText()).toContain("3.2");
    await page.getByLabel("Your comment on paragraph 3.2").fill("Peer outreach workers helped me.\nPlease keep them.");
    await page.getByLabel("For an organisation").check();
    await page.getByLabel("Name of the organisation").fill("Testshire Day Centre");
    await page.getByLabel(/You may quote my comment/).check();
    await page.getByLabel("Anything else about the strategy as a whole? (optional)").fill("The whole plan needs more money.");
    await page.getByRole("button", { name: "Send comment" }).click();

    expect(new URL(page.url()).pathname).toMatch(/^\/confirmation\//);
    expect(await page.locator("h1").innerText()).toBe("Comment sent");
    const reference = (await page.locator(".reference").innerText()).trim();
    expect(reference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    expect(await page.locator("main").innerText()).toContain("What happens next");
    const checker = await newPage(browser);
    await checker.goto(page.url());
    await expectAccessible(checker, expect);

    await page.goto(`${site.url}/track`);
    await page.getByLabel("Your reference").fill(reference.toLowerCase().replace("-", " "));
    await page.getByRole("button", { name: "Look up" }).click();
    expect(await page.locator("h1").innerText()).toBe(`Response ${reference}`);
    expect(await page.locator(".user-text").allInnerTexts()).toEqual(["Peer outreach workers helped me.\nPlease keep them.", "The whole plan needs more money."]);
    await checker.goto(page.url());
    await expectAccessible(checker, expect);
    await checker.context().close();
    await page.context().close();
  });

  it("shows the form again with an error summary, keeping every word the person wrote", async ({ expect }) => {
    const page = await pageWithoutSiteScript();
    await page.goto(`${site.url}/comment/homes-2`);
    const long = `${"Too long. ".repeat(500)}Still mine ✓`;
    await page.getByLabel("Your comment on paragraph 4.2").fill(long);
    await page.getByRole("button", { name: "Send comment" }).click();

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
    expect(await page.locator("h1").innerText()).toBe("Comment sent");
    await page.context().close();
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
    const reference = /\/confirmation\/([0-9A-Z-]+)/.exec(response.headers.get("Location") ?? "")?.[1];
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
    await page.goto(`${site.url}/track?reference=AAAAA-AAAAA`);
    expect(await page.locator(".error-summary").innerText()).toContain("We could not find a response with that reference");
    await expectAccessible(page, expect);
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
    await page.waitForURL(/\/confirmation\//);
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
    await page.goto(`${site.url}/track?reference=${reference}`);
    expect(await page.locator(".user-text").innerText()).toBe(payload);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(await page.locator("main img, main svg, main script").count()).toBe(0);
    expect(dialogs).toEqual([]);
    await page.context().close();
  });
});

describe("after the closing date", () => {
  it("offers no form anywhere, says when it closed, and the API refuses", async ({ expect }) => {
    const closed = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2026-02-06T17:00:00+00:00" });
    try {
      const page = await newPage(browser);
      await page.goto(`${closed.url}/draft/streets/`);
      await page.getByRole("link", { name: "Comment on paragraph 3.2" }).click();
      await page.waitForURL(/\/comment\/streets-2$/);
      expect(await page.locator("form.comment-form").count()).toBe(0);
      expect(await page.locator("main").innerText()).toContain("This consultation closed at 5:00pm on Friday 6 February 2026.");
      await expectAccessible(page, expect);
      const refused = await fetch(`${closed.url}/api/responses`, {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ comments: [{ paragraph: "general", text: "Late" }] }),
      });
      expect(refused.status).toBe(403);
      await page.context().close();
    } finally {
      await closed.stop();
    }
  });
});

describe("security headers", () => {
  it("are on pages, static files and API answers alike", async ({ expect }) => {
    for (const path of ["/", "/draft/streets/", "/comment.js", "/api/health", "/api/nowhere"]) {
      const response = await fetch(`${site.url}${path}`);
      const csp = response.headers.get("Content-Security-Policy") ?? "";
      expect(csp, path).toContain("frame-ancestors 'none'");
      expect(csp, path).toMatch(/script-src 'self'(;|$)/);
      expect(response.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
      expect(response.headers.get("Referrer-Policy"), path).toBe("strict-origin-when-cross-origin");
    }
  });
});

describe("with Turnstile configured", () => {
  const TURNSTILE = { TURNSTILE_SITE_KEY: "1x00000000000000000000AA", TURNSTILE_SECRET: "1x0000000000000000000000000000000AA" };
  const OPEN = { OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00" };
  /** The fixture site built knowing Turnstile is on, so its static draft pages allow the check. */
  const TURNSTILE_BUILD = "dist-turnstile";

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
    const build = spawnSync("npm", ["run", "build:fixture"], {
      env: { ...process.env, PORTAL_OUT_DIR: TURNSTILE_BUILD, TURNSTILE_SITE_KEY: TURNSTILE.TURNSTILE_SITE_KEY },
      encoding: "utf8",
    });
    if (build.status !== 0) throw new Error(`the Turnstile build failed:\n${build.stdout}\n${build.stderr}`);
  });

  async function pageRecordingPosts(sent: Record<string, string[]>) {
    const page = await newPage(browser);
    await page.route("https://challenges.cloudflare.com/**", (route) => route.fulfill({ contentType: "text/javascript", body: FAKE_TURNSTILE }));
    await page.route("**/api/responses", async (route) => {
      const fields = [...new URLSearchParams(route.request().postData() ?? "")].map(([name, value]) => `${name}${name === "cf-turnstile-response" ? `=${value}` : ""}`);
      sent[(await route.request().headerValue("accept"))?.includes("application/json") ? "inline" : "plain"] = fields.sort();
      await route.fulfill({ status: 201, contentType: "application/json", body: JSON.stringify({ reference: "AAAAA-AAAAA", receivedAt: "", comments: [] }) });
    });
    return page;
  }

  it("the inline form shows the check and sends the plain form's fields, the token among them", async ({ expect }) => {
    const guarded = await startSite({ ...OPEN, ...TURNSTILE }, `${TURNSTILE_BUILD}-fixture`);
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
