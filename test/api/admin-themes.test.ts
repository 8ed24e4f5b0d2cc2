import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { addResponse, asOfficer } from "./admin-fixtures.ts";

const createTheme = async (name: string) => asOfficer(env, "/api/admin/themes", { method: "POST", json: { name } });
const auditActions = async () =>
  ((await (await asOfficer(env, "/api/admin/audit")).json()) as { entries: { action: string; target: string | null }[] }).entries;

describe("themes", () => {
  it("creates and renames themes, refusing a duplicate name, and logs each change", async ({ expect }) => {
    const created = await createTheme("Outreach");
    expect(created.status).toBe(201);
    const theme = (await created.json()) as { id: number; name: string };
    expect(theme).toMatchObject({ name: "Outreach", commentCount: 0 });

    expect((await createTheme("outreach")).status).toBe(409);
    expect((await createTheme("")).status).toBe(422);

    const renamed = await asOfficer(env, `/api/admin/themes/${theme.id}`, { method: "PATCH", json: { name: "Street outreach" } });
    expect(await renamed.json()).toMatchObject({ id: theme.id, name: "Street outreach" });
    expect((await asOfficer(env, "/api/admin/themes/99999", { method: "PATCH", json: { name: "X" } })).status).toBe(404);

    const entries = await auditActions();
    expect(entries.slice(0, 2)).toEqual([
      expect.objectContaining({ action: "theme.rename", target: `theme:${theme.id}` }),
      expect.objectContaining({ action: "theme.create", target: `theme:${theme.id}` }),
    ]);
  });

  it("tags comments with several themes and counts them per theme and per paragraph", async ({ expect }) => {
    const health = (await (await createTheme("Health")).json()) as { id: number };
    const money = (await (await createTheme("Money")).json()) as { id: number };
    const { commentIds } = await addResponse(env.DB, {
      comments: [
        { paragraph: "streets-2", text: "GP access" },
        { paragraph: "streets-2", text: "Benefits" },
        { paragraph: "general", text: "Both" },
      ],
    });
    const [a, b, c] = commentIds as [number, number, number];
    await asOfficer(env, `/api/admin/comments/${a}/themes/${health.id}`, { method: "PUT" });
    await asOfficer(env, `/api/admin/comments/${a}/themes/${health.id}`, { method: "PUT" }); // twice: no change
    await asOfficer(env, `/api/admin/comments/${b}/themes/${money.id}`, { method: "PUT" });
    const both = await asOfficer(env, `/api/admin/comments/${c}/themes`, { method: "PUT", json: { themeIds: [health.id, money.id] } });
    expect(await both.json()).toEqual({ themes: [{ id: health.id, name: "Health" }, { id: money.id, name: "Money" }] });

    const counts = (await (await asOfficer(env, "/api/admin/themes/counts")).json()) as {
      themes: { id: number; name: string; commentCount: number }[];
      paragraphs: { paragraph: string; number: string; comments: number; themes: Record<string, number> }[];
    };
    expect(counts.themes.find((t) => t.id === health.id)!.commentCount).toBe(2);
    expect(counts.themes.find((t) => t.id === money.id)!.commentCount).toBe(2);
    expect(counts.paragraphs.find((p) => p.paragraph === "streets-2")).toMatchObject({
      number: "3.2",
      comments: 2,
      themes: { [health.id]: 1, [money.id]: 1 },
    });
    expect(counts.paragraphs.find((p) => p.paragraph === "general")).toMatchObject({ comments: 1, themes: { [health.id]: 1, [money.id]: 1 } });

    const filtered = (await (await asOfficer(env, `/api/admin/comments?theme=${money.id}`)).json()) as { comments: { text: string }[] };
    expect(filtered.comments.map((x) => x.text).sort()).toEqual(["Benefits", "Both"]);

    await asOfficer(env, `/api/admin/comments/${c}/themes/${money.id}`, { method: "DELETE" });
    const after = (await (await asOfficer(env, `/api/admin/comments/${c}`)).json()) as { themes: { name: string }[] };
    expect(after.themes.map((t) => t.name)).toEqual(["Health"]);

    const tagging = (await auditActions()).filter((e) => e.action.startsWith("comment."));
    expect(tagging.map((e) => e.action)).toEqual(["comment.untag", "comment.set_themes", "comment.tag", "comment.tag"]);
  });

  it("sets a comment's themes all or nothing: one unknown theme changes nothing and logs nothing", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "Both or neither" }] });
    const id = commentIds[0]!;
    const kept = (await (await createTheme("Kept")).json()) as { id: number };
    const added = (await (await createTheme("Added")).json()) as { id: number };
    await asOfficer(env, `/api/admin/comments/${id}/themes/${kept.id}`, { method: "PUT" });
    const logged = (await auditActions()).length;

    const refused = await asOfficer(env, `/api/admin/comments/${id}/themes`, { method: "PUT", json: { themeIds: [added.id, 987654] } });
    expect(refused.status).toBe(404);
    const after = (await (await asOfficer(env, `/api/admin/comments/${id}`)).json()) as { themes: { name: string }[] };
    expect(after.themes.map((t) => t.name)).toEqual(["Kept"]);
    expect(await auditActions()).toHaveLength(logged);

    const set = await asOfficer(env, `/api/admin/comments/${id}/themes`, { method: "PUT", json: { themeIds: [added.id] } });
    expect(await set.json()).toEqual({ themes: [{ id: added.id, name: "Added" }] });
    const [entry] = (await auditActions()).filter((e) => e.action === "comment.set_themes");
    expect(entry).toMatchObject({ target: `comment:${id}`, detail: { added: [added.id], removed: [kept.id] } });
  });

  it("refuses to tag with a theme or comment that does not exist", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "x" }] });
    expect((await asOfficer(env, `/api/admin/comments/${commentIds[0]}/themes/4242`, { method: "PUT" })).status).toBe(404);
    const theme = (await (await createTheme("Orphans")).json()) as { id: number };
    expect((await asOfficer(env, `/api/admin/comments/424242/themes/${theme.id}`, { method: "PUT" })).status).toBe(404);
  });
});
