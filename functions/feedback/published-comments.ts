/**
 * Published comments: once officers publish them (one setting, audited),
 * the comments whose authors agreed to be quoted can be read paragraph by
 * paragraph, as stored (redacted where redacted), never hidden ones, each
 * with the published feedback entries that answer it. Comments without
 * consent are counted, never shown.
 */
import { z } from "zod";
import { notFound } from "../lib/errors.ts";
import { draft } from "../consultation/index.ts";
import { GENERAL } from "../consultation/paragraph-id.ts";
import type { Officer } from "../officers/auth/officer.ts";
import { auditStatement } from "../officers/audit.ts";
import { paths } from "../paths.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import type { FeedbackLink } from "./public.ts";
import { COMMENT_IS_PUBLIC } from "./quotes.ts";
import { isPublished, type Outcome } from "./vocabulary.ts";

export interface Publication {
  responsesPublished: boolean;
  /** When that last changed (UTC), or null if it never has. */
  changedAt: string | null;
}

export async function publication(db: D1Database): Promise<Publication> {
  const row = await db.prepare("SELECT responses_published, changed_at FROM publication WHERE id = 1").first<{ responses_published: number; changed_at: string | null }>();
  return { responsesPublished: row?.responses_published === 1, changedAt: row?.changed_at ?? null };
}

/** Publishes the comments, or stops publishing them; the change and its audit entry in one batch, nothing logged if nothing changed. */
export async function setResponsesPublished(db: D1Database, officer: Officer, published: boolean): Promise<Publication> {
  await db.batch([
    db.prepare("UPDATE publication SET responses_published = ?, changed_at = ? WHERE id = 1 AND responses_published <> ?").bind(published ? 1 : 0, new Date().toISOString(), published ? 1 : 0),
    auditStatement(db, officer, "publication.change", "publication:responses", { responsesPublished: published }, { onlyIfChanged: true }),
  ]);
  return publication(db);
}

export interface PublishedComment {
  text: string;
  feedback: FeedbackLink[];
}

export interface PublishedParagraph {
  paragraph: string;
  comments: PublishedComment[];
  /** Comments on it whose authors did not agree to be quoted (hidden ones are not counted). */
  more: number;
}

/** The published comments on these paragraphs, in the order given; a 404 until officers publish them. */
export async function publishedComments(db: D1Database, paragraphIds: string[]): Promise<PublishedParagraph[]> {
  if (!(await publication(db)).responsesPublished) throw notFound("error.not_published", "not_published");
  const ids = JSON.stringify(paragraphIds);
  const [shown, counted] = await db.batch<Record<string, unknown>>([
    db
      .prepare(
        `SELECT c.paragraph_id, c.text,
           (SELECT json_group_array(json_object('id', f.id, 'title', f.title, 'outcome', f.outcome)) FROM (
              SELECT f.id, f.title, f.outcome FROM feedback_comments fc JOIN feedback_entries f ON f.id = fc.feedback_id
              WHERE fc.comment_id = c.id AND ${isPublished("f")} ORDER BY f.published_at, f.id
           ) AS f) AS feedback
         FROM ${COMMENTS_WITH_RESPONSES}
         WHERE c.paragraph_id IN (SELECT value FROM json_each(?)) AND ${COMMENT_IS_PUBLIC}
         ORDER BY c.id`,
      )
      .bind(ids),
    db
      .prepare(
        `SELECT c.paragraph_id, count(*) AS more FROM ${COMMENTS_WITH_RESPONSES}
         WHERE c.paragraph_id IN (SELECT value FROM json_each(?)) AND c.status <> 'hidden' AND NOT ${COMMENT_IS_PUBLIC}
         GROUP BY c.paragraph_id`,
      )
      .bind(ids),
  ]);
  const more = new Map((counted!.results as { paragraph_id: string; more: number }[]).map((row) => [row.paragraph_id, row.more]));
  const rows = shown!.results as { paragraph_id: string; text: string; feedback: string }[];
  return paragraphIds.map((paragraph) => ({
    paragraph,
    comments: rows
      .filter((row) => row.paragraph_id === paragraph)
      .map((row) => ({
        text: row.text,
        feedback: (JSON.parse(row.feedback) as { id: number; title: string; outcome: Outcome }[]).map((entry) => ({ ...entry, url: paths.feedbackEntry(entry.id) })),
      })),
    more: more.get(paragraph) ?? 0,
  }));
}

/** Comments are read by the draft's sections (what people commented on), or "general" for those on the strategy as a whole. */
export const COMMENT_SECTIONS = [...draft.sections.map((section) => section.slug), GENERAL];

export const publishedCommentsQuerySchema = z.object({ section: z.enum(COMMENT_SECTIONS) });

/** The paragraphs whose comments a section shows. */
export function paragraphsOf(section: string): string[] {
  return section === GENERAL ? [GENERAL] : draft.sections.find((candidate) => candidate.slug === section)!.paragraphs.map((paragraph) => paragraph.id);
}

/** PUT /api/admin/publication */
export const publicationSchema = z.strictObject({ responsesPublished: z.boolean({ error: "admin.error.publication" }) }, { error: "admin.error.publication" });
