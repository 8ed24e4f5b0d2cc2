/**
 * Reading a response from the request: JSON as the API documents it, or the
 * plain HTML form (which the inline form sends too), validated by the same
 * schema. A form's errors are named by the form's own fields.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { ApiError, asApiError } from "../errors.ts";
import { isCrossSite } from "../middleware/same-origin.ts";
import { FORM_TYPE, mediaType, readFormAsTyped, validate } from "../validation.ts";
import { consultationNow, currentPeriod } from "../../consultation/index.ts";
import { consultationClosed, kioskMayStillSend } from "../../consultation/period.ts";
import type { Translate } from "../../i18n/index.ts";
import { LIMITS } from "../../limits.ts";
import { formFieldName, responseFormSchema } from "../../responses/form.ts";
import { KIOSK_CLAIMS, responseSchema, type ValidResponse } from "../../responses/schema.ts";

/** Whether comments are taken at this instant: the one question the period answers. */
export const isOpenAt = (env: Env, instant: Date) => consultationNow(env, instant).status === "open";

/** Without a kiosk key, a response may not say who helped, when send was pressed, or which reserved reference it takes. */
export function refuseKioskClaims(response: ValidResponse, t: Translate) {
  const claimed = KIOSK_CLAIMS.filter((name) => response[name] !== undefined);
  if (claimed.length === 0) return;
  throw new ApiError(422, "invalid", "error.invalid", { fields: Object.fromEntries(claimed.map((name) => [name, t("validation.kioskOnly")])) });
}

/** Refusals of what was sent (unreadable, too large, another media type, invalid), as opposed to who sent it or when. */
const REFUSALS_OF_INPUT = [400, 413, 415, 422];

/**
 * The response's idempotency key, however it came. A header and a body field
 * that disagree are refused, not one of them chosen; both were trimmed by the
 * same rule, so the same key is the same key either way.
 */
export function submissionKey(fromHeader: string | undefined, fromBody: string | undefined, t: Translate): string | undefined {
  if (fromHeader !== undefined && fromBody !== undefined && fromHeader !== fromBody) {
    throw new ApiError(422, "invalid", "error.invalid", { fields: { idempotencyKey: t("validation.idempotencyKeyConflict") } });
  }
  return fromHeader ?? fromBody;
}

/** A kiosk may say when send was pressed, but not a time still to come (beyond a few minutes of clock drift). */
export function refuseFutureSend(response: ValidResponse, now: Date, t: Translate) {
  if (!response.pressedSendAt) return;
  if (new Date(response.pressedSendAt).getTime() <= now.getTime() + LIMITS.pressedSendAheadMinutes * 60_000) return;
  throw new ApiError(422, "invalid", "error.invalid", { fields: { pressedSendAt: t("validation.pressedSendAtFuture") } });
}

/**
 * Outside the open period, a request that cannot be read or is not valid
 * cannot be a retry of a stored response, so it is refused as closed: that is
 * what the person needs to know. (A valid retry is answered with its receipt;
 * a kiosk within its grace period is told what is wrong, since it may still send.)
 * Hono has already turned the refusal into an answer when `next` returns, so
 * it is read from `c.error`; a body too large is refused by its length, unread.
 */
export const closedBeforeInvalid = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  const refusal = asApiError(c.error);
  if (!refusal || !REFUSALS_OF_INPUT.includes(refusal.status)) return;
  const now = new Date();
  if (isOpenAt(c.env, now) || (c.get("kiosk") && kioskMayStillSend(currentPeriod(c.env), c.env, now))) return;
  throw consultationClosed();
});

const fromJson = validate("json", responseSchema);
const fromForm = validate("form", responseFormSchema, { rename: formFieldName });

export const submissionValidator = createMiddleware<AppEnv>(async (c, next) => {
  // The validators are typed for the route they stand in; here one is chosen per request.
  if (mediaType(c) !== FORM_TYPE) return fromJson(c as never, next);
  if (isCrossSite(c.req.raw)) throw new ApiError(403, "cross_site", "error.cross_site");
  return readFormAsTyped(c, () => fromForm(c as never, next));
});

/** The validated response, however it was sent, and whether it came as a form. */
export function validSubmission(c: Context<AppEnv>): { response: ValidResponse; isForm: boolean } {
  const isForm = mediaType(c) === FORM_TYPE;
  // The route's validators are chosen per request, so Hono cannot type this for us.
  const validated = c.req as unknown as { valid(target: "json" | "form"): ValidResponse };
  return { response: validated.valid(isForm ? "form" : "json"), isForm };
}
