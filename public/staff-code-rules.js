// @ts-check
/**
 * A support worker's staff code, as both sides read it: the server when it
 * issues a code (functions/kiosks/staff-codes.ts), and the kiosk when it
 * unlocks its staff screens offline (public/kiosk.js). Plain JavaScript, so
 * the same file serves both.
 */

/** Characters in a staff code (40 bits of Crockford base32), written "4K7M-2XD9". */
export const STAFF_CODE_LENGTH = 8;
/** PBKDF2 rounds for the kiosk's own check: the most workerd allows, so a copy taken from a device is slow to try. */
const ITERATIONS = 100_000;

/**
 * A code as people type it: any case, spaces and hyphens ignored, O read as 0 and I or L as 1.
 * @param {string} input
 * @returns {string}
 */
export function compactCode(input) {
  return input.toUpperCase().replace(/[\s-]/g, "").replace(/O/g, "0").replace(/[IL]/g, "1");
}

/**
 * The kiosk's check of a code: PBKDF2-SHA-256 of its compact form with the salt, as hex.
 * @param {string} code
 * @param {string} salt hex
 * @returns {Promise<string>}
 */
export async function deviceHash(code, salt) {
  const encoder = new TextEncoder();
  const material = await crypto.subtle.importKey("raw", encoder.encode(compactCode(code)), "PBKDF2", false, ["deriveBits"]);
  const bits = await crypto.subtle.deriveBits({ name: "PBKDF2", hash: "SHA-256", salt: encoder.encode(salt), iterations: ITERATIONS }, material, 256);
  return Array.from(new Uint8Array(bits), (byte) => byte.toString(16).padStart(2, "0")).join("");
}
