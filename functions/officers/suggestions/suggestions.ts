/**
 * Suggested groupings: comments on one paragraph, one section or the whole
 * consultation that talk about the same thing, proposed to officers with the
 * words that characterise each group and a few examples. Computed on request,
 * within the Worker, over at most LIMITS.commentsForSuggestions comments: those
 * not hidden, not yet tagged with any theme, with words left, oldest first.
 * An officer turns a group into a theme (a bulk tag, functions/officers/bulk.ts),
 * which takes its comments out of later suggestions, or discards it, which is
 * remembered so the same comments are not proposed again.
 */
import { z } from "zod";
import { draft } from "../../consultation/index.ts";
import { commentedParagraph } from "../../consultation/paragraphs.ts";
import { GENERAL, isWellFormedParagraphId } from "../../consultation/paragraph-id.ts";
import { sha256Hex } from "../../lib/crypto.ts";
import { invalid } from "../../lib/errors.ts";
import { recordId } from "../../lib/ids.ts";
import { blankAsMissing } from "../../lib/blank.ts";
import type { MessageKey } from "../../i18n/index.ts";
import { LIMITS } from "../../limits.ts";
import { auditStatement, type Actor } from "../audit.ts";
import { clusterComments } from "./clustering.ts";
import { commentWords } from "./words.ts";

export const SCOPES = ["whole", "section", "paragraph"] as const;

/** Where to look: the whole consultation, a section (by slug) or a paragraph (by id). */
export const suggestionScopeSchema = z
  .object({
    scope: z.preprocess(blankAsMissing, z.enum(SCOPES, { error: "admin.error.suggestions.scope" }).default("whole")),
    section: z.preprocess(blankAsMissing, z.string().optional()),
    paragraph: z.preprocess(blankAsMissing, z.string().optional()),
  })
  .superRefine((chosen, context) => {
    if (chosen.scope === "section" && !draft.sections.some((section) => section.slug === chosen.section)) {
      context.addIssue({ code: "custom", path: ["section"], message: "admin.error.filter.section" });
    }
    if (chosen.scope === "paragraph" && !(chosen.paragraph === GENERAL || (chosen.paragraph && isWellFormedParagraphId(chosen.paragraph)))) {
      context.addIssue({ code: "custom", path: ["paragraph"], message: "admin.error.filter.paragraph" });
    }
  })
  .transform((chosen): SuggestionScope =>
    chosen.scope === "section" ? { scope: "section", section: chosen.section! } : chosen.scope === "paragraph" ? { scope: "paragraph", paragraph: chosen.paragraph! } : { scope: "whole" },
  );

export type SuggestionScope = { scope: "whole" } | { scope: "section"; section: string } | { scope: "paragraph"; paragraph: string };

/** The scope as stored with a discarded grouping: "whole", "section:SLUG", "paragraph:ID". */
export const scopeKey = (chosen: SuggestionScope) =>
  chosen.scope === "whole" ? "whole" : chosen.scope === "section" ? `section:${chosen.section}` : `paragraph:${chosen.paragraph}`;

/** Discard a grouping: `{scope…, commentIds}`. */
export const discardSchema = z.object({
  commentIds: z
    .array(recordId, { error: "admin.error.suggestions.commentIds" })
    .min(2, { error: "admin.error.suggestions.commentIds" })
    .max(LIMITS.commentsForSuggestions, { error: "admin.error.suggestions.commentIds" }),
});

export interface SuggestedGrouping {
  /** Stable for the same comments: a digest of their ids. */
  id: string;
  size: number;
  terms: string[];
  examples: { id: number; text: string; paragraph: string }[];
  commentIds: number[];
}

export interface Suggestions {
  scope: SuggestionScope;
  /** Comments in scope that could be grouped (not hidden, not tagged, with words). */
  available: number;
  /** How many of them were compared: at most LIMITS.commentsForSuggestions, the oldest first. */
  considered: number;
  groupings: SuggestedGrouping[];
}

function scopeCondition(chosen: SuggestionScope): { sql: string; params: unknown[] } {
  if (chosen.scope === "paragraph") return { sql: "AND c.paragraph_id = ?", params: [chosen.paragraph] };
  if (chosen.scope === "section") {
    const ids = draft.sections.find((section) => section.slug === chosen.section)!.paragraphs.map((p) => p.id);
    return { sql: "AND c.paragraph_id IN (SELECT value FROM json_each(?))", params: [JSON.stringify(ids)] };
  }
  return { sql: "", params: [] };
}

const GROUPABLE = `c.status <> 'hidden' AND c.words_deleted_at IS NULL AND length(c.text) > 0
  AND NOT EXISTS (SELECT 1 FROM comment_themes ct WHERE ct.comment_id = c.id)`;

export const groupingId = async (commentIds: number[]) => (await sha256Hex([...commentIds].sort((a, b) => a - b).join(","))).slice(0, 16);

/** The groupings for a scope, largest first, leaving out any whose comments were all in one discarded grouping. */
export async function suggestGroupings(db: D1Database, chosen: SuggestionScope): Promise<Suggestions> {
  const where = scopeCondition(chosen);
  const [available, rows, discarded] = await db.batch<Record<string, unknown>>([
    db.prepare(`SELECT count(*) AS n FROM comments c WHERE ${GROUPABLE} ${where.sql}`).bind(...where.params),
    db
      .prepare(`SELECT c.id, c.text, c.paragraph_id FROM comments c WHERE ${GROUPABLE} ${where.sql} ORDER BY c.id LIMIT ?`)
      .bind(...where.params, LIMITS.commentsForSuggestions),
    db.prepare("SELECT comment_ids FROM discarded_groupings"),
  ]);
  const comments = rows!.results as { id: number; text: string; paragraph_id: string }[];
  const byId = new Map(comments.map((comment) => [comment.id, comment]));
  const discardedSets = (discarded!.results as { comment_ids: string }[]).map((row) => new Set(JSON.parse(row.comment_ids) as number[]));
  const clusters = clusterComments(
    comments.map((comment) => ({ id: comment.id, words: commentWords(comment.text) })).filter((comment) => comment.words.length > 0),
    { minSize: 2, terms: LIMITS.termsPerGrouping, examples: LIMITS.examplesPerGrouping },
  );
  const shown = clusters.filter((cluster) => !discardedSets.some((set) => cluster.commentIds.every((id) => set.has(id)))).slice(0, LIMITS.suggestedGroupings);
  const groupings = await Promise.all(
    shown.map(async (cluster) => ({
      id: await groupingId(cluster.commentIds),
      size: cluster.commentIds.length,
      terms: cluster.terms,
      examples: cluster.exampleIds.map((id) => {
        const comment = byId.get(id)!;
        return { id, text: comment.text, paragraph: commentedParagraph(comment.paragraph_id, 0).number || comment.paragraph_id };
      }),
      commentIds: cluster.commentIds,
    })),
  );
  return { scope: chosen, available: (available!.results[0] as { n: number }).n, considered: comments.length, groupings };
}

/** Remembers that these comments are not a grouping worth a theme, with its audit entry, in one batch. */
export async function discardGrouping(db: D1Database, officer: Actor, chosen: SuggestionScope, commentIds: number[]): Promise<{ id: string }> {
  const ids = [...new Set(commentIds)].sort((a, b) => a - b);
  const { results } = await db.prepare("SELECT id FROM comments WHERE id IN (SELECT value FROM json_each(?))").bind(JSON.stringify(ids)).all<{ id: number }>();
  const found = new Set(results.map((row) => row.id));
  const problems: Record<string, MessageKey> = {};
  commentIds.forEach((id, index) => {
    if (!found.has(id)) problems[`commentIds.${index}`] = "admin.error.commentNotFound";
  });
  if (Object.keys(problems).length > 0) throw invalid(problems);
  if (ids.length < 2) throw invalid({ commentIds: "admin.error.suggestions.commentIds" });
  const id = await groupingId(ids);
  await db.batch([
    db.prepare("INSERT INTO discarded_groupings (scope, comment_ids, discarded_at) VALUES (?, ?, ?)").bind(scopeKey(chosen), JSON.stringify(ids), new Date().toISOString()),
    auditStatement(db, officer, "grouping.discard", scopeKey(chosen), { grouping: id, comments: ids.length, commentIds: ids }),
  ]);
  return { id };
}
