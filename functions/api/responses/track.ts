/** GET /api/responses/{reference}: what a person sent, and what has happened to it. */
import { z } from "zod";
import { publicEndpoint } from "../context.ts";
import { notFound } from "../../lib/errors.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { validate } from "../validation.ts";
import { trackResponse as findTracked } from "../../feedback/tracking.ts";
import { formatReference, referenceInPath } from "../../responses/reference.ts";

/** A reference as people type it; one that cannot be ours is the same 404 as an unknown one, so nothing is revealed. */

export const trackResponse = publicEndpoint.createHandlers(
  rateLimit("lookup"),
  validate("param", referenceInPath, { notFoundMessage: "error.reference_not_found" }),
  async (c) => {
    const response = await findTracked(c.env.DB, c.req.valid("param").reference);
    if (!response) throw notFound("error.reference_not_found");
    return c.json({ ...response, reference: formatReference(response.reference) });
  },
);
