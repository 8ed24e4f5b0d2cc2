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
  contact: z.strictObject({
    email: z.email(),
    phone: z.string().trim().min(1),
    address: z.string().trim().min(1),
  }),
});

export interface ConsultationSettings extends Omit<z.infer<typeof settingsSchema>, "opensAt" | "closesAt"> {
  /** The period as the content sets it, before any OPENS_AT/CLOSES_AT override. */
  period: ConsultationPeriod;
}

export function parseSettings(file: string, text: string): ConsultationSettings {
  const { opensAt, closesAt, ...rest } = parseJsonContent(file, text, settingsSchema);
  const period = { opensAt: parseLondonDate(opensAt, "start")!, closesAt: parseLondonDate(closesAt, "end")! };
  if (period.closesAt <= period.opensAt) {
    throw new ContentError(file, ["closesAt: must be after opensAt"]);
  }
  return { ...rest, period };
}
