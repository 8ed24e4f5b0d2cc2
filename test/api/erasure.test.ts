import { env } from "cloudflare:test";
import { beforeAll, describe, it, vi } from "vitest";
import app from "../../functions/api/index.ts";
import { asOfficer } from "./admin-fixtures.ts";
import { seedPersonalData, type Seeded } from "./privacy-seed.ts";
import { placesHolding, snapshot } from "./whole-schema.ts";

const erase = (reference: string, json: unknown = { reason: "Asked by phone on 3 January" }) =>
  asOfficer(env, `/api/admin/responses/${reference}`, { method: "DELETE", json });
const exported = async () => (await asOfficer(env, "/api/admin/export?format=ndjson&includeHidden=true")).text();
const searched = async (q: string) =>
  ((await (await asOfficer(env, `/api/admin/comments?q=${encodeURIComponent(q)}`)).json()) as { comments: unknown[] }).comments;

let seeded: Seeded;
let kept: Seeded;

beforeAll(async () => {
  vi.useFakeTimers({ now: new Date("2030-11-22T12:00:00Z"), toFake: ["Date"] });
  seeded = await seedPersonalData("era");
  kept = await seedPersonalData("kept");
  vi.useRealTimers();
});

// Each whole-schema search reads every table; on a busy machine that takes a while.
describe("erasing a response on request", { timeout: 30_000 }, () => {
  it("refuses without a reason, for an unknown reference and for anyone not an officer, changing nothing", async ({ expect }) => {
    const before = await snapshot(env.DB);
    expect((await erase(seeded.references[0]!, {})).status).toBe(422);
    expect((await erase(seeded.references[0]!, { reason: "  " })).status).toBe(422);
    expect((await erase("K7M4Q-2XD9P")).status).toBe(404);
    expect((await erase("not-a-reference")).status).toBe(404);
    const anonymous = await app.request(`/api/admin/responses/${seeded.references[0]}`, {
      method: "DELETE",
      headers: { "Content-Type": "application/json" },
      body: JSON.stringify({ reason: "x" }),
    }, env);
    expect(anonymous.status).toBe(401);
    expect(await snapshot(env.DB)).toEqual(before);
  });

  it("shows an officer what erasing would remove", async ({ expect }) => {
    const preview = await asOfficer(env, `/api/admin/responses/${seeded.references[0]!.toLowerCase()}`);
    expect(preview.status).toBe(200);
    expect(await preview.json()).toEqual({ reference: seeded.references[0], channel: "online", receivedAt: expect.any(String), comments: 1, feedbackEntries: 1 });
  });

  it("removes every copy of its words from every table, and tracking, export and search no longer find it", async ({ expect }) => {
    for (const reference of seeded.references) expect((await erase(reference)).status).toBe(204);

    expect(await placesHolding(env.DB, seeded.words)).toEqual([]);
    // The other responses are untouched.
    expect((await placesHolding(env.DB, kept.words)).length).toBeGreaterThan(0);
    for (const reference of seeded.references) {
      const tracked = await app.request(`/api/responses/${reference}`, {}, env);
      expect(tracked.status).toBe(410);
      expect(await tracked.json()).toMatchObject({ error: { code: "response_erased" } });
    }
    const file = await exported();
    for (const word of seeded.words) expect(file).not.toContain(word);
    expect(file).toContain(kept.words[0]);
    expect(await searched(seeded.words[0]!)).toEqual([]);
    expect(await searched(kept.words[0]!)).toHaveLength(1);
  });

  it("keeps a tombstone and an audit entry saying who erased it, when and why, never the words", async ({ expect }) => {
    const tombstones = await env.DB.prepare("SELECT officer, reason, channel, comments FROM erasures ORDER BY id").all();
    expect(tombstones.results).toEqual([
      { officer: expect.stringContaining("ADMIN_TOKEN"), reason: "Asked by phone on 3 January", channel: "online", comments: 1 },
      { officer: expect.any(String), reason: "Asked by phone on 3 January", channel: "kiosk", comments: 1 },
      { officer: expect.any(String), reason: "Asked by phone on 3 January", channel: "paper", comments: 1 },
    ]);
    const { entries } = (await (await asOfficer(env, "/api/admin/audit")).json()) as { entries: { action: string; target: string; detail: Record<string, unknown> }[] };
    const erasures = entries.filter((entry) => entry.action === "response.erase");
    expect(erasures).toHaveLength(3);
    expect(erasures[0]).toMatchObject({ target: expect.stringMatching(/^erasure:\d+$/), detail: { reason: "Asked by phone on 3 January", comments: 1 } });
  });

  it("keeps the feedback entry counting the comment, saying it was erased", async ({ expect }) => {
    const log = (await (await app.request("/api/feedback", {}, env)).json()) as { sections: { entries: { id: number; commentCount: number; erasedComments: number; quotes: unknown[] }[] }[] };
    const entry = log.sections.flatMap((section) => section.entries).find((candidate) => candidate.id === seeded.feedbackId);
    expect(entry).toMatchObject({ commentCount: 1, erasedComments: 1, quotes: [] });
    const overview = (await (await asOfficer(env, "/api/admin/overview")).json()) as { retention: { erased: unknown } };
    expect(overview.retention.erased).toEqual({ responses: 3, comments: 3 });
  });

  it("is harmless a second time", async ({ expect }) => {
    const before = await snapshot(env.DB);
    expect((await erase(seeded.references[0]!)).status).toBe(204);
    expect(await snapshot(env.DB)).toEqual(before);
  });
});
