import { env } from "cloudflare:test";
import { beforeAll, describe, it, vi } from "vitest";
import app from "../../functions/api/index.ts";
import { runRetention } from "../../functions/privacy/retention.ts";
import { retentionSchedule } from "../../functions/privacy/schedule.ts";
import { ADMIN_TOKEN, addManyComments, asOfficer } from "./admin-fixtures.ts";
import { seedPersonalData, type Seeded } from "./privacy-seed.ts";
import { placesHolding, snapshot } from "./whole-schema.ts";

// The fixture consultation closes at the end of 20 December 2030 (London, GMT): kept 30 days, deleted from 20 January 2031.
const settings = { ...env, RETENTION_DAYS: "30" };
const deletesFrom = new Date("2031-01-20T00:00:00.000Z");
const withSettings = { ...settings, ADMIN_TOKEN };

const overviewFigures = async () => {
  const { retention: _, ...figures } = (await (await asOfficer(withSettings as Env, "/api/admin/overview")).json()) as Record<string, unknown>;
  return figures;
};
const publishedCounts = async () => {
  const { sections } = (await (await app.request("/api/feedback", {}, settings)).json()) as {
    sections: { entries: { id: number; commentCount: number; commentedParagraphs: unknown }[] }[];
  };
  return sections.flatMap((section) => section.entries.map(({ id, commentCount, commentedParagraphs }) => ({ id, commentCount, commentedParagraphs })));
};

let seeded: Seeded;

beforeAll(async () => {
  vi.useFakeTimers({ now: new Date("2030-11-22T12:00:00Z"), toFake: ["Date"] });
  seeded = await seedPersonalData("ret");
  await addManyComments(env.DB, 25, (index) => `xqbulk${index} lives at the station`);
  vi.useRealTimers();
});

// Each whole-schema search reads every table; on a busy machine that takes a while.
describe("the retention job", { timeout: 30_000 }, () => {
  it("is scheduled RETENTION_DAYS after the close, and not before the grace periods are over", ({ expect }) => {
    expect(retentionSchedule(settings).deletesFrom).toEqual(deletesFrom);
    expect(retentionSchedule({ ...env }).deletesFrom).toEqual(new Date("2032-12-20T00:00:00.000Z"));
    expect(retentionSchedule({ ...env, RETENTION_DAYS: "0" }).deletesFrom).toEqual(new Date("2031-01-04T00:00:00.000Z"));
    expect(() => retentionSchedule({ ...env, RETENTION_DAYS: "two years" })).toThrow(/RETENTION_DAYS must be a whole number/);
  });

  it("changes nothing before the retention period ends", async ({ expect }) => {
    const before = await snapshot(env.DB);
    const outcome = await runRetention(env.DB, settings, new Date(deletesFrom.getTime() - 1), { batchSize: 7 });
    expect(outcome).toMatchObject({ due: false, comments: 0, responses: 0 });
    expect(await snapshot(env.DB)).toEqual(before);
  });

  it("then deletes every identifying word from every table, keeping the counts, and a second run changes nothing", async ({ expect }) => {
    const figures = await overviewFigures();
    const published = await publishedCounts();
    expect(published.find((entry) => entry.id === seeded.feedbackId)).toMatchObject({ commentCount: 1 });
    // A person's reference, as they hold it and as stored, stops leading anywhere too.
    const words = [...seeded.words, "xqbulk7", "xqbulk24", ...seeded.references, ...seeded.references.map((reference) => reference.replace("-", ""))];
    expect((await placesHolding(env.DB, words)).length).toBeGreaterThan(words.length);

    const outcome = await runRetention(env.DB, settings, deletesFrom, { batchSize: 7 });
    expect(outcome).toMatchObject({ due: true, comments: 28, responses: 28, quotes: 1 });

    expect(await placesHolding(env.DB, words)).toEqual([]);
    expect(await overviewFigures()).toEqual(figures);
    expect(await publishedCounts()).toEqual(published);
    const exported = await (await asOfficer(withSettings as Env, "/api/admin/export?format=ndjson&includeHidden=true")).text();
    const rows = exported.trim().split("\n").map((line) => JSON.parse(line) as { reference: string; commentText: string; organisation: string | null; assistedBy: unknown });
    expect(rows).toHaveLength(28);
    expect(rows.filter((row) => row.reference !== "" || row.commentText !== "" || row.organisation !== null)).toEqual([]);
    const log = await env.DB.prepare("SELECT officer, detail FROM audit_log WHERE action = 'retention.delete'").all<{ officer: string; detail: string }>();
    expect(log.results).toHaveLength(1);
    expect(JSON.parse(log.results[0]!.detail)).toMatchObject({ comments: 28, responses: 28, quotes: 1 });

    const after = await snapshot(env.DB);
    expect(await runRetention(env.DB, settings, new Date(deletesFrom.getTime() + 86_400_000))).toMatchObject({ due: true, comments: 0, responses: 0 });
    expect(await snapshot(env.DB)).toEqual(after);
  });

  it("leaves a person's reference answering 410: their words are gone", async ({ expect }) => {
    vi.useFakeTimers({ now: deletesFrom, toFake: ["Date"] });
    const tracked = await app.request(`/api/responses/${seeded.references[0]}`, {}, settings);
    expect(tracked.status).toBe(410);
    expect(await tracked.json()).toMatchObject({ error: { code: "response_deleted" } });
  });

  it("keeps the overview saying when it ran and what it deleted", async ({ expect }) => {
    vi.useFakeTimers({ now: deletesFrom, toFake: ["Date"] });
    const { retention } = (await (await asOfficer(withSettings as Env, "/api/admin/overview")).json()) as { retention: Record<string, unknown> };
    expect(retention).toMatchObject({ days: 30, deletesFrom: deletesFrom.toISOString(), due: true, pending: { comments: 0, responses: 0 } });
  });
});
