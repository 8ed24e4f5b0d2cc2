/**
 * A person looking a response up by its reference, on any page: limited per
 * client like the API's look-ups, since each look-up says whether a reference exists.
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

export async function lookUpResponse(env: Env, request: Request, typed: string): Promise<LookUp> {
  if (await isRateLimited(env, request, "lookup")) return { kind: "limited" };
  const stored = normaliseReference(typed);
  const response = stored ? await trackResponse(env.DB, stored) : null;
  if (response) return { kind: "found", response };
  const gone = stored ? await whyGone(env.DB, env, stored) : null;
  return gone ? { kind: gone } : { kind: "not_found" };
}
