/**
 * Who may print what at /print/: anyone the blank form or a few sheets with
 * references, officers the batches they issue; printing with references is
 * limited per address like a look-up.
 */
import { afterAll, beforeAll, describe, it } from "vitest";
import { formatReference, newReference } from "../../functions/responses/reference.ts";
import { LIMITS } from "../../functions/limits.ts";
import { officerSessionCookie, startSite, type Site } from "./harness.ts";
import { awayFromRateWindowEdge } from "../rate-windows.ts";

const ADMIN_TOKEN = "e2e-officer-token-printing";
let site: Site;
beforeAll(async () => {
  site = await startSite({ ADMIN_TOKEN });
});
afterAll(async () => {
  await site?.stop();
});

let clients = 0;
/** GET /print/ with these references, from an address of its own unless one is named. */
const print = (references: string[], headers: Record<string, string> = {}) =>
  fetch(`${site.url}/print/?${new URLSearchParams({ references: references.join(" ") })}`, {
    headers: { "CF-Connecting-IP": `198.51.100.${++clients}`, ...headers },
    redirect: "manual",
  });
const references = (count: number) => Array.from({ length: count }, () => formatReference(newReference()));
const sheetCount = (html: string) => html.match(/<main class="sheet"/g)?.length ?? 0;

describe("printing forms with references", () => {
  it("refuses a batch of 500 without sign-in, at once and briefly, saying who prints batches", async ({ expect }) => {
    const answer = await print(references(500));
    expect(answer.status).toBe(403);
    expect(answer.headers.get("Cache-Control")).toBe("no-store");
    const html = await answer.text();
    expect(html.length).toBeLessThan(20_000);
    expect(sheetCount(html)).toBe(0);
    expect(html).toContain(`at most ${LIMITS.publicPrintSheets} forms with references`);
    expect(html).toContain('href="/print/"');
  });

  it("prints the blank form, and a few forms with references, for anyone", async ({ expect }) => {
    const blank = await print([]);
    expect(blank.status).toBe(200);
    const blankHtml = await blank.text();
    expect(sheetCount(blankHtml)).toBe(1);
    expect(blankHtml).not.toContain("data-reference=");
    const few = references(LIMITS.publicPrintSheets);
    const fewHtml = await (await print(few)).text();
    expect(sheetCount(fewHtml)).toBe(few.length);
    for (const reference of few) expect(fewHtml).toContain(`data-reference="${reference}"`);
    expect((await print(references(LIMITS.publicPrintSheets + 1))).status).toBe(403);
  });

  it("prints a larger batch for a signed-in officer, and not for a wrong token", async ({ expect }) => {
    const batch = references(40);
    const signedIn = await print(batch, { Authorization: `Bearer ${ADMIN_TOKEN}` });
    expect(signedIn.status).toBe(200);
    expect(sheetCount(await signedIn.text())).toBe(40);
    expect((await print(batch, { Authorization: "Bearer not-the-token" })).status).toBe(403);
  });

  it("prints the batch the officers' paper page sends an officer to, signed in with the sign-in form", async ({ expect }) => {
    const cookie = await officerSessionCookie(site, ADMIN_TOKEN);
    const batch = await fetch(`${site.url}/admin/paper/`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: site.url, "Sec-Fetch-Site": "same-origin", Cookie: cookie },
      body: new URLSearchParams({ action: "batch", count: "12" }),
      redirect: "manual",
    });
    expect(batch.status).toBe(303);
    const printing = await fetch(new URL(batch.headers.get("Location")!, site.url), { headers: { Cookie: cookie } });
    expect(printing.status).toBe(200);
    expect(sheetCount(await printing.text())).toBe(12);
  });

  it("limits printing with references per address like a look-up, but never the blank form", async ({ expect }) => {
    const address = { "CF-Connecting-IP": "203.0.113.77" };
    const statuses: number[] = [];
    await awayFromRateWindowEdge();
    for (let request = 0; request < 32; request++) statuses.push((await print(references(1), address)).status);
    expect(statuses.slice(0, 30).every((status) => status === 200)).toBe(true);
    const limited = await print(references(1), address);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get("Retry-After"))).toBeGreaterThan(0);
    expect((await print([], address)).status).toBe(200);
  });
});
