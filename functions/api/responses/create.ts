/** POST /api/responses: one person's response, as JSON or as a plain HTML form post. */
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { publicEndpoint } from "../context.ts";
import { ApiError } from "../errors.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { accepts, FORM_TYPE, JSON_TYPE, validate } from "../validation.ts";
import { requireOpen, submissionValidator, validSubmission } from "./submission.ts";
import { LIMITS } from "../../limits.ts";
import { paths } from "../../paths.ts";
import { confirmationCookie } from "../../responses/confirmation.ts";
import { FORM_FIELDS } from "../../responses/form.ts";
import { formatReference } from "../../responses/reference.ts";
import { idempotencyKey } from "../../responses/schema.ts";
import { createResponse, type Receipt } from "../../responses/store.ts";
import { passesTurnstile } from "../../responses/turnstile.ts";

const tooLarge = bodyLimit({
  maxSize: LIMITS.requestBytes,
  onError: () => {
    throw new ApiError(413, "too_large", "error.too_large");
  },
});

const publicReceipt = (receipt: Receipt) => ({ ...receipt, reference: formatReference(receipt.reference) });

export const postResponse = publicEndpoint.createHandlers(
  rateLimit("submit"),
  tooLarge,
  requireOpen,
  accepts([JSON_TYPE, FORM_TYPE]),
  validate("header", z.object({ "Idempotency-Key": idempotencyKey.optional() })),
  submissionValidator,
  async (c) => {
    const { response, isForm } = validSubmission(c);
    if (!(await passesTurnstile(c.env, response.turnstileToken, c.req.raw))) {
      const field = isForm ? FORM_FIELDS.turnstile : "turnstileToken";
      throw new ApiError(422, "invalid", "error.invalid", { fields: { [field]: c.get("t")("validation.turnstile") } });
    }

    const result = await createResponse(c.env.DB, {
      response,
      channel: "online",
      // Without a key a request cannot be recognised when retried, so it stands alone.
      idempotencyKey: c.req.valid("header")["Idempotency-Key"] ?? response.idempotencyKey ?? crypto.randomUUID(),
    });
    if (result.kind === "key_reused") throw new ApiError(409, "idempotency_key_reused", "error.idempotency_key_reused");

    // A browser's plain form post goes on to its confirmation page, the reference in a cookie, not the address; the inline form asks for JSON.
    const wantsJson = (c.req.header("Accept") ?? "").includes("application/json");
    if (isForm && !wantsJson) {
      const confirmation = c.redirect(paths.confirmation, 303);
      confirmation.headers.append("Set-Cookie", confirmationCookie(formatReference(result.receipt.reference)));
      confirmation.headers.set("Cache-Control", "no-store");
      return confirmation;
    }
    return c.json(publicReceipt(result.receipt), result.kind === "created" ? 201 : 200);
  },
);
