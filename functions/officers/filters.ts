/**
 * The filters officers use to narrow comments, shared by the comment list,
 * the export and the officer pages, and the SQL they become.
 */
import { blankAsMissing } from "../lib/blank.ts";
import { z } from "zod";
import { draft } from "../consultation/index.ts";
import { isCalendarDay } from "../consultation/calendar.ts";
import { parseLondonDate } from "../consultation/london-time.ts";
import { isWellFormedParagraphId, GENERAL } from "../consultation/paragraph-id.ts";
import type { MessageKey } from "../i18n/index.ts";
import { LIMITS } from "../limits.ts";
import { recordId } from "../lib/ids.ts";
import { normaliseReference } from "../responses/reference.ts";
import { CHANNELS, COMMENT_STATUSES, RESPONDENT_KINDS } from "../responses/vocabulary.ts";
import { COMMENT_IS_ANSWERED, READING_STATES, readingCondition, UNREAD_BY_OFFICER } from "./reading.ts";
import { ASSIGNED_OFFICER } from "./assignments.ts";
import { ME } from "./team.ts";

/** An officer's name, or "me" for the officer asking. */
const officerFilter = z.string().trim().min(1).max(LIMITS.officerNameLength);
/** Comments assigned to nobody. */
export const NOBODY = "nobody";

/** A London day, read by the same rule as the consultation's own dates: "2026-02-30" is refused. */
const londonDay = z.string().refine(isCalendarDay);
const optional = <T extends z.ZodType>(schema: T) => z.preprocess(blankAsMissing, schema.optional());

export const commentFiltersSchema = z.object({
  section: optional(z.string().refine((slug) => draft.sections.some((section) => section.slug === slug))),
  paragraph: optional(z.string().refine((id) => id === GENERAL || isWellFormedParagraphId(id))),
  channel: optional(z.enum(CHANNELS)),
  status: optional(z.enum(COMMENT_STATUSES)),
  theme: optional(recordId),
  from: optional(londonDay),
  to: optional(londonDay),
  consent: optional(z.enum(["yes", "no"])),
  // Typed the way people copy it; one that cannot be a reference simply matches nothing.
  reference: optional(
    z
      .string()
      .max(LIMITS.referenceFilterLength)
      .transform((ref) => normaliseReference(ref) ?? ref.toUpperCase().replace(/[\s-]/g, "")),
  ),
  q: optional(z.string().max(LIMITS.searchLength)),
  /** Whether a published feedback entry answers the comment yet. */
  answered: optional(z.enum(["yes", "no"])),
  /** Comments one feedback entry answers. */
  feedback: optional(recordId),
  /** Unread, read, or answered by a published feedback entry. */
  reading: optional(z.enum(READING_STATES)),
  /** The response's respondent type, or "unknown" when the person did not say. */
  respondent: optional(z.enum(RESPONDENT_KINDS)),
  /** Comments assigned (by themselves or their paragraph) to this officer, "me", or "nobody". */
  assigned: optional(officerFilter),
  /** Comments this officer ("me", or a name) has not read yet. */
  unreadBy: optional(officerFilter),
}).refine((filters) => !filters.from || !filters.to || filters.from <= filters.to, {
  // A range that ends before it starts would quietly find nothing; say so next to "to".
  path: ["to"],
  error: "admin.error.filter.dateOrder",
});

/** The message shown next to a filter that is not valid. */
export const FILTER_MESSAGES: Record<keyof z.input<typeof commentFiltersSchema>, MessageKey> = {
  section: "admin.error.filter.section",
  paragraph: "admin.error.filter.paragraph",
  channel: "admin.error.filter.channel",
  status: "admin.error.filter.status",
  theme: "admin.error.filter.theme",
  from: "admin.error.filter.date",
  to: "admin.error.filter.date",
  consent: "admin.error.filter.consent",
  reference: "admin.error.filter.reference",
  q: "admin.error.filter.q",
  answered: "admin.error.filter.answered",
  feedback: "admin.error.filter.feedback",
  reading: "admin.error.filter.reading",
  respondent: "admin.error.filter.respondent",
  assigned: "admin.error.filter.officer",
  unreadBy: "admin.error.filter.officer",
};

export type CommentFilters = z.infer<typeof commentFiltersSchema>;

/**
 * An FTS5 query for what an officer typed: each word as a quoted prefix
 * term, all of them required. Operators and punctuation are never passed on.
 */
export function searchExpression(typed: string): string | undefined {
  const words = typed.normalize("NFC").match(/[\p{L}\p{N}]+/gu) ?? [];
  if (words.length === 0) return undefined;
  return words.slice(0, 20).map((word) => `"${word}"*`).join(" ");
}

export interface SqlCondition {
  sql: string;
  params: unknown[];
}

/** "WHERE a AND b" and its parameters, or nothing when there are no conditions. */
export function whereClause(conditions: SqlCondition[]): SqlCondition {
  if (conditions.length === 0) return { sql: "", params: [] };
  return { sql: `WHERE ${conditions.map((c) => c.sql).join(" AND ")}`, params: conditions.flatMap((c) => c.params) };
}

/** The filters with "me" replaced by the asking officer's name, as every place that takes filters from an officer does first. */
export function asSeenBy<Filters extends CommentFilters>(filters: Filters, officer: string): Filters {
  const named = (name: string | undefined) => (name === ME ? officer : name);
  return { ...filters, assigned: named(filters.assigned), unreadBy: named(filters.unreadBy) };
}

/**
 * The WHERE conditions for the filters, over `comments c JOIN responses r`.
 * Hidden comments are left out unless includeHidden.
 */
export function filterConditions(filters: CommentFilters, options: { includeHidden: boolean }): SqlCondition[] {
  const conditions: SqlCondition[] = [];
  if (!options.includeHidden) conditions.push({ sql: "c.status <> 'hidden'", params: [] });
  if (filters.section) {
    const ids = draft.sections.find((section) => section.slug === filters.section)!.paragraphs.map((p) => p.id);
    conditions.push({ sql: "c.paragraph_id IN (SELECT value FROM json_each(?))", params: [JSON.stringify(ids)] });
  }
  if (filters.paragraph) conditions.push({ sql: "c.paragraph_id = ?", params: [filters.paragraph] });
  if (filters.channel) conditions.push({ sql: "r.channel = ?", params: [filters.channel] });
  if (filters.status) conditions.push({ sql: "c.status = ?", params: [filters.status] });
  if (filters.theme) {
    conditions.push({ sql: "EXISTS (SELECT 1 FROM comment_themes ct WHERE ct.comment_id = c.id AND ct.theme_id = ?)", params: [filters.theme] });
  }
  if (filters.from) conditions.push({ sql: "r.received_at >= ?", params: [parseLondonDate(filters.from, "start")!.toISOString()] });
  if (filters.to) {
    // Up to and including the last second of that London day. Stored times are ISO strings, compared
    // as text, so a day after year 9999 (written "+010000-…") would sort first: then there is no bound.
    const afterDay = new Date(parseLondonDate(filters.to, "end")!.getTime() + 1000);
    if (afterDay.getUTCFullYear() <= 9999) conditions.push({ sql: "r.received_at < ?", params: [afterDay.toISOString()] });
  }
  if (filters.consent) conditions.push({ sql: "r.publish_consent = ?", params: [filters.consent === "yes" ? 1 : 0] });
  if (filters.reference) conditions.push({ sql: "r.reference = ?", params: [filters.reference] });
  const search = filters.q ? searchExpression(filters.q) : undefined;
  if (search) {
    conditions.push({ sql: "c.id IN (SELECT rowid FROM comments_search WHERE comments_search MATCH ?)", params: [search] });
  }
  if (filters.answered) {
    conditions.push({ sql: filters.answered === "yes" ? COMMENT_IS_ANSWERED : `NOT ${COMMENT_IS_ANSWERED}`, params: [] });
  }
  if (filters.feedback) {
    conditions.push({ sql: "EXISTS (SELECT 1 FROM feedback_comments fc WHERE fc.comment_id = c.id AND fc.feedback_id = ?)", params: [filters.feedback] });
  }
  if (filters.respondent) {
    conditions.push(filters.respondent === "unknown" ? { sql: "r.respondent_type IS NULL", params: [] } : { sql: "r.respondent_type = ?", params: [filters.respondent] });
  }
  if (filters.reading) conditions.push({ sql: readingCondition(filters.reading), params: [] });
  if (filters.assigned === NOBODY) conditions.push({ sql: `${ASSIGNED_OFFICER} IS NULL`, params: [] });
  else if (filters.assigned) conditions.push({ sql: `${ASSIGNED_OFFICER} = ?`, params: [filters.assigned] });
  if (filters.unreadBy) conditions.push({ sql: UNREAD_BY_OFFICER, params: [filters.unreadBy] });
  return conditions;
}

/** The filters as a query string, for "next page" links and the export button. */
export function filtersQuery(filters: CommentFilters): URLSearchParams {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(filters)) if (value !== undefined && value !== "") query.set(name, String(value));
  return query;
}
