/**
 * London time, the consultation's only clock: reading dates as authors and
 * officers write them, and showing instants to people and spreadsheets.
 * Only Intl is used, so the same code runs in Node, at build time and in workerd.
 */
import type { Translate } from "../i18n/index.ts";
import { existsOnCalendar, utcMillis, type WallClock } from "./calendar.ts";
import { remembered } from "../lib/remembered.ts";

export const TIMEZONE = "Europe/London";

const partsFormat = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIMEZONE,
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
});

/** The wall-clock time in London at an instant. */
export function londonWallClock(instant: Date): WallClock {
  const parts: Record<string, number> = {};
  for (const part of partsFormat.formatToParts(instant)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year!,
    month: parts.month!,
    day: parts.day!,
    hour: parts.hour!,
    minute: parts.minute!,
    second: parts.second!,
  };
}

/**
 * The instant at which London's clocks show this wall-clock time. London is
 * either on GMT or one hour ahead (BST), so one of two candidates matches. In
 * the autumn hour that happens twice, the earlier is taken; a time skipped in
 * spring is read as GMT, which lands just after the clocks went forward.
 */
export function londonInstant(clock: WallClock): Date {
  const naive = utcMillis(clock);
  for (const offset of [3_600_000, 0]) {
    const candidate = new Date(naive - offset);
    if (utcMillis(londonWallClock(candidate)) === naive) return candidate;
  }
  return new Date(naive);
}

const LOCAL_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const LOCAL_DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/**
 * Reads a date as the content gives it, in London time: a date alone
 * ("2026-12-18") means the start of that day when opening and its last
 * second when closing; a date and time ("2026-12-18T17:00") means that
 * minute. Returns undefined for anything else, including impossible dates.
 */
export function parseLondonDate(value: string, edge: "start" | "end"): Date | undefined {
  const date = LOCAL_DATE.exec(value);
  const dateTime = LOCAL_DATE_TIME.exec(value);
  const fields = (date ?? dateTime)?.slice(1).map((n) => (n === undefined ? 0 : Number(n)));
  if (!fields) return undefined;
  const [year, month, day] = fields as [number, number, number];
  const wholeDay = Boolean(date);
  const clock = {
    year,
    month,
    day,
    hour: wholeDay ? (edge === "end" ? 23 : 0) : fields[3]!,
    minute: wholeDay ? (edge === "end" ? 59 : 0) : fields[4]!,
    second: wholeDay ? (edge === "end" ? 59 : 0) : (fields[5] ?? 0),
  };
  return existsOnCalendar(clock) ? londonInstant(clock) : undefined;
}

const HOUR = 3_600_000;
const offsetByHour = new Map<number, number>();

/** London's offset from UTC at an instant, worked out once per UTC hour (London changes offset only on the hour). */
function londonOffset(millis: number): number {
  const hour = Math.floor(millis / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    offset = utcMillis(londonWallClock(new Date(hour * HOUR))) - hour * HOUR;
    if (offsetByHour.size > 10_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

/**
 * "2026-11-22 12:00:00": an instant as London's clocks showed it, in a form
 * spreadsheets read as a date and time. Cheap enough for 100,000 export rows.
 */
export function londonLocalTime(isoInstant: string): string {
  const millis = Date.parse(isoInstant);
  if (Number.isNaN(millis)) return "";
  return new Date(millis + londonOffset(millis)).toISOString().slice(0, 19).replace("T", " ");
}

/** One London formatter per language and set of parts: making one costs far more than using it. */
const londonFormatter = remembered(
  (locale: string, options: Intl.DateTimeFormatOptions) => new Intl.DateTimeFormat(locale, { timeZone: TIMEZONE, ...options }),
  (locale, options) => `${locale} ${JSON.stringify(options)}`,
);

/** A formatter of an instant's London parts in the reader's language. */
function londonParts(instant: Date, t: Translate) {
  return (options: Intl.DateTimeFormatOptions) => {
    const found = londonFormatter(t("format.locale"), options).formatToParts(instant);
    return (type: Intl.DateTimeFormatPartTypes) => found.find((part) => part.type === type)?.value ?? "";
  };
}

/** "Friday 18 December 2026": the London day of an instant, for a day that has no time (a paper form received, results published). */
export function formatLondonDate(instant: Date, t: Translate): string {
  const date = londonParts(instant, t)({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
  return t("format.date", { weekday: date("weekday"), day: date("day"), month: date("month"), year: date("year") });
}

/** "11:59pm on Friday 18 December 2026": an instant as people read it, in London time and the reader's language. */
export function formatLondonDateTime(instant: Date, t: Translate): string {
  const parts = londonParts(instant, t);
  const date = parts({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const clock = parts({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const hour24 = Number(clock("hour"));
  // Each language's "format.time" uses whichever of these it needs.
  const time = t("format.time", {
    hour12: hour24 % 12 === 0 ? 12 : hour24 % 12,
    hour24: String(hour24).padStart(2, "0"),
    minute: clock("minute"),
    dayPeriod: hour24 < 12 ? t("format.am") : t("format.pm"),
  });
  return t("format.dateTime", {
    time,
    date: t("format.date", { weekday: date("weekday"), day: date("day"), month: date("month"), year: date("year") }),
  });
}
