/** GET /api/responses/{reference}: what a person sent, and what has happened to it; 410 once erased or deleted. */
import { publicEndpoint } from "../context.ts";
import { ApiError } from "../errors.ts";
import { notFound } from "../../lib/errors.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { validate } from "../validation.ts";
import { findByReference } from "../../responses/lookup.ts";
import { formatReference, referenceInPath } from "../../responses/reference.ts";

/** A reference that cannot be ours is the same 404 as an unknown one, so nothing is revealed. */
export const trackResponse = publicEndpoint.createHandlers(
  rateLimit("lookup"),
  validate("param", referenceInPath, { notFoundMessage: "error.reference_not_found" }),
  async (c) => {
    const found = await findByReference(c.env, c.req.valid("param").reference);
    if (found.kind === "found") return c.json({ ...found.response, reference: formatReference(found.response.reference) });
    // Erased on request, or deleted when the retention period ended: said plainly, as 410.
    if (found.kind !== "not_found") throw new ApiError(410, `response_${found.kind}`, `error.response_${found.kind}`);
    throw notFound("error.reference_not_found");
  },
);
