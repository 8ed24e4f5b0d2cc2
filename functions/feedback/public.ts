/**
 * "You said, we did" as the public sees it: published entries only, grouped
 * by the sections of the strategy they are about, counted by outcome, with
 * only the quotes the quoting rule allows and nothing about anyone who commented.
 */
import { blankAsMissing } from "../lib/blank.ts";
import { z } from "zod";
import { commentedParagraph, placeOf, strategySections } from "../consultation/paragraphs.ts";
import { GENERAL } from "../consultation/paragraph-id.ts";
import type { MessageKey } from "../i18n/index.ts";
import { paths } from "../paths.ts";
import { listPublishedFeedback, type CommentedParagraphCount, type FeedbackEntry } from "./entries.ts";
import { isPublished, OUTCOMES, type Outcome } from "./vocabulary.ts";

export interface PublicParagraph {
  id: string;
  /** "3.2" in the draft (in the final version for a new paragraph), or empty for the strategy as a whole. */
  number: string;
  /** Its number in the final strategy, or empty. */
  finalNumber: string;
  /** The slug of its section, or "general". */
  section: string;
  /** Where it is in the draft, if it is there. */
  draftUrl: string | null;
  /** Where it is in the final strategy, if it is there. */
  finalUrl: string | null;
  /** What changed in it from draft to final, once there is a final strategy. */
  changesUrl: string | null;
}

export interface PublicFeedbackEntry {
  id: number;
  title: string;
  youSaid: string;
  weDid: string;
  outcome: Outcome;
  publishedAt: string;
  paragraphs: PublicParagraph[];
  commentCount: number;
  /** Of those, how many were erased at their authors' request. */
  erasedComments: number;
  /** Confirmed campaigns among the comments it answers: how many of them each holds. */
  campaigns: number[];
  commentedParagraphs: CommentedParagraphCount[];
  quotes: { text: string; paragraph: string; number: string }[];
  url: string;
}

/** The group of entries about one section, or ("general") about the strategy as a whole. */
export interface FeedbackSection {
  section: string;
  number: number | null;
  title: string | null;
  entries: PublicFeedbackEntry[];
}

export interface FeedbackLog {
  /** Published entries per outcome, for the section asked for (whatever outcome was asked for). */
  counts: Record<Outcome, number>;
  /** Entries shown, each once however many sections it appears under. */
  total: number;
  sections: FeedbackSection[];
}

/** Sections as the log groups them: the strategy's, then the strategy as a whole. */
export const FEEDBACK_SECTIONS = [...strategySections.map((section) => section.slug), GENERAL];

export const feedbackQuerySchema = z.object({
  section: z.preprocess(blankAsMissing, z.enum(FEEDBACK_SECTIONS).optional()),
  outcome: z.preprocess(blankAsMissing, z.enum(OUTCOMES).optional()),
});
export type FeedbackQuery = z.output<typeof feedbackQuerySchema>;

export const FEEDBACK_QUERY_MESSAGES: Record<keyof FeedbackQuery, MessageKey> = {
  section: "feedback.error.section",
  outcome: "feedback.error.outcome",
};

export function publicParagraph(id: string): PublicParagraph {
  const { section, draftSection, draftNumber, finalNumber, compared } = placeOf(id);
  return {
    id,
    number: draftNumber || finalNumber,
    finalNumber,
    section: section?.slug ?? GENERAL,
    draftUrl: draftSection ? paths.paragraph(draftSection, id) : null,
    finalUrl: section && finalNumber ? paths.finalParagraph(section.slug, id) : null,
    changesUrl: section && compared ? paths.paragraphChanges(section.slug, id) : null,
  };
}

/** An entry as the public may see it: never a draft, never a quote the quoting rule forbids, never a comment's id. */
export function publicEntry(entry: FeedbackEntry): PublicFeedbackEntry {
  if (entry.status !== "published" || !entry.publishedAt) throw new Error(`feedback entry ${entry.id} is not published`);
  return publicView(entry, entry.publishedAt);
}

/** How an entry, draft or not, would look published now: for officers' preview. */
export function previewEntry(entry: FeedbackEntry): PublicFeedbackEntry {
  return publicView(entry, entry.publishedAt ?? new Date().toISOString());
}

function publicView(entry: FeedbackEntry, publishedAt: string): PublicFeedbackEntry {
  return {
    id: entry.id,
    title: entry.title,
    youSaid: entry.youSaid,
    weDid: entry.weDid,
    outcome: entry.outcome,
    publishedAt,
    paragraphs: entry.paragraphs.map(publicParagraph),
    commentCount: entry.commentCount,
    erasedComments: entry.erasedComments,
    campaigns: entry.campaigns,
    commentedParagraphs: entry.commentedParagraphs,
    quotes: entry.quotes
      .filter((quote) => quote.shown)
      .map((quote) => ({ text: quote.text, paragraph: quote.paragraph, number: commentedParagraph(quote.paragraph, 0).number })),
    url: entry.url,
  };
}

/** The sections an entry appears under: those of its paragraphs, or the strategy as a whole. */
export function sectionsOf(entry: PublicFeedbackEntry): string[] {
  const sections = new Set(entry.paragraphs.map((paragraph) => paragraph.section).filter((section) => section !== GENERAL));
  return sections.size > 0 ? FEEDBACK_SECTIONS.filter((slug) => sections.has(slug)) : [GENERAL];
}

export function countByOutcome(entries: { outcome: Outcome }[]): Record<Outcome, number> {
  const counts = Object.fromEntries(OUTCOMES.map((outcome) => [outcome, 0])) as Record<Outcome, number>;
  for (const entry of entries) counts[entry.outcome]++;
  return counts;
}

/** Published entries matching the query, oldest first. */
export async function publishedEntries(db: D1Database, query: FeedbackQuery = {}): Promise<PublicFeedbackEntry[]> {
  const entries = (await listPublishedFeedback(db)).map(publicEntry);
  return entries.filter((entry) => (!query.section || sectionsOf(entry).includes(query.section)) && (!query.outcome || entry.outcome === query.outcome));
}

export async function feedbackLog(db: D1Database, query: FeedbackQuery = {}): Promise<FeedbackLog> {
  const inSection = await publishedEntries(db, { section: query.section });
  const shown = inSection.filter((entry) => !query.outcome || entry.outcome === query.outcome);
  const sections = FEEDBACK_SECTIONS.filter((slug) => !query.section || slug === query.section).flatMap((slug) => {
    const entries = shown.filter((entry) => sectionsOf(entry).includes(slug));
    if (entries.length === 0) return [];
    const section = strategySections.find((candidate) => candidate.slug === slug);
    return [{ section: slug, number: section?.number ?? null, title: section?.title ?? null, entries }];
  });
  return { counts: countByOutcome(inSection), total: shown.length, sections };
}

/** A published entry as a link: where tracking and the comparison point to it. */
export interface FeedbackLink {
  id: number;
  title: string;
  outcome: Outcome;
  url: string;
}

export interface TrackedFeedback extends FeedbackLink {
  /** What people said and what the council did, in the entry's own words. */
  youSaid: string;
  weDid: string;
  /** The ids of the response's comments it answers. */
  comments: number[];
}

/** The published entries about each paragraph id (draft or final), oldest first. */
export async function feedbackByParagraph(db: D1Database): Promise<Map<string, FeedbackLink[]>> {
  const byParagraph = new Map<string, FeedbackLink[]>();
  for (const { id, title, outcome, url, paragraphs } of await listPublishedFeedback(db)) {
    for (const paragraph of paragraphs) byParagraph.set(paragraph, [...(byParagraph.get(paragraph) ?? []), { id, title, outcome, url }]);
  }
  return byParagraph;
}

/** The entries that explain a change: those about the paragraph under any of its ids, and about what replaced it. */
export function feedbackAbout(byParagraph: Map<string, FeedbackLink[]>, ids: (string | undefined)[]): FeedbackLink[] {
  const entries = new Map<number, FeedbackLink>();
  for (const id of ids) for (const entry of (id && byParagraph.get(id)) || []) entries.set(entry.id, entry);
  return [...entries.values()];
}

/** The published entries that answer any comment of one response, oldest first. */
export async function feedbackForResponse(db: D1Database, reference: string): Promise<TrackedFeedback[]> {
  const { results } = await db
    .prepare(
      `SELECT f.id, f.title, f.you_said AS youSaid, f.we_did AS weDid, f.outcome, json_group_array(c.id) AS comments
       FROM comments c JOIN responses r ON r.id = c.response_id
       JOIN feedback_comments fc ON fc.comment_id = c.id JOIN feedback_entries f ON f.id = fc.feedback_id
       WHERE r.reference = ? AND ${isPublished("f")}
       GROUP BY f.id ORDER BY f.published_at, f.id`,
    )
    .bind(reference)
    .all<{ id: number; title: string; youSaid: string; weDid: string; outcome: Outcome; comments: string }>();
  return results.map((row) => ({ ...row, url: paths.feedbackEntry(row.id), comments: JSON.parse(row.comments) as number[] }));
}
