/**
 * Themes by section of the draft and over time: comments tagged with each
 * theme, counted in D1 per paragraph and per hour, then folded here into
 * sections and London weeks (a few hundred rows at most).
 */
import { draft, sectionOf } from "../consultation/index.ts";
import { GENERAL } from "../consultation/paragraph-id.ts";
import { daysBetween, londonDay } from "./overview.ts";
import { listThemes, type Theme } from "./themes.ts";

/** Comments on paragraphs the draft no longer has. */
export const RETIRED = "retired";

export interface ThemeSection {
  /** A section's slug, `general` for the strategy as a whole, or `retired`. */
  slug: string;
  /** "3"; empty for `general` and `retired`. */
  number: string;
  title: string;
}

export interface ThemeFigures {
  /** Every theme with its comments (hidden ones included, as on the themes page). */
  themes: Theme[];
  /** The draft's sections in order, then the strategy as a whole, then retired paragraphs if any were tagged. */
  sections: ThemeSection[];
  /** Theme id → section slug → comments. */
  bySection: Record<string, Record<string, number>>;
  /** The London Mondays from the first tagged comment's week to the last's. */
  weeks: string[];
  /** Theme id → week (its Monday) → comments received that week. */
  byWeek: Record<string, Record<string, number>>;
}

const sectionSlug = (paragraphId: string): string => {
  if (paragraphId === GENERAL) return GENERAL;
  const paragraph = draft.paragraphs.get(paragraphId);
  return paragraph ? sectionOf(paragraph).slug : RETIRED;
};

/** The Monday of the week a London date falls in. */
export function weekOf(day: string): string {
  const date = new Date(`${day}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() - ((date.getUTCDay() + 6) % 7));
  return date.toISOString().slice(0, 10);
}

const add = (table: Record<string, Record<string, number>>, theme: number, key: string, count: number) => {
  const row = (table[String(theme)] ??= {});
  row[key] = (row[key] ?? 0) + count;
};

export async function themeFigures(db: D1Database): Promise<ThemeFigures> {
  const [themes, [byParagraph, byHour]] = await Promise.all([
    listThemes(db),
    db.batch<Record<string, unknown>>([
      db.prepare(
        `SELECT ct.theme_id, c.paragraph_id, count(*) AS comments
         FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id GROUP BY ct.theme_id, c.paragraph_id`,
      ),
      db.prepare(
        `SELECT ct.theme_id, substr(r.received_at, 1, 13) AS hour, count(*) AS comments
         FROM comment_themes ct JOIN comments c ON c.id = ct.comment_id JOIN responses r ON r.id = c.response_id
         GROUP BY ct.theme_id, hour`,
      ),
    ]),
  ]);
  const bySection: ThemeFigures["bySection"] = {};
  for (const row of byParagraph!.results as { theme_id: number; paragraph_id: string; comments: number }[]) {
    add(bySection, row.theme_id, sectionSlug(row.paragraph_id), row.comments);
  }
  const byWeek: ThemeFigures["byWeek"] = {};
  const seenWeeks = new Set<string>();
  for (const row of byHour!.results as { theme_id: number; hour: string; comments: number }[]) {
    const week = weekOf(londonDay(`${row.hour}:00:00Z`));
    seenWeeks.add(week);
    add(byWeek, row.theme_id, week, row.comments);
  }
  const known = [...seenWeeks].sort();
  const weeks = known.length ? daysBetween(known[0]!, known.at(-1)!).filter((day) => weekOf(day) === day) : [];
  const tagged = new Set(Object.values(bySection).flatMap((row) => Object.keys(row)));
  const sections: ThemeSection[] = [
    ...draft.sections.map((section) => ({ slug: section.slug, number: String(section.number), title: section.title })),
    { slug: GENERAL, number: "", title: "" },
    ...(tagged.has(RETIRED) ? [{ slug: RETIRED, number: "", title: "" }] : []),
  ];
  return { themes, sections, bySection, weeks, byWeek };
}
