/**
 * The consultation at a glance, for officers: responses and comments by
 * channel, by respondent type and by London day, where in the draft they
 * are, and how many are read, answered and hidden. Every figure is a GROUP BY
 * in D1, so the Worker handles a few hundred rows however many comments there are.
 */
import { londonLocalTime } from "../consultation/london-time.ts";
import { revisionSeenNow } from "../consultation/paragraphs.ts";
import type { ConsultationPeriod } from "../consultation/period.ts";
import { COMMENTS_WITH_RESPONSES } from "../responses/store.ts";
import { CHANNELS, RESPONDENT_KINDS, type Channel, type RespondentKind } from "../responses/vocabulary.ts";
import { READING_STATE } from "./reading.ts";

export interface DayCount {
  /** The London date, YYYY-MM-DD. */
  day: string;
  comments: number;
  responses: number;
}

export interface Overview {
  responses: number;
  /** Every comment, hidden ones included (and counted again in `hidden`). */
  comments: number;
  /** Comments by the channel their response came through. */
  byChannel: Record<Channel, number>;
  responsesByChannel: Record<Channel, number>;
  /** Responses a support worker helped with at a kiosk. */
  assistedResponses: number;
  /** Comments by their response's respondent type. */
  byRespondentType: Record<RespondentKind, number>;
  responsesByRespondentType: Record<RespondentKind, number>;
  /** Comments per paragraph id (`general` for the strategy as a whole). */
  byParagraph: Record<string, number>;
  /** Of those, the comments written on an earlier wording than the draft shows now. */
  onEarlierWording: Record<string, number>;
  /** Every London day from the first comment to the last (and the closing day, when near), zeros included. */
  byDay: DayCount[];
  /** Read by an officer or answered: "1,204 of 1,530 read". */
  read: number;
  unread: number;
  /** Answered by a published "You said, we did" entry. */
  answered: number;
  hidden: number;
  opensAt: string;
  closesAt: string;
}

const zeros = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** The closing day is shown on the time chart when it is within this many days of the comments. */
const CLOSING_DAY_REACH = 92;
const DAY_MS = 86_400_000;

/** The London date an instant falls on. */
export const londonDay = (isoInstant: string): string => londonLocalTime(isoInstant).slice(0, 10);

/** Every date from `first` to `last`, both YYYY-MM-DD, in order. */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let time = Date.parse(`${first}T00:00:00Z`); time <= Date.parse(`${last}T00:00:00Z`); time += DAY_MS) {
    days.push(new Date(time).toISOString().slice(0, 10));
  }
  return days;
}

/** Counts per UTC hour folded into London days (London's offset is always whole hours), gaps filled with zeros. */
function dayCounts(hours: { hour: string; comments: number; responses: number }[], closingDay: string): DayCount[] {
  const byDay = new Map<string, DayCount>();
  for (const { hour, comments, responses } of hours) {
    const day = londonDay(`${hour}:00:00Z`);
    const count = byDay.get(day) ?? { day, comments: 0, responses: 0 };
    count.comments += comments;
    count.responses += responses;
    byDay.set(day, count);
  }
  if (byDay.size === 0) return [];
  const known = [...byDay.keys()].sort();
  let [first, last] = [known[0]!, known.at(-1)!];
  const reach = (day: string, from: string) => Math.abs(Date.parse(day) - Date.parse(from)) / DAY_MS <= CLOSING_DAY_REACH;
  if (closingDay > last && reach(closingDay, last)) last = closingDay;
  if (closingDay < first && reach(closingDay, first)) first = closingDay;
  return daysBetween(first, last).map((day) => byDay.get(day) ?? { day, comments: 0, responses: 0 });
}

interface ResponseRow { channel: Channel; respondent_type: RespondentKind; responses: number; assisted: number }
interface CommentRow { channel: Channel; respondent_type: RespondentKind; comments: number; hidden: number; unread: number; answered: number }
interface ParagraphRow { paragraph_id: string; paragraph_revision: number; comments: number }

export async function overview(db: D1Database, period: ConsultationPeriod): Promise<Overview> {
  const [responseRows, commentRows, hourRows, paragraphRows] = await db.batch<Record<string, unknown>>([
    db.prepare(
      `SELECT channel, coalesce(respondent_type, 'unknown') AS respondent_type, count(*) AS responses,
              sum(assisted_organisation IS NOT NULL) AS assisted
       FROM responses GROUP BY channel, respondent_type`,
    ),
    db.prepare(
      // Each comment's reading state is worked out once, and the unread and answered counts both come from it.
      `SELECT channel, respondent_type, count(*) AS comments,
              sum(status = 'hidden') AS hidden, sum(state = 'unread') AS unread, sum(state = 'answered') AS answered
       FROM (SELECT r.channel, coalesce(r.respondent_type, 'unknown') AS respondent_type, c.status, ${READING_STATE} AS state
             FROM ${COMMENTS_WITH_RESPONSES})
       GROUP BY channel, respondent_type`,
    ),
    db.prepare(
      `SELECT substr(r.received_at, 1, 13) AS hour, count(*) AS comments, count(DISTINCT r.id) AS responses
       FROM ${COMMENTS_WITH_RESPONSES} GROUP BY hour`,
    ),
    db.prepare("SELECT paragraph_id, paragraph_revision, count(*) AS comments FROM comments GROUP BY paragraph_id, paragraph_revision"),
  ]);
  const figures: Overview = {
    responses: 0,
    comments: 0,
    byChannel: zeros(CHANNELS),
    responsesByChannel: zeros(CHANNELS),
    assistedResponses: 0,
    byRespondentType: zeros(RESPONDENT_KINDS),
    responsesByRespondentType: zeros(RESPONDENT_KINDS),
    byParagraph: {},
    onEarlierWording: {},
    byDay: dayCounts(hourRows!.results as { hour: string; comments: number; responses: number }[], londonDay(period.closesAt.toISOString())),
    read: 0,
    unread: 0,
    answered: 0,
    hidden: 0,
    opensAt: period.opensAt.toISOString(),
    closesAt: period.closesAt.toISOString(),
  };
  for (const row of responseRows!.results as unknown as ResponseRow[]) {
    figures.responses += row.responses;
    figures.responsesByChannel[row.channel] += row.responses;
    figures.responsesByRespondentType[row.respondent_type] += row.responses;
    figures.assistedResponses += row.assisted;
  }
  for (const row of commentRows!.results as unknown as CommentRow[]) {
    figures.comments += row.comments;
    figures.byChannel[row.channel] += row.comments;
    figures.byRespondentType[row.respondent_type] += row.comments;
    figures.hidden += row.hidden;
    figures.unread += row.unread;
    figures.answered += row.answered;
  }
  figures.read = figures.comments - figures.unread;
  for (const row of paragraphRows!.results as unknown as ParagraphRow[]) {
    figures.byParagraph[row.paragraph_id] = (figures.byParagraph[row.paragraph_id] ?? 0) + row.comments;
    if (row.paragraph_revision < revisionSeenNow(row.paragraph_id)) {
      figures.onEarlierWording[row.paragraph_id] = (figures.onEarlierWording[row.paragraph_id] ?? 0) + row.comments;
    }
  }
  return figures;
}
