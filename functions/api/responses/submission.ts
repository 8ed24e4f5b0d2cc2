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
import { FORM_TYPE, mediaType, validate } from "../validation.ts";
import { consultationNow, currentPeriod } from "../../consultation/index.ts";
import { graceDays, lateArrivalStatus } from "../../consultation/period.ts";
import type { Translate } from "../../i18n/index.ts";
import { formFieldName, responseFormSchema } from "../../responses/form.ts";
import { KIOSK_CLAIMS, responseSchema, type ValidResponse } from "../../responses/schema.ts";

export const consultationClosed = () => new ApiError(403, "consultation_closed", "error.consultation_closed");

/** Whether comments are taken at this instant: the one question the period answers. */
export const isOpenAt = (env: Env, instant: Date) => consultationNow(env, instant).status === "open";

/** The grace periods after the close, as Worker variables with their defaults in days. */
const GRACE_DEFAULTS = { KIOSK_GRACE_DAYS: 7, PAPER_GRACE_DAYS: 14 } as const;
export type GraceSetting = keyof typeof GRACE_DEFAULTS;

/** Days after the close in which something made before it is still taken. */
export const graceDaysFor = (env: Env, setting: GraceSetting) => graceDays(setting, env[setting], GRACE_DEFAULTS[setting]);

/**
 * Refuses what arrives outside the period. Something made earlier (send
 * pressed on a kiosk, a paper sheet received) is judged by when it was made,
 * and taken after the close only within its grace period.
 */
export function checkPeriod(env: Env, now: Date, made?: { at: Date; until?: Date; graceDaysSetting: GraceSetting }) {
  if (!made) {
    if (!isOpenAt(env, now)) throw consultationClosed();
    return;
  }
  const days = graceDaysFor(env, made.graceDaysSetting);
  const status = lateArrivalStatus(currentPeriod(env), { from: made.at, until: made.until ?? made.at }, now, days);
  if (status === "closed") throw consultationClosed();
  if (status === "grace_over") {
    const messageKey = made.graceDaysSetting === "KIOSK_GRACE_DAYS" ? "kiosk.error.graceOver" : "paper.error.graceOver";
    throw new ApiError(403, "grace_period_over", messageKey);
  }
}

/** Without a kiosk key, a response may not say who helped, when send was pressed, or which reserved reference it takes. */
export function refuseKioskClaims(response: ValidResponse, t: Translate) {
  const claimed = KIOSK_CLAIMS.filter((name) => response[name] !== undefined);
  if (claimed.length === 0) return;
  throw new ApiError(422, "invalid", "error.invalid", { fields: Object.fromEntries(claimed.map((name) => [name, t("validation.kioskOnly")])) });
}

/**
 * Outside the open period, a request that cannot be read or is not valid
 * cannot be a retry of a stored response, so it is refused as closed: that is
 * what the person needs to know. (A valid retry is answered with its receipt.)
 */
export const closedBeforeInvalid = createMiddleware<AppEnv>(async (c, next) => {
  try {
    await next();
  } catch (error) {
    const refusal = asApiError(error);
    if (refusal && [400, 413, 415, 422].includes(refusal.status) && !isOpenAt(c.env, new Date())) throw consultationClosed();
    throw error;
  }
});

const fromJson = validate("json", responseSchema);
const fromForm = validate("form", responseFormSchema, { rename: formFieldName });

export const submissionValidator = createMiddleware<AppEnv>(async (c, next) => {
  // The validators are typed for the route they stand in; here one is chosen per request.
  if (mediaType(c) !== FORM_TYPE) return fromJson(c as never, next);
  if (isCrossSite(c.req.raw)) throw new ApiError(403, "cross_site", "error.cross_site");
  return fromForm(c as never, next);
});

/** The validated response, however it was sent, and whether it came as a form. */
export function validSubmission(c: Context<AppEnv>): { response: ValidResponse; isForm: boolean } {
  const isForm = mediaType(c) === FORM_TYPE;
  // The route's validators are chosen per request, so Hono cannot type this for us.
  const validated = c.req as unknown as { valid(target: "json" | "form"): ValidResponse };
  return { response: validated.valid(isForm ? "form" : "json"), isForm };
}
