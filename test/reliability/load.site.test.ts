/**
 * Load and faults against the built Worker served locally: thousands of
 * responses from many clients at once, the server killed in the middle and
 * started again, and responses racing the closing instant. Nothing is lost,
 * nothing is stored twice, and nothing is stored that its sender was not told of.
 */
import { afterEach, describe, it } from "vitest";
import { startSite, type Site } from "../e2e/harness.ts";
import { exported, jobs, retryUntilAcknowledged, send, sendAll, type Job } from "./clients.ts";

const ADMIN_TOKEN = "reliability-officer";
const OPEN = { OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00", RATE_LIMITS: "off", ADMIN_TOKEN };
const CLIENTS = 50;

let site: Site | undefined;
afterEach(async () => {
  await site?.stop();
  site = undefined;
});

/** What the export holds is exactly what was acknowledged: each response once, word for word. */
async function expectStoredExactly(expect: (value: unknown, label?: string) => { toBe(value: unknown): void; toEqual(value: unknown): void }, all: Job[]) {
  const rows = await exported(site!, ADMIN_TOKEN);
  expect(rows.length, "rows in the export").toBe(all.length);
  const byReference = new Map(rows.map((row) => [row.reference, row.commentText]));
  expect(byReference.size, "distinct references").toBe(all.length);
  const mismatched = all.filter((job) => byReference.get(job.reference!) !== job.text).map((job) => job.key);
  expect(mismatched).toEqual([]);
}

describe("under load", () => {
  it("stores 5,000 responses from 50 clients at once, each exactly once and word for word", { timeout: 600_000 }, async ({ expect }) => {
    site = await startSite(OPEN);
    const all = jobs(5000, "load");
    await sendAll(site, all, CLIENTS);
    // A request that failed for want of a connection is retried, as a kiosk would.
    await retryUntilAcknowledged(site, all, CLIENTS);
    expect(all.filter((job) => !job.reference).length).toBe(0);
    expect(all.every((job) => job.statuses.every((status) => status === 200 || status === 201))).toBe(true);
    await expectStoredExactly(expect, all);
  });

  it("loses nothing and doubles nothing when the server is killed in the middle and started again", { timeout: 600_000 }, async ({ expect }) => {
    // A server in a process of its own, so it can be killed as a crash would.
    site = await startSite(OPEN, undefined, { ownProcess: true });
    const all = jobs(2000, "crash");
    let crashed: Promise<void> | undefined;
    await sendAll(site, all, CLIENTS, (sent) => {
      if (sent === 700 && !crashed) crashed = site!.crashAndRestart();
    });
    await crashed;
    expect(all.filter((job) => !job.reference).length, "some requests should have failed in the crash").toBeGreaterThan(0);
    await retryUntilAcknowledged(site, all, CLIENTS);
    expect(all.filter((job) => !job.reference).length).toBe(0);
    await expectStoredExactly(expect, all);
  });
});

describe("at the closing instant", () => {
  it("either accepts (and exports) or refuses each response racing the close, and replays the accepted ones after it", { timeout: 600_000 }, async ({ expect }) => {
    // Closes at the end of the second ten seconds from now: time enough for the server to start (about two
    // seconds; this suite runs on its own). The race itself runs from a second before the close until a
    // second after the close's last second ends: hundreds of responses on each side of it.
    const closesAt = new Date(Math.floor(Date.now() / 1000) * 1000 + 10_000);
    site = await startSite({ ...OPEN, CLOSES_AT: closesAt.toISOString() });
    expect(Date.now(), "the server started with time to spare before the close").toBeLessThan(closesAt.getTime() - 1000);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, closesAt.getTime() - 1000 - Date.now())));
    const stopAt = closesAt.getTime() + 2000;
    const sent: Job[] = [];
    let index = 0;
    await Promise.all(
      Array.from({ length: CLIENTS }, async () => {
        while (Date.now() < stopAt) {
          const [job] = jobs(1, `race-${index++}`);
          sent.push(job!);
          await send(site!, job!);
        }
      }),
    );
    const outcomes = new Set(sent.flatMap((job) => job.statuses));
    expect([...outcomes].filter((status) => status !== 201 && status !== 403)).toEqual([]);
    const accepted = sent.filter((job) => job.reference);
    const refused = sent.filter((job) => job.statuses.includes(403));
    expect(accepted.length, "some responses made it before the close").toBeGreaterThan(0);
    expect(refused.length, "some responses came after it").toBeGreaterThan(0);

    // After the close, each accepted response's retry is answered with its receipt.
    for (const job of accepted.slice(0, 200)) {
      const reference = job.reference;
      expect(await send(site, job)).toBe(200);
      expect(job.reference).toBe(reference);
    }
    const rows = await exported(site, ADMIN_TOKEN);
    expect(new Set(rows.map((row) => row.reference))).toEqual(new Set(accepted.map((job) => job.reference)));
    const lastSecondEnds = closesAt.getTime() + 1000;
    expect(rows.filter((row) => Date.parse(row.receivedAt) >= lastSecondEnds)).toEqual([]);
  });
});

describe("with rate limits on", () => {
  it("still refuses a flood from one client, saying when to try again", { timeout: 120_000 }, async ({ expect }) => {
    site = await startSite({ ...OPEN, RATE_LIMITS: "" });
    const flood = jobs(90, "flood");
    const statuses = await Promise.all(flood.map((job) => send(site!, job)));
    expect(statuses.filter((status) => status === 429).length).toBeGreaterThan(0);
    expect(statuses.filter((status) => status === 201).length).toBeLessThanOrEqual(60);
    const lookups = await Promise.all(Array.from({ length: 45 }, () => fetch(`${site!.url}/api/responses/AAAAA-AAAAA`)));
    const limited = lookups.filter((response) => response.status === 429);
    expect(limited.length).toBeGreaterThan(0);
    expect(limited[0]!.headers.get("Retry-After")).toBe("60");
  });
});
