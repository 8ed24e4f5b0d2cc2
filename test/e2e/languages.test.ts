/**
 * The site in every language: English at /, Spanish at /es/, Italian at /it/,
 * each page naming its language, offering the others, and keeping the
 * person's language through a plain form post, its errors and its
 * confirmation.
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "vitest";
import type { Page } from "playwright-core";
import { languages, LANGUAGE_CODES } from "../../functions/i18n/index.ts";
import { FIXTURE_OUT_DIR } from "../../scripts/local-server.ts";
import { pageWeight, READING_BUDGET_GZIP } from "../../bench/page-weight.ts";
import { kioskSetupCode, OPEN_NOW, newPage, siteAndBrowserForFile } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-languages";
const { site, browser } = siteAndBrowserForFile({ ...OPEN_NOW, RATE_LIMITS: "off", ADMIN_TOKEN });

const get = (path: string, init?: RequestInit) => fetch(`${site().url}${path}`, { redirect: "manual", ...init });

describe("the language versions of the site", () => {
  it("serves every public page in Spanish and Italian at /es/… and /it/…, with the page's language on <html>", async ({ expect }) => {
    const pages = ["/", "/draft/", "/draft/care/", "/comment/care-3", "/comment/general", "/confirmation", "/track", "/you-said-we-did", "/what-people-said/", "/final/", "/kiosk/", "/print/", "/easy-read/", "/accessibility/", "/privacy/", "/consultation-status"];
    for (const language of ["es", "it"]) {
      for (const path of pages) {
        const response = await get(`/${language}${path}`);
        expect(response.status, `/${language}${path}`).toBe(200);
        const html = await response.text();
        if (path !== "/consultation-status") expect(html, `/${language}${path}`).toContain(`<html lang="${language}">`);
      }
    }
    expect(await (await get("/es/track")).text()).toContain("Buscar su comentario");
    expect(await (await get("/it/track")).text()).toContain("Cercare il suo commento");
  });

  it("answers an address in a language the site does not have, or English under /en/, with the not-found page", async ({ expect }) => {
    for (const path of ["/xx/track", "/xx/", "/en/track", "/fr/draft/"]) {
      expect((await get(path)).status, path).toBe(404);
    }
    const spanishMissing = await get("/es/no-such-page");
    expect(spanishMissing.status).toBe(404);
    expect(await spanishMissing.text()).toContain('<html lang="es">');
  });

  it("offers the same page in the other languages, each named in its own language and marked with it", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/es/draft/care/`);
    const links = page.getByRole("navigation", { name: "Otros idiomas" }).getByRole("link");
    const found = await links.evaluateAll((anchors) =>
      anchors.map((a) => ({ name: a.textContent, href: a.getAttribute("href"), hreflang: a.getAttribute("hreflang"), lang: a.getAttribute("lang") })),
    );
    expect(found).toEqual([
      { name: "English", href: "/draft/care/", hreflang: "en", lang: "en" },
      { name: "Italiano", href: "/it/draft/care/", hreflang: "it", lang: "it" },
    ]);
    await links.filter({ hasText: "Italiano" }).click();
    expect(new URL(page.url()).pathname).toBe("/it/draft/care/");
    expect(await page.locator("html").getAttribute("lang")).toBe("it");
    // Every link on the page stays in Italian, but for the other languages and the English text.
    const hrefs = await page.locator("main a[href^='/'], header .site-nav a").evaluateAll((anchors) => anchors.map((a) => a.getAttribute("href")!));
    expect(hrefs.filter((href) => !href.startsWith("/it/"))).toEqual([]);
    await page.context().close();
  });

  it("shows a translated section with a note that the English text is the one consulted on, and a link to it", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/es/draft/streets/`);
    expect(await page.locator("h1").innerText()).toBe("3. Fuera de la calle");
    expect(await page.locator("h1").getAttribute("lang")).toBeNull();
    expect(await page.locator(".translation-note").innerText()).toContain("La consulta es sobre el texto en inglés");
    const english = page.getByRole("link", { name: "Leer la sección 3 en inglés" });
    expect(await english.getAttribute("href")).toBe("/draft/streets/");
    expect(await english.getAttribute("hreflang")).toBe("en");
    // The same paragraphs, the same ids and numbers: comments are on the English paragraphs.
    expect(await page.locator("[data-paragraph]").evaluateAll((divs) => divs.map((div) => div.getAttribute("data-paragraph")))).toEqual(["streets-1", "streets-2", "winter-beds"]);
    expect(await page.locator("#winter-beds p").first().innerText()).toContain("habitaciones individuales");
    await page.context().close();
  });

  it("shows an untranslated section in English, marked as English, and says so in the reader's language", async ({ expect }) => {
    const page = await newPage(browser());
    await page.goto(`${site().url}/it/draft/care/`);
    expect(await page.locator("h1").getAttribute("lang")).toBe("en");
    expect(await page.locator(".section-text").getAttribute("lang")).toBe("en");
    expect(await page.locator(".translation-note").innerText()).toBe("Questa sezione non è ancora tradotta, per questo è mostrata in inglese.");
    // The interface around the English words stays Italian, and says so.
    const link = page.locator("#care-3 .paragraph-comment");
    expect(await link.getAttribute("lang")).toBe("it");
    expect(await link.innerText()).toBe("Commentare il paragrafo 5.3");
    await page.context().close();
  });

  it("writes the live status into a reading page in the page's language", async ({ expect }) => {
    const html = await (await get("/es/draft/care/")).text();
    expect(html).toMatch(/<div class="consultation-status" data-consultation-status><div[^>]*data-status="open"><p><strong>Abierta hasta el /);
    const italian = await (await get("/it/accessibility/")).text();
    expect(italian).toMatch(/data-status="open"><p><strong>Aperta fino a/);
  });
});

describe("a plain form post in Spanish", () => {
  it("shows the errors in Spanish on the Spanish form, keeps the words, then confirms in Spanish", async ({ expect }) => {
    const page = await newPage(browser(), { javaScriptEnabled: false, locale: "en-GB", extraHTTPHeaders: { "Accept-Language": "en-GB" } });
    await page.goto(`${site().url}/es/comment/care-3`);
    // The other paragraphs to choose from are in Spanish where the draft is translated, and marked as English where not.
    expect(await page.locator("#alsoParagraph1 optgroup").evaluateAll((groups) => groups.map((group) => [group.getAttribute("label"), group.getAttribute("lang")]))).toEqual([
      ["1. About this plan", "en"],
      ["2. Consejo a tiempo", null],
      ["3. Fuera de la calle", null],
      ["4. Homes that last", "en"],
      ["5. Health and care", "en"],
    ]);
    const words = `${"Demasiado. ".repeat(500)}Mío`;
    await page.locator("#comment").fill(words);
    await page.locator("button[type=submit]").click();

    expect(new URL(page.url()).pathname).toBe("/es/comment/care-3");
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.title()).toMatch(/^Error: /);
    expect(await page.locator(".error-summary a").innerText()).toBe("Su comentario puede tener como máximo 5000 caracteres.");
    expect(await page.locator("#comment").inputValue()).toBe(words);

    await page.locator("#comment").fill("Mi médico de cabecera está lejos. 私のコメント");
    await page.locator("button[type=submit]").click();
    expect(new URL(page.url()).pathname).toBe("/es/confirmation");
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    expect(await page.locator("h1").innerText()).toBe("Comentario enviado");
    const reference = (await page.locator(".reference").innerText()).trim();

    // Stored as written, whatever the language.
    const stored = (await (await get(`/api/responses/${reference}`)).json()) as { comments: { text: string }[] };
    expect(stored.comments.map((comment) => comment.text)).toEqual(["Mi médico de cabecera está lejos. 私のコメント"]);

    // Looked up in Italian, the comment is shown as written, its language not assumed.
    await page.goto(`${site().url}/it/track`);
    await page.locator("#reference").fill(reference);
    await page.locator("button[type=submit]").click();
    expect(new URL(page.url()).pathname).toBe("/it/track");
    const comment = page.locator(".user-text");
    expect(await comment.innerText()).toBe("Mi médico de cabecera está lejos. 私のコメント");
    expect(await comment.getAttribute("lang")).toBe("");
    await page.context().close();
  });

  it("answers a form posted straight to the API from a Spanish page with that page again, in Spanish", async ({ expect }) => {
    const response = await get("/api/responses", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site().url, Referer: `${site().url}/es/comment/care-3`, "Accept-Language": "en-GB" },
      body: new URLSearchParams({ paragraph: "care-3", comment: "" }),
    });
    expect(response.status).toBe(422);
    const html = await response.text();
    expect(html).toContain('<html lang="es">');
    expect(html).toContain("Escriba su comentario.");
  });

  it("sends the confirmation's one-time cookie only to the confirmation page in the person's language", async ({ expect }) => {
    const response = await get("/it/comment/general", {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site().url, "Accept-Language": "es" },
      body: new URLSearchParams({ paragraph: "general", comment: "Va bene.", idempotencyKey: crypto.randomUUID() }),
    });
    expect(response.status).toBe(303);
    expect(response.headers.get("Location")).toBe("/it/confirmation");
    expect(response.headers.get("Set-Cookie")).toContain("Path=/it/confirmation;");
    const confirmation = await get("/it/confirmation", { headers: { Cookie: response.headers.get("Set-Cookie")!.split(";")[0]! } });
    const html = await confirmation.text();
    expect(html).toContain("<html lang=\"it\">");
    expect(html).toContain("Commento inviato");
    expect(confirmation.headers.get("Set-Cookie")).toContain("Path=/it/confirmation;");
  });
});

describe("each language's pages", () => {
  /** The words of each dictionary a person could read, as whole phrases: the literal parts between placeholders. */
  const phrases = (code: string) =>
    new Set(Object.values(languages.get(code)!.messages).flatMap((text) => text.split(/\{\w+\}/).map((part) => part.trim())));
  const everything = (code: string) => Object.values(languages.get(code)!.messages).join("\n");
  /**
   * Phrases only another language's dictionary has: long enough to be a real
   * sentence or label (short ones such as "Error:" or "Online" are shared),
   * and not found anywhere in this language's own dictionary.
   */
  const foreignPhrases = (code: string) => {
    const own = everything(code);
    return LANGUAGE_CODES.filter((other) => other !== code).flatMap((other) =>
      [...phrases(other)].filter((phrase) => phrase.length >= 14 && phrase.includes(" ") && !own.includes(phrase)).map((phrase) => ({ other, phrase })),
    );
  };

  /** The page's own words: its text, its attributes and its templates' words, leaving out passages marked as another language (the draft's English, people's comments as written). */
  const ownWords = (page: Page) =>
    page.evaluate(() => {
      const language = document.documentElement.lang;
      const words: string[] = [];
      const visit = (root: ParentNode) => {
        for (const element of root.querySelectorAll("*")) {
          const marked = element.closest("[lang]");
          if (marked && marked.getAttribute("lang") !== language) continue;
          for (const attribute of element.attributes) if (!["href", "src", "class", "id", "lang", "hreflang"].includes(attribute.name)) words.push(attribute.value);
          for (const child of element.childNodes) if (child.nodeType === Node.TEXT_NODE) words.push(child.textContent ?? "");
          if (element instanceof HTMLTemplateElement) visit(element.content);
        }
      };
      visit(document);
      return words.join("\n");
    });

  /** Every prerendered page of the fixture build in one language, by its address. */
  const builtPages = (code: string) => {
    const root = join(FIXTURE_OUT_DIR, "client");
    return readdirSync(root, { recursive: true, encoding: "utf8" })
      .filter((file) => file.endsWith("index.html"))
      .map((file) => `/${relative(root, join(root, file)).replace(/index\.html$/, "")}`)
      .filter((path) => (code === "en" ? !LANGUAGE_CODES.some((other) => path.startsWith(`/${other}/`)) : path.startsWith(`/${code}/`)));
  };
  const livePages = ["/", "/comment/care-3", "/comment/general", "/confirmation", "/track", "/you-said-we-did", "/what-people-said/", "/what-people-said/streets/", "/final/", "/final/streets/", "/changes/streets/", "/print/", "/privacy/", "/you-said-we-did/poster", "/no-such-page"];

  it("finds no interface words of another language on any built or live page, in any language", async ({ expect }) => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    const found: string[] = [];
    for (const code of LANGUAGE_CODES) {
      const foreign = foreignPhrases(code);
      expect(foreign.length, `${code}: phrases to look for`).toBeGreaterThan(100);
      const prefix = code === "en" ? "" : `/${code}`;
      const built = builtPages(code);
      // The final strategy (public only once published) and the privacy notice (which states the retention
      // settings in force) render on demand, so they are among the live pages.
      expect(built.length, `${code}: built pages`).toBeGreaterThanOrEqual(9);
      const addresses: { path: string; html?: string }[] = [
        ...built.map((path) => ({ path, html: readFileSync(join(FIXTURE_OUT_DIR, "client", path, "index.html"), "utf8") })),
        ...livePages.map((path) => ({ path: `${prefix}${path}` })),
      ];
      for (const { path, html } of addresses) {
        if (html) await page.setContent(html);
        else await page.goto(`${site().url}${path}`);
        // Read in the page itself: a locator would first set up Playwright's own script in each of these 75 pages.
        expect(await page.evaluate(() => document.documentElement.getAttribute("lang")), path).toBe(code);
        const words = await ownWords(page);
        for (const { other, phrase } of foreign) if (words.includes(phrase)) found.push(`${path}: "${phrase}" (${other})`);
      }
      // A form shown again with its errors, in this language.
      await page.goto(`${site().url}${prefix}/comment/care-3`);
      await page.locator("button[type=submit]").click();
      expect(await page.locator(".error-summary").count()).toBe(1);
      const words = await ownWords(page);
      for (const { other, phrase } of foreign) if (words.includes(phrase)) found.push(`${prefix}/comment/care-3 (errors): "${phrase}" (${other})`);
    }
    expect(found).toEqual([]);
    await page.context().close();
  });
});

describe("the outcome while comments are taken", () => {
  it("says in every language that the final strategy and what changed are to come, and shows neither", async ({ expect }) => {
    const page = await newPage(browser());
    const toCome = { en: "are to come", es: "se publicarán más adelante", it: "saranno pubblicate più avanti" } as Record<string, string>;
    for (const code of LANGUAGE_CODES) {
      const prefix = code === "en" ? "" : `/${code}`;
      for (const path of ["/final/", "/final/streets/", "/changes/streets/"]) {
        const answer = await page.goto(`${site().url}${prefix}${path}`);
        expect(answer!.status(), `${prefix}${path}`).toBe(path === "/final/" ? 200 : 404);
        const main = await page.locator("main").innerText();
        expect(main, `${prefix}${path}`).toContain(toCome[code]);
        expect(await page.locator(".paragraph-change, .section-text, ol.contents").count(), `${prefix}${path}`).toBe(0);
      }
    }
    await page.context().close();
  });
});

describe("reading in every language", () => {
  const readingPages = ["/draft/", "/draft/about/", "/draft/advice/", "/draft/streets/", "/draft/homes/", "/draft/care/", "/easy-read/", "/accessibility/", "/privacy/"];

  it("keeps every reading page within 20 KB gzipped in every language, its stylesheet, scripts and language links included", async ({ expect }) => {
    for (const code of LANGUAGE_CODES) {
      for (const path of readingPages) {
        const address = `${code === "en" ? "" : `/${code}`}${path}`;
        const weight = await pageWeight(site().url, address);
        expect(weight.css.bytes, address).toBeGreaterThan(0);
        expect(weight.total.gzip, address).toBeLessThanOrEqual(READING_BUDGET_GZIP);
      }
    }
  });

  it("reads a translated section and reaches the plain comment form in Italian with no JavaScript at all", async ({ expect }) => {
    const page = await newPage(browser(), { javaScriptEnabled: false });
    await page.goto(`${site().url}/it/draft/advice/`);
    expect(await page.locator("#advice-1 p").first().innerText()).toBe("Daremo consigli prima che le persone perdano la casa.");
    await page.getByRole("link", { name: "Commentare il paragrafo 2.1" }).click();
    expect(new URL(page.url()).pathname).toBe("/it/comment/advice-1");
    expect(await page.locator("blockquote").innerText()).toContain("Daremo consigli prima che le persone perdano la casa.");
    await page.context().close();
  });
});

describe("the kiosk's languages", () => {
  it("offers the other languages on the start screen, each a 44 px target, and stays set up in the language chosen", async ({ expect }) => {
    const code = await kioskSetupCode(site(), ADMIN_TOKEN, "Hostel");
    const page = await newPage(browser(), { hasTouch: true });
    await page.goto(`${site().url}/kiosk/`);
    await page.getByLabel("Set-up code").fill(code);
    await page.getByRole("button", { name: "Set up" }).click();
    const start = page.locator('[data-screen="start"]');
    await start.waitFor();
    const choices = start.getByRole("navigation").getByRole("link");
    expect(await choices.allInnerTexts()).toEqual(["Español", "Italiano"]);
    for (const box of await choices.evaluateAll((links) => links.map((link) => link.getBoundingClientRect().toJSON() as DOMRect))) {
      expect(box.height).toBeGreaterThanOrEqual(44);
      expect(box.width).toBeGreaterThanOrEqual(44);
    }
    await choices.filter({ hasText: "Español" }).click();
    await page.waitForURL(`${site().url}/es/kiosk/`);
    await start.waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await page.getByRole("button", { name: "Doy mi propia opinión" }).click();
    await page.getByRole("button", { name: /^3\. Fuera de la calle$/ }).click();
    expect(await page.locator('[data-paragraph="streets-2"] [data-paragraph-text]').innerText()).toContain("Nuestro equipo de calle");
    await page.context().close();
  });
});
