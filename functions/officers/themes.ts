/** Themes officers group comments into, and how many comments each has. */
import { requiredText } from "../lib/text-fields.ts";
import { commentNotFound, themeNotFound } from "./not-found.ts";
import { z } from "zod";
import type { Officer } from "./auth/officer.ts";
import { conflict, invalid } from "../lib/errors.ts";
import { auditStatement } from "./audit.ts";
import { commentedParagraph, compareParagraphIds } from "../consultation/paragraphs.ts";
import { LIMITS } from "../limits.ts";
import { recordId } from "../lib/ids.ts";

export const themeNameSchema = z.object({
  name: requiredText(LIMITS.themeNameLength, "admin.error.themeName"),
});

export const commentThemesSchema = z.object({
  themeIds: z
    .array(recordId, { error: "admin.error.themeIds" })
    .max(LIMITS.themesPerComment, { error: "admin.error.themeIds" }),
});

export interface Theme {
  id: number;
  name: string;
  /** Comments tagged with the theme, hidden ones included. */
  commentCount: number;
}

export async function listThemes(db: D1Database): Promise<Theme[]> {
  const { results } = await db
    .prepare(
      `SELECT t.id, t.name, count(ct.comment_id) AS commentCount
       FROM themes t LEFT JOIN comment_themes ct ON ct.theme_id = t.id
       GROUP BY t.id ORDER BY t.name COLLATE NOCASE`,
    )
    .all<Theme>();
  return results;
}

async function findTheme(db: D1Database, id: number): Promise<{ id: number; name: string } | null> {
  return db.prepare("SELECT id, name FROM themes WHERE id = ?").bind(id).first();
}

async function nameTaken(db: D1Database, name: string, exceptId = 0): Promise<boolean> {
  return (await db.prepare("SELECT 1 FROM themes WHERE name = ? AND id <> ?").bind(name, exceptId).first()) !== null;
}

export async function createTheme(db: D1Database, officer: Officer, name: string): Promise<Theme> {
  if (await nameTaken(db, name)) throw conflict("theme_exists", "admin.error.themeExists");
  const now = new Date().toISOString();
  const [created] = await db.batch<{ id: number }>([
    db.prepare("INSERT INTO themes (name, created_at) VALUES (?, ?) RETURNING id").bind(name, now),
    auditStatement(db, officer, "theme.create", "theme:", { name }, { targetInserted: "themes" }),
  ]);
  const id = created!.results[0]!.id;
  return { id, name, commentCount: 0 };
}

export async function renameTheme(db: D1Database, officer: Officer, id: number, name: string): Promise<Theme> {
  const theme = await findTheme(db, id);
  if (!theme) throw themeNotFound();
  if (await nameTaken(db, name, id)) throw conflict("theme_exists", "admin.error.themeExists");
  await db.batch([
    db.prepare("UPDATE themes SET name = ? WHERE id = ?").bind(name, id),
    auditStatement(db, officer, "theme.rename", `theme:${id}`, { from: theme.name, to: name }),
  ]);
  return (await listThemes(db)).find((t) => t.id === id)!;
}

async function requireCommentAndTheme(db: D1Database, commentId: number, themeId: number) {
  const [comment, theme] = await Promise.all([
    db.prepare("SELECT id FROM comments WHERE id = ?").bind(commentId).first(),
    findTheme(db, themeId),
  ]);
  if (!comment) throw commentNotFound();
  if (!theme) throw themeNotFound();
  return theme;
}

/** Tags a comment with a theme; tagging twice changes nothing and logs nothing. */
export async function tagComment(db: D1Database, officer: Officer, commentId: number, themeId: number): Promise<void> {
  const theme = await requireCommentAndTheme(db, commentId, themeId);
  await db.batch([
    db.prepare("INSERT INTO comment_themes (comment_id, theme_id) VALUES (?, ?) ON CONFLICT DO NOTHING").bind(commentId, themeId),
    auditStatement(db, officer, "comment.tag", `comment:${commentId}`, { themeId: theme.id, theme: theme.name }, { onlyIfChanged: true }),
  ]);
}

export async function untagComment(db: D1Database, officer: Officer, commentId: number, themeId: number): Promise<void> {
  const theme = await requireCommentAndTheme(db, commentId, themeId);
  await db.batch([
    db.prepare("DELETE FROM comment_themes WHERE comment_id = ? AND theme_id = ?").bind(commentId, themeId),
    auditStatement(db, officer, "comment.untag", `comment:${commentId}`, { themeId: theme.id, theme: theme.name }, { onlyIfChanged: true }),
  ]);
}

/**
 * Sets a comment's themes to exactly these: all or nothing, in one batch,
 * with one audit entry naming what was added and removed.
 */
export async function setCommentThemes(db: D1Database, officer: Officer, commentId: number, themeIds: number[]): Promise<void> {
  const wanted = [...new Set(themeIds)];
  const [comment, current, known] = await db.batch<Record<string, unknown>>([
    db.prepare("SELECT id FROM comments WHERE id = ?").bind(commentId),
    db.prepare("SELECT theme_id FROM comment_themes WHERE comment_id = ?").bind(commentId),
    db.prepare("SELECT id, name FROM themes WHERE id IN (SELECT value FROM json_each(?))").bind(JSON.stringify(wanted)),
  ]);
  if (comment!.results.length === 0) throw commentNotFound();
  if (known!.results.length !== wanted.length) throw themeNotFound();
  const before = new Set((current!.results as { theme_id: number }[]).map((row) => row.theme_id));
  const added = wanted.filter((id) => !before.has(id));
  const removed = [...before].filter((id) => !wanted.includes(id));
  if (added.length === 0 && removed.length === 0) return;
  const ids = JSON.stringify(wanted);
  await db.batch([
    db.prepare("DELETE FROM comment_themes WHERE comment_id = ? AND theme_id NOT IN (SELECT value FROM json_each(?))").bind(commentId, ids),
    db.prepare("INSERT INTO comment_themes (comment_id, theme_id) SELECT ?, value FROM json_each(?) WHERE true ON CONFLICT DO NOTHING").bind(commentId, ids),
    auditStatement(db, officer, "comment.set_themes", `comment:${commentId}`, {
      themes: (known!.results as { id: number; name: string }[]).map((theme) => theme.name),
      added,
      removed,
    }),
  ]);
}

export interface ParagraphCount {
  paragraph: string;
  number: string;
  sectionTitle: string;
  comments: number;
  hidden: number;
  /** Comments on this paragraph per theme id. */
  themes: Record<string, number>;
}

/** How many comments each paragraph has, in draft order, with a count per theme. */
export async function paragraphCounts(db: D1Database): Promise<ParagraphCount[]> {
  const [totals, byTheme] = await db.batch<Record<string, unknown>>([
    db.prepare(
      `SELECT paragraph_id, count(*) AS comments, sum(status = 'hidden') AS hidden
       FROM comments GROUP BY paragraph_id`,
    ),
    db.prepare(
      `SELECT c.paragraph_id, ct.theme_id, count(*) AS comments
       FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id GROUP BY c.paragraph_id, ct.theme_id`,
    ),
  ]);
  const counts = new Map<string, ParagraphCount>();
  for (const row of totals!.results as { paragraph_id: string; comments: number; hidden: number }[]) {
    const paragraph = commentedParagraph(row.paragraph_id, 0);
    counts.set(row.paragraph_id, {
      paragraph: row.paragraph_id,
      number: paragraph.number,
      sectionTitle: paragraph.sectionTitle,
      comments: row.comments,
      hidden: row.hidden,
      themes: {},
    });
  }
  for (const row of byTheme!.results as { paragraph_id: string; theme_id: number; comments: number }[]) {
    counts.get(row.paragraph_id)!.themes[String(row.theme_id)] = row.comments;
  }
  return [...counts.values()].sort((a, b) => compareParagraphIds(a.paragraph, b.paragraph));
}

// ---- Removing a theme ----------------------------------------------------

/** `{into}`: the theme to merge into (its comments are re-tagged with it). */
export const themeMergeSchema = z.strictObject({ into: recordId }, { error: "admin.error.themeInto" });

/**
 * Deletes the theme. Its comments are re-tagged with `into` when given (a
 * merge: comments already tagged with both keep one tag), untagged
 * otherwise. One batch, with one audit entry naming the comments it moved.
 */
export async function removeTheme(db: D1Database, officer: Officer, id: number, into?: number): Promise<{ into: Theme | null; comments: number }> {
  const [theme, target] = await Promise.all([findTheme(db, id), into === undefined ? null : findTheme(db, into)]);
  if (!theme) throw themeNotFound();
  if (into !== undefined && (!target || into === id)) throw invalid({ into: "admin.error.themeInto" });
  const { results } = await db.prepare("SELECT comment_id FROM comment_themes WHERE theme_id = ? ORDER BY comment_id").bind(id).all<{ comment_id: number }>();
  const comments = results.map((row) => row.comment_id);
  await db.batch([
    ...(target ? [db.prepare("INSERT INTO comment_themes (comment_id, theme_id) SELECT comment_id, ? FROM comment_themes WHERE theme_id = ? ON CONFLICT DO NOTHING").bind(target.id, id)] : []),
    db.prepare("DELETE FROM comment_themes WHERE theme_id = ?").bind(id),
    db.prepare("DELETE FROM themes WHERE id = ?").bind(id),
    target
      ? auditStatement(db, officer, "theme.merge", `theme:${id}`, { name: theme.name, intoId: target.id, into: target.name, comments })
      : auditStatement(db, officer, "theme.delete", `theme:${id}`, { name: theme.name, comments }),
  ]);
  return { into: target ? (await listThemes(db)).find((t) => t.id === target.id)! : null, comments: comments.length };
}
