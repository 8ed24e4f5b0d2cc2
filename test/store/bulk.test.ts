/** Bulk actions and suggested groupings, called directly: what they write, and what they refuse. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { actOnComments } from "../../functions/officers/bulk.ts";
import { discardGrouping, suggestGroupings } from "../../functions/officers/suggestions/suggestions.ts";
import { addResponse } from "../api/admin-fixtures.ts";
import { countRows, domainError, officer, startEachTestEmpty } from "./fixtures.ts";

const countWhere = async (sql: string) => (await env.DB.prepare(sql).first<{ n: number }>())!.n;

startEachTestEmpty();

const comments = async (...texts: string[]) => (await addResponse(env.DB, { comments: texts.map((text) => ({ paragraph: "winter-beds", text })) })).commentIds;

describe("a bulk action", () => {
  it("counts what it changed and leaves what was already so, logging only the changes", async ({ expect }) => {
    const [first, second] = await comments("More beds.", "Open earlier.");
    await actOnComments(env.DB, officer, { action: "read", commentIds: [first!] });
    const result = await actOnComments(env.DB, officer, { action: "read", commentIds: [first!, second!] });
    expect(result).toEqual({ action: "read", selected: 2, changed: 1 });
    expect(await countWhere("SELECT count(*) AS n FROM audit_log WHERE action = 'comment.read'")).toBe(2);
  });

  it("is refused as invalid, naming the comment, when one number is no comment", async ({ expect }) => {
    const [first] = await comments("More beds.");
    const error = await domainError(actOnComments(env.DB, officer, { action: "hide", commentIds: [first!, first! + 1000], reason: "Spam" }));
    expect(error).toMatchObject({ kind: "invalid", fieldKeys: { "commentIds.1": "admin.error.commentNotFound" } });
    expect(await countWhere("SELECT count(*) AS n FROM comments WHERE status = 'hidden'")).toBe(0);
    expect(await countRows("audit_log")).toBe(0);
  });
});

describe("suggested groupings", () => {
  it("leave out comments already given a theme, and groupings once discarded", async ({ expect }) => {
    const ids = await comments("The night shelter needs beds.", "Shelter beds are too few.", "More shelter beds in winter.");
    const [grouping] = (await suggestGroupings(env.DB, { scope: "whole" })).groupings;
    expect(grouping!.commentIds).toEqual(ids);
    await discardGrouping(env.DB, officer, { scope: "whole" }, ids);
    expect((await suggestGroupings(env.DB, { scope: "whole" })).groupings).toEqual([]);
    expect(await countRows("discarded_groupings")).toBe(1);
    await env.DB.prepare("DELETE FROM discarded_groupings").run();
    await actOnComments(env.DB, officer, { action: "tag", commentIds: [ids[0]!], themeName: "Shelters" });
    const after = await suggestGroupings(env.DB, { scope: "whole" });
    expect(after.available).toBe(2);
    expect(after.groupings.flatMap((g) => g.commentIds)).not.toContain(ids[0]);
  });
});
