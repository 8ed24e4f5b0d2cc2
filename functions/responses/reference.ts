/**
 * The reference a person is given to track their response, such as
 * "K7M4Q-2XD9P": nine random Crockford base32 characters (45 bits) and a
 * check character, in two groups of five. Input is case-insensitive and
 * forgiving about the characters people confuse on paper.
 */
import { z } from "zod";
import { compactCode } from "../../public/staff-code-rules.js";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const RANDOM_LENGTH = 9;
export const REFERENCE_LENGTH = RANDOM_LENGTH + 1;

/** Weighted sum modulo a prime: catches any single mistyped character and any swap of neighbours. */
function checkCharacter(body: string): string {
  let sum = 0;
  for (let index = 0; index < body.length; index++) sum += ALPHABET.indexOf(body[index]!) * (index + 1);
  return ALPHABET[sum % 31]!;
}

/** Random Crockford base32 characters, five bits each: for references and one-time codes alike. */
export function randomCrockford(length: number): string {
  const bytes = crypto.getRandomValues(new Uint8Array(length));
  // 256 is a multiple of 32, so taking the low five bits keeps every character equally likely.
  return Array.from(bytes, (byte) => ALPHABET[byte & 31]).join("");
}

export function newReference(): string {
  const body = randomCrockford(RANDOM_LENGTH);
  return body + checkCharacter(body);
}

/** Crockford base32 as people type it: any case, spaces and hyphens ignored, O read as 0 and I or L as 1 (shared with the kiosk). */
export const compactCrockford: (input: string) => string = compactCode;

/**
 * The stored form of a typed reference (ten characters, no hyphen), or
 * undefined when it cannot be one of ours.
 */
export function normaliseReference(input: string): string | undefined {
  const compact = compactCrockford(input);
  if (compact.length !== REFERENCE_LENGTH || [...compact].some((c) => !ALPHABET.includes(c))) return undefined;
  const body = compact.slice(0, RANDOM_LENGTH);
  return checkCharacter(body) === compact[RANDOM_LENGTH] ? compact : undefined;
}

/** The reference as people see and write it: "K7M4Q-2XD9P". */
export function formatReference(stored: string): string {
  // The retention job replaces a reference with one starting "-" that nobody holds (functions/privacy/retention.ts): there is none to show.
  if (stored.startsWith("-")) return "";
  return `${stored.slice(0, 5)}-${stored.slice(5)}`;
}

/** A reference in an address, as its stored form; one that cannot be a reference fails like one never given. */
export const referenceInPath = z.object({ reference: z.string().transform(normaliseReference).pipe(z.string()) });
