/**
 * Responses a kiosk could not send: the server refused them for good (after
 * the grace period, a reference not reserved…), so the device keeps them on
 * its refused list. A support worker sends that list to officers with the
 * kiosk's key and their own staff code; officers see it on the kiosks page
 * and mark each one dealt with, which deletes its words. The words are the
 * person's: the retention job and an erasure of the same reference delete
 * them too, and the audit log never holds them.
 */
import { z } from "zod";
import { LIMITS } from "../limits.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { notFound } from "../lib/errors.ts";
import { auditStatement, type Actor } from "../officers/audit.ts";
import { formatReference, normaliseReference } from "../responses/reference.ts";

const shortText = (max: number) => z.string({ error: "kiosk.error.refusedReport" }).trim().min(1, { error: "kiosk.error.refusedReport" }).max(max, { error: "kiosk.error.refusedReport" });

const refusedResponse = z.strictObject({
  idempotencyKey: z.string().min(LIMITS.idempotencyKeyMin).max(LIMITS.idempotencyKeyMax),
  reference: z
    .string()
    .max(LIMITS.referenceFilterLength)
    .transform((typed, context) => normaliseReference(typed) ?? (context.addIssue({ code: "custom", message: "kiosk.error.refusedReport" }), z.NEVER))
    .optional(),
  code: shortText(100),
  reason: shortText(LIMITS.hideReasonLength),
  pressedSendAt: z.iso.datetime({ offset: true }).optional(),
  comments: z
    .array(z.strictObject({ paragraph: shortText(100), text: z.string().max(LIMITS.commentLength) }))
    .min(1)
    .max(LIMITS.commentsPerResponse),
});

/** `{refused: [{idempotencyKey, reference?, code, reason, pressedSendAt?, comments: [{paragraph, text}]}]}`: the device's refused list. */
export const refusedReportSchema = z.strictObject(
  { refused: z.array(refusedResponse).min(1).max(LIMITS.refusedPerReport) },
  { error: "kiosk.error.refusedReport" },
);
export type RefusedReport = z.output<typeof refusedReportSchema>;

export interface RefusedResponse {
  id: number;
  kiosk: string;
  staff: string;
  reportedAt: string;
  reference: string | null;
  code: string;
  reason: string;
  pressedSendAt: string | null;
  comments: { paragraph: string; text: string }[];
}

/**
 * Records each refused response once (the same one reported again changes
 * nothing), each with its own audit entry naming the kiosk's support worker.
 */
export async function reportRefused(
  db: D1Database,
  reporter: { kioskId: number; staff: string; actor: Actor },
  report: RefusedReport,
): Promise<{ received: number; recorded: number }> {
  const now = new Date().toISOString();
  const rows = await Promise.all(report.refused.map(async (item) => ({ ...item, keyHash: await sha256Hex(`kiosk-refused:${reporter.kioskId}:${item.idempotencyKey}`) })));
  const results = await db.batch(
    rows.flatMap((item) => [
      db
        .prepare(
          `INSERT INTO kiosk_refused_reports (kiosk_id, staff_name, reported_at, key_hash, reference, reason_code, reason, pressed_send_at, comments)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key_hash) DO NOTHING`,
        )
        .bind(reporter.kioskId, reporter.staff, now, item.keyHash, item.reference ?? null, item.code, item.reason, item.pressedSendAt ?? null, JSON.stringify(item.comments)),
      auditStatement(db, reporter.actor, "kiosk.refused_report", "kiosk_refused:", { kiosk: reporter.kioskId, code: item.code, comments: item.comments.length }, { onlyIfChanged: true, targetInserted: "kiosk_refused_reports" }),
    ]),
  );
  const recorded = results.filter((_, index) => index % 2 === 0).reduce((sum, result) => sum + result.meta.changes, 0);
  return { received: rows.length, recorded };
}

interface RefusedRow {
  id: number;
  kiosk: string;
  staff_name: string;
  reported_at: string;
  reference: string | null;
  reason_code: string;
  reason: string;
  pressed_send_at: string | null;
  comments: string;
}

/** The refused responses officers have not dealt with yet, oldest first. */
export async function listRefusedReports(db: D1Database): Promise<RefusedResponse[]> {
  const { results } = await db
    .prepare(
      `SELECT r.id, k.name AS kiosk, r.staff_name, r.reported_at, r.reference, r.reason_code, r.reason, r.pressed_send_at, r.comments
       FROM kiosk_refused_reports r JOIN kiosks k ON k.id = r.kiosk_id WHERE r.resolved_at IS NULL ORDER BY r.id`,
    )
    .all<RefusedRow>();
  return results.map((row) => ({
    id: row.id,
    kiosk: row.kiosk,
    staff: row.staff_name,
    reportedAt: row.reported_at,
    reference: row.reference ? formatReference(row.reference) : null,
    code: row.reason_code,
    reason: row.reason,
    pressedSendAt: row.pressed_send_at,
    comments: JSON.parse(row.comments) as RefusedResponse["comments"],
  }));
}

/** Dealt with (typed in on paper, or answered otherwise): it leaves the list, and its words are deleted. */
export async function resolveRefusedReport(db: D1Database, officer: Actor, id: number): Promise<void> {
  const [resolved] = await db.batch([
    db.prepare("UPDATE kiosk_refused_reports SET resolved_at = ?, comments = '[]', reference = NULL WHERE id = ? AND resolved_at IS NULL").bind(new Date().toISOString(), id),
    auditStatement(db, officer, "kiosk.refused_resolve", `kiosk_refused:${id}`, {}, { onlyIfChanged: true }),
  ]);
  if (resolved!.meta.changes === 0) throw notFound("admin.error.refusedNotFound");
}
