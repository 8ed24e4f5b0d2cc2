/** The consultation's settings (content/consultation.json), validated once. */
import { z } from "zod";
import { ContentError, parseJsonContent } from "./content-error.ts";
import { parseLondonDate } from "./london-time.ts";
import type { ConsultationPeriod } from "./period.ts";

const londonDate = z
  .string()
  .refine((value) => parseLondonDate(value, "start") !== undefined, {
    message: 'must be a London date "YYYY-MM-DD" or date and time "YYYY-MM-DDTHH:MM" that exists',
  });

const settingsSchema = z.strictObject({
  title: z.string().trim().min(1),
  slug: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "must be lowercase letters, digits and single hyphens"),
  organisation: z.string().trim().min(1),
  language: z.string().regex(/^[a-z]{2}$/, "must be a two-letter language code"),
  opensAt: londonDate,
  closesAt: londonDate,
  /** When the council publishes the outcome ("You said, we did", the final strategy and what changed): a London date or date and time after the close. */
  resultsPublishedAt: londonDate.optional(),
  contact: z.strictObject({
    email: z.email(),
    phone: z.string().trim().min(1),
    address: z.string().trim().min(1),
  }),
});

export interface ConsultationSettings extends Omit<z.infer<typeof settingsSchema>, "opensAt" | "closesAt" | "resultsPublishedAt"> {
  /** The period as the content sets it, before any OPENS_AT/CLOSES_AT override. */
  period: ConsultationPeriod;
  /** The first instant the outcome is public, before any RESULTS_PUBLISHED_AT override; none until the council sets one. */
  resultsPublishedAt?: Date;
}

export function parseSettings(file: string, text: string): ConsultationSettings {
  const { opensAt, closesAt, resultsPublishedAt, ...rest } = parseJsonContent(file, text, settingsSchema);
  const period = { opensAt: parseLondonDate(opensAt, "start")!, closesAt: parseLondonDate(closesAt, "end")! };
  if (period.closesAt <= period.opensAt) {
    throw new ContentError(file, ["closesAt: must be after opensAt"]);
  }
  const published = resultsPublishedAt === undefined ? undefined : parseLondonDate(resultsPublishedAt, "start")!;
  if (published && published <= period.closesAt) {
    throw new ContentError(file, ["resultsPublishedAt: must be after closesAt: the outcome is never published while comments are taken"]);
  }
  return { ...rest, period, ...(published && { resultsPublishedAt: published }) };
}
