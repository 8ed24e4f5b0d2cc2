/**
 * A date as people write it on a paper form or type it in: "2026-12-04",
 * "4/12/2026", "4/12/26", "4 Dec", "4 December 2026". Day before month, as
 * in the UK. Without a year, the latest such day that is not after today.
 */
import { londonWallClock, parseLondonDate } from "../consultation/london-time.ts";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];

/** A month by its English name, whole or shortened to three letters ("Sept" too). */
const monthOf = (word: string) => MONTHS.findIndex((name) => word === name || word === name.slice(0, 3) || (name === "september" && word === "sept"));

const pad = (value: number) => String(value).padStart(2, "0");

/** The date as YYYY-MM-DD if it names a real day, or undefined. */
export function readWrittenDate(written: string, today: Date = new Date()): string | undefined {
  const text = written.trim().toLowerCase().replace(/\s+/g, " ");
  let day: number, month: number, year: number | undefined;
  let match: RegExpExecArray | null;
  if ((match = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text))) [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  else if ((match = /^(\d{1,2})[/.-](\d{1,2})(?:[/.-](\d{2}|\d{4}))?$/.exec(text))) {
    [day, month] = [Number(match[1]), Number(match[2])];
    year = match[3] === undefined ? undefined : Number(match[3].length === 2 ? `20${match[3]}` : match[3]);
  } else if ((match = /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]+)\.?(?: (\d{4}))?$/.exec(text))) {
    const index = monthOf(match[2]!);
    if (index < 0) return undefined;
    [day, month, year] = [Number(match[1]), index + 1, match[3] === undefined ? undefined : Number(match[3])];
  } else return undefined;
  const on = (candidateYear: number) => `${candidateYear}-${pad(month)}-${pad(day)}`;
  if (year === undefined) {
    const now = londonWallClock(today);
    const thisYear = on(now.year);
    year = thisYear <= `${now.year}-${pad(now.month)}-${pad(now.day)}` ? now.year : now.year - 1;
  }
  const date = on(year);
  return parseLondonDate(date, "start") === undefined ? undefined : date;
}
