/**
 * Feedback entries as stored: one query shape for officers and the public
 * alike, with the comments each answers counted by paragraph and its quotes
 * marked as shown or not by the quoting rule.
 */
import { commentedParagraph, compareParagraphIds } from "../consultation/paragraphs.ts";
import { paths } from "../paths.ts";
import { QUOTE_IS_SHOWN } from "./quotes.ts";
import { isPublished, type FeedbackStatus, type Outcome } from "./vocabulary.ts";

export interface CommentedParagraphCount {
  paragraph: string;
  /** The number people see, such as "3.2"; empty for the strategy as a whole. */
  number: string;
  comments: number;
}

export interface FeedbackQuote {
  comment: number;
  paragraph: string;
  text: string;
  /** Whether the public sees it now: consent given, comment not hidden, words still in its text. */
  shown: boolean;
}

export interface FeedbackEntry {
  id: number;
  title: string;
  youSaid: string;
  weDid: string;
  outcome: Outcome;
  status: FeedbackStatus;
  /** The paragraphs the entry is about, as officers listed them. */
  paragraphs: string[];
  createdAt: string;
  updatedAt: string;
  publishedAt: string | null;
  /** How many comments it answers: counted, never typed; erased ones included. */
  commentCount: number;
  /** Of those, how many were erased at their authors' request since (migrations/0007). */
  erasedComments: number;
  /** The paragraphs those comments were about, in the strategy's order. */
  commentedParagraphs: CommentedParagraphCount[];
  /** Of those comments, how many each confirmed campaign among them holds: one item each, largest first. */
  campaigns: number[];
  quotes: FeedbackQuote[];
  /** Where the public reads it once published. */
  url: string;
}

interface EntryRow {
  id: number;
  title: string;
  you_said: string;
  we_did: string;
  outcome: Outcome;
  status: FeedbackStatus;
  created_at: string;
  updated_at: string;
  published_at: string | null;
  erased_comments: number;
  paragraphs: string;
  commented: string;
  quotes: string;
  campaigns: string;
}

// ---- Queries -------------------------------------------------------------

const ENTRY_COLUMNS = `
  f.id, f.title, f.you_said, f.we_did, f.outcome, f.status, f.created_at, f.updated_at, f.published_at, f.erased_comments,
  (SELECT json_group_array(paragraph_id) FROM (
     SELECT paragraph_id FROM feedback_paragraphs WHERE feedback_id = f.id ORDER BY position
  )) AS paragraphs,
  (SELECT json_group_array(json_object('paragraph', paragraph_id, 'comments', comments)) FROM (
     SELECT c.paragraph_id, count(*) AS comments FROM feedback_comments fc JOIN comments c ON c.id = fc.comment_id
     WHERE fc.feedback_id = f.id GROUP BY c.paragraph_id
  )) AS commented,
  (SELECT json_group_array(json_object('comment', comment_id, 'paragraph', paragraph_id, 'text', excerpt, 'shown', shown)) FROM (
     SELECT q.comment_id, c.paragraph_id, q.excerpt, ${QUOTE_IS_SHOWN} AS shown
     FROM feedback_quotes q JOIN comments c ON c.id = q.comment_id JOIN responses r ON r.id = c.response_id
     WHERE q.feedback_id = f.id ORDER BY q.position
  )) AS quotes,
  (SELECT json_group_array(comments) FROM (
     SELECT count(*) AS comments FROM feedback_comments fc
     JOIN comment_signatures s ON s.comment_id = fc.comment_id JOIN duplicate_groups g ON g.id = s.group_id AND g.confirmed_at IS NOT NULL
     WHERE fc.feedback_id = f.id GROUP BY g.id HAVING count(*) >= 2 ORDER BY comments DESC
  )) AS campaigns`;

function toEntry(row: EntryRow): FeedbackEntry {
  const commented = (JSON.parse(row.commented) as { paragraph: string; comments: number }[])
    .sort((a, b) => compareParagraphIds(a.paragraph, b.paragraph))
    .map(({ paragraph, comments }) => ({ paragraph, number: commentedParagraph(paragraph, 0).number, comments }));
  return {
    id: row.id,
    title: row.title,
    youSaid: row.you_said,
    weDid: row.we_did,
    outcome: row.outcome,
    status: row.status,
    paragraphs: JSON.parse(row.paragraphs) as string[],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
    publishedAt: row.published_at,
    commentCount: commented.reduce((sum, paragraph) => sum + paragraph.comments, row.erased_comments),
    erasedComments: row.erased_comments,
    commentedParagraphs: commented,
    campaigns: JSON.parse(row.campaigns) as number[],
    quotes: (JSON.parse(row.quotes) as (Omit<FeedbackQuote, "shown"> & { shown: number })[]).map((quote) => ({ ...quote, shown: quote.shown === 1 })),
    url: paths.feedbackEntry(row.id),
  };
}

export async function findFeedback(db: D1Database, id: number): Promise<FeedbackEntry | null> {
  const row = await db.prepare(`SELECT ${ENTRY_COLUMNS} FROM feedback_entries f WHERE f.id = ?`).bind(id).first<EntryRow>();
  return row ? toEntry(row) : null;
}

/** Every entry, drafts included, most recently changed first: for officers. */
export async function listFeedback(db: D1Database): Promise<FeedbackEntry[]> {
  const { results } = await db.prepare(`SELECT ${ENTRY_COLUMNS} FROM feedback_entries f ORDER BY f.updated_at DESC, f.id DESC`).all<EntryRow>();
  return results.map(toEntry);
}

/** Published entries only, oldest first: the one read behind every public view of feedback. */
export async function listPublishedFeedback(db: D1Database): Promise<FeedbackEntry[]> {
  const { results } = await db
    .prepare(`SELECT ${ENTRY_COLUMNS} FROM feedback_entries f WHERE ${isPublished("f")} ORDER BY f.published_at, f.id`)
    .all<EntryRow>();
  return results.map(toEntry);
}
