/**
 * The consultation report for councillors: what was consulted on and when,
 * how people took part, the themes with short quotes, and what changed. The
 * figures are the overview's; quotes follow the one quoting rule
 * (feedback/quotes.ts): only comments whose authors agreed, never hidden
 * ones, in their stored (redacted) words.
 */
import { z } from "zod";
import { draft, settings } from "../consultation/index.ts";
import { commentedParagraph } from "../consultation/paragraphs.ts";
import type { ConsultationPeriod } from "../consultation/period.ts";
import { BYTE_ORDER_MARK, csvRecord } from "../export/csv.ts";
import { countByOutcome, publishedEntries } from "../feedback/public.ts";
import { COMMENT_IS_PUBLIC, quoteProblem } from "../feedback/quotes.ts";
import type { Outcome } from "../feedback/vocabulary.ts";
import { LIMITS } from "../limits.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import { confirmedCampaigns, IS_LATER_IN_A_CAMPAIGN, type Campaign } from "../duplicates/campaigns.ts";
import { overview, type Overview } from "./overview.ts";
import { listThemes } from "./themes.ts";

export interface ReportQuote {
  comment: number;
  paragraph: string;
  /** "3.2"; empty for the strategy as a whole. */
  number: string;
  text: string;
}

export interface ReportTheme {
  id: number;
  name: string;
  comments: number;
  quotes: ReportQuote[];
}

export interface ConsultationReport {
  consultation: { title: string; organisation: string; opensAt: string; closesAt: string; sections: number; paragraphs: number };
  participation: Omit<Overview, "byParagraph" | "onEarlierWording" | "byDay" | "opensAt" | "closesAt">;
  themes: ReportTheme[];
  /** Confirmed campaigns, each one item with how many people sent it. */
  campaigns: Campaign[];
  outcomes: { counts: Record<Outcome, number>; entries: { id: number; title: string; outcome: Outcome; commentCount: number; url: string }[] };
  generatedAt: string;
}

export const REPORT_FORMATS = ["json", "csv"] as const;
export const reportQuerySchema = z.object({
  format: z.preprocess((value) => value || undefined, z.enum(REPORT_FORMATS).default("json")),
});

interface QuoteRow {
  theme_id: number;
  id: number;
  paragraph_id: string;
  text: string;
  status: "received" | "hidden";
  publish_consent: number;
}

/** Up to LIMITS.quotesPerFeedback short quotes per theme, the earliest comments that may be quoted whole; a campaign is quoted once. */
async function themeQuotes(db: D1Database): Promise<Map<number, ReportQuote[]>> {
  const { results } = await db
    .prepare(
      `SELECT theme_id, id, paragraph_id, text, status, publish_consent FROM (
         SELECT ct.theme_id, c.id, c.paragraph_id, c.text, c.status, r.publish_consent,
                row_number() OVER (PARTITION BY ct.theme_id ORDER BY c.id) AS place
         FROM ${COMMENTS_WITH_RESPONSES} JOIN comment_themes ct ON ct.comment_id = c.id
         WHERE ${COMMENT_IS_PUBLIC} AND length(c.text) <= ? AND NOT ${IS_LATER_IN_A_CAMPAIGN}
       ) WHERE place <= ? ORDER BY theme_id, id`,
    )
    .bind(LIMITS.quoteLength, LIMITS.quotesPerFeedback)
    .all<QuoteRow>();
  const quotes = new Map<number, ReportQuote[]>();
  for (const row of results) {
    const comment = { id: row.id, text: row.text, status: row.status, publishConsent: row.publish_consent === 1 };
    if (quoteProblem(comment, row.text)) continue;
    const list = quotes.get(row.theme_id) ?? [];
    list.push({ comment: row.id, paragraph: row.paragraph_id, number: commentedParagraph(row.paragraph_id, 0).number, text: row.text });
    quotes.set(row.theme_id, list);
  }
  return quotes;
}

export async function consultationReport(db: D1Database, period: ConsultationPeriod): Promise<ConsultationReport> {
  const [figures, themes, quotes, entries, campaigns] = await Promise.all([
    overview(db, period),
    listThemes(db),
    themeQuotes(db),
    publishedEntries(db),
    confirmedCampaigns(db),
  ]);
  const { byParagraph: _p, onEarlierWording: _w, byDay: _d, opensAt, closesAt, ...participation } = figures;
  return {
    consultation: { title: settings.title, organisation: settings.organisation, opensAt, closesAt, sections: draft.sections.length, paragraphs: draft.paragraphs.size },
    participation,
    themes: themes
      .sort((a, b) => b.commentCount - a.commentCount || a.name.localeCompare(b.name))
      .map((theme) => ({ id: theme.id, name: theme.name, comments: theme.commentCount, quotes: quotes.get(theme.id) ?? [] })),
    campaigns,
    outcomes: {
      counts: countByOutcome(entries),
      entries: entries.map(({ id, title, outcome, commentCount, url }) => ({ id, title, outcome, commentCount, url })),
    },
    generatedAt: new Date().toISOString(),
  };
}

type CsvRow = [group: string, name: string, value: string | number];
const figuresOf = (group: string, counts: Record<string, number>): CsvRow[] => Object.entries(counts).map(([name, count]) => [group, name, count]);

/** The report's figures as CSV, one figure a row: `group,name,value` (UTF-8 with a byte order mark, RFC 4180, formula-like cells neutralised). */
export function reportCsv(report: ConsultationReport): string {
  const { consultation, participation: p } = report;
  const rows: CsvRow[] = [
    ["consultation", "title", consultation.title],
    ["consultation", "opensAt", consultation.opensAt],
    ["consultation", "closesAt", consultation.closesAt],
    ...figuresOf("participation", { responses: p.responses, comments: p.comments, assistedResponses: p.assistedResponses, read: p.read, unread: p.unread, answered: p.answered, hidden: p.hidden }),
    ...figuresOf("responsesByChannel", p.responsesByChannel),
    ...figuresOf("commentsByChannel", p.byChannel),
    ...figuresOf("responsesByRespondentType", p.responsesByRespondentType),
    ...figuresOf("commentsByRespondentType", p.byRespondentType),
    ...report.themes.map((theme): CsvRow => ["theme", theme.name, theme.comments]),
    ...report.campaigns.map((campaign): CsvRow => ["campaign", String(campaign.id), campaign.size]),
    ...figuresOf("feedbackOutcome", report.outcomes.counts),
  ];
  return BYTE_ORDER_MARK + csvRecord(["group", "name", "value"]) + rows.map((row) => csvRecord(row)).join("");
}

export const reportFilename = (format: string) => `${settings.slug}-consultation-report.${format}`;
