/** POST /api/responses: one person's response, as JSON or as a plain HTML form post. */
import { z } from "zod";
import { publicEndpoint } from "../context.ts";
import { ApiError } from "../errors.ts";
import { responseSizeLimit } from "../middleware/body-limit.ts";
import { identifyKiosk } from "../middleware/kiosk.ts";
import { rateLimit } from "../middleware/rate-limit.ts";
import { accepts, FORM_TYPE, JSON_TYPE, validate } from "../validation.ts";
import { closedBeforeInvalid, refuseFutureSend, refuseKioskClaims, submissionKey, submissionValidator, validSubmission } from "./submission.ts";
import { pathsIn } from "../../paths.ts";
import { checkPeriod } from "../../consultation/period.ts";
import { currentPeriod } from "../../consultation/index.ts";
import { confirmationCookie } from "../../responses/confirmation.ts";
import { FORM_FIELDS } from "../../responses/form.ts";
import { formatReference } from "../../responses/reference.ts";
import { idempotencyKeyHeader } from "../../responses/schema.ts";
import { wasIssued } from "../../responses/issued.ts";
import { createResponse, type CreateResult, type Receipt } from "../../responses/store.ts";
import { passesTurnstile } from "../../responses/turnstile.ts";

const publicReceipt = (receipt: Receipt) => ({ ...receipt, reference: formatReference(receipt.reference) });

const referenceNotReserved = () => new ApiError(409, "reference_not_reserved", "kiosk.error.referenceNotReserved");

/** Refuses a result that stored nothing and has no receipt to give again. */
export function assertReceipt(result: CreateResult): asserts result is Extract<CreateResult, { receipt: Receipt }> {
  if (result.kind === "key_reused") throw new ApiError(409, "idempotency_key_reused", "error.idempotency_key_reused");
  if (result.kind === "reference_taken") throw referenceNotReserved();
}

export const postResponse = publicEndpoint.createHandlers(
  identifyKiosk,
  rateLimit("submit"),
  closedBeforeInvalid,
  responseSizeLimit,
  accepts([JSON_TYPE, FORM_TYPE]),
  validate("header", z.object({ "Idempotency-Key": idempotencyKeyHeader.optional() })),
  submissionValidator,
  async (c) => {
    const { response, isForm } = validSubmission(c);
    const kiosk = c.get("kiosk");
    // Who helped, when send was pressed, a reserved reference: believed only from a kiosk.
    if (!kiosk) refuseKioskClaims(response, c.get("t"));
    // One instant decides: the moment the whole response is in hand is when it is stamped and, unless a
    // kiosk says when send was pressed, when the period is checked.
    const now = new Date();
    refuseFutureSend(response, now, c.get("t"));
    const submission = {
      response,
      channel: kiosk ? ("kiosk" as const) : ("online" as const),
      kioskId: kiosk?.id,
      // Without a key a request cannot be recognised when retried, so it stands alone.
      idempotencyKey: submissionKey(c.req.valid("header")["Idempotency-Key"], response.idempotencyKey, c.get("t")) ?? crypto.randomUUID(),
    };
    // A retry of a stored response is answered with its receipt, open or closed, without these checks.
    const checkNew = async () => {
      checkPeriod(currentPeriod(c.env), c.env, now, response.pressedSendAt ? { at: new Date(response.pressedSendAt), graceDaysSetting: "KIOSK_GRACE_DAYS" } : undefined);
      if (response.reference && !(await wasIssued(c.env.DB, response.reference, "kiosk", kiosk!.id))) throw referenceNotReserved();
      // A kiosk is a known device: the check that a person is there is for the open web.
      if (!kiosk && !(await passesTurnstile(c.env, response.turnstileToken, c.req.raw))) {
        const field = isForm ? FORM_FIELDS.turnstile : "turnstileToken";
        throw new ApiError(422, "invalid", "error.invalid", { fields: { [field]: c.get("t")("validation.turnstile") } });
      }
    };
    const result = await createResponse(c.env.DB, { ...submission, now, checkNew });
    assertReceipt(result);

    // A browser's plain form post goes on to its confirmation page, in the person's language, the reference in a cookie, not the address; the inline form asks for JSON.
    const wantsJson = (c.req.header("Accept") ?? "").includes("application/json");
    if (isForm && !wantsJson) {
      const language = c.get("language");
      const confirmation = c.redirect(pathsIn(language).confirmation, 303);
      confirmation.headers.append("Set-Cookie", confirmationCookie(formatReference(result.receipt.reference), language));
      return confirmation;
    }
    return c.json(publicReceipt(result.receipt), result.kind === "created" ? 201 : 200);
  },
);
