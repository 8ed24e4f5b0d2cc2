/** Themes called directly: creating, renaming, tagging and counting, each change with its audit entry. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { listAudit } from "../../functions/officers/audit.ts";
import { createTheme, listThemes, paragraphCounts, renameTheme, setCommentThemes, tagComment, untagComment } from "../../functions/officers/themes.ts";
import { addResponse } from "../api/admin-fixtures.ts";
import { countRows, domainError, officer, startEachTestEmpty } from "./fixtures.ts";

startEachTestEmpty();

const actions = async () => (await listAudit(env.DB)).entries.map(({ action, target }) => ({ action, target }));

async function tagsOf(commentId: number): Promise<number[]> {
  const { results } = await env.DB.prepare("SELECT theme_id FROM comment_themes WHERE comment_id = ? ORDER BY theme_id").bind(commentId).all<{ theme_id: number }>();
  return results.map((row) => row.theme_id);
}

// ---- Creating and renaming ---------------------------------------------------

describe("creating and renaming themes", () => {
  it("creates a theme with no comments and logs it with the new theme's id", async ({ expect }) => {
    const theme = await createTheme(env.DB, officer, "Outreach");
    expect(theme).toEqual({ id: expect.any(Number), name: "Outreach", commentCount: 0 });
    expect(await listThemes(env.DB)).toEqual([theme]);
    expect(await actions()).toEqual([{ action: "theme.create", target: `theme:${theme.id}` }]);
  });

  it("refuses a name already taken, whatever its case, and creates nothing", async ({ expect }) => {
    await createTheme(env.DB, officer, "Outreach");
    expect(await domainError(createTheme(env.DB, officer, "OUTREACH"))).toMatchObject({ kind: "conflict", code: "theme_exists" });
    expect(await countRows("themes")).toBe(1);
    expect(await countRows("audit_log")).toBe(1);
  });

  it("renames a theme and logs the old and new names", async ({ expect }) => {
    const theme = await createTheme(env.DB, officer, "Outreach");
    expect(await renameTheme(env.DB, officer, theme.id, "Street outreach")).toEqual({ id: theme.id, name: "Street outreach", commentCount: 0 });
    const [entry] = (await listAudit(env.DB)).entries;
    expect(entry).toMatchObject({ action: "theme.rename", target: `theme:${theme.id}`, detail: { from: "Outreach", to: "Street outreach" } });
  });

  it("lets a theme be renamed to a different case of its own name", async ({ expect }) => {
    const theme = await createTheme(env.DB, officer, "outreach");
    expect((await renameTheme(env.DB, officer, theme.id, "Outreach")).name).toBe("Outreach");
  });

  it("refuses renaming to another theme's name", async ({ expect }) => {
    await createTheme(env.DB, officer, "Health");
    const theme = await createTheme(env.DB, officer, "Money");
    expect(await domainError(renameTheme(env.DB, officer, theme.id, "health"))).toMatchObject({ kind: "conflict", code: "theme_exists" });
    expect((await listThemes(env.DB)).map((t) => t.name)).toEqual(["Health", "Money"]);
  });

  it("says a theme that does not exist was not found when renaming it", async ({ expect }) => {
    const error = await domainError(renameTheme(env.DB, officer, 4242, "Anything"));
    expect(error).toMatchObject({ kind: "not_found", messageKey: "admin.error.themeNotFound" });
  });
});

// ---- Tagging -------------------------------------------------------------------

describe("tagging comments", () => {
  it("tags a comment once and logs it once, however often it is asked", async ({ expect }) => {
    const theme = await createTheme(env.DB, officer, "Health");
    const { commentIds: [comment] } = await addResponse(env.DB, { comments: [{ text: "GP access" }] });
    await tagComment(env.DB, officer, comment!, theme.id);
    await tagComment(env.DB, officer, comment!, theme.id);
    expect(await tagsOf(comment!)).toEqual([theme.id]);
    expect((await actions()).filter((entry) => entry.action === "comment.tag")).toEqual([{ action: "comment.tag", target: `comment:${comment}` }]);
  });

  it("untags a comment, and untagging again logs nothing", async ({ expect }) => {
    const theme = await createTheme(env.DB, officer, "Health");
    const { commentIds: [comment] } = await addResponse(env.DB, { comments: [{ text: "GP access" }] });
    await tagComment(env.DB, officer, comment!, theme.id);
    await untagComment(env.DB, officer, comment!, theme.id);
    await untagComment(env.DB, officer, comment!, theme.id);
    expect(await tagsOf(comment!)).toEqual([]);
    expect((await actions()).filter((entry) => entry.action === "comment.untag")).toHaveLength(1);
  });

  it("says which of the comment or the theme was not found, and tags nothing", async ({ expect }) => {
    const theme = await createTheme(env.DB, officer, "Health");
    const { commentIds: [comment] } = await addResponse(env.DB, { comments: [{ text: "GP access" }] });
    expect(await domainError(tagComment(env.DB, officer, comment! + 1000, theme.id))).toMatchObject({
      kind: "not_found",
      messageKey: "admin.error.commentNotFound",
    });
    expect(await domainError(tagComment(env.DB, officer, comment!, theme.id + 1000))).toMatchObject({
      kind: "not_found",
      messageKey: "admin.error.themeNotFound",
    });
    expect(await countRows("comment_themes")).toBe(0);
  });

  it("sets a comment's themes to exactly those given, logging what was added and removed", async ({ expect }) => {
    const health = await createTheme(env.DB, officer, "Health");
    const money = await createTheme(env.DB, officer, "Money");
    const homes = await createTheme(env.DB, officer, "Homes");
    const { commentIds: [comment] } = await addResponse(env.DB, { comments: [{ text: "Rent and GP" }] });
    await tagComment(env.DB, officer, comment!, health.id);
    await setCommentThemes(env.DB, officer, comment!, [money.id, homes.id]);
    expect(await tagsOf(comment!)).toEqual([money.id, homes.id].sort((a, b) => a - b));
    const [entry] = (await listAudit(env.DB)).entries;
    expect(entry).toMatchObject({ action: "comment.set_themes", detail: { added: [money.id, homes.id], removed: [health.id] } });
  });

  it("changes none of a comment's themes when one of those given does not exist", async ({ expect }) => {
    const health = await createTheme(env.DB, officer, "Health");
    const { commentIds: [comment] } = await addResponse(env.DB, { comments: [{ text: "GP" }] });
    await tagComment(env.DB, officer, comment!, health.id);
    expect(await domainError(setCommentThemes(env.DB, officer, comment!, [health.id + 1000]))).toMatchObject({ kind: "not_found" });
    expect(await tagsOf(comment!)).toEqual([health.id]);
  });
});

// ---- Counting ------------------------------------------------------------------

describe("counting comments by theme and paragraph", () => {
  it("counts each theme's comments, hidden ones included, in name order", async ({ expect }) => {
    const money = await createTheme(env.DB, officer, "money");
    const health = await createTheme(env.DB, officer, "Health");
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "GP" }, { text: "Rude", status: "hidden" }] });
    for (const comment of commentIds) await tagComment(env.DB, officer, comment, health.id);
    expect(await listThemes(env.DB)).toEqual([
      { id: health.id, name: "Health", commentCount: 2 },
      { id: money.id, name: "money", commentCount: 0 },
    ]);
  });

  it("counts the comments on each paragraph in draft order, the strategy as a whole last, with the hidden ones and each theme's share", async ({ expect }) => {
    const health = await createTheme(env.DB, officer, "Health");
    const { commentIds } = await addResponse(env.DB, {
      comments: [
        { paragraph: "streets-2", text: "GP access" },
        { paragraph: "streets-2", text: "Rude", status: "hidden" },
        { paragraph: "about-1", text: "Fine" },
        { paragraph: "general", text: "Overall" },
      ],
    });
    await tagComment(env.DB, officer, commentIds[0]!, health.id);
    await tagComment(env.DB, officer, commentIds[3]!, health.id);
    const counts = await paragraphCounts(env.DB);
    expect(counts.map(({ paragraph, number, comments, hidden, themes }) => ({ paragraph, number, comments, hidden, themes }))).toEqual([
      { paragraph: "about-1", number: "1.1", comments: 1, hidden: 0, themes: {} },
      { paragraph: "streets-2", number: "3.2", comments: 2, hidden: 1, themes: { [health.id]: 1 } },
      { paragraph: "general", number: "", comments: 1, hidden: 0, themes: { [health.id]: 1 } },
    ]);
  });

  it("counts no paragraphs before anyone has commented", async ({ expect }) => {
    expect(await paragraphCounts(env.DB)).toEqual([]);
  });
});
