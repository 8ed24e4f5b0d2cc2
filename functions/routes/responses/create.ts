/** POST /api/responses: one person's response, as JSON or as a plain HTML form post. */
import type { Context } from "hono";
import type { AppEnv } from "../../env.ts";
import { ApiError } from "../../errors.ts";
import { sha256Hex } from "../../hash.ts";
import { parseJsonBody } from "../../json-body.ts";
import { translator } from "../../i18n/index.ts";
import { consultationStatus } from "../../consultation/period.ts";
import { formatReference } from "../../consultation/reference.ts";
import { validateResponse, type FieldErrors, type ValidResponse } from "../../consultation/response-schema.ts";
import { FORM_FIELDS, renameErrors, responseFromForm } from "../../consultation/response-form.ts";
import { currentPeriod } from "../../period.ts";
import { createResponse, type Channel, type Receipt } from "../../responses/store.ts";
import { passesTurnstile } from "../../turnstile.ts";

export const MAX_BODY_BYTES = 64 * 1024;

/** Where a form post goes once its response is stored. */
export const confirmationPath = (reference: string) => `/confirmation/${reference}`;

interface Submission {
  input: unknown;
  idempotencyKey?: string;
  turnstileToken?: string;
  isForm: boolean;
  /** API error paths as the person's form names its fields (the identity for JSON). */
  nameErrors: (fields: FieldErrors) => FieldErrors;
}

function mediaType(c: Context<AppEnv>): string {
  return (c.req.header("Content-Type") ?? "").split(";")[0]!.trim().toLowerCase();
}

/** Form posts must come from our own pages, never from another site. */
function refuseCrossSite(request: Request): void {
  const fetchSite = request.headers.get("Sec-Fetch-Site");
  const origin = request.headers.get("Origin");
  const crossSite = fetchSite === "cross-site" || fetchSite === "same-site" || (origin !== null && origin !== new URL(request.url).origin);
  if (crossSite) throw new ApiError(403, "cross_site", "error.cross_site");
}

async function readSubmission(c: Context<AppEnv>): Promise<Submission> {
  const type = mediaType(c);
  const headerKey = c.req.header("Idempotency-Key");
  if (type === "application/json") {
    const input = await parseJsonBody(c.req);
    const body = typeof input === "object" && input !== null ? (input as Record<string, unknown>) : {};
    const bodyKey = typeof body.idempotencyKey === "string" ? body.idempotencyKey : undefined;
    const token = typeof body.turnstileToken === "string" ? body.turnstileToken : undefined;
    return { input, idempotencyKey: headerKey ?? bodyKey, turnstileToken: token, isForm: false, nameErrors: (fields) => fields };
  }
  if (type === "application/x-www-form-urlencoded") {
    refuseCrossSite(c.req.raw);
    const form = await c.req.parseBody();
    if (typeof form[FORM_FIELDS.honeypot] === "string" && form[FORM_FIELDS.honeypot] !== "") {
      throw new ApiError(422, "invalid", "error.invalid", { fields: { [FORM_FIELDS.honeypot]: translator(c.get("language"))("validation.honeypot") } });
    }
    const field = (name: string) => (typeof form[name] === "string" ? (form[name] as string) : undefined);
    const { input, fieldFor } = responseFromForm(form);
    return {
      input,
      idempotencyKey: headerKey ?? field(FORM_FIELDS.idempotencyKey),
      turnstileToken: field(FORM_FIELDS.turnstile),
      isForm: true,
      nameErrors: (fields) => renameErrors(fields, fieldFor),
    };
  }
  throw new ApiError(415, "unsupported_media_type", "error.unsupported_media_type");
}

/** The content a retry must repeat exactly for the first answer to be given again. */
function contentFingerprint(response: ValidResponse, channel: Channel): Promise<string> {
  const { comments, publishConsent, respondentType, organisation } = response;
  return sha256Hex(JSON.stringify({ channel, comments, publishConsent: publishConsent ?? false, respondentType, organisation }));
}

const publicReceipt = (receipt: Receipt) => ({ ...receipt, reference: formatReference(receipt.reference) });

export async function createResponseHandler(c: Context<AppEnv>) {
  if (consultationStatus(currentPeriod(c.env)) !== "open") {
    throw new ApiError(403, "consultation_closed", "error.consultation_closed");
  }
  const submission = await readSubmission(c);
  const t = translator(c.get("language"));
  const validation = validateResponse(submission.input, t);
  if (!validation.ok) throw new ApiError(422, "invalid", "error.invalid", { fields: submission.nameErrors(validation.fields) });
  if (!(await passesTurnstile(c.env, submission.turnstileToken, c.req.raw))) {
    const field = submission.isForm ? FORM_FIELDS.turnstile : "turnstileToken";
    throw new ApiError(422, "invalid", "error.invalid", { fields: { [field]: t("validation.turnstile") } });
  }

  const channel: Channel = "online";
  // Without a key a request cannot be recognised when retried, so it stands alone.
  const idempotencyKey = submission.idempotencyKey ?? crypto.randomUUID();
  const result = await createResponse(c.env.DB, {
    response: validation.response,
    channel,
    idempotencyKeyHash: await sha256Hex(`idempotency:${idempotencyKey}`),
    contentHash: await contentFingerprint(validation.response, channel),
  });
  if (result.kind === "key_reused") throw new ApiError(409, "idempotency_key_reused", "error.idempotency_key_reused");

  if (submission.isForm) return c.redirect(confirmationPath(formatReference(result.receipt.reference)), 303);
  return c.json(publicReceipt(result.receipt), result.kind === "created" ? 201 : 200);
}
