/**
 * Staff codes: each support worker's own code for a kiosk's staff screens.
 * Officers issue one per person per kiosk (shown once) and revoke it; the
 * server checks it on the kiosk's paper routes, and the kiosk learns a slow
 * hash of each code in force so its refused list unlocks offline too.
 */
import { requiredText } from "../lib/text-fields.ts";
import { z } from "zod";
import { conflict, notFound } from "../lib/errors.ts";
import { staffCodeNotFound } from "../officers/not-found.ts";
import type { Officer } from "../officers/auth/officer.ts";
import { auditStatement } from "../officers/audit.ts";
import { sha256Hex } from "../lib/crypto.ts";
import { LIMITS } from "../limits.ts";
import { randomCrockford } from "../responses/reference.ts";
import { compactCode, deviceHash, STAFF_CODE_LENGTH } from "../../public/staff-code-rules.js";

/** The request header a kiosk sends a support worker's code in, with its Kiosk-Key. */
export const STAFF_CODE_HEADER = "Staff-Code";

export const staffCodeNameSchema = z.object({
  name: requiredText(LIMITS.helperLength, "admin.error.staffName"),
});

/** A support worker, as a request with their code is seen. */
export interface StaffMember {
  id: number;
  name: string;
}

export interface StaffCodeListing extends StaffMember {
  createdAt: string;
  revokedAt: string | null;
}

/** What a kiosk keeps to check codes offline: never the codes, only their slow hashes. */
export interface DeviceCheck {
  salt: string;
  hash: string;
}

const codeHash = (kioskId: number, code: string) => sha256Hex(`kiosk-staff:${kioskId}:${compactCode(code)}`);

const randomHex = (bytes: number) => Array.from(crypto.getRandomValues(new Uint8Array(bytes)), (byte) => byte.toString(16).padStart(2, "0")).join("");


// ---------------------------------------------------------------------------
// Officers

async function activeKiosk(db: D1Database, kioskId: number): Promise<{ name: string }> {
  const kiosk = await db.prepare("SELECT name, revoked_at FROM kiosks WHERE id = ?").bind(kioskId).first<{ name: string; revoked_at: string | null }>();
  if (!kiosk) throw notFound("admin.error.kioskNotFound");
  if (kiosk.revoked_at) throw conflict("kiosk_revoked", "admin.error.kioskRevoked");
  return kiosk;
}

/** A new code for one support worker at one kiosk; the code is in this answer only. */
export async function issueStaffCode(db: D1Database, officer: Officer, kioskId: number, name: string): Promise<StaffMember & { code: string }> {
  const kiosk = await activeKiosk(db, kioskId);
  const compact = randomCrockford(STAFF_CODE_LENGTH);
  const salt = randomHex(16);
  const [created] = await db.batch<{ id: number }>([
    db
      .prepare("INSERT INTO kiosk_staff_codes (kiosk_id, name, code_hash, device_salt, device_hash, created_at) VALUES (?, ?, ?, ?, ?, ?) RETURNING id")
      .bind(kioskId, name, await codeHash(kioskId, compact), salt, await deviceHash(compact, salt), new Date().toISOString()),
    auditStatement(db, officer, "kiosk.staff_code.issue", `kiosk:${kioskId}`, { kiosk: kiosk.name, staff: name }),
  ]);
  return { id: created!.results[0]!.id, name, code: `${compact.slice(0, 4)}-${compact.slice(4)}` };
}

export async function listStaffCodes(db: D1Database, kioskId: number): Promise<StaffCodeListing[]> {
  const { results } = await db
    .prepare(
      `SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt FROM kiosk_staff_codes
       WHERE kiosk_id = ? ORDER BY revoked_at IS NOT NULL, name COLLATE NOCASE, id`,
    )
    .bind(kioskId)
    .all<StaffCodeListing>();
  return results;
}

/** Revokes one code; revoking twice changes nothing and logs nothing. */
export async function revokeStaffCode(db: D1Database, officer: Officer, kioskId: number, id: number): Promise<void> {
  const code = await db.prepare("SELECT name FROM kiosk_staff_codes WHERE id = ? AND kiosk_id = ?").bind(id, kioskId).first<{ name: string }>();
  if (!code) throw staffCodeNotFound();
  await db.batch([
    db.prepare("UPDATE kiosk_staff_codes SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").bind(new Date().toISOString(), id),
    auditStatement(db, officer, "kiosk.staff_code.revoke", `kiosk:${kioskId}`, { staff: code.name }, { onlyIfChanged: true }),
  ]);
}

// ---------------------------------------------------------------------------
// Kiosks

/** The support worker a code at this kiosk belongs to: null for a code never issued here, "revoked" for a withdrawn one. */
export async function staffForCode(db: D1Database, kioskId: number, code: string): Promise<StaffMember | "revoked" | null> {
  if (compactCode(code).length !== STAFF_CODE_LENGTH) return null;
  const row = await db
    .prepare("SELECT id, name, revoked_at FROM kiosk_staff_codes WHERE kiosk_id = ? AND code_hash = ?")
    .bind(kioskId, await codeHash(kioskId, code))
    .first<{ id: number; name: string; revoked_at: string | null }>();
  if (!row) return null;
  return row.revoked_at ? "revoked" : { id: row.id, name: row.name };
}

/** The checks a kiosk keeps for its codes in force, so its staff screens unlock offline and a revoked code stops working once it is online. */
export async function deviceChecks(db: D1Database, kioskId: number): Promise<DeviceCheck[]> {
  const { results } = await db
    .prepare("SELECT device_salt AS salt, device_hash AS hash FROM kiosk_staff_codes WHERE kiosk_id = ? AND revoked_at IS NULL ORDER BY id")
    .bind(kioskId)
    .all<DeviceCheck>();
  return results;
}
