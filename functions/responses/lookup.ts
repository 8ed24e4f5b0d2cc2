/**
 * Looking a response up by its reference: the one rule for /track and
 * GET /api/responses/{reference}. Each look-up says whether a reference
 * exists, so both limit it per client (the API by its middleware).
 */
import { isRateLimited } from "../lib/rate-limit.ts";
import { normaliseReference } from "./reference.ts";
import { whyGone } from "../privacy/erasure.ts";
import { trackResponse, type TrackedResponseWithFeedback } from "../feedback/tracking.ts";

export type LookUp =
  | { kind: "found"; response: TrackedResponseWithFeedback }
  | { kind: "not_found" }
  /** Erased at its author's request, or deleted when the retention period ended. */
  | { kind: "erased" | "deleted" }
  | { kind: "limited" };

/** A reference in its stored form: found, never given, or gone (erased, or deleted after the retention period). */
export async function findByReference(env: Env, stored: string): Promise<Exclude<LookUp, { kind: "limited" }>> {
  const response = await trackResponse(env.DB, stored);
  if (response) return { kind: "found", response };
  const gone = await whyGone(env.DB, env, stored);
  return gone ? { kind: gone } : { kind: "not_found" };
}

/** A reference as a person typed it on a page, counted against their look-up allowance. */
export async function lookUpResponse(env: Env, request: Request, typed: string): Promise<LookUp> {
  if (await isRateLimited(env, request, "lookup")) return { kind: "limited" };
  const stored = normaliseReference(typed);
  return stored ? findByReference(env, stored) : { kind: "not_found" };
}
