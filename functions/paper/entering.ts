/** Typing in a paper form, for officers and for support workers at a kiosk alike: the one workflow both routes call. */
import { currentPeriod } from "../consultation/index.ts";
import { parseLondonDate } from "../consultation/london-time.ts";
import { checkPeriod } from "../consultation/period.ts";
import { conflict, invalid, notFound } from "../lib/errors.ts";
import { auditStatement, type Actor } from "../officers/audit.ts";
import { wasIssued } from "../responses/issued.ts";
import { formatReference } from "../responses/reference.ts";
import { createResponse } from "../responses/store.ts";
import { correctSheet, findSheet, receivedDay, sheetSubmission, type PaperSheet } from "./sheets.ts";

type PaperSettings = Pick<Env, "DB" | "OPENS_AT" | "CLOSES_AT" | "PAPER_GRACE_DAYS">;

/** A sheet must carry a reference printed for paper, and cannot have been received after today. */
async function checkSheet(env: PaperSettings, sheet: PaperSheet, now: Date) {
  if (!(await wasIssued(env.DB, sheet.reference, "paper"))) throw invalid({ reference: "paper.error.notIssued" });
  if (parseLondonDate(sheet.receivedOn, "start")!.getTime() > now.getTime()) throw invalid({ receivedOn: "paper.error.receivedOn" });
}

/** A sheet received on a day the period allows, typed in within the paper grace period. */
const checkReceived = (env: PaperSettings, sheet: PaperSheet, now: Date) =>
  checkPeriod(currentPeriod(env), env, now, { ...receivedDay(sheet.receivedOn), graceDaysSetting: "PAPER_GRACE_DAYS" });

/**
 * Stores a sheet under its own reference. The same sheet sent again with the
 * same content is answered as before (`created` false); with other content it
 * is refused, pointing to what was entered, which can be corrected.
 */
export async function enterSheet(env: PaperSettings, sheet: PaperSheet, actor: Actor, kioskId?: number) {
  const db = env.DB;
  const now = new Date();
  await checkSheet(env, sheet, now);
  const submission = sheetSubmission(sheet, kioskId);
  const audit = auditStatement(db, actor, "paper.enter", `response:${formatReference(sheet.reference)}`, { receivedOn: sheet.receivedOn });
  const result = await createResponse(db, { ...submission, now, checkNew: () => checkReceived(env, sheet, now), alsoRun: [audit] });
  if (result.kind === "key_reused" || result.kind === "reference_taken") throw conflict("sheet_already_entered", "paper.error.alreadyEntered");
  const receipt = { ...result.receipt, reference: formatReference(result.receipt.reference) };
  return { receipt, created: result.kind === "created" };
}

/** What was typed in for a sheet. */
export async function enteredSheet(db: D1Database, reference: string) {
  const sheet = await findSheet(db, reference);
  if (!sheet) throw notFound("paper.error.notEntered");
  return sheet;
}

/** A correction: the sheet must have been typed in, and the date it was received must still be one the period allows. */
export async function correctEnteredSheet(env: PaperSettings, reference: string, sheet: PaperSheet, actor: Actor) {
  const now = new Date();
  if (sheet.reference !== reference) throw invalid({ reference: "paper.error.reference" });
  await checkSheet(env, sheet, now);
  checkReceived(env, sheet, now);
  return correctSheet(env.DB, actor, sheet);
}
