/**
 * The one rule for when the consultation takes comments. Pages and the API
 * both ask `consultationStatus`; nothing else compares dates.
 */
import { givenSetting } from "../lib/blank.ts";
import { refused } from "../lib/errors.ts";
import { parseInstant } from "./calendar.ts";
import { closedFrom as closedFromInstant, statusAt } from "../../public/period-rules.js";

export type ConsultationStatus = "not_open" | "open" | "closed";

export interface ConsultationPeriod {
  /** The first instant comments are accepted. */
  opensAt: Date;
  /** The last second in which comments are accepted (inclusive). */
  closesAt: Date;
}

/** Overrides for the content's dates, from the Worker's variables. */
export interface PeriodOverrides {
  OPENS_AT?: string;
  CLOSES_AT?: string;
}

/** OPENS_AT or CLOSES_AT is set wrongly; the message says what to change. */
export class PeriodOverrideError extends Error {
  override readonly name = "PeriodOverrideError";
}

/** Where each date comes from, in the words an operator would look for. */
const SOURCE = {
  OPENS_AT: { setting: "OPENS_AT", content: "opensAt in content/consultation.json" },
  CLOSES_AT: { setting: "CLOSES_AT", content: "closesAt in content/consultation.json" },
} as const;

/** An example of a closed period to preview, both instants in the past. */
const CLOSED_PREVIEW = "OPENS_AT=2020-01-01T00:00:00Z CLOSES_AT=2020-02-01T00:00:00Z";

/** Applies OPENS_AT/CLOSES_AT to the content's period; a malformed or impossible override is an error, not ignored. */
export function applyOverrides(period: ConsultationPeriod, overrides: PeriodOverrides): ConsultationPeriod {
  const given = (name: keyof PeriodOverrides) => givenSetting(overrides[name]);
  const read = (name: keyof PeriodOverrides, fallback: Date): Date => {
    const raw = given(name);
    if (!raw) return fallback;
    const instant = parseInstant(raw);
    if (!instant) {
      throw new PeriodOverrideError(
        `${name} must be an ISO 8601 instant with an offset, such as 2026-12-18T23:59:59+00:00; got "${raw}". ` +
          `Correct it, or leave it empty to use ${SOURCE[name].content}.`,
      );
    }
    return instant;
  };
  const result = { opensAt: read("OPENS_AT", period.opensAt), closesAt: read("CLOSES_AT", period.closesAt) };
  if (result.closesAt.getTime() <= result.opensAt.getTime()) {
    const source = (name: keyof PeriodOverrides) => (given(name) ? SOURCE[name].setting : SOURCE[name].content);
    throw new PeriodOverrideError(
      `The consultation would close before it opens: it closes at ${result.closesAt.toISOString()} (${source("CLOSES_AT")}) ` +
        `but opens at ${result.opensAt.toISOString()} (${source("OPENS_AT")}). ` +
        `Set CLOSES_AT after the opening time, or set OPENS_AT before the closing time too. ` +
        `To preview the closed consultation, set both in the past, for example ${CLOSED_PREVIEW}.`,
    );
  }
  return result;
}

/** What is wrong with the period these overrides give, in words that say what to change; undefined when nothing is. */
export function periodProblem(period: ConsultationPeriod, overrides: PeriodOverrides): string | undefined {
  try {
    applyOverrides(period, overrides);
    return undefined;
  } catch (error) {
    if (error instanceof PeriodOverrideError) return error.message;
    throw error;
  }
}

/** The first instant that no longer counts as open: closesAt names the last second that still counts, so all of it is open. */
export const closedFrom = (period: ConsultationPeriod) => closedFromInstant(period.closesAt.getTime());

export function consultationStatus(period: ConsultationPeriod, now: Date = new Date()): ConsultationStatus {
  // The same rule the kiosk applies offline (public/period-rules.js).
  return statusAt(period.opensAt.getTime(), period.closesAt.getTime(), now.getTime());
}

/** What a late arrival is told: taken, made outside the period, or made in it but arrived after the grace period. */
export type LateStatus = "open" | "closed" | "grace_over";

const DAY_MS = 86_400_000;


/**
 * Something made during the period (send pressed on a kiosk, a paper sheet
 * received) may still be taken after the close, until the grace period ends.
 * `madeFrom`..`madeUntil` is when it was made (one instant, or a whole day);
 * a claim later than `now` cannot be true, so `now` caps it.
 */
export function lateArrivalStatus(
  period: ConsultationPeriod,
  made: { from: Date; until: Date },
  now: Date,
  graceDays: number,
): LateStatus {
  const from = Math.min(made.from.getTime(), now.getTime());
  const until = Math.min(made.until.getTime(), now.getTime());
  if (until < period.opensAt.getTime() || from >= closedFrom(period)) return "closed";
  if (now.getTime() >= closedFrom(period) + graceDays * DAY_MS) return "grace_over";
  return "open";
}

/** A grace period in whole days from a Worker variable; blank means the default, anything else but a whole number is an error. */
export function graceDays(name: string, raw: string | undefined, fallback: number): number {
  const value = givenSetting(raw);
  if (!value) return fallback;
  if (!/^\d{1,4}$/.test(value)) throw new PeriodOverrideError(`${name} must be a whole number of days, such as ${fallback}; got "${raw}"`);
  return Number(value);
}

// ── Grace periods ────────────────────────────────────────────────────────────

/** The grace periods after the close, as Worker variables with their defaults in days. */
export const GRACE_DEFAULTS = { KIOSK_GRACE_DAYS: 7, PAPER_GRACE_DAYS: 14 } as const;
export type GraceSetting = keyof typeof GRACE_DEFAULTS;
export type GraceSettings = Partial<Record<GraceSetting, string>>;

/** A grace period in force, in days: the setting, or its default. */
export const graceDaysFor = (settings: GraceSettings, setting: GraceSetting) => graceDays(setting, settings[setting], GRACE_DEFAULTS[setting]);

export const consultationClosed = () => refused("consultation_closed", "error.consultation_closed");

/** Something made during the period (send pressed on a kiosk, a paper sheet received), and the grace period that applies to it. */
export interface MadeEarlier {
  at: Date;
  /** The end of the time it was made in (the whole London day a sheet was received). */
  until?: Date;
  graceDaysSetting: GraceSetting;
}

/**
 * Refuses what arrives outside the period. Something made earlier is judged
 * by when it was made, and taken after the close only within its grace period.
 */
export function checkPeriod(period: ConsultationPeriod, settings: GraceSettings, now: Date, made?: MadeEarlier): void {
  if (!made) {
    if (consultationStatus(period, now) !== "open") throw consultationClosed();
    return;
  }
  const status = lateArrivalStatus(period, { from: made.at, until: made.until ?? made.at }, now, graceDaysFor(settings, made.graceDaysSetting));
  if (status === "closed") throw consultationClosed();
  if (status === "grace_over") {
    throw refused("grace_period_over", made.graceDaysSetting === "KIOSK_GRACE_DAYS" ? "kiosk.error.graceOver" : "paper.error.graceOver");
  }
}

/** Whether a kiosk may still send a response pressed before the close: from the opening until its grace period ends. */
export function kioskMayStillSend(period: ConsultationPeriod, settings: GraceSettings, now: Date): boolean {
  return lateArrivalStatus(period, { from: period.closesAt, until: period.closesAt }, now, graceDaysFor(settings, "KIOSK_GRACE_DAYS")) === "open";
}
