/**
 * Publishing the outcome as one act: "You said, we did" leads, and the final
 * strategy and what changed from the draft become public, from one instant
 * the council sets (resultsPublishedAt in content/consultation.json, or
 * RESULTS_PUBLISHED_AT), and never while comments are taken.
 */
import { z } from "zod";
import { consultationNow, settings } from "./index.ts";
import { PeriodOverrideError, type PeriodOverrides } from "./period.ts";
import { parseInstant } from "./calendar.ts";

/** The override, from the Worker's variables. */
export interface ResultsOverrides extends PeriodOverrides {
  RESULTS_PUBLISHED_AT?: string;
}

const overrideSchema = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : parseInstant(value) ?? null))
  .refine((instant) => instant !== null, {
    message: "RESULTS_PUBLISHED_AT must be an ISO 8601 instant with an offset, such as 2027-02-01T09:00:00+00:00",
  });

/** When the outcome is public, with RESULTS_PUBLISHED_AT applied; undefined while no date is set. A malformed override is an error, not ignored. */
export function resultsPublishedAt(overrides: ResultsOverrides): Date | undefined {
  if (overrides.RESULTS_PUBLISHED_AT === undefined) return settings.resultsPublishedAt;
  const parsed = overrideSchema.safeParse(overrides.RESULTS_PUBLISHED_AT);
  if (!parsed.success) throw new PeriodOverrideError(`${parsed.error.issues[0]!.message}; got "${overrides.RESULTS_PUBLISHED_AT}".`);
  return parsed.data ?? settings.resultsPublishedAt;
}

/** Where the outcome stands at a moment: public, or to come (on `publishesAt` when a date is set). */
export interface Results {
  published: boolean;
  publishesAt?: Date;
}

export function resultsNow(overrides: ResultsOverrides, now: Date = new Date()): Results {
  const publishesAt = resultsPublishedAt(overrides);
  // Never while comments are taken, whatever the date says: an extension of the close holds the outcome back too.
  const published = publishesAt !== undefined && now >= publishesAt && consultationNow(overrides, now).status === "closed";
  return { published, publishesAt };
}
