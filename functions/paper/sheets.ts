/**
 * Paper forms: references pre-printed on each sheet, and sheets typed in
 * later by officers or support workers. A sheet is stored under its own
 * reference, once: typing it in again shows what was entered, and a
 * correction changes it in place, recorded in the audit log.
 */
import { forgetGroupingStatements, groupComments } from "../duplicates/store.ts";
import { z } from "zod";
import { conflict, notFound } from "../lib/errors.ts";
import { readWrittenDate } from "./written-date.ts";
import { commentedParagraph, paragraphIdOfNumber, revisionSeenNow } from "../consultation/paragraphs.ts";
import { isCalendarDay } from "../consultation/calendar.ts";
import { parseLondonDate } from "../consultation/london-time.ts";
import { checkStillAnswered } from "../feedback/store.ts";
import { auditStatement, type Actor } from "../officers/audit.ts";
import { mergeSearchIndex } from "../privacy/search-index.ts";
import { formatReference, normaliseReference } from "../responses/reference.ts";
import { KIOSK_CLAIMS, responseSchema, type ValidResponse } from "../responses/schema.ts";
import { COMMENTS_WITH_RESPONSES, contentFingerprint, type Submission } from "../responses/store.ts";
import type { RespondentType } from "../responses/vocabulary.ts";

/** Who is responding, as ticked on a sheet, for the forms that type sheets in: nothing ticked is a choice too. */
export const SHEET_RESPONDENT_CHOICES: readonly { value: RespondentType | ""; label: `respondent.${RespondentType | "unknown"}` }[] = [
  { value: "", label: "respondent.unknown" },
  { value: "individual", label: "respondent.individual" },
  { value: "organisation", label: "respondent.organisation" },
];

const sheetHeader = z.object({
  reference: z
    .string({ error: "paper.error.reference" })
    .transform((value) => normaliseReference(value) ?? "")
    .pipe(z.string().min(1, { error: "paper.error.reference" })),
  // As people write dates ("4/12/2026", "4 Dec"), stored as YYYY-MM-DD.
  receivedOn: z
    .string({ error: "paper.error.receivedOn" })
    .transform((value) => readWrittenDate(value) ?? "")
    .pipe(z.string().min(1, { error: "paper.error.receivedOn" }).refine(isCalendarDay, { error: "paper.error.receivedOn" })),
});

/** Comments by paragraph number as printed ("3.2"); an id or "general" is taken too. */
function withParagraphIds(body: Record<string, unknown>): Record<string, unknown> {
  if (!Array.isArray(body.comments)) return body;
  const comments = body.comments.map((comment: unknown) => {
    if (typeof comment !== "object" || comment === null) return comment;
    const paragraph = (comment as { paragraph?: unknown }).paragraph;
    if (typeof paragraph !== "string") return comment;
    return { ...comment, paragraph: paragraphIdOfNumber(paragraph) ?? paragraph };
  });
  return { ...body, comments };
}

export interface PaperSheet {
  reference: string;
  receivedOn: string;
  response: ValidResponse;
}

/** A typed-in sheet: its reference, the London date it was received, and the response as the public schema reads it. */
export const paperSheetSchema = z.unknown().transform((input, context): PaperSheet => {
  const { reference, receivedOn, ...body } = typeof input === "object" && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const header = sheetHeader.safeParse({ reference, receivedOn });
  const response = responseSchema.safeParse(withParagraphIds(body));
  for (const issue of [...(header.error?.issues ?? []), ...(response.error?.issues ?? [])]) {
    const unknownNumber = issue.path[0] === "comments" && issue.path[2] === "paragraph";
    context.addIssue({ ...issue, ...(unknownNumber && { message: "paper.error.paragraph" }) } as never);
  }
  // Kiosk claims have no place on paper: the reference comes from the sheet, and nobody pressed send.
  const claims = KIOSK_CLAIMS.filter((name) => name in body);
  for (const name of claims) context.addIssue({ code: "custom", path: [name], message: "validation.unknownField", input });
  if (!header.success || !response.success || claims.length > 0) return z.NEVER;
  return { ...header.data, response: response.data };
});

/** The whole London day a sheet was received, for the period rule. */
export function receivedDay(receivedOn: string): { at: Date; until: Date } {
  return { at: parseLondonDate(receivedOn, "start")!, until: parseLondonDate(receivedOn, "end")! };
}

/** The one idempotency key of a sheet: typing it in twice is one response. */
export function sheetSubmission(sheet: PaperSheet, kioskId?: number): Submission {
  return {
    response: { ...sheet.response, reference: sheet.reference },
    channel: "paper",
    idempotencyKey: `paper-sheet:${sheet.reference}`,
    kioskId,
    paperReceivedOn: sheet.receivedOn,
  };
}

export interface EnteredSheet {
  reference: string;
  receivedOn: string;
  receivedAt: string;
  publishConsent: boolean;
  respondentType: string | null;
  organisation: string | null;
  comments: { id: number; paragraph: string; number: string; text: string }[];
}

/** What was typed in for a sheet, or null if it has not been. */
export async function findSheet(db: D1Database, reference: string): Promise<EnteredSheet | null> {
  const { results } = await db
    .prepare(
      `SELECT r.reference, r.paper_received_on, r.received_at, r.publish_consent, r.respondent_type, r.organisation, c.id, c.paragraph_id, c.paragraph_revision, c.text
       FROM ${COMMENTS_WITH_RESPONSES} WHERE r.reference = ? AND r.channel = 'paper' ORDER BY c.position`,
    )
    .bind(reference)
    .all<{
      reference: string;
      paper_received_on: string;
      received_at: string;
      publish_consent: number;
      respondent_type: string | null;
      organisation: string | null;
      id: number;
      paragraph_id: string;
      paragraph_revision: number;
      text: string;
    }>();
  const first = results[0];
  if (!first) return null;
  return {
    reference: formatReference(first.reference),
    receivedOn: first.paper_received_on,
    receivedAt: first.received_at,
    publishConsent: first.publish_consent === 1,
    respondentType: first.respondent_type,
    organisation: first.organisation,
    comments: results.map((row) => ({
      id: row.id,
      paragraph: row.paragraph_id,
      number: commentedParagraph(row.paragraph_id, row.paragraph_revision).number,
      text: row.text,
    })),
  };
}

/**
 * Corrects a sheet typed in before: its comments are changed in place
 * (a comment's themes, moderation and feedback stay with its position), extra
 * ones removed, and the audit log keeps which paragraphs it had before and after (never the words).
 */
export async function correctSheet(db: D1Database, actor: Actor, sheet: PaperSheet): Promise<EnteredSheet> {
  const before = await findSheet(db, sheet.reference);
  if (!before) throw notFound("paper.error.notEntered");
  const { response } = sheet;
  const ofSheet = "(SELECT id FROM responses WHERE reference = ?)";
  // A redaction takes personal details out for good: a correction may keep those words, never bring others back.
  const { results: redacted } = await db
    .prepare(`SELECT position, text FROM comments WHERE response_id = ${ofSheet} AND redacted_at IS NOT NULL`)
    .bind(sheet.reference)
    .all<{ position: number; text: string }>();
  if (redacted.some((comment) => response.comments[comment.position]?.text !== comment.text)) {
    throw conflict("sheet_comment_redacted", "paper.error.redacted");
  }
  // A published feedback entry keeps at least one comment, even when a sheet is corrected.
  await checkStillAnswered(db, before.comments.slice(response.comments.length).map((comment) => comment.id));
  const submission = sheetSubmission(sheet);
  const changedPositions = response.comments.flatMap((comment, position) => (before.comments[position]?.text !== comment.text ? [position] : []));
  const contentHash = await contentFingerprint(submission.response, "paper", sheet.receivedOn);
  await db.batch([
    db
      .prepare(`UPDATE responses SET paper_received_on = ?, publish_consent = ?, respondent_type = ?, organisation = ?, content_hash = ? WHERE reference = ?`)
      .bind(sheet.receivedOn, response.publishConsent ? 1 : 0, response.respondentType ?? null, response.organisation ?? null, contentHash, sheet.reference),
    // A comment typed in by mistake takes with it what hangs on it: its themes, and any feedback entry's answer to it and quote from it.
    ...["comment_themes", "feedback_quotes", "feedback_comments"].map((table) =>
      db
        .prepare(`DELETE FROM ${table} WHERE comment_id IN (SELECT id FROM comments WHERE response_id = ${ofSheet} AND position >= ?)`)
        .bind(sheet.reference, response.comments.length),
    ),
    // A comment removed or whose words changed leaves grouping, to be grouped again by its new words below.
    ...forgetGroupingStatements(
      db,
      `SELECT id FROM comments WHERE response_id = ${ofSheet} AND (position >= ? OR position IN (SELECT value FROM json_each(?)))`,
      [sheet.reference, response.comments.length, JSON.stringify(changedPositions)],
    ),
    db.prepare(`DELETE FROM comments WHERE response_id = ${ofSheet} AND position >= ?`).bind(sheet.reference, response.comments.length),
    ...response.comments.map((comment, position) =>
      db
        .prepare(
          `INSERT INTO comments (response_id, position, paragraph_id, paragraph_revision, text)
           SELECT id, ?, ?, ?, ? FROM responses WHERE reference = ?
           ON CONFLICT (response_id, position) DO UPDATE SET
             paragraph_id = excluded.paragraph_id, paragraph_revision = excluded.paragraph_revision, text = excluded.text`,
        )
        .bind(position, comment.paragraph, revisionSeenNow(comment.paragraph), comment.text, sheet.reference),
    ),
    // What changed, never the words: a redaction or an erasure must be able to take them out of every table.
    auditStatement(db, actor, "paper.correct", `response:${formatReference(sheet.reference)}`, {
      before: { receivedOn: before.receivedOn, paragraphs: before.comments.map(({ paragraph }) => paragraph) },
      after: { receivedOn: sheet.receivedOn, paragraphs: response.comments.map(({ paragraph }) => paragraph) },
      changedComments: changedPositions.length,
    }),
    mergeSearchIndex(db),
  ]);
  const corrected = (await findSheet(db, sheet.reference))!;
  await groupComments(db, corrected.comments.filter((_, position) => changedPositions.includes(position)));
  return corrected;
}
