/** GET /api/responses/{reference}: what a person sent, and what has happened to it. */
import type { Context } from "hono";
import type { AppEnv } from "../../env.ts";
import { ApiError } from "../../errors.ts";
import { formatReference, normaliseReference } from "../../consultation/reference.ts";
import { findResponse } from "../../responses/store.ts";

export async function trackResponseHandler(c: Context<AppEnv>) {
  const reference = normaliseReference(c.req.param("reference") ?? "");
  // A malformed reference and an unknown one get the same answer: nothing is revealed.
  const response = reference ? await findResponse(c.env.DB, reference) : null;
  if (!response) throw new ApiError(404, "not_found", "error.reference_not_found");
  return c.json({ ...response, reference: formatReference(response.reference), feedback: [] });
}
