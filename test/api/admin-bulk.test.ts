import { env } from "cloudflare:test";
import { beforeEach, describe, it } from "vitest";
import { LIMITS } from "../../functions/limits.ts";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import type { ErrorBody } from "./requests.ts";

const bulk = (json: unknown) => asOfficer(env, "/api/admin/comments/bulk", { method: "POST", json });

/** Everything a bulk action may change, to show that a refused one changed nothing. */
async function state() {
  const [comments, tags, answers, audit, themes] = await env.DB.batch([
    env.DB.prepare("SELECT id, status, moderation_note, read_at FROM comments ORDER BY id"),
    env.DB.prepare("SELECT comment_id, theme_id FROM comment_themes ORDER BY comment_id, theme_id"),
    env.DB.prepare("SELECT feedback_id, comment_id FROM feedback_comments ORDER BY feedback_id, comment_id"),
    env.DB.prepare("SELECT count(*) AS n FROM audit_log"),
    env.DB.prepare("SELECT id, name FROM themes ORDER BY id"),
  ]);
  return [comments, tags, answers, audit, themes].map((result) => result!.results);
}

async function auditFor(action: string) {
  const { results } = await env.DB.prepare("SELECT target, detail FROM audit_log WHERE action = ? ORDER BY target").bind(action).all<{ target: string; detail: string }>();
  return results.map((row) => ({ target: row.target, detail: JSON.parse(row.detail) as Record<string, unknown> }));
}

let ids: number[];
let themeId: number;
let feedbackId: number;

beforeEach(async () => {
  ({ commentIds: ids } = await addResponse(env.DB, {
    comments: [
      { paragraph: "streets-2", text: "More outreach at night." },
      { paragraph: "streets-2", text: "Outreach workers should visit the car parks." },
      { paragraph: "winter-beds", text: "Winter beds open too late." },
      { paragraph: "general", text: "A fair plan." },
    ],
  }));
  themeId = ((await (await asOfficer(env, "/api/admin/themes", { method: "POST", json: { name: `Outreach ${ids[0]}` } })).json()) as { id: number }).id;
  const entry = await asOfficer(env, "/api/admin/feedback", {
    method: "POST",
    json: { title: "Outreach", youSaid: "You asked for outreach.", weDid: "We added night shifts.", outcome: "changed", comments: [ids[3]] },
  });
  feedbackId = ((await entry.json()) as { id: number }).id;
});

describe("acting on many comments at once", () => {
  it("tags every chosen comment with a theme, with one audit entry for each comment it changed", async ({ expect }) => {
    await asOfficer(env, `/api/admin/comments/${ids[0]}/themes/${themeId}`, { method: "PUT" });
    const before = (await auditFor("comment.tag")).length;
    const response = await bulk({ action: "tag", commentIds: [ids[0], ids[1], ids[2]], theme: themeId });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ action: "tag", selected: 3, changed: 2 });
    const tagged = await env.DB.prepare("SELECT comment_id FROM comment_themes WHERE theme_id = ? ORDER BY comment_id").bind(themeId).all<{ comment_id: number }>();
    expect(tagged.results.map((row) => row.comment_id)).toEqual([ids[0], ids[1], ids[2]]);
    const entries = (await auditFor("comment.tag")).slice(before);
    expect(entries.map((entry) => entry.target).sort()).toEqual([`comment:${ids[1]}`, `comment:${ids[2]}`].sort());
    expect(entries[0]!.detail).toMatchObject({ themeId, bulk: true });
  });

  it("makes a new theme and tags the comments with it in the same action", async ({ expect }) => {
    const response = await bulk({ action: "tag", commentIds: [ids[0], ids[1]], themeName: `Car parks ${ids[0]}` });
    expect(response.status).toBe(200);
    const theme = await env.DB.prepare("SELECT id FROM themes WHERE name = ?").bind(`Car parks ${ids[0]}`).first<{ id: number }>();
    const tagged = await env.DB.prepare("SELECT count(*) AS n FROM comment_themes WHERE theme_id = ?").bind(theme!.id).first<{ n: number }>();
    expect(tagged!.n).toBe(2);
    expect((await auditFor("theme.create")).some((entry) => entry.target === `theme:${theme!.id}`)).toBe(true);
  });

  it("marks comments read, hides them with one reason, and attaches them to a feedback entry", async ({ expect }) => {
    expect(await (await bulk({ action: "read", commentIds: [ids[0], ids[1]] })).json()).toMatchObject({ changed: 2 });
    // Read by this officer, as opening each comment would: "unread by me" no longer lists them.
    const readers = await env.DB.prepare("SELECT comment_id FROM comment_reads WHERE comment_id IN (?, ?, ?) ORDER BY comment_id").bind(ids[0], ids[1], ids[2]).all<{ comment_id: number }>();
    expect(readers.results.map((row) => row.comment_id)).toEqual([ids[0], ids[1]]);
    expect(await (await bulk({ action: "hide", commentIds: [ids[1], ids[2]], reason: "Off topic" })).json()).toMatchObject({ changed: 2 });
    expect(await (await bulk({ action: "answer", commentIds: [ids[0], ids[1], ids[3]], feedback: feedbackId })).json()).toMatchObject({ selected: 3, changed: 2 });
    const rows = await env.DB.prepare("SELECT id, status, moderation_note, read_at IS NOT NULL AS read FROM comments WHERE id IN (?, ?, ?) ORDER BY id").bind(ids[0], ids[1], ids[2]).all();
    expect(rows.results).toEqual([
      { id: ids[0], status: "received", moderation_note: null, read: 1 },
      { id: ids[1], status: "hidden", moderation_note: "Off topic", read: 1 },
      { id: ids[2], status: "hidden", moderation_note: "Off topic", read: 0 },
    ]);
    const answered = await env.DB.prepare("SELECT comment_id FROM feedback_comments WHERE feedback_id = ? ORDER BY comment_id").bind(feedbackId).all<{ comment_id: number }>();
    expect(answered.results.map((row) => row.comment_id)).toEqual([ids[0], ids[1], ids[3]]);
    expect((await auditFor("comment.hide")).filter((entry) => [`comment:${ids[1]}`, `comment:${ids[2]}`].includes(entry.target))).toHaveLength(2);
    expect((await auditFor("comment.answer")).filter((entry) => entry.detail.feedbackId === feedbackId).map((entry) => entry.target).sort()).toEqual(
      [`comment:${ids[0]}`, `comment:${ids[1]}`].sort(),
    );
  });

  it("acts on every comment the list's filters match", async ({ expect }) => {
    const response = await bulk({ action: "tag", filter: { paragraph: "streets-2", q: "outreach" }, theme: themeId });
    const body = (await response.json()) as { selected: number };
    const listed = (await (await asOfficer(env, "/api/admin/comments?paragraph=streets-2&q=outreach&limit=100")).json()) as { comments: unknown[] };
    expect(body.selected).toBe(listed.comments.length);
    const untagged = await env.DB.prepare(
      "SELECT count(*) AS n FROM comments c WHERE c.paragraph_id = 'streets-2' AND c.text LIKE '%utreach%' AND NOT EXISTS (SELECT 1 FROM comment_themes WHERE comment_id = c.id AND theme_id = ?)",
    )
      .bind(themeId)
      .first<{ n: number }>();
    expect(untagged!.n).toBe(0);
  });
});

describe("a bulk action that cannot be done in full changes nothing", () => {
  const refusals: [string, () => unknown, string][] = [
    ["one number that is no comment", () => ({ action: "tag", commentIds: [ids[0], 99_999_999], theme: themeId }), "commentIds.1"],
    ["a theme that does not exist", () => ({ action: "tag", commentIds: [ids[0]], theme: 99_999_999 }), "theme"],
    ["a theme and a new name at once", () => ({ action: "tag", commentIds: [ids[0]], theme: themeId, themeName: "Both" }), "theme"],
    ["a new theme whose name is taken", () => ({ action: "tag", commentIds: [ids[0]], themeName: `outreach ${ids[0]}` }), "themeName"],
    ["hiding without a reason", () => ({ action: "hide", commentIds: [ids[0]] }), "reason"],
    ["a feedback entry that does not exist", () => ({ action: "answer", commentIds: [ids[0]], feedback: 99_999_999 }), "feedback"],
    ["an action it does not know", () => ({ action: "delete", commentIds: [ids[0]] }), "action"],
    ["both numbers and a filter", () => ({ action: "read", commentIds: [ids[0]], filter: { paragraph: "streets-2" } }), "commentIds"],
    ["neither numbers nor a filter", () => ({ action: "read" }), "commentIds"],
    ["a field the action does not use", () => ({ action: "read", commentIds: [ids[0]], reason: "why" }), "reason"],
    ["a filter that matches nothing", () => ({ action: "read", filter: { q: "zzyzx-nothing" } }), "filter"],
    ["a filter that is not valid", () => ({ action: "read", filter: { channel: "pigeon" } }), "filter.channel"],
    ["more comments than one action may change", () => ({ action: "read", commentIds: Array.from({ length: LIMITS.commentsPerBulkAction + 1 }, (_, i) => i + 1) }), "commentIds"],
  ];

  for (const [name, body, field] of refusals) {
    it(`refuses ${name} with 422, naming the field`, async ({ expect }) => {
      const before = await state();
      const response = await bulk(body());
      expect(response.status).toBe(422);
      const error = ((await response.json()) as ErrorBody).error;
      expect(Object.keys(error.fields ?? {})).toContain(field);
      expect(await state()).toEqual(before);
    });
  }

  it("rolls everything back when a step fails half way through the batch", async ({ expect }) => {
    // A fault on the last comment's tag: the comments before it, the new theme and every audit entry must go with it.
    await env.DB.prepare(
      `CREATE TRIGGER fail_one_tag BEFORE INSERT ON comment_themes WHEN NEW.comment_id = ${ids[2]} BEGIN SELECT RAISE(ABORT, 'disk full'); END`,
    ).run();
    try {
      const before = await state();
      const response = await bulk({ action: "tag", commentIds: [ids[0], ids[1], ids[2]], themeName: `Half way ${ids[0]}` });
      expect(response.status).toBe(500);
      expect(await state()).toEqual(before);
    } finally {
      await env.DB.prepare("DROP TRIGGER fail_one_tag").run();
    }
  });

  it("refuses a body that is not JSON with 415", async ({ expect }) => {
    const response = await asOfficer(env, "/api/admin/comments/bulk", { method: "POST" });
    expect(response.status).toBe(415);
  });
});
