/**
 * Reading a response from the request: JSON as the API documents it, or the
 * plain HTML form (which the inline form sends too), validated by the same
 * schema. A form's errors are named by the form's own fields.
 */
import type { Context } from "hono";
import { createMiddleware } from "hono/factory";
import type { AppEnv } from "../context.ts";
import { ApiError } from "../errors.ts";
import { isCrossSite } from "../middleware/same-origin.ts";
import { FORM_TYPE, mediaType, validate } from "../validation.ts";
import { consultationNow } from "../../consultation/index.ts";
import { formFieldName, responseFormSchema } from "../../responses/form.ts";
import { responseSchema, type ValidResponse } from "../../responses/schema.ts";

/** Comments are taken only while the consultation is open. */
export const requireOpen = createMiddleware<AppEnv>(async (c, next) => {
  if (consultationNow(c.env).status !== "open") throw new ApiError(403, "consultation_closed", "error.consultation_closed");
  await next();
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
