/**
 * The one rule for the dates and times people and programs send: they must
 * exist. JavaScript's Date quietly rolls "2026-02-30" over to 2 March and
 * "2026-11-31" to 1 December; every date the portal reads is checked here first.
 */

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/** The wall-clock time read as if it were UTC, in milliseconds, without rolling anything over. */
export function utcMillis(clock: WallClock): number {
  // Date.UTC reads years 0 to 99 as 1900 to 1999; setUTCFullYear takes them as they are.
  const date = new Date(0);
  date.setUTCFullYear(clock.year, clock.month - 1, clock.day);
  date.setUTCHours(clock.hour, clock.minute, clock.second, 0);
  return date.getTime();
}

/** Whether the calendar has this day and the clock this time: 30 February, 31 November and 24:00 do not exist. */
export function existsOnCalendar(clock: WallClock): boolean {
  const check = new Date(utcMillis(clock));
  return (
    check.getUTCFullYear() === clock.year &&
    check.getUTCMonth() === clock.month - 1 &&
    check.getUTCDate() === clock.day &&
    check.getUTCHours() === clock.hour &&
    check.getUTCMinutes() === clock.minute &&
    check.getUTCSeconds() === clock.second
  );
}

const CALENDAR_DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A day written YYYY-MM-DD that is on the calendar ("2026-02-30" is not). */
export function isCalendarDay(value: string): boolean {
  const match = CALENDAR_DAY.exec(value);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return existsOnCalendar({ year, month, day, hour: 0, minute: 0, second: 0 });
}

const INSTANT_WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-](\d{2}):(\d{2}))$/;

/** Reads an ISO 8601 instant that carries its offset ("2026-12-18T23:59:59Z"), if its date and time exist. */
export function parseInstant(value: string): Date | undefined {
  const match = INSTANT_WITH_OFFSET.exec(value);
  if (!match) return undefined;
  const [year, month, day, hour, minute, second = 0, offsetHours = 0, offsetMinutes = 0] = match
    .slice(1)
    .map((part) => (part === undefined ? undefined : Number(part))) as number[];
  if (!existsOnCalendar({ year: year!, month: month!, day: day!, hour: hour!, minute: minute!, second })) return undefined;
  if (offsetHours > 23 || offsetMinutes > 59) return undefined;
  const instant = new Date(value);
  return Number.isNaN(instant.getTime()) ? undefined : instant;
}
