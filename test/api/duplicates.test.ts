import { env } from "cloudflare:test";
import { beforeAll, describe, it, vi } from "vitest";
import app from "../../functions/api/index.ts";
import { groupWaitingComments } from "../../functions/duplicates/store.ts";
import { runRetention } from "../../functions/privacy/retention.ts";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import { CAMPAIGN, SAME_TOPIC } from "./duplicate-fixtures.ts";
import { postJson } from "./requests.ts";
import { snapshot } from "./whole-schema.ts";

interface Group {
  id: number;
  size: number;
  representative: { id: number; text: string };
  commentIds: number[];
  confirmedAt: string | null;
}

let sent = 0;
/** Sends one comment as its own response, as a person would, and gives its id and reference. */
async function send(text: string): Promise<{ id: number; reference: string }> {
  const response = await postJson({ comments: [{ paragraph: "general", text }] }, { key: `duplicates-${++sent}-${text.length}` });
  if (response.status !== 201) throw new Error(`${response.status}: ${await response.text()}`);
  const receipt = (await response.json()) as { reference: string; comments: { id: number }[] };
  return { id: receipt.comments[0]!.id, reference: receipt.reference };
}

const groups = async () => ((await (await asOfficer(env, "/api/admin/duplicates")).json()) as { groups: Group[] }).groups;
const groupOf = async (commentId: number) => (await groups()).find((group) => group.commentIds.includes(commentId));
const split = (id: number, json: unknown) => asOfficer(env, `/api/admin/duplicates/${id}/split`, { method: "POST", json });
const auditEntries = async () =>
  ((await (await asOfficer(env, "/api/admin/audit")).json()) as { entries: { action: string; target: string | null; detail: Record<string, unknown> }[] }).entries;

const ids: Record<"en" | "es" | "it", number[]> = { en: [], es: [], it: [] };
const apart: number[] = [];

beforeAll(async () => {
  vi.useFakeTimers({ now: new Date("2030-11-22T12:00:00Z"), toFake: ["Date"] });
  // Arriving mixed, as a consultation receives them.
  for (let i = 0; i < 3; i++) {
    for (const language of ["en", "es", "it"] as const) ids[language].push((await send(CAMPAIGN[language][i]!)).id);
    apart.push((await send(SAME_TOPIC[i]!)).id, (await send(SAME_TOPIC[i + 3]!)).id);
  }
  vi.useRealTimers();
});

describe("near-duplicates and campaigns", { timeout: 30_000 }, () => {
  it("groups a campaign's copies in English, Spanish and Italian as they arrive, despite edits, reordered sentences, greetings and names", async ({ expect }) => {
    const found = await groups();
    for (const language of ["en", "es", "it"] as const) {
      const group = found.find((g) => g.commentIds.includes(ids[language][0]!));
      expect(group).toMatchObject({ size: 3, commentIds: ids[language], representative: { id: ids[language][0], text: CAMPAIGN[language][0] } });
    }
  });

  it("keeps comments that merely share the campaign's topic out of every group", async ({ expect }) => {
    const grouped = (await groups()).flatMap((group) => group.commentIds);
    expect(apart.filter((id) => grouped.includes(id))).toEqual([]);
  });

  it("answers officers only, and never from a cache", async ({ expect }) => {
    const anonymous = await app.request("/api/admin/duplicates", {}, env);
    expect(anonymous.status).toBe(401);
    const answer = await asOfficer(env, "/api/admin/duplicates");
    expect(answer.headers.get("Cache-Control")).toContain("no-store");
  });

  it("confirms a group as a campaign once, in the audit log", async ({ expect }) => {
    const group = (await groupOf(ids.en[0]!))!;
    const confirmed = await asOfficer(env, `/api/admin/duplicates/${group.id}/confirm`, { method: "POST" });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.json()).toMatchObject({ id: group.id, size: 3, confirmedAt: expect.any(String), confirmedBy: expect.any(String) });
    await asOfficer(env, `/api/admin/duplicates/${group.id}/confirm`, { method: "POST" });
    const confirmations = (await auditEntries()).filter((entry) => entry.action === "duplicates.confirm" && entry.target === `duplicates:${group.id}`);
    expect(confirmations).toHaveLength(1);
  });

  it("counts a confirmed campaign as one item with its size in the overview, the report and \"You said, we did\"", async ({ expect }) => {
    const group = (await groupOf(ids.en[0]!))!;
    const overview = (await (await asOfficer(env, "/api/admin/overview")).json()) as { comments: number; campaigns: { id: number; size: number }[] };
    expect(overview.campaigns).toEqual([expect.objectContaining({ id: group.id, size: 3 })]);
    const report = (await (await asOfficer(env, "/api/admin/report")).json()) as { campaigns: { id: number; size: number }[] };
    expect(report.campaigns).toEqual([expect.objectContaining({ id: group.id, size: 3 })]);
    // Nobody agreed to be quoted: the campaign is counted, its words are not shown.
    expect(report.campaigns[0]).toMatchObject({ excerpt: null });
    const created = await asOfficer(env, "/api/admin/feedback", {
      method: "POST",
      json: { title: "Weekend opening", youSaid: "Keep the day centre open at weekends.", weDid: "It opens on Saturdays.", outcome: "changed", comments: [...ids.en, apart[0]], status: "published" },
    });
    expect(created.status).toBe(201);
    const log = (await (await app.request("/api/feedback", {}, env)).json()) as { sections: { entries: { title: string; commentCount: number; campaigns: number[] }[] }[] };
    const entry = log.sections.flatMap((section) => section.entries).find((e) => e.title === "Weekend opening");
    expect(entry).toMatchObject({ commentCount: 4, campaigns: [3] });
  });

  it("refuses an unknown group, a comment not in the group and a malformed list, changing nothing", async ({ expect }) => {
    const group = (await groupOf(ids.es[0]!))!;
    const before = await snapshot(env.DB);
    expect((await asOfficer(env, "/api/admin/duplicates/999999/confirm", { method: "POST" })).status).toBe(404);
    expect((await asOfficer(env, "/api/admin/duplicates/not-a-group")).status).toBe(404);
    expect((await split(group.id, { commentIds: [ids.en[0]] })).status).toBe(409);
    expect((await split(group.id, { commentIds: "all" })).status).toBe(422);
    expect(await snapshot(env.DB)).toEqual(before);
  });

  it("splits a comment out of a group, which a later copy does not pull back in", async ({ expect }) => {
    const group = (await groupOf(ids.it[0]!))!;
    const out = ids.it[2]!;
    const answer = await split(group.id, { commentIds: [out] });
    expect(answer.status).toBe(200);
    expect(((await answer.json()) as { group: Group }).group).toMatchObject({ size: 2, commentIds: ids.it.slice(0, 2) });

    const copy = await send(CAMPAIGN.it[2]!);
    const after = (await groupOf(ids.it[0]!))!;
    expect(after.commentIds).toEqual([...ids.it.slice(0, 2), copy.id]);
    expect(await groupOf(out)).toBeUndefined();
    expect((await auditEntries()).find((entry) => entry.action === "duplicates.split")).toMatchObject({ target: `duplicates:${group.id}`, detail: { commentIds: [out] } });
  });

  it("splits a whole group: no comment is grouped, and none is hidden or deleted", async ({ expect }) => {
    const group = (await groupOf(ids.es[0]!))!;
    expect((await split(group.id, {})).status).toBe(200);
    expect(await groupOf(ids.es[0]!)).toBeUndefined();
    expect((await asOfficer(env, `/api/admin/duplicates/${group.id}`)).status).toBe(404);
    const kept = await env.DB.prepare("SELECT count(*) AS n FROM comments WHERE id IN (SELECT value FROM json_each(?)) AND status = 'received'").bind(JSON.stringify(ids.es)).first("n");
    expect(kept).toBe(3);
  });

  it("gives each exported comment its group, in a last column", async ({ expect }) => {
    const group = (await groupOf(ids.en[0]!))!;
    const rows = (await (await asOfficer(env, "/api/admin/export?format=ndjson")).text())
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line) as { commentId: number; duplicateGroupId: number | null });
    expect(Object.keys(rows[0]!).at(-1)).toBe("duplicateGroupId");
    for (const id of ids.en) expect(rows.find((row) => row.commentId === id)?.duplicateGroupId).toBe(group.id);
    for (const id of apart) expect(rows.find((row) => row.commentId === id)?.duplicateGroupId).toBeNull();
  });

  it("takes an erased comment's signature and band keys out with it", async ({ expect }) => {
    const extra = await send(`${CAMPAIGN.en[0]} Sent by Ruth.`);
    expect((await groupOf(ids.en[0]!))!.commentIds).toContain(extra.id);
    const erased = await asOfficer(env, `/api/admin/responses/${extra.reference}`, { method: "DELETE", json: { reason: "Asked by email" } });
    expect(erased.status).toBe(204);
    for (const table of ["comment_signatures", "duplicate_bands"]) {
      expect(await env.DB.prepare(`SELECT count(*) AS n FROM ${table} WHERE comment_id = ?`).bind(extra.id).first("n")).toBe(0);
    }
    expect((await groupOf(ids.en[0]!))!.commentIds).toEqual(ids.en);
  });

  it("makes a redacted comment's signature from its new words, keeping it in its group", async ({ expect }) => {
    const member = ids.en[1]!;
    const before = await env.DB.prepare("SELECT hex(signature) AS s FROM comment_signatures WHERE comment_id = ?").bind(member).first("s");
    const redacted = await asOfficer(env, `/api/admin/comments/${member}/redact`, { method: "POST", json: { text: CAMPAIGN.en[1]!.replace("John Smith", "[name removed]") } });
    expect(redacted.status).toBe(200);
    const after = await env.DB.prepare("SELECT hex(signature) AS s FROM comment_signatures WHERE comment_id = ?").bind(member).first("s");
    expect(after).not.toBe(before);
    expect((await groupOf(ids.en[0]!))!.commentIds).toContain(member);
  });

  it("groups in the scheduled job the comments arrival did not", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ paragraph: "general", text: `Hi! ${CAMPAIGN.en[0]}` }] });
    expect(await groupOf(commentIds[0]!)).toBeUndefined();
    expect(await groupWaitingComments(env.DB)).toBeGreaterThanOrEqual(1);
    expect((await groupOf(ids.en[0]!))!.commentIds).toContain(commentIds[0]);
    expect(await groupWaitingComments(env.DB)).toBe(0);
  });

  it("leaves no signature, band key or group once the retention job has deleted the words", async ({ expect }) => {
    await runRetention(env.DB, { ...env, RETENTION_DAYS: "30" }, new Date("2040-01-01T00:00:00Z"));
    for (const table of ["comment_signatures", "duplicate_bands"]) {
      expect(await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first("n")).toBe(0);
    }
    expect(await groups()).toEqual([]);
    expect(await groupWaitingComments(env.DB)).toBe(0);
  });
});
