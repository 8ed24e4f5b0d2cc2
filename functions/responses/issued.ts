/**
 * References handed out before a response exists: a pool a kiosk shows people
 * while offline, and the references pre-printed on paper forms. Each is
 * registered here, so a response can claim it and nobody else's can.
 */
import { z } from "zod";
import { LIMITS } from "../limits.ts";
import type { Officer } from "../officers/auth/officer.ts";
import { auditStatement } from "../officers/audit.ts";
import { newReference } from "./reference.ts";

type Purpose = "kiosk" | "paper";

/** Registers `count` new references; a clash with an existing one (vanishingly rare) is simply skipped and made up. */
async function issue(db: D1Database, count: number, purpose: Purpose, kioskId: number | null, audit?: D1PreparedStatement): Promise<string[]> {
  const issued: string[] = [];
  const now = new Date().toISOString();
  while (issued.length < count) {
    const wanted = Array.from({ length: count - issued.length }, newReference);
    const [inserted] = await db.batch<{ reference: string }>([
      db
        .prepare(
          `INSERT INTO issued_references (reference, purpose, kiosk_id, issued_at)
           SELECT value, ?, ?, ? FROM json_each(?)
           WHERE value NOT IN (SELECT reference FROM responses)
           ON CONFLICT DO NOTHING RETURNING reference`,
        )
        .bind(purpose, kioskId, now, JSON.stringify(wanted)),
      ...(audit && issued.length === 0 ? [audit] : []),
    ]);
    issued.push(...inserted!.results.map((row) => row.reference));
  }
  return issued;
}

/** A pool of references for a kiosk to give people offline: each becomes the reference of the response that claims it. */
export function reserveForKiosk(db: D1Database, kioskId: number, count: number): Promise<string[]> {
  return issue(db, count, "kiosk", kioskId);
}

/** References for a batch of pre-printed paper forms, one per sheet. */
/** A batch of paper forms to print: how many sheets, each with its own reference. */
export const batchSchema = z.object({
  count: z
    .number({ error: "admin.error.batchCount" })
    .int({ error: "admin.error.batchCount" })
    .min(1, { error: "admin.error.batchCount" })
    .max(LIMITS.paperBatchSize, { error: "admin.error.batchCount" }),
});

export function issueForPaper(db: D1Database, officer: Officer, count: number): Promise<string[]> {
  return issue(db, count, "paper", null, auditStatement(db, officer, "paper.batch", null, { count }));
}

/**
 * Whether this reference was issued for this purpose and, for a kiosk, to this
 * kiosk or to one since revoked: a device set up again after its kiosk was
 * revoked still sends the responses it queued, under the references it showed.
 * Another live kiosk's references stay its own.
 */
export async function wasIssued(db: D1Database, reference: string, purpose: Purpose, kioskId?: number): Promise<boolean> {
  const row = await db
    .prepare(
      `SELECT 1 FROM issued_references WHERE reference = ? AND purpose = ?
         AND (? IS NULL OR kiosk_id = ? OR kiosk_id IN (SELECT id FROM kiosks WHERE revoked_at IS NOT NULL))`,
    )
    .bind(reference, purpose, kioskId ?? null, kioskId ?? null)
    .first();
  return row !== null;
}
