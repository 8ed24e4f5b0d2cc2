import { env } from "cloudflare:test";
import { beforeAll, describe, it } from "vitest";
import { LIMITS } from "../../functions/limits.ts";
import { addManyComments, addResponse, asOfficer } from "./admin-fixtures.ts";
import type { ErrorBody } from "./requests.ts";
import { SUGGESTION_FIXTURE, type Topic } from "../fixtures/suggestions/comments.ts";

interface Grouping {
  id: string;
  size: number;
  terms: string[];
  examples: { id: number; text: string; paragraph: string }[];
  commentIds: number[];
}
interface SuggestionsBody {
  available: number;
  considered: number;
  groupings: Grouping[];
}

/** The suggestions for a scope; anything but 200 fails the test that asked. */
const suggestions = async (query = "") => {
  const response = await asOfficer(env, `/api/admin/suggestions${query}`);
  if (response.status !== 200) throw new Error(`GET /api/admin/suggestions${query} answered ${response.status}`);
  return (await response.json()) as SuggestionsBody;
};
const discard = (query: string, commentIds: number[]) => asOfficer(env, `/api/admin/suggestions/discard${query}`, { method: "POST", json: { commentIds } });

/** Shelters on streets paragraphs, mental health on care paragraphs, the rest on general. */
const PARAGRAPH: Record<Topic, string[]> = { shelter: ["winter-beds", "streets-2"], mentalHealth: ["care-1", "care-2"], other: ["general"] };
const topicOf = new Map<number, Topic>();

beforeAll(async () => {
  for (const [index, comment] of SUGGESTION_FIXTURE.entries()) {
    const paragraphs = PARAGRAPH[comment.topic];
    const { commentIds } = await addResponse(env.DB, { comments: [{ paragraph: paragraphs[index % paragraphs.length]!, text: comment.text }] });
    topicOf.set(commentIds[0]!, comment.topic);
  }
});

describe("suggested groupings", () => {
  it("propose groups for the whole consultation, each about one thing, with its words, examples and count", async ({ expect }) => {
    const body = await suggestions();
    expect(body.considered).toBe(SUGGESTION_FIXTURE.length);
    expect(body.groupings.length).toBeGreaterThanOrEqual(4);
    for (const grouping of body.groupings) {
      expect(new Set(grouping.commentIds.map((id) => topicOf.get(id))).size).toBe(1);
      expect(grouping.size).toBe(grouping.commentIds.length);
      expect(grouping.terms.length).toBeGreaterThan(0);
      expect(grouping.examples.length).toBe(Math.min(LIMITS.examplesPerGrouping, grouping.size));
      expect(grouping.examples.every((example) => grouping.commentIds.includes(example.id) && example.text.length > 0)).toBe(true);
    }
  });

  it("give the same groupings, with the same ids, every time", async ({ expect }) => {
    expect(await suggestions("?scope=whole")).toEqual(await suggestions());
  });

  it("look only in the section or paragraph asked for", async ({ expect }) => {
    const care = await suggestions("?scope=section&section=care");
    expect(care.groupings.length).toBeGreaterThan(0);
    expect(care.groupings.flatMap((grouping) => grouping.commentIds).every((id) => topicOf.get(id) === "mentalHealth")).toBe(true);
    const paragraph = await suggestions("?scope=paragraph&paragraph=winter-beds");
    expect(paragraph.groupings.flatMap((grouping) => grouping.commentIds).every((id) => topicOf.get(id) === "shelter")).toBe(true);
  });

  it("become a theme in one action: every comment tagged, one audit entry each, and the grouping is not proposed again", async ({ expect }) => {
    const [grouping] = (await suggestions("?scope=section&section=streets")).groupings;
    const response = await asOfficer(env, "/api/admin/comments/bulk", { method: "POST", json: { action: "tag", commentIds: grouping!.commentIds, themeName: "Night shelters" } });
    expect(response.status).toBe(200);
    const theme = await env.DB.prepare("SELECT id FROM themes WHERE name = 'Night shelters'").first<{ id: number }>();
    const tagged = await env.DB.prepare("SELECT comment_id FROM comment_themes WHERE theme_id = ? ORDER BY comment_id").bind(theme!.id).all<{ comment_id: number }>();
    expect(tagged.results.map((row) => row.comment_id)).toEqual(grouping!.commentIds);
    const audit = await env.DB.prepare("SELECT target FROM audit_log WHERE action = 'comment.tag' AND json_extract(detail, '$.theme') = 'Night shelters' ORDER BY id").all<{ target: string }>();
    expect(audit.results.map((row) => row.target).sort()).toEqual(grouping!.commentIds.map((id) => `comment:${id}`).sort());
    const after = await suggestions("?scope=section&section=streets");
    expect(after.groupings.map((g) => g.id)).not.toContain(grouping!.id);
    expect(after.groupings.flatMap((g) => g.commentIds).some((id) => grouping!.commentIds.includes(id))).toBe(false);
  });

  it("once discarded, are not proposed again for the same comments, and the discard is audited", async ({ expect }) => {
    const before = await suggestions("?scope=section&section=care");
    const [grouping] = before.groupings;
    const response = await discard("?scope=section&section=care", grouping!.commentIds);
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: grouping!.id });
    const after = await suggestions("?scope=section&section=care");
    expect(after.groupings.map((g) => g.id)).not.toContain(grouping!.id);
    expect(after.groupings.length).toBe(before.groupings.length - 1);
    expect((await suggestions()).groupings.map((g) => g.id)).not.toContain(grouping!.id);
    const entry = await env.DB.prepare("SELECT target, detail FROM audit_log WHERE action = 'grouping.discard' ORDER BY id DESC").first<{ target: string; detail: string }>();
    expect(entry!.target).toBe("section:care");
    expect(JSON.parse(entry!.detail)).toMatchObject({ grouping: grouping!.id, comments: grouping!.size });
    const untagged = await env.DB.prepare("SELECT count(*) AS n FROM comment_themes WHERE comment_id IN (SELECT value FROM json_each(?))").bind(JSON.stringify(grouping!.commentIds)).first<{ n: number }>();
    expect(untagged!.n).toBe(0);
  });

  it("leave hidden comments out", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, {
      comments: [
        { paragraph: "homes-1", text: "Hidden words about social housing waiting lists", status: "hidden" },
        { paragraph: "homes-1", text: "Hidden words about social housing waiting times", status: "hidden" },
      ],
    });
    const body = await suggestions("?scope=paragraph&paragraph=homes-1");
    expect(body.considered).toBe(0);
    expect(body.groupings.flatMap((g) => g.commentIds)).not.toContain(commentIds[0]);
  });

  it(`compare at most ${LIMITS.commentsForSuggestions} comments at once, the oldest first, and say how many are waiting`, async ({ expect }) => {
    const total = LIMITS.commentsForSuggestions + 30;
    await addManyComments(env.DB, total, (index) => `Bus number ${index % 7} is late to the day centre on route ${index % 11}`, ["homes-3"]);
    const body = await suggestions("?scope=paragraph&paragraph=homes-3");
    expect(body).toMatchObject({ available: total, considered: LIMITS.commentsForSuggestions });
    expect(body.groupings.length).toBeGreaterThan(0);
    expect(body.groupings.length).toBeLessThanOrEqual(LIMITS.suggestedGroupings);
  });

  const refusals: [string, string, unknown, string][] = [
    ["an unknown scope", "?scope=everything", undefined, "scope"],
    ["a section that does not exist", "?scope=section&section=nowhere", undefined, "section"],
    ["a paragraph id that cannot be one", "?scope=paragraph&paragraph=%3Cscript%3E", undefined, "paragraph"],
  ];
  for (const [name, query, , field] of refusals) {
    it(`refuse ${name} with 422`, async ({ expect }) => {
      const response = await asOfficer(env, `/api/admin/suggestions${query}`);
      expect(response.status).toBe(422);
      expect(Object.keys(((await response.json()) as ErrorBody).error.fields ?? {})).toContain(field);
    });
  }

  it("refuse to discard comments that do not exist, or fewer than two, and remember nothing", async ({ expect }) => {
    const count = async () => (await env.DB.prepare("SELECT count(*) AS n FROM discarded_groupings").first<{ n: number }>())!.n;
    const before = await count();
    expect((await discard("", [1, 99_999_999])).status).toBe(422);
    expect((await discard("", [1])).status).toBe(422);
    expect((await discard("?scope=section&section=nowhere", [1, 2])).status).toBe(422);
    expect(await count()).toBe(before);
  });
});
