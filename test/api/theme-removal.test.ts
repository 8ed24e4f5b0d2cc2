/** Merging a theme into another and deleting one: its comments re-tagged or untagged, in one audited change. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import { snapshot } from "./whole-schema.ts";

async function theme(name: string): Promise<number> {
  return ((await (await asOfficer(env, "/api/admin/themes", { method: "POST", json: { name } })).json()) as { id: number }).id;
}

async function tag(comment: number, themeIds: number[]) {
  await asOfficer(env, `/api/admin/comments/${comment}/themes`, { method: "PUT", json: { themeIds } });
}

const themesOf = async (comment: number) =>
  ((await (await asOfficer(env, `/api/admin/comments/${comment}`)).json()) as { themes: { name: string }[] }).themes.map((t) => t.name);

const lastAudit = async () => {
  const row = await env.DB.prepare("SELECT action, target, detail FROM audit_log ORDER BY id DESC LIMIT 1").first<{ action: string; target: string; detail: string }>();
  return { ...row!, detail: JSON.parse(row!.detail) as unknown };
};

describe("removing a theme", () => {
  it("merges it into another: its comments carry the other theme, once, and it is gone", async ({ expect }) => {
    const [night, outreach] = [await theme("Night shelters"), await theme("Outreach at night")];
    const { commentIds: [first, second] } = await addResponse(env.DB, { comments: [{ text: "Beds at night." }, { text: "Outreach after dark." }] });
    await tag(first!, [night]);
    await tag(second!, [night, outreach]);

    const answer = await asOfficer(env, `/api/admin/themes/${night}/merge`, { method: "POST", json: { into: outreach } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toEqual({ into: { id: outreach, name: "Outreach at night", commentCount: 2 }, comments: 2 });
    expect(await themesOf(first!)).toEqual(["Outreach at night"]);
    expect(await themesOf(second!)).toEqual(["Outreach at night"]);
    const names = ((await (await asOfficer(env, "/api/admin/themes")).json()) as { themes: { name: string }[] }).themes.map((t) => t.name);
    expect(names).not.toContain("Night shelters");
    expect(await lastAudit()).toEqual({ action: "theme.merge", target: `theme:${night}`, detail: { name: "Night shelters", intoId: outreach, into: "Outreach at night", comments: [first, second] } });
  });

  it("deletes it: its comments are untagged, their other themes kept", async ({ expect }) => {
    const [money, housing] = [await theme("Money worries"), await theme("Housing first")];
    const { commentIds: [comment] } = await addResponse(env.DB, { comments: [{ text: "Rent is too high." }] });
    await tag(comment!, [money, housing]);
    const answer = await asOfficer(env, `/api/admin/themes/${money}`, { method: "DELETE" });
    expect(answer.status).toBe(204);
    expect(await themesOf(comment!)).toEqual(["Housing first"]);
    expect(await lastAudit()).toEqual({ action: "theme.delete", target: `theme:${money}`, detail: { name: "Money worries", comments: [comment] } });
  });

  it("refuses a merge into itself, into no theme or a theme that does not exist, and an unknown theme, changing nothing", async ({ expect }) => {
    const kept = await theme("Kept as it is");
    const { commentIds: [comment] } = await addResponse(env.DB, { comments: [{ text: "Keep it." }] });
    await tag(comment!, [kept]);
    const before = await snapshot(env.DB);
    for (const json of [{ into: kept }, {}, { into: "soon" }, { into: 999999 }]) {
      const answer = await asOfficer(env, `/api/admin/themes/${kept}/merge`, { method: "POST", json });
      expect(answer.status, JSON.stringify(json)).toBe(422);
    }
    expect((await asOfficer(env, "/api/admin/themes/999999/merge", { method: "POST", json: { into: kept } })).status).toBe(404);
    expect((await asOfficer(env, "/api/admin/themes/999999", { method: "DELETE" })).status).toBe(404);
    expect(await snapshot(env.DB)).toEqual(before);
  });
});
