/**
 * A person looking a response up by its reference, on any page: limited per
 * client like the API's look-ups, since each look-up says whether a reference exists.
 */
import { isRateLimited } from "../lib/rate-limit.ts";
import { normaliseReference } from "./reference.ts";
import { trackResponse, type TrackedResponseWithFeedback } from "../feedback/tracking.ts";

export type LookUp = { kind: "found"; response: TrackedResponseWithFeedback } | { kind: "not_found" } | { kind: "limited" };

export async function lookUpResponse(env: Env, request: Request, typed: string): Promise<LookUp> {
  if (await isRateLimited(env, request, "lookup")) return { kind: "limited" };
  const stored = normaliseReference(typed);
  const response = stored ? await trackResponse(env.DB, stored) : null;
  return response ? { kind: "found", response } : { kind: "not_found" };
}
