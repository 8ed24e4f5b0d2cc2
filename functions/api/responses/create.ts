/** POST /api/responses: one person's response, as JSON or as a plain HTML form post. */
import { bodyLimit } from "hono/body-limit";
import { z } from "zod";
import { publicEndpoint } from "../context.ts";
import { ApiError } from "../errors.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { accepts, FORM_TYPE, JSON_TYPE, validate } from "../validation.ts";
import { closedBeforeInvalid, consultationClosed, isOpenAt, submissionValidator, validSubmission } from "./submission.ts";
import { REQUEST_BYTES } from "../../limits.ts";
import { paths } from "../../paths.ts";
import { FORM_FIELDS } from "../../responses/form.ts";
import { formatReference } from "../../responses/reference.ts";
import { idempotencyKey } from "../../responses/schema.ts";
import { createResponse, replayResponse, type Receipt } from "../../responses/store.ts";
import { passesTurnstile } from "../../responses/turnstile.ts";

const tooLarge = bodyLimit({
  maxSize: REQUEST_BYTES,
  onError: () => {
    throw new ApiError(413, "too_large", "error.too_large");
  },
});

const publicReceipt = (receipt: Receipt) => ({ ...receipt, reference: formatReference(receipt.reference) });

export const postResponse = publicEndpoint.createHandlers(
  rateLimit("submit"),
  closedBeforeInvalid,
  tooLarge,
  accepts([JSON_TYPE, FORM_TYPE]),
  validate("header", z.object({ "Idempotency-Key": idempotencyKey.optional() })),
  submissionValidator,
  async (c) => {
    const { response, isForm } = validSubmission(c);
    // One instant decides: the moment the whole response is in hand is both when it is stamped and
    // when the period is checked.
    const now = new Date();
    const submission = {
      response,
      channel: "online" as const,
      // Without a key a request cannot be recognised when retried, so it stands alone.
      idempotencyKey: c.req.valid("header")["Idempotency-Key"] ?? response.idempotencyKey ?? crypto.randomUUID(),
    };
    // A retry of a stored response is answered with its receipt, open or closed, without a new check.
    let result = await replayResponse(c.env.DB, submission);
    if (!result) {
      if (!isOpenAt(c.env, now)) throw consultationClosed();
      if (!(await passesTurnstile(c.env, response.turnstileToken, c.req.raw))) {
        const field = isForm ? FORM_FIELDS.turnstile : "turnstileToken";
        throw new ApiError(422, "invalid", "error.invalid", { fields: { [field]: c.get("t")("validation.turnstile") } });
      }
      result = await createResponse(c.env.DB, { ...submission, now });
    }
    if (result.kind === "key_reused") throw new ApiError(409, "idempotency_key_reused", "error.idempotency_key_reused");

    // A browser's plain form post goes on to its confirmation page; the inline form asks for JSON.
    const wantsJson = (c.req.header("Accept") ?? "").includes("application/json");
    if (isForm && !wantsJson) return c.redirect(paths.confirmation(formatReference(result.receipt.reference)), 303);
    return c.json(publicReceipt(result.receipt), result.kind === "created" ? 201 : 200);
  },
);
