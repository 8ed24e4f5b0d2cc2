/**
 * "2026-11-22 12:00:00": an instant as London's clocks showed it, in a form
 * spreadsheets read as a date and time. The offset is worked out once per
 * UTC hour (London changes offset only on the hour), so 100,000 rows cost
 * a few hundred Intl calls rather than 100,000.
 */
import { londonWallClock } from "../consultation/london-time.ts";

const HOUR = 3_600_000;
const offsetByHour = new Map<number, number>();

function londonOffset(millis: number): number {
  const hour = Math.floor(millis / HOUR);
  let offset = offsetByHour.get(hour);
  if (offset === undefined) {
    const clock = londonWallClock(new Date(hour * HOUR));
    offset = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second) - hour * HOUR;
    if (offsetByHour.size > 10_000) offsetByHour.clear();
    offsetByHour.set(hour, offset);
  }
  return offset;
}

export function londonLocalTime(isoInstant: string): string {
  const millis = Date.parse(isoInstant);
  if (Number.isNaN(millis)) return "";
  return new Date(millis + londonOffset(millis)).toISOString().slice(0, 19).replace("T", " ");
}
