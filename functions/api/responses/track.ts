/** GET /api/responses/{reference}: what a person sent, and what has happened to it; 410 once erased or deleted. */
import { z } from "zod";
import { publicEndpoint } from "../context.ts";
import { ApiError } from "../errors.ts";
import { notFound } from "../../lib/errors.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { validate } from "../validation.ts";
import { trackResponse as findTracked } from "../../feedback/tracking.ts";
import { whyGone } from "../../privacy/erasure.ts";
import { formatReference, referenceInPath } from "../../responses/reference.ts";

/** A reference as people type it; one that cannot be ours is the same 404 as an unknown one, so nothing is revealed. */

export const trackResponse = publicEndpoint.createHandlers(
  rateLimit("lookup"),
  validate("param", referenceInPath, { notFoundMessage: "error.reference_not_found" }),
  async (c) => {
    const { reference } = c.req.valid("param");
    const response = await findTracked(c.env.DB, reference);
    if (!response) {
      // Erased on request, or deleted when the retention period ended: said plainly, as 410.
      const gone = await whyGone(c.env.DB, c.env, reference);
      if (gone) throw new ApiError(410, `response_${gone}`, `error.response_${gone}`);
      throw notFound("error.reference_not_found");
    }
    return c.json({ ...response, reference: formatReference(response.reference) });
  },
);
