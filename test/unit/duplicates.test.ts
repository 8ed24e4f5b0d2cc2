import { describe, it } from "vitest";
import { wordDifferences } from "../../functions/duplicates/differences.ts";
import { bandKeys, BAND_COUNT, signatureFromBytes, signatureBytes, signatureOf, similarity, SIMILARITY_THRESHOLD } from "../../functions/duplicates/signature.ts";
import { CAMPAIGN, SAME_TOPIC } from "../api/duplicate-fixtures.ts";

describe("comment signatures", () => {
  it("read sentences in any order, any case and with or without accents as the same words", ({ expect }) => {
    const one = signatureOf("La biblioteca cierra temprano el sábado. Mantengan abierto el centro de día los domingos.")!;
    const other = signatureOf("MANTENGAN ABIERTO EL CENTRO DE DIA LOS DOMINGOS! la biblioteca cierra temprano el sabado")!;
    expect(similarity(one, other)).toBe(1);
  });

  it("find a campaign's copies alike and same-topic comments apart, in English, Spanish and Italian", ({ expect }) => {
    for (const copies of Object.values(CAMPAIGN)) {
      const [first, ...others] = copies.map((text) => signatureOf(text)!);
      for (const copy of others) expect(similarity(first!, copy)).toBeGreaterThanOrEqual(SIMILARITY_THRESHOLD);
      for (const text of SAME_TOPIC) expect(similarity(first!, signatureOf(text)!)).toBeLessThan(SIMILARITY_THRESHOLD);
    }
  });

  it("leave a comment too short to tell from a common phrase ungrouped", ({ expect }) => {
    expect(signatureOf("I agree.")).toBeNull();
    expect(signatureOf("Hello, John")).toBeNull();
  });

  it("give one band key per band, and survive being stored as bytes", ({ expect }) => {
    const signature = signatureOf(CAMPAIGN.en[0]!)!;
    expect(bandKeys(signature)).toHaveLength(BAND_COUNT);
    expect([...signatureFromBytes(signatureBytes(signature))]).toEqual([...signature]);
  });
});

describe("word differences", () => {
  it("mark the words a copy added and took out, in reading order", ({ expect }) => {
    expect(wordDifferences("Keep the shelter open all year.", "Dear council, keep the night shelter open.")).toEqual([
      { kind: "added", text: "Dear council," },
      { kind: "same", text: "keep the" },
      { kind: "added", text: "night" },
      { kind: "same", text: "shelter" },
      { kind: "removed", text: "open all year." },
      { kind: "added", text: "open." },
    ]);
  });

  it("find nothing to mark between the same words", ({ expect }) => {
    expect(wordDifferences("Más camas en invierno.", "más  camas en invierno.")).toEqual([{ kind: "same", text: "más camas en invierno." }]);
  });
});
