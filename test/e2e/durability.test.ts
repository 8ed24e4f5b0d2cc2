import { afterAll, beforeAll, describe, it } from "vitest";
import { startSite, type Site } from "./harness.ts";

const ADMIN_TOKEN = "durability-officer";
let site: Site;

beforeAll(async () => {
  site = await startSite({ OPENS_AT: "2026-01-05T09:00:00+00:00", CLOSES_AT: "2099-12-18T23:59:59+00:00", RATE_LIMITS: "off", ADMIN_TOKEN });
});

afterAll(async () => {
  await site?.stop();
});

const body = (index: number) => JSON.stringify({ comments: [{ paragraph: "streets-2", text: `Kiosk comment number ${index}` }] });

/** One client's attempt: the answer, or undefined when the connection failed. */
async function send(index: number, key: string): Promise<{ status: number; reference: string } | undefined> {
  try {
    const response = await fetch(`${site.url}/api/responses`, {
      method: "POST",
      headers: { "Content-Type": "application/json", "Idempotency-Key": key },
      body: body(index),
      signal: AbortSignal.timeout(15_000),
    });
    const answer = (await response.json()) as { reference: string };
    return { status: response.status, reference: answer.reference };
  } catch {
    return undefined;
  }
}

describe("nothing is lost or stored twice when the server dies in the middle of a load", () => {
  it("stores each of 120 responses exactly once after a crash, a restart and clients retrying with their keys", async ({ expect }) => {
    const total = 120;
    const keys = Array.from({ length: total }, (_, index) => `durability-${Date.now()}-${index}`);
    const answers = new Map<number, { status: number; reference: string }>();

    // Eight kiosks send at once; the server is killed once a third of the responses are in.
    let next = 0;
    let crashed: Promise<void> | undefined;
    const clients = Array.from({ length: 8 }, async () => {
      while (next < total) {
        const index = next++;
        if (index === Math.floor(total / 3) && !crashed) crashed = site.crashAndRestart();
        const answer = await send(index, keys[index]!);
        if (answer) answers.set(index, answer);
      }
    });
    await Promise.all(clients);
    await crashed;
    expect(answers.size, "some requests should have failed during the crash").toBeLessThan(total);

    // Every kiosk that did not hear back retries with the same key until it does.
    for (let index = 0; index < total; index++) {
      for (let attempt = 0; attempt < 5 && !(answers.get(index)?.status === 201 || answers.get(index)?.status === 200); attempt++) {
        const answer = await send(index, keys[index]!);
        if (answer) answers.set(index, answer);
      }
    }
    const statuses = [...answers.values()].map((answer) => answer.status);
    expect(statuses.every((status) => status === 200 || status === 201)).toBe(true);
    expect(answers.size).toBe(total);
    const references = new Set([...answers.values()].map((answer) => answer.reference));
    expect(references.size).toBe(total);

    // What is stored: exactly one comment per response, each with its own words.
    const exported = await fetch(`${site.url}/api/admin/export?format=ndjson`, { headers: { Authorization: `Bearer ${ADMIN_TOKEN}` } });
    const rows = (await exported.text()).trim().split("\n").map((line) => JSON.parse(line) as { reference: string; commentText: string });
    expect(rows).toHaveLength(total);
    expect(new Set(rows.map((row) => row.reference))).toEqual(references);
    expect(new Set(rows.map((row) => row.commentText)).size).toBe(total);
  });
});
