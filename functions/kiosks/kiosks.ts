/**
 * Kiosks: shared devices at day centres and hostels. Officers issue a key
 * per place (stored only as a hash, shown once), set devices up with
 * one-time codes, see when each last sent something, and revoke them.
 */
import { requiredText } from "../lib/text-fields.ts";
import { z } from "zod";
import { conflict, notFound, refused } from "../lib/errors.ts";
import type { Officer } from "../officers/auth/officer.ts";
import { auditStatement } from "../officers/audit.ts";
import { base64Url, sha256Hex } from "../lib/crypto.ts";
import { LIMITS } from "../limits.ts";
import { compactCrockford, randomCrockford } from "../responses/reference.ts";
import { insertedId } from "../lib/inserted.ts";

/** The request header a kiosk sends its key in. */
export const KIOSK_KEY_HEADER = "Kiosk-Key";

/** Bytes of randomness in a kiosk key (256 bits, base64url). */
const KEY_BYTES = 32;
/** A key as issued: KEY_BYTES in unpadded base64url. */
const KEY_PATTERN = new RegExp(`^[A-Za-z0-9_-]{${Math.ceil((KEY_BYTES * 4) / 3)}}$`);
/** Characters in a setup code (40 bits): short enough to type, and useless after SETUP_CODE_MINUTES or one use. */
const SETUP_CODE_LENGTH = 8;
export const SETUP_CODE_MINUTES = 15;

export const kioskNameSchema = z.object({
  name: requiredText(LIMITS.kioskNameLength, "admin.error.kioskName"),
});

export const setupCodeSchema = z.object(
  {
    code: z
      .string({ error: "kiosk.error.setupCode" })
      .transform(compactCrockford)
      .pipe(z.string().length(SETUP_CODE_LENGTH, { error: "kiosk.error.setupCode" })),
  },
  { error: "kiosk.error.setupCode" },
);

/** A kiosk as a request with its key is seen. */
export interface Kiosk {
  id: number;
  name: string;
}

export interface KioskListing extends Kiosk {
  createdAt: string;
  revokedAt: string | null;
  lastSeenAt: string | null;
}

function newKioskKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(KEY_BYTES));
  return base64Url(bytes);
}

const keyHash = (key: string) => sha256Hex(`kiosk-key:${key}`);
const codeHash = (code: string) => sha256Hex(`kiosk-setup:${code}`);

const kioskNotFound = () => notFound("admin.error.kioskNotFound");

// ---------------------------------------------------------------------------
// Officers

export async function issueKiosk(db: D1Database, officer: Officer, name: string): Promise<Kiosk & { key: string }> {
  const key = newKioskKey();
  const now = new Date().toISOString();
  const [created] = await db.batch<{ id: number }>([
    db.prepare("INSERT INTO kiosks (name, created_at) VALUES (?, ?) RETURNING id").bind(name, now),
    auditStatement(db, officer, "kiosk.issue", "kiosk:", { name }, { targetInserted: "kiosks" }),
    db.prepare(`INSERT INTO kiosk_keys (key_hash, kiosk_id, created_at) VALUES (?, ${insertedId("kiosks")}, ?)`).bind(await keyHash(key), now),
  ]);
  return { id: created!.results[0]!.id, name, key };
}

export async function listKiosks(db: D1Database): Promise<KioskListing[]> {
  const { results } = await db
    .prepare(
      `SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt, last_seen_at AS lastSeenAt
       FROM kiosks ORDER BY revoked_at IS NOT NULL, name COLLATE NOCASE, id`,
    )
    .all<KioskListing>();
  return results;
}

async function findKiosk(db: D1Database, id: number): Promise<KioskListing | null> {
  return db
    .prepare("SELECT id, name, created_at AS createdAt, revoked_at AS revokedAt, last_seen_at AS lastSeenAt FROM kiosks WHERE id = ?")
    .bind(id)
    .first<KioskListing>();
}

/** Revokes a kiosk and every device's key; revoking twice changes nothing and logs nothing. */
export async function revokeKiosk(db: D1Database, officer: Officer, id: number): Promise<void> {
  const kiosk = await findKiosk(db, id);
  if (!kiosk) throw kioskNotFound();
  await db.batch([
    db.prepare("UPDATE kiosks SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL").bind(new Date().toISOString(), id),
    auditStatement(db, officer, "kiosk.revoke", `kiosk:${id}`, { name: kiosk.name }, { onlyIfChanged: true }),
  ]);
}

/** A one-time code a device at this kiosk exchanges for a key of its own. */
export async function issueSetupCode(db: D1Database, officer: Officer, id: number): Promise<{ code: string; expiresAt: string }> {
  const kiosk = await findKiosk(db, id);
  if (!kiosk) throw kioskNotFound();
  if (kiosk.revokedAt) throw conflict("kiosk_revoked", "admin.error.kioskRevoked");
  const code = randomCrockford(SETUP_CODE_LENGTH);
  const expiresAt = new Date(Date.now() + SETUP_CODE_MINUTES * 60_000).toISOString();
  await db.batch([
    db.prepare("INSERT INTO kiosk_setup_codes (code_hash, kiosk_id, expires_at) VALUES (?, ?, ?)").bind(await codeHash(code), id, expiresAt),
    auditStatement(db, officer, "kiosk.setup_code", `kiosk:${id}`, { name: kiosk.name, expiresAt }),
  ]);
  return { code: `${code.slice(0, 4)}-${code.slice(4)}`, expiresAt };
}

// ---------------------------------------------------------------------------
// Devices

/** Exchanges a setup code, once and before it expires, for a new key for its kiosk. */
export async function redeemSetupCode(db: D1Database, code: string): Promise<Kiosk & { key: string }> {
  const now = new Date().toISOString();
  const key = newKioskKey();
  // Claiming the code and adding the key happen together, and only if the code is still good.
  const [claimed] = await db.batch<{ kiosk_id: number }>([
    db
      .prepare(
        `UPDATE kiosk_setup_codes SET used_at = ?
         WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?
           AND kiosk_id IN (SELECT id FROM kiosks WHERE revoked_at IS NULL)
         RETURNING kiosk_id`,
      )
      .bind(now, await codeHash(code), now),
    db
      .prepare("INSERT INTO kiosk_keys (key_hash, kiosk_id, created_at) SELECT ?, kiosk_id, ? FROM kiosk_setup_codes WHERE code_hash = ? AND used_at = ? AND changes() > 0")
      .bind(await keyHash(key), now, await codeHash(code), now),
  ]);
  const kioskId = claimed!.results[0]?.kiosk_id;
  if (kioskId === undefined) throw refused("setup_code_invalid", "kiosk.error.setupCodeInvalid");
  const kiosk = (await findKiosk(db, kioskId))!;
  return { id: kiosk.id, name: kiosk.name, key };
}

/**
 * The kiosk a key belongs to, noting that it was seen now: null for a key
 * that was never issued, "revoked" for one whose kiosk was revoked.
 */
export async function kioskForKey(db: D1Database, key: string): Promise<Kiosk | "revoked" | null> {
  // Only a key shaped as we issue them is looked up.
  if (!KEY_PATTERN.test(key)) return null;
  const [row] = await db.batch<{ id: number; name: string; revoked_at: string | null }>([
    db
      .prepare(
        `UPDATE kiosks SET last_seen_at = CASE WHEN revoked_at IS NULL THEN ? ELSE last_seen_at END
         WHERE id = (SELECT kiosk_id FROM kiosk_keys WHERE key_hash = ?)
         RETURNING id, name, revoked_at`,
      )
      .bind(new Date().toISOString(), await keyHash(key)),
  ]);
  const kiosk = row!.results[0];
  if (!kiosk) return null;
  return kiosk.revoked_at ? "revoked" : { id: kiosk.id, name: kiosk.name };
}
