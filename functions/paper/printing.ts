/**
 * Which forms /print/ prints for whom. Anyone may print the blank form, or a
 * few forms with references (a support worker reprinting a sheet); batches,
 * issued by officers from /admin/paper/, are printed by officers. A batch is
 * a large page, so printing with references counts against the address's
 * look-up allowance, like a look-up.
 */
import { LIMITS } from "../limits.ts";
import { isRateLimited } from "../lib/rate-limit.ts";
import { checkOfficer } from "../officers/auth/officer.ts";
import { formatReference, normaliseReference } from "../responses/reference.ts";

export type FormsToPrint =
  /** References formatted as printed; none means the one blank form. */
  | { kind: "forms"; references: string[] }
  | { kind: "officers_only" }
  | { kind: "limited" };

/** The references in the address ("K7M4Q-2XD9P Z3T4W-8BXQ1"), at most one batch's worth, as printed. */
function referencesIn(typed: string): string[] {
  return typed
    .split(/[\s,]+/, LIMITS.paperBatchSize + 1)
    .map((reference) => normaliseReference(reference))
    .filter((reference): reference is string => reference !== undefined)
    .slice(0, LIMITS.paperBatchSize)
    .map(formatReference);
}

export async function formsToPrint(env: Env, request: Request, typed: string): Promise<FormsToPrint> {
  const references = referencesIn(typed);
  if (references.length === 0) return { kind: "forms", references };
  if (references.length > LIMITS.publicPrintSheets) {
    const check = await checkOfficer(request, env);
    return check.kind === "officer" ? { kind: "forms", references } : { kind: "officers_only" };
  }
  if (await isRateLimited(env, request, "lookup")) return { kind: "limited" };
  return { kind: "forms", references };
}
