/** Themes officers group comments into, and how many comments each has. */
import type { Officer } from "../auth/officer.ts";
import { ApiError } from "../errors.ts";
import { auditStatement } from "./audit.ts";
import { commentedParagraph } from "./paragraphs.ts";

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
  if (await nameTaken(db, name)) throw new ApiError(409, "theme_exists", "admin.error.themeExists");
  const now = new Date().toISOString();
  const [created] = await db.batch<{ id: number }>([
    db.prepare("INSERT INTO themes (name, created_at) VALUES (?, ?) RETURNING id").bind(name, now),
    // In the same batch, last_insert_rowid() is the new theme's id.
    db
      .prepare("INSERT INTO audit_log (at, officer, action, target, detail) VALUES (?, ?, 'theme.create', 'theme:' || last_insert_rowid(), ?)")
      .bind(now, officer.name, JSON.stringify({ name })),
  ]);
  const id = created!.results[0]!.id;
  return { id, name, commentCount: 0 };
}

export async function renameTheme(db: D1Database, officer: Officer, id: number, name: string): Promise<Theme> {
  const theme = await findTheme(db, id);
  if (!theme) throw new ApiError(404, "not_found", "admin.error.themeNotFound");
  if (await nameTaken(db, name, id)) throw new ApiError(409, "theme_exists", "admin.error.themeExists");
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
  if (!comment) throw new ApiError(404, "not_found", "admin.error.commentNotFound");
  if (!theme) throw new ApiError(404, "not_found", "admin.error.themeNotFound");
  return theme;
}

/** An audit entry written only if the statement just before it in the batch changed a row. */
function auditIfChanged(db: D1Database, officer: Officer, action: "comment.tag" | "comment.untag", commentId: number, theme: { id: number; name: string }) {
  return db
    .prepare("INSERT INTO audit_log (at, officer, action, target, detail) SELECT ?, ?, ?, ?, ? WHERE changes() > 0")
    .bind(new Date().toISOString(), officer.name, action, `comment:${commentId}`, JSON.stringify({ themeId: theme.id, theme: theme.name }));
}

/** Tags a comment with a theme; tagging twice changes nothing and logs nothing. */
export async function tagComment(db: D1Database, officer: Officer, commentId: number, themeId: number): Promise<void> {
  const theme = await requireCommentAndTheme(db, commentId, themeId);
  await db.batch([
    db.prepare("INSERT INTO comment_themes (comment_id, theme_id) VALUES (?, ?) ON CONFLICT DO NOTHING").bind(commentId, themeId),
    auditIfChanged(db, officer, "comment.tag", commentId, theme),
  ]);
}

export async function untagComment(db: D1Database, officer: Officer, commentId: number, themeId: number): Promise<void> {
  const theme = await requireCommentAndTheme(db, commentId, themeId);
  await db.batch([
    db.prepare("DELETE FROM comment_themes WHERE comment_id = ? AND theme_id = ?").bind(commentId, themeId),
    auditIfChanged(db, officer, "comment.untag", commentId, theme),
  ]);
}

/** Sets a comment's themes to exactly these, tagging and untagging as needed. */
export async function setCommentThemes(db: D1Database, officer: Officer, commentId: number, themeIds: number[]): Promise<void> {
  const { results } = await db.prepare("SELECT theme_id FROM comment_themes WHERE comment_id = ?").bind(commentId).all<{ theme_id: number }>();
  const current = new Set(results.map((row) => row.theme_id));
  const wanted = new Set(themeIds);
  for (const id of wanted) if (!current.has(id)) await tagComment(db, officer, commentId, id);
  for (const id of current) if (!wanted.has(id)) await untagComment(db, officer, commentId, id);
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
  const order = (number: string) => (number ? number.split(".").map(Number) : [Infinity]);
  return [...counts.values()].sort((a, b) => {
    const [x, y] = [order(a.number), order(b.number)];
    return x[0]! - y[0]! || (x[1] ?? 0) - (y[1] ?? 0) || a.paragraph.localeCompare(b.paragraph);
  });
}
