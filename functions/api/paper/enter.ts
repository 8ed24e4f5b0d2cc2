/** Typing in a paper form, for officers and for support workers with a kiosk key alike. */
import { ApiError } from "../errors.ts";
import { notFound } from "../../lib/errors.ts";
import { jsonBody } from "../admin/officer-json.ts";
import { checkPeriod } from "../responses/submission.ts";
import { parseLondonDate } from "../../consultation/london-time.ts";
import type { Translate } from "../../i18n/index.ts";
import { auditStatement, type Actor } from "../../officers/audit.ts";
import { correctSheet, findSheet, paperSheetSchema, receivedDay, sheetSubmission, type PaperSheet } from "../../paper/sheets.ts";
import { wasIssued } from "../../responses/issued.ts";
import { formatReference, normaliseReference } from "../../responses/reference.ts";
import { createResponse } from "../../responses/store.ts";
import { z } from "zod";

export const sheetBody = jsonBody(paperSheetSchema);

/** A sheet's reference in a path; one that cannot be ours is the same 404 as one never typed in. */
export const sheetReferenceParam = z.object({ reference: z.string().transform(normaliseReference).pipe(z.string()) });

const fieldError = (t: Translate, field: string, key: Parameters<Translate>[0]) =>
  new ApiError(422, "invalid", "error.invalid", { fields: { [field]: t(key) } });

/** A sheet must carry a reference printed for paper, and cannot have been received after today. */
async function checkSheet(env: Env, t: Translate, sheet: PaperSheet, now: Date) {
  if (!(await wasIssued(env.DB, sheet.reference, "paper"))) throw fieldError(t, "reference", "paper.error.notIssued");
  if (parseLondonDate(sheet.receivedOn, "start")!.getTime() > now.getTime()) throw fieldError(t, "receivedOn", "paper.error.receivedOn");
}

/**
 * Stores a sheet under its own reference. The same sheet sent again with the
 * same content is answered as before; with other content it is refused,
 * pointing to what was entered, which can be corrected.
 */
export async function enterSheet(env: Env, t: Translate, sheet: PaperSheet, actor: Actor, kioskId?: number) {
  const db = env.DB;
  const now = new Date();
  await checkSheet(env, t, sheet, now);
  const submission = sheetSubmission(sheet, kioskId);
  const audit = auditStatement(db, actor, "paper.enter", `response:${formatReference(sheet.reference)}`, { receivedOn: sheet.receivedOn });
  const result = await createResponse(db, {
    ...submission,
    now,
    checkNew: () => checkPeriod(env, now, { ...receivedDay(sheet.receivedOn), graceDaysSetting: "PAPER_GRACE_DAYS" }),
    alsoRun: [audit],
  });
  if (result.kind === "key_reused" || result.kind === "reference_taken") {
    throw new ApiError(409, "sheet_already_entered", "paper.error.alreadyEntered");
  }
  const receipt = { ...result.receipt, reference: formatReference(result.receipt.reference) };
  return { receipt, status: result.kind === "created" ? (201 as const) : (200 as const) };
}

export async function showSheet(db: D1Database, reference: string) {
  const sheet = await findSheet(db, reference);
  if (!sheet) throw notFound("paper.error.notEntered");
  return sheet;
}

/** A correction: the sheet must have been typed in, and the date it was received must still be one the period allows. */
export async function correctEnteredSheet(env: Env, t: Translate, reference: string, sheet: PaperSheet, actor: Actor) {
  const now = new Date();
  if (sheet.reference !== reference) throw fieldError(t, "reference", "paper.error.reference");
  await checkSheet(env, t, sheet, now);
  checkPeriod(env, now, { ...receivedDay(sheet.receivedOn), graceDaysSetting: "PAPER_GRACE_DAYS" });
  return correctSheet(env.DB, actor, sheet);
}
