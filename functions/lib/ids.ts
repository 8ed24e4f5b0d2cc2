/** Row ids and page cursors as clients send them: in a path, a query, a form or JSON. */
import { blankAsMissing } from "./blank.ts";
import { z } from "zod";

/** A positive whole number, given as a number or as its digits. */
export const recordId = z
  .union([z.number(), z.string().regex(/^\d{1,15}$/).transform(Number)])
  .pipe(z.number().int().positive().max(Number.MAX_SAFE_INTEGER));

/** The cursor a list gave for its next page (the last id it showed); blank means the first page. */
export const cursor = z.preprocess(blankAsMissing, recordId.optional());
