import { afterAll, beforeAll, describe, it } from "vitest";
import type { BrowserContext, Page, Route } from "playwright-core";
import { axeViolations, officerPage, OPEN_NOW, siteAndBrowserForFile, startSite, type Site } from "./harness.ts";

const ADMIN_TOKEN = "e2e-officer-token-kiosk";
const { site: openSite, browser } = siteAndBrowserForFile({ ADMIN_TOKEN, ...OPEN_NOW });
/** The site the kiosk talks to: the one open until 2090, unless a test serves a consultation that closed an hour ago. */
let closedSite: Site | undefined;
const site = () => closedSite ?? openSite();

async function asOfficer(path: string, init: { method?: string; json?: unknown } = {}) {
  const answer = await fetch(`${site().url}${path}`, {
    method: init.method ?? "GET",
    headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/json" },
    body: init.json === undefined ? undefined : JSON.stringify(init.json),
  });
  return (answer.status === 204 ? {} : answer.json()) as Promise<Record<string, unknown>>;
}

/** The kiosk made for the last set-up code, for giving its support workers staff codes. */
let lastKioskId = 0;

/** A new kiosk for a place, and a one-time code to set a device up with. */
async function newSetupCode(name = "Day centre"): Promise<string> {
  const kiosk = (await asOfficer("/api/admin/kiosks", { method: "POST", json: { name } })) as { id: number };
  lastKioskId = kiosk.id;
  const { code } = (await asOfficer(`/api/admin/kiosks/${kiosk.id}/setup-codes`, { method: "POST" })) as { code: string };
  return code;
}

/** A support worker's own code for the kiosk set up last, as an officer issues it. */
async function newStaffCode(name = "Sam"): Promise<{ id: number; code: string }> {
  return (await asOfficer(`/api/admin/kiosks/${lastKioskId}/staff-codes`, { method: "POST", json: { name } })) as { id: number; code: string };
}

/** Asked for a staff code, the support worker types theirs. */
async function enterStaffCode(page: Page, code: string) {
  await page.getByRole("heading", { level: 1, name: "Staff only" }).waitFor();
  await page.getByLabel("Your staff code").fill(code);
  await page.getByRole("button", { name: "Continue" }).click();
}

async function enterSetupCode(page: Page, code: string) {
  await page.getByLabel("Set-up code").fill(code);
  await page.getByRole("button", { name: "Set up" }).click();
  await page.getByRole("button", { name: "I am giving my own views" }).waitFor();
}

/** A fresh browser profile with this kiosk set up by a one-time code, on its start screen. */
async function setUpKiosk(options: { clock?: boolean; at?: Date } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const code = await newSetupCode();
  const context = await browser().newContext({ viewport: { width: 800, height: 1000 }, hasTouch: true });
  const page = await context.newPage();
  page.on("console", (message) => console.log("PAGE", message.text()));
  page.on("response", (answer) => answer.status() >= 400 && console.log("PAGE", answer.status(), answer.url()));
  page.on("pageerror", (error) => console.log("PAGEERROR", error.message));
  if (options.clock) await page.clock.install();
  // A kiosk whose own clock reads `at`, as one set up the day before the close would.
  if (options.at) await page.clock.setFixedTime(options.at);
  await page.goto(`${site().url}/kiosk/`);
  await enterSetupCode(page, code);
  return { context, page };
}

async function comment(page: Page, section: string, number: string, text: string) {
  await page.getByRole("button", { name: section }).click();
  await page.getByRole("button", { name: `Comment on ${number}` }).click();
  await page.getByLabel("What do you think?").fill(text);
  await page.getByRole("button", { name: "Add to my response" }).click();
  await page.getByRole("heading", { name: "Your response" }).waitFor();
}

/** A person giving their own views on the whole plan, up to pressing send. */
async function sendAboutWholePlan(page: Page, text: string) {
  await page.getByRole("button", { name: "I am giving my own views" }).click();
  await page.getByRole("button", { name: "Say something about the whole plan" }).click();
  await page.getByLabel("What do you think?").fill(text);
  await page.getByRole("button", { name: "Add to my response" }).click();
  await page.getByRole("button", { name: "Send my response" }).click();
}

/** The stored comments of one response, as the officers' export gives them. */
async function exportedRows(reference: string) {
  const exported = (await asOfficer("/api/admin/export?format=json")) as { comments: Record<string, unknown>[] };
  return exported.comments.filter((row) => row.reference === reference);
}

async function kioskComments(): Promise<number> {
  const exported = (await asOfficer("/api/admin/export?format=json")) as { comments: { channel: string }[] };
  return exported.comments.filter((row) => row.channel === "kiosk").length;
}

/** Puts `answer` in the server's place for each response the kiosk sends; gives how many it has answered. */
async function answerSending(context: BrowserContext, answer: (route: Route, attempt: number) => Promise<void>): Promise<() => number> {
  let attempts = 0;
  await context.route("**/api/responses", (route) => answer(route, ++attempts));
  return () => attempts;
}

/** The connection is back: the kiosk sends everything waiting, until nothing waits. */
async function backOnline(page: Page) {
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  await page.waitForFunction(() => document.querySelector("[data-waiting]")?.textContent === "", null, { timeout: 30_000 });
}

/** Every visible control on the screen, as it is now, with its size. */
async function targetSizes(page: Page) {
  return page.locator("main button:visible, main input:visible, main textarea:visible").evaluateAll((nodes) =>
    nodes.map((node) => {
      const box = node.getBoundingClientRect();
      return { name: node.textContent?.trim() || node.id, width: Math.round(box.width), height: Math.round(box.height) };
    }),
  );
}

describe("a kiosk session", () => {
  it("collects comments on three paragraphs and sends them as one response with the reference shown", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    const screens: Record<string, string[]> = {};
    const checkScreen = async (name: string) => {
      screens[name] = await axeViolations(page);
      for (const target of await targetSizes(page)) {
        expect(target.height, `${name}: ${target.name}`).toBeGreaterThanOrEqual(48);
        expect(target.width, `${name}: ${target.name}`).toBeGreaterThanOrEqual(48);
      }
    };
    await checkScreen("start");
    await page.getByRole("button", { name: "I am helping someone" }).click();
    await checkScreen("helper");
    await page.getByLabel("Your organisation").fill("St Anne's");
    await page.getByLabel("Your first name or staff code").fill("Sam");
    await page.getByRole("button", { name: "Continue" }).click();
    await checkScreen("browse");
    const sectionButtons = await page.locator("[data-screen=browse] [data-go^=section-]").allTextContents();
    const streets = sectionButtons.find((name) => name.startsWith("3."))!;
    const care = sectionButtons.find((name) => name.startsWith("5."))!;
    await page.getByRole("button", { name: streets }).click();
    await checkScreen("section");
    await page.getByRole("button", { name: "Comment on 3.2" }).click();
    // The paragraph's own words come before the box.
    const quote = await page.locator("[data-write-quote]").boundingBox();
    const box = await page.getByLabel("What do you think?").boundingBox();
    expect(quote!.y).toBeLessThan(box!.y);
    expect(await page.getByLabel("What do you think?").getAttribute("autocomplete")).toBe("off");
    await checkScreen("write");
    await page.getByLabel("What do you think?").fill("Outreach at night too.");
    await page.getByRole("button", { name: "Add to my response" }).click();
    await checkScreen("review");
    await page.getByRole("button", { name: "Comment on something else" }).click();
    await comment(page, streets, "3.3", "More winter beds.");
    await page.getByRole("button", { name: "Comment on something else" }).click();
    await comment(page, care, "5.3", "Nurses at the day centre.");
    expect(await page.locator("[data-review-list] li").count()).toBe(3);
    await page.getByRole("button", { name: "Send my response" }).click();
    await page.getByRole("heading", { name: "Thank you. Your response has been sent." }).waitFor();
    await checkScreen("done");
    const reference = (await page.locator("[data-reference]").textContent())!;
    expect(reference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    // The slip to print has the whole address to look it up at.
    expect(await page.locator(".receipt").textContent()).toContain(`${site().url}/track`);
    await expect.poll(() => page.locator("[data-waiting]").textContent()).toBe("");
    const stored = (await (await fetch(`${site().url}/api/responses/${reference}`)).json()) as { channel: string; comments: { paragraph: string }[] };
    expect(stored.channel).toBe("kiosk");
    expect(stored.comments.map((c) => c.paragraph)).toEqual(["streets-2", "winter-beds", "care-3"]);
    await page.getByRole("button", { name: "Finish" }).click();
    expect(screens).toEqual(Object.fromEntries(Object.keys(screens).map((name) => [name, []])));
    await context.close();

    // Officers see how it came: on which kiosk, and who helped.
    const officer = await officerPage(browser(), site(), ADMIN_TOKEN);
    await officer.goto(`${site().url}/admin/comments/?${new URLSearchParams({ reference })}`);
    const listed = (await officer.locator("main").textContent())!;
    for (const words of ["Kiosk", "At Day centre", "Helped by Sam, St Anne's", "Outreach at night too."]) expect(listed).toContain(words);
    await officer.context().close();
  });

  it("offers the easy-read version, with pictures, and a comment from it goes on the paragraph the idea is about", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    await page.getByRole("button", { name: "I am giving my own views" }).click();
    await page.getByRole("button", { name: "Read the easy read version, with pictures" }).click();
    await page.getByRole("heading", { level: 1, name: "The fixture plan: easy read" }).waitFor();
    expect(await page.locator("[data-screen=easy-read]").getByRole("img").count()).toBeGreaterThan(0);
    expect(await axeViolations(page)).toEqual([]);
    for (const target of await targetSizes(page)) expect(target.height, target.name).toBeGreaterThanOrEqual(48);
    // The idea about winter beds (3.3 in the fixture) leads to that paragraph's writing screen, its words shown first.
    await page.getByRole("button", { name: "Tell us what you think about this (paragraph 3.3 of the draft)" }).click();
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toBe("Paragraph 3.3");
    expect(await page.locator("[data-write-quote]").textContent()).toContain("Winter beds will be in single rooms");
    await page.getByLabel("What do you think?").fill("A room of my own matters.");
    await page.getByRole("button", { name: "Add to my response" }).click();
    await page.getByRole("button", { name: "Send my response" }).click();
    await page.getByRole("heading", { name: "Thank you. Your response has been sent." }).waitFor();
    const reference = (await page.locator("[data-reference]").textContent())!;
    await expect.poll(async () => (await exportedRows(reference)).map((row) => [row.paragraphId, row.commentText])).toEqual([["winter-beds", "A room of my own matters."]]);
    await context.close();
  });

  it("reads the screen out loud, and a paragraph's own words, in the page's language", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    // Record what would be spoken rather than speak it.
    await page.addInitScript(() => {
      const spoken: { text: string; lang: string }[] = [];
      Object.assign(window, { spoken });
      speechSynthesis.speak = (utterance) => void spoken.push({ text: utterance.text, lang: utterance.lang });
    });
    await page.reload();
    const spoken = () => page.evaluate(() => (window as unknown as { spoken: { text: string; lang: string }[] }).spoken);
    await page.getByRole("button", { name: "Read this screen out loud" }).click();
    const [screen] = await spoken();
    expect(screen!.lang).toBe("en");
    expect(screen!.text).toContain("I am giving my own views");
    expect(screen!.text).toContain("I am helping someone");
    await page.getByRole("button", { name: "I am giving my own views" }).click();
    await page.getByRole("button", { name: /^3\./ }).click();
    await page.getByRole("button", { name: "Comment on 3.2" }).click();
    await page.getByRole("button", { name: "Read this out loud", exact: true }).click();
    expect((await spoken())[1]!.text).toBe(await page.locator("[data-write-quote]").textContent());
    expect((await spoken())[1]!.text).toContain("Our outreach team will meet anyone");
    await context.close();
  });

  it("ends with exactly one stored response when the connection drops while sending and comes back", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    const before = await kioskComments();
    // The first attempt reaches the server, but its answer is lost; the next ones fail outright.
    const attempts = await answerSending(context, async (route, attempt) => {
      if (attempt === 1) await route.fetch();
      await route.abort("internetdisconnected");
    });
    await sendAboutWholePlan(page, "Keep the day centre open.");
    await page.getByRole("heading", { name: "Thank you. Your response is saved on this kiosk." }).waitFor();
    const reference = (await page.locator("[data-reference]").textContent())!;
    expect(reference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect.poll(() => page.locator("[data-waiting]").textContent()).toBe("1 response waiting to send");
    await expect.poll(attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    // Until the server has answered, the receipt claims no more than the kiosk knows.
    expect(await page.locator("[data-done-state]").textContent()).toBe("It has not reached the council yet. It will be sent when the connection is back. Your reference works either way.");
    await context.unroute("**/api/responses");
    await backOnline(page);
    await page.getByRole("heading", { name: "Thank you. Your response has been sent." }).waitFor();
    expect(await kioskComments()).toBe(before + 1);
    expect((await fetch(`${site().url}/api/responses/${reference}`)).status).toBe(200);
    await context.close();
  });

  it("keeps no copy of a response erased at its author's request while the kiosk was still retrying it", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    // The first attempt is stored, but its answer is lost; then the kiosk is offline.
    await answerSending(context, async (route, attempt) => {
      if (attempt === 1) await route.fetch();
      await route.abort("internetdisconnected");
    });
    await sendAboutWholePlan(page, "Erase this later, please.");
    await page.getByRole("heading", { name: "Thank you. Your response is saved on this kiosk." }).waitFor();
    const reference = (await page.locator("[data-reference]").textContent())!;
    await expect.poll(() => page.locator("[data-waiting]").textContent()).toBe("1 response waiting to send");
    // Its author asks the council to erase it before the kiosk is back online.
    await asOfficer(`/api/admin/responses/${reference}`, { method: "DELETE", json: { reason: "Asked at the day centre" } });
    expect((await fetch(`${site().url}/api/responses/${reference}`)).status).toBe(410);
    await context.unroute("**/api/responses");
    await backOnline(page);
    await expect.poll(() => page.locator("[data-waiting]").textContent()).toBe("");
    expect(await page.evaluate(() => document.body.innerText)).not.toContain("could not be sent");
    // Written as a string, so the page's own module loader reads the kiosk's queue.
    const stored = await page.evaluate<string>('import("/kiosk/store.js").then(async (store) => JSON.stringify(await store.queued()))');
    expect(stored).not.toContain("Erase this later");
    expect((await fetch(`${site().url}/api/responses/${reference}`)).status).toBe(410);
    await context.close();
  });

  it("takes only the server's receipt as sent: a Wi-Fi login page answering in its place leaves the response waiting", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    const before = await kioskComments();
    // A hostel's Wi-Fi asks to log in again: first a redirect to its page, then the page itself.
    const attempts = await answerSending(context, (route, attempt) =>
      attempt === 1
        ? route.fulfill({ status: 302, headers: { Location: `${site().url}/wifi-login` } })
        : route.fulfill({ status: 200, contentType: "text/html", body: "<!doctype html><title>Log in to the Wi-Fi</title>" }),
    );
    await sendAboutWholePlan(page, "Sent behind a Wi-Fi login page.");
    await page.getByRole("heading", { name: "Thank you. Your response is saved on this kiosk." }).waitFor();
    await expect.poll(attempts, { timeout: 10_000 }).toBeGreaterThanOrEqual(2);
    await expect.poll(() => page.locator("[data-waiting]").textContent()).toBe("1 response waiting to send");
    await context.unroute("**/api/responses");
    await backOnline(page);
    await page.getByRole("heading", { name: "Thank you. Your response has been sent." }).waitFor();
    expect(await kioskComments()).toBe(before + 1);
    await context.close();
  });

  it("keeps a queued response through a reload while offline, and sends it when back online", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.getByRole("button", { name: "I am giving my own views" }).waitFor();
    const before = await kioskComments();
    await context.setOffline(true);
    await sendAboutWholePlan(page, "Written while offline.");
    await page.getByRole("heading", { name: "Thank you. Your response is saved on this kiosk." }).waitFor();
    const reference = (await page.locator("[data-reference]").textContent())!;
    expect(reference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await page.reload();
    await expect.poll(() => page.locator("[data-waiting]").textContent()).toBe("1 response waiting to send");
    expect(await page.getByRole("button", { name: "I am giving my own views" }).isVisible()).toBe(true);
    await context.setOffline(false);
    await backOnline(page);
    expect(await kioskComments()).toBe(before + 1);
    expect((await fetch(`${site().url}/api/responses/${reference}`)).status).toBe(200);
    await context.close();
  });

  // About one run in ten on a loaded machine, the first offline visit to another language's kiosk ends on the browser's
  // own offline error page, though that kiosk's worker has finished activating with the page kept (waited for below).
  // The cause is not found yet, so the test is tried again, with a fresh kiosk, up to twice.
  it("changes language offline, each language's kiosk kept from the set-up, and sends what was written in it when back online", { retry: 2 }, async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    // Each language's kiosk has a worker of its own, registered once this one's is ready: the set-up is done once all
    // three have finished activating (not only begun to), each with its page kept.
    await page.waitForFunction(async () => {
      const ready = (await navigator.serviceWorker.getRegistrations()).filter((registration) => registration.active?.state === "activated");
      const kept = await Promise.all(ready.map(async (registration) => Boolean(await caches.match(new URL(registration.scope).pathname))));
      return ready.length === 3 && kept.every(Boolean);
    });
    const before = await kioskComments();
    await context.setOffline(true);
    await page.getByRole("link", { name: "Español" }).click();
    await page.getByRole("button", { name: "Doy mi propia opinión" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("es");
    await page.getByRole("link", { name: "Italiano" }).click();
    await page.getByRole("button", { name: "Do la mia opinione" }).waitFor();
    await page.getByRole("link", { name: "English" }).click();
    await sendAboutWholePlan(page, "Written offline after trying two other languages.");
    await page.getByRole("heading", { name: "Thank you. Your response is saved on this kiosk." }).waitFor();
    await context.setOffline(false);
    await backOnline(page);
    expect(await kioskComments()).toBe(before + 1);
    await context.close();
  });

  it("gives each of a busy day's people their own reference while offline, and sends every response under it", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    await page.evaluate(() => navigator.serviceWorker.ready);
    await context.setOffline(true);
    const shown: string[] = [];
    for (let person = 0; person < 30; person++) {
      await sendAboutWholePlan(page, `Person ${person} on a day offline.`);
      await page.getByRole("heading", { name: "Thank you. Your response is saved on this kiosk." }).waitFor();
      shown.push((await page.locator("[data-reference]").textContent())!);
      await page.getByRole("button", { name: "Finish" }).click();
    }
    expect(shown.every((reference) => /^[0-9A-Z]{5}-[0-9A-Z]{5}$/.test(reference))).toBe(true);
    expect(new Set(shown).size).toBe(30);
    expect(await page.locator("[data-waiting]").textContent()).toBe("30 responses waiting to send");
    await context.setOffline(false);
    await backOnline(page);
    for (const [person, reference] of shown.entries()) {
      expect(await exportedRows(reference), reference).toMatchObject([{ commentText: `Person ${person} on a day offline.` }]);
    }
    await context.close();
  });

  it("warns after two minutes without a touch, continues with one tap, and later clears everything", async ({ expect }) => {
    const { context, page } = await setUpKiosk({ clock: true });
    await page.getByRole("button", { name: "I am giving my own views" }).click();
    await page.getByRole("button", { name: "Say something about the whole plan" }).click();
    await page.getByLabel("What do you think?").fill("Private words.");
    const warning = page.getByRole("alertdialog", { name: "Are you still there?" });
    await page.clock.runFor(119_000);
    expect(await warning.isVisible()).toBe(false);
    await page.clock.runFor(2_000);
    expect(await warning.isVisible()).toBe(true);
    expect(await warning.textContent()).toMatch(/(19|20) seconds/);
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: "I am still here" }).click();
    expect(await warning.isVisible()).toBe(false);
    expect(await page.getByLabel("What do you think?").inputValue()).toBe("Private words.");

    await page.clock.runFor(121_000);
    expect(await warning.isVisible()).toBe(true);
    // The warning has been up for 1 second; it stays for at least 20.
    await page.clock.runFor(18_000);
    expect(await warning.isVisible()).toBe(true);
    await page.clock.runFor(3_000);
    expect(await warning.isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "I am giving my own views" }).isVisible()).toBe(true);
    expect(await page.getByLabel("What do you think?", { exact: true }).inputValue()).toBe("");
    expect(await page.locator("[data-count]").first().textContent()).toBe("0");
    await context.close();
  });

  it("says it needs setting up again when its kiosk is revoked, and axe finds nothing on the set-up screens", async ({ expect }) => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${site().url}/kiosk/`);
    await page.getByLabel("Set-up code").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Set-up code").fill("0000-0000");
    await page.getByRole("button", { name: "Set up" }).click();
    await expect.poll(() => page.locator("[data-setup-error]").isVisible()).toBe(true);
    expect(await axeViolations(page)).toEqual([]);
    await context.close();

    const { context: kioskContext, page: kioskPage } = await setUpKiosk();
    const { kiosks } = (await asOfficer("/api/admin/kiosks")) as { kiosks: { id: number }[] };
    for (const kiosk of kiosks) await asOfficer(`/api/admin/kiosks/${kiosk.id}`, { method: "DELETE" });
    await sendAboutWholePlan(kioskPage, "Sent after revoking.");
    // The person still gets their reference; the queue keeps their words.
    await kioskPage.getByRole("heading", { name: "Thank you. Your response is saved on this kiosk." }).waitFor();
    const reference = (await kioskPage.locator("[data-reference]").textContent())!;
    expect(reference).toMatch(/^[0-9A-Z]{5}-[0-9A-Z]{5}$/);
    await expect.poll(() => kioskPage.locator("[data-waiting]").textContent()).toBe("1 response waiting to send");
    await kioskPage.getByRole("button", { name: "Finish" }).click();
    await kioskPage.getByRole("heading", { name: "This kiosk needs to be set up again" }).waitFor();
    expect(await kioskPage.getByRole("button", { name: "I am giving my own views" }).isVisible()).toBe(false);
    expect(await axeViolations(kioskPage)).toEqual([]);
    // A reload changes nothing: still no way in, and still the response waiting.
    await kioskPage.reload();
    await kioskPage.getByRole("heading", { name: "This kiosk needs to be set up again" }).waitFor();
    await expect.poll(() => kioskPage.locator("[data-waiting]").textContent()).toBe("1 response waiting to send");
    expect((await fetch(`${site().url}/api/responses/${reference}`)).status).toBe(404);

    // Set up again as a new kiosk, the queue goes, under the reference the person was given.
    await kioskPage.getByRole("button", { name: "Set up again" }).click();
    await enterSetupCode(kioskPage, await newSetupCode("Day centre, set up again"));
    await expect.poll(() => kioskPage.locator("[data-waiting]").textContent(), { timeout: 20_000 }).toBe("");
    expect(await exportedRows(reference)).toMatchObject([{ channel: "kiosk", kioskName: "Day centre, set up again", commentText: "Sent after revoking." }]);
    await kioskContext.close();
  });
});

describe("a response the server refuses for good", () => {
  it("is shown to staff with the reason and the words, printed, kept through a reload, and removed only when staff say so", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    // The kiosk last heard of dates that have since changed (the opening moved later), and its clock is in between.
    const { code: staffCode } = await newStaffCode();
    await context.route("**/api/kiosk", async (route) => {
      const real = (await (await route.fetch()).json()) as Record<string, unknown>;
      await route.fulfill({ json: { ...real, opensAt: "2019-01-01T00:00:00.000Z" } });
    });
    await page.reload();
    await page.waitForFunction(() => localStorage.getItem("kiosk.period")?.includes("2019-01-01"));
    await page.clock.setFixedTime(new Date("2019-06-01T10:00:00Z"));
    await sendAboutWholePlan(page, "Words the server will not take.");
    // The person is told at once, not given a receipt that will never work.
    await page.getByRole("heading", { name: "Your response could not be sent" }).waitFor();
    expect(await page.locator("[data-done-state]").textContent()).toContain("the council's system says it was not");
    const reference = (await page.locator("[data-reference]").textContent())!;
    await page.getByRole("button", { name: "Finish" }).click();
    const staff = page.getByRole("button", { name: "Staff: 1 response could not be sent" });
    await staff.waitFor();
    // Not waiting: nothing will send it as it is.
    expect(await page.locator("[data-waiting]").textContent()).toBe("");
    expect((await fetch(`${site().url}/api/responses/${reference}`)).status).toBe(404);

    await page.reload();
    await staff.click();
    await enterStaffCode(page, staffCode);
    const entry = page.locator("[data-refused-list] li");
    await expect.poll(() => entry.count()).toBe(1);
    const shown = (await entry.textContent())!;
    expect(shown).toContain(`Reference ${reference}`);
    expect(shown).toContain("by the dates this kiosk knows, the consultation was open when send was pressed, but the council's system says it was not");
    expect(shown).toContain("Say something about the whole plan");
    expect(shown).toContain("Words the server will not take.");
    expect(await axeViolations(page)).toEqual([]);
    for (const target of await targetSizes(page)) expect(target.height, target.name).toBeGreaterThanOrEqual(48);

    // Printed, the list is what shows: the words to copy onto paper, without the buttons.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByText("Words the server will not take.").isVisible()).toBe(true);
    expect(await page.getByRole("heading", { name: "Responses that could not be sent" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: `Try sending again: Reference ${reference}` }).isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });

    // Sending again with the clock still wrong is refused again, and the words stay.
    const shownBefore = await entry.elementHandle();
    await page.getByRole("button", { name: `Try sending again: Reference ${reference}` }).click();
    // The list is drawn again once the server has answered: the entry seen so far is the one from before the retry.
    await expect.poll(() => shownBefore!.evaluate((element) => element.isConnected)).toBe(false);
    await expect.poll(() => entry.count()).toBe(1);
    await expect.poll(() => page.locator("[data-refused-list]").textContent()).toContain("Words the server will not take.");

    // Sent to officers, it reaches their kiosks page with the reference, the reason and the words.
    await page.getByRole("button", { name: "Send this list to the council's officers" }).click();
    await expect.poll(() => page.locator("[data-report-refused-status]").textContent()).toBe("1 response sent to officers.");
    const { refused } = (await asOfficer("/api/admin/kiosks/refused")) as { refused: { reference: string; comments: { text: string }[] }[] };
    expect(refused.filter((item) => item.reference === reference).map((item) => item.comments[0]!.text)).toEqual(["Words the server will not take."]);

    await page.getByRole("button", { name: `Remove from this kiosk: Reference ${reference}` }).click();
    expect(await axeViolations(page)).toEqual([]);
    await page.getByRole("button", { name: `No, keep them: Reference ${reference}` }).click();
    expect(await entry.count()).toBe(1);
    await page.getByRole("button", { name: `Remove from this kiosk: Reference ${reference}` }).click();
    await page.getByRole("button", { name: `Yes, remove them: Reference ${reference}` }).click();
    await expect.poll(() => entry.count()).toBe(0);
    await page.getByRole("button", { name: "Back" }).last().click();
    expect(await staff.isVisible()).toBe(false);
    expect((await fetch(`${site().url}/api/responses/${reference}`)).status).toBe(404);
    await context.close();
  });
});

describe("a support worker typing in a paper form at the kiosk", () => {
  it("saves the sheet under its reference; typed again, it shows what was entered and saves a correction instead of a second copy", async ({ expect }) => {
    const { references } = (await asOfficer("/api/admin/paper/batches", { method: "POST", json: { count: 1 } })) as { references: string[] };
    const reference = references[0]!;
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    const { context, page } = await setUpKiosk();
    const { code: staffCode } = await newStaffCode();
    const typeIn = async (comments: [string, string][]) => {
      await page.getByRole("button", { name: "Staff: type in a paper form" }).click();
      await enterStaffCode(page, staffCode);
      await page.getByLabel("Reference on the sheet").fill(reference.toLowerCase());
      await page.getByLabel("Date received").fill(yesterday);
      for (const [index, [number, text]] of comments.entries()) {
        if (index >= 3) await page.getByRole("button", { name: "Add another comment" }).click();
        await page.getByLabel(`Paragraph number for comment ${index + 1}`).fill(number);
        await page.getByLabel(`Comment ${index + 1}`, { exact: true }).fill(text);
      }
      await page.getByRole("button", { name: "Save the form" }).click();
    };
    // A number not in the draft is named by its row, and nothing is stored.
    await typeIn([["9.9", "No such paragraph."]]);
    await expect.poll(() => page.locator("[data-paper-outcome]").textContent()).toContain("Paragraph number for comment 1: Enter a paragraph number as printed");
    expect((await fetch(`${site().url}/api/responses/${reference}`)).status).toBe(404);
    await page.getByRole("button", { name: "Back" }).last().click();

    await page.getByRole("button", { name: "Staff: type in a paper form" }).click();
    await enterStaffCode(page, staffCode);
    await page.getByLabel("An organisation").check();
    await page.getByLabel("Name of the organisation").fill("Hope Hostel");
    await page.getByRole("button", { name: "Back" }).last().click();
    await typeIn([["3.2", "Typed from the sheet."], ["general", "About it all."], ["5.3", "Nurses."], ["1.1", "A fourth comment."]]);
    await expect.poll(() => page.locator("[data-paper-outcome]").textContent()).toBe(`Form ${reference} is saved.`);
    expect(await axeViolations(page)).toEqual([]);
    for (const target of await targetSizes(page)) expect(target.height, target.name).toBeGreaterThanOrEqual(48);
    await page.getByRole("button", { name: "Back" }).last().click();

    const before = await (await fetch(`${site().url}/api/responses/${reference}`)).json();
    expect(before).toMatchObject({ channel: "paper", comments: [{ paragraph: "streets-2", text: "Typed from the sheet." }, { paragraph: "general" }, { paragraph: "care-3" }, { paragraph: "about-1" }] });
    await typeIn([["3.2", "Typed again by someone else."]]);
    await expect.poll(() => page.locator("[data-paper-outcome]").textContent()).toContain("was typed in already");
    expect(await (await fetch(`${site().url}/api/responses/${reference}`)).json()).toEqual(before);
    // What was entered is in the form, every comment of it, ready to correct.
    expect(await page.getByLabel("Comment 1", { exact: true }).inputValue()).toBe("Typed from the sheet.");
    expect(await page.getByLabel("Paragraph number for comment 4").inputValue()).toBe("1.1");
    expect(await page.getByLabel("Comment 4", { exact: true }).inputValue()).toBe("A fourth comment.");
    expect(await page.getByLabel("An organisation").isChecked()).toBe(true);
    expect(await page.getByLabel("Name of the organisation").inputValue()).toBe("Hope Hostel");
    expect(await axeViolations(page)).toEqual([]);
    await page.getByLabel("Comment 1", { exact: true }).fill("Typed from the sheet, corrected.");
    await page.getByLabel("The person agreed to be quoted").check();
    await page.getByRole("button", { name: "Save the correction" }).click();
    await expect.poll(() => page.locator("[data-paper-outcome]").textContent()).toBe(`Form ${reference} is saved.`);
    const rows = await exportedRows(reference);
    expect(rows.map((row) => row.commentText)).toEqual(["Typed from the sheet, corrected.", "About it all.", "Nurses.", "A fourth comment."]);
    expect(rows[0]).toMatchObject({ channel: "paper", kioskName: "Day centre", paperReceivedOn: yesterday, publishConsent: true, respondentType: "organisation", organisation: "Hope Hostel" });
    await context.close();
  });
});

describe("a comment box, and the next person", () => {
  it("warns not to include a name, and asks before throwing away words not yet added", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    await page.getByRole("button", { name: "I am giving my own views" }).click();
    await page.getByRole("button", { name: "Say something about the whole plan" }).click();
    const box = page.getByLabel("What do you think?");
    expect(await page.locator("#comment-hint").textContent()).toContain("Do not include your name, address or other personal details.");
    expect(await box.getAttribute("aria-describedby")).toContain("comment-hint");
    await box.fill("Half a thought");
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByText("You have written something that is not in your response yet. Go back without it?").waitFor();
    expect(await axeViolations(page)).toEqual([]);
    for (const target of await targetSizes(page)) expect(target.height, target.name).toBeGreaterThanOrEqual(48);
    await page.getByRole("button", { name: "No, keep writing" }).click();
    expect(await box.inputValue()).toBe("Half a thought");
    expect(await box.evaluate((node) => node === document.activeElement)).toBe(true);
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("button", { name: "Yes, go back without it" }).click();
    await page.getByRole("heading", { name: "What do you want to comment on?" }).waitFor();
    expect(await page.locator("[data-count]").first().textContent()).toBe("0");
    // With nothing typed, Back goes straight back.
    await page.getByRole("button", { name: "Say something about the whole plan" }).click();
    expect(await box.inputValue()).toBe("");
    await page.getByRole("button", { name: "Back" }).click();
    await page.getByRole("heading", { name: "What do you want to comment on?" }).waitFor();
    await context.close();
  });

  it("refuses a comment of only invisible characters, as the server does, and adds nothing to the response", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    const invisible = "\u200B\u200B\u200B";
    await page.getByRole("button", { name: "I am giving my own views" }).click();
    await page.getByRole("button", { name: "Say something about the whole plan" }).click();
    await page.getByLabel("What do you think?").fill(invisible);
    await page.getByRole("button", { name: "Add to my response" }).click();
    const error = page.locator("[data-write-error]");
    await error.waitFor();
    expect(await error.textContent()).toBe("Enter your comment.");
    expect(await page.getByLabel("What do you think?").evaluate((node) => node === document.activeElement)).toBe(true);
    expect(await page.locator("[data-count]").first().textContent()).toBe("0");
    // The server refuses the same words: the kiosk and the server share the rule.
    const answer = await fetch(`${site().url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": crypto.randomUUID() },
      body: JSON.stringify({ comments: [{ paragraph: "general", text: invisible }] }),
    });
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({ "comments.0.text": "Enter your comment." });
    await context.close();
  });

  it("notes an untranslated section on the Spanish kiosk, and after inactivity starts the next person in the default language", async ({ expect }) => {
    const { context, page } = await setUpKiosk({ clock: true });
    await page.getByRole("link", { name: "Español" }).click();
    await page.waitForURL((url) => url.pathname === "/es/kiosk/");
    await page.locator("[data-own-views]").click();
    // The fixture's section 1 has no Spanish translation; section 2 has one.
    await page.locator('[data-screen="browse"] [data-go="section-1"]').click();
    expect(await page.locator('[data-screen="section-1"] [data-untranslated]').textContent()).toBe("Esta sección todavía no está traducida, por eso se muestra en inglés.");
    expect(await page.locator('[data-screen="section-2"] [data-untranslated]').count()).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.clock.runFor(121_000);
    await page.clock.runFor(21_000);
    await page.waitForURL((url) => url.pathname === "/kiosk/");
    await page.getByRole("button", { name: "I am giving my own views" }).waitFor();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await context.close();
  });
});

describe("looking up a reference at the kiosk", () => {
  it("shows a comment answered by a published entry with what people said and what the council did, ready to print, and clears it for the next person", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    await sendAboutWholePlan(page, "Keep the showers open at night.");
    await page.getByRole("heading", { name: "Thank you. Your response has been sent." }).waitFor();
    const reference = (await page.locator("[data-reference]").textContent())!;
    await page.getByRole("button", { name: "Finish" }).click();
    const entry = await asOfficer("/api/admin/feedback", {
      method: "POST",
      json: { title: "Showers at night", youSaid: "You asked for showers at night.", weDid: "The day centre now opens its showers until 10pm.", outcome: "changed", paragraphs: ["general"], references: [reference], status: "published" },
    });
    expect(entry.id).toBeDefined();
    await page.getByRole("button", { name: "Look up my reference" }).click();
    await page.getByRole("heading", { level: 1, name: "What happened to my comments?" }).waitFor();
    await page.getByLabel("Your reference").fill(reference.toLowerCase());
    await page.getByRole("button", { name: "Look up" }).click();
    const result = page.locator("[data-lookup-result]");
    await result.getByText("Showers at night", { exact: true }).waitFor();
    const shown = await result.innerText();
    for (const words of [`Response ${reference}`, "Keep the showers open at night.", "Answered.", "You said", "You asked for showers at night.", "We did", "The day centre now opens its showers until 10pm.", "What happened: Changed"]) expect(shown).toContain(words);
    expect(await axeViolations(page)).toEqual([]);
    for (const target of await targetSizes(page)) expect(target.height, target.name).toBeGreaterThanOrEqual(48);
    // Printed, the answer is what shows.
    await page.emulateMedia({ media: "print" });
    expect(await page.getByText("The day centre now opens its showers until 10pm.").isVisible()).toBe(true);
    expect(await page.getByRole("heading", { level: 1, name: "What happened to my comments?" }).isVisible()).toBe(false);
    await page.emulateMedia({ media: "screen" });
    // A reference that is not ours says so at the box.
    await page.getByLabel("Your reference").fill("K7M4Q-2XD9P");
    await page.getByRole("button", { name: "Look up" }).click();
    await expect.poll(() => page.locator("[data-lookup-error]").textContent()).toContain("We could not find a response with that reference");
    expect(await result.isVisible()).toBe(false);
    await page.getByRole("button", { name: "Finish" }).click();
    expect(await page.locator("body").innerText()).not.toContain("Keep the showers open at night.");
    await context.close();
  });
});

describe("the kiosk's staff screens", () => {
  it("open only with a support worker's own code, and close on Finish, at the start screen and after inactivity", async ({ expect }) => {
    const { context, page } = await setUpKiosk({ clock: true });
    const { code } = await newStaffCode("Ana");
    const paperForm = page.getByLabel("Reference on the sheet");
    await page.getByRole("button", { name: "Staff: type in a paper form" }).click();
    await page.getByRole("heading", { level: 1, name: "Staff only" }).waitFor();
    expect(await paperForm.isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    for (const target of await targetSizes(page)) expect(target.height, target.name).toBeGreaterThanOrEqual(48);
    // A wrong code is refused at the field and opens nothing.
    await page.getByLabel("Your staff code").fill("0000-0000");
    await page.getByRole("button", { name: "Continue" }).click();
    await expect.poll(() => page.locator("[data-staff-error]").textContent()).toBe("This staff code is not right for this kiosk. Check it and try again.");
    expect(await paperForm.isVisible()).toBe(false);
    expect(await axeViolations(page)).toEqual([]);
    // The right one, typed as people type it, opens the screen asked for.
    await page.getByLabel("Your staff code").fill(code.toLowerCase().replace("-", " "));
    await page.getByRole("button", { name: "Continue" }).click();
    await page.getByRole("heading", { level: 1, name: "Type in a paper form" }).waitFor();
    expect(await page.getByLabel("Your staff code").inputValue()).toBe("");
    // Finish closes the staff screens: the next one asks again.
    await page.getByRole("button", { name: "Finish: close the staff screens" }).click();
    await page.getByRole("button", { name: "Staff: type in a paper form" }).click();
    await page.getByRole("heading", { level: 1, name: "Staff only" }).waitFor();
    await enterStaffCode(page, code);
    await page.getByRole("heading", { level: 1, name: "Type in a paper form" }).waitFor();
    // So does leaving them unattended.
    await page.clock.runFor(121_000);
    await page.getByRole("button", { name: "I am still here" }).waitFor();
    await page.clock.runFor(21_000);
    await page.getByRole("button", { name: "I am giving my own views" }).waitFor();
    await page.getByRole("button", { name: "Staff: type in a paper form" }).click();
    await page.getByRole("heading", { level: 1, name: "Staff only" }).waitFor();
    await context.close();
  });

  it("open offline with a code the kiosk learnt while online, and refuse a code revoked since, once online", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    const { id, code } = await newStaffCode("Ana");
    // Online: the kiosk learns the codes in force before checking.
    await page.getByRole("button", { name: "Staff: type in a paper form" }).click();
    await enterStaffCode(page, code);
    await page.getByRole("heading", { level: 1, name: "Type in a paper form" }).waitFor();
    await page.getByRole("button", { name: "Finish: close the staff screens" }).click();
    await context.setOffline(true);
    await page.getByRole("button", { name: "Staff: type in a paper form" }).click();
    await enterStaffCode(page, code);
    await page.getByRole("heading", { level: 1, name: "Type in a paper form" }).waitFor();
    await page.getByRole("button", { name: "Finish: close the staff screens" }).click();
    await context.setOffline(false);
    await asOfficer(`/api/admin/kiosks/${lastKioskId}/staff-codes/${id}`, { method: "DELETE" });
    await page.getByRole("button", { name: "Staff: type in a paper form" }).click();
    await enterStaffCode(page, code);
    await expect.poll(() => page.locator("[data-staff-error]").textContent()).toContain("This staff code is not right for this kiosk.");
    expect(await page.getByLabel("Reference on the sheet").isVisible()).toBe(false);
    await context.close();
  });
});

describe("a kiosk that knows the consultation's period", () => {
  /** The kiosk has learnt the close the site is served with (OPEN_NOW: 2090-12-31T23:59:59Z). */
  const learnt = (page: Page) => page.waitForFunction((close) => localStorage.getItem("kiosk.period")?.includes(close), OPEN_NOW.CLOSES_AT.slice(0, 19));

  it("set up while open and used after the close, offline, starts no new response and says what happens next", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    await learnt(page);
    await page.evaluate(() => navigator.serviceWorker.ready);
    const before = await kioskComments();
    await context.setOffline(true);
    // The day after the close: the start screen still showed the buttons, but nothing new starts.
    await page.clock.setFixedTime(new Date("2091-01-01T10:00:00Z"));
    await page.getByRole("button", { name: "I am giving my own views" }).click();
    await page.getByRole("heading", { level: 1, name: "This consultation has closed" }).waitFor();
    const closed = (await page.locator("[data-screen=closed]").innerText())!;
    expect(closed).toContain("It closed on 31 December 2090 at 23:59. This kiosk cannot take new comments.");
    expect(closed).toContain("What happens next");
    expect(closed).toContain("To find out what happened to it, ask a member of staff here, or phone 01632 960000.");
    expect(closed).not.toContain("You pressed send");
    expect(await axeViolations(page)).toEqual([]);
    for (const target of await targetSizes(page)) expect(target.height, target.name).toBeGreaterThanOrEqual(48);
    // Offline, after a reload, the kiosk still knows.
    await page.reload();
    await page.getByRole("heading", { level: 1, name: "This consultation has closed" }).waitFor();
    expect(await page.getByRole("button", { name: "I am giving my own views" }).isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "I am helping someone" }).isVisible()).toBe(false);
    expect(await page.locator("body").innerText()).not.toContain("Thank you");
    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    expect(await page.locator("[data-waiting]").textContent()).toBe("");
    expect(await kioskComments()).toBe(before);
    await context.close();
  });

  it("does not send what is pressed after the close, and tells the person so", async ({ expect }) => {
    const { context, page } = await setUpKiosk();
    await learnt(page);
    const before = await kioskComments();
    await page.clock.setFixedTime(new Date("2090-12-31T23:55:00Z"));
    await page.getByRole("button", { name: "I am giving my own views" }).click();
    await page.getByRole("button", { name: "Say something about the whole plan" }).click();
    await page.getByLabel("What do you think?").fill("Written just before the close.");
    await page.getByRole("button", { name: "Add to my response" }).click();
    await page.clock.setFixedTime(new Date("2091-01-01T00:00:30Z"));
    await page.getByRole("button", { name: "Send my response" }).click();
    await page.getByRole("heading", { level: 1, name: "This consultation has closed" }).waitFor();
    expect(await page.locator("[data-screen=closed]").innerText()).toContain("You pressed send after the consultation closed, so your comments were not sent.");
    expect(await page.locator("[data-reference]").textContent()).toBe("");
    expect(await page.locator("[data-waiting]").textContent()).toBe("");
    expect(await kioskComments()).toBe(before);
    await context.close();
  });

});

describe("a kiosk across a close that has just passed", () => {
  // The server's own clock is today's, and it refuses a send said to be pressed in its future, so the close
  // this journey crosses is one that has really passed: an hour ago, within the kiosk's grace period.
  const closesAt = new Date(Math.floor((Date.now() - 60 * 60_000) / 60_000) * 60_000);
  const opensAt = new Date(closesAt.getTime() - 10 * 86_400_000);
  const learnt = (page: Page) => page.waitForFunction((close) => localStorage.getItem("kiosk.period")?.includes(close), closesAt.toISOString().slice(0, 19));
  beforeAll(async () => {
    closedSite = await startSite({ ADMIN_TOKEN, OPENS_AT: opensAt.toISOString().replace(".000Z", "Z"), CLOSES_AT: closesAt.toISOString().replace(".000Z", "Z") });
  });
  afterAll(async () => {
    const started = closedSite;
    closedSite = undefined;
    await started?.stop();
  });

  it("sends a response pressed offline before the close once the connection is back after it, and only then says it was sent", async ({ expect }) => {
    const { context, page } = await setUpKiosk({ at: new Date(closesAt.getTime() - 60_000) });
    await learnt(page);
    await context.setOffline(true);
    await sendAboutWholePlan(page, "Pressed a minute before the close.");
    await page.getByRole("heading", { name: "Thank you. Your response is saved on this kiosk." }).waitFor();
    expect(await page.locator("[data-done-state]").textContent()).toBe("It has not reached the council yet. It will be sent when the connection is back. Your reference works either way.");
    expect(await page.locator("[data-screen=done]").innerText()).not.toContain("has been sent");
    const reference = (await page.locator("[data-reference]").textContent())!;
    await expect.poll(() => page.locator("[data-waiting]").textContent()).toBe("1 response waiting to send");
    // The connection comes back after the close; the grace rule takes what was pressed before it.
    await page.clock.setFixedTime(new Date());
    await context.setOffline(false);
    await backOnline(page);
    await page.getByRole("heading", { name: "Thank you. Your response has been sent." }).waitFor();
    expect(await exportedRows(reference)).toMatchObject([{ commentText: "Pressed a minute before the close." }]);
    // The next person finds the kiosk closed.
    await page.getByRole("button", { name: "Finish" }).click();
    await page.getByRole("heading", { level: 1, name: "This consultation has closed" }).waitFor();
    await context.close();
  });
});
