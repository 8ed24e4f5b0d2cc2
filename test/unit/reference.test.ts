import { describe, it } from "vitest";
import { formatReference, newReference, normaliseReference, REFERENCE_LENGTH } from "../../functions/responses/reference.ts";

const ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

describe("references", () => {
  it("are ten Crockford characters, shown in two groups of five, with no ambiguous letters", ({ expect }) => {
    const reference = newReference();
    expect(reference).toHaveLength(REFERENCE_LENGTH);
    expect(formatReference(reference)).toMatch(/^[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it("carry at least 40 random bits: 10,000 of them never repeat and use every character", ({ expect }) => {
    const references = Array.from({ length: 10_000 }, newReference);
    expect(new Set(references).size).toBe(references.length);
    const seen = new Set(references.flatMap((reference) => [...reference.slice(0, 9)]));
    expect(seen.size).toBe(32);
    expect(9 * Math.log2(ALPHABET.length)).toBeGreaterThanOrEqual(40);
  });

  it("read back however they are typed: any case, spaces, dash, O for 0, I or L for 1", ({ expect }) => {
    for (let run = 0; run < 200; run++) {
      const reference = newReference();
      const sloppy = ` ${formatReference(reference).toLowerCase().replace(/0/g, "o").replace(/1/g, "l")} `;
      expect(normaliseReference(sloppy)).toBe(reference);
    }
  });

  it("catch every single mistyped character and every swap of neighbours", ({ expect }) => {
    for (let run = 0; run < 50; run++) {
      const reference = newReference();
      for (let position = 0; position < REFERENCE_LENGTH; position++) {
        for (const replacement of ALPHABET) {
          if (replacement === reference[position]) continue;
          const typo = reference.slice(0, position) + replacement + reference.slice(position + 1);
          const accepted = normaliseReference(typo);
          // A value difference of 31 (0 and Z) is the one substitution the check cannot see.
          if (Math.abs(ALPHABET.indexOf(replacement) - ALPHABET.indexOf(reference[position]!)) !== 31) expect(accepted).toBeUndefined();
        }
        if (position < REFERENCE_LENGTH - 1 && reference[position] !== reference[position + 1]) {
          const swapped = reference.slice(0, position) + reference[position + 1] + reference[position] + reference.slice(position + 2);
          const a = ALPHABET.indexOf(reference[position]!);
          const b = ALPHABET.indexOf(reference[position + 1]!);
          if (Math.abs(a - b) !== 31) expect(normaliseReference(swapped)).toBeUndefined();
        }
      }
    }
  });

  it("refuse the wrong length and characters outside the alphabet", ({ expect }) => {
    for (const input of ["", "K7M4-Q2XD", "K7M4Q-2XD9PP", "K7M4Q-2XD9U", "K7M4Q_2XD9P!"]) expect(normaliseReference(input)).toBeUndefined();
  });
});
