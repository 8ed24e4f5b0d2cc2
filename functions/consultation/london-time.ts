/**
 * Conversions between instants and wall-clock time in Europe/London, using
 * only Intl, so the same code runs in Node, at build time and in workerd.
 */
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

export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

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

function asUtcMillis(clock: WallClock): number {
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/**
 * The instant at which London's clocks show this wall-clock time. London is
 * either on GMT or one hour ahead (BST), so one of two candidates matches. In
 * the autumn hour that happens twice, the earlier is taken; a time skipped in
 * spring is read as GMT, which lands just after the clocks went forward.
 */
export function londonInstant(clock: WallClock): Date {
  const naive = asUtcMillis(clock);
  for (const offset of [3_600_000, 0]) {
    const candidate = new Date(naive - offset);
    if (asUtcMillis(londonWallClock(candidate)) === naive) return candidate;
  }
  return new Date(naive);
}
