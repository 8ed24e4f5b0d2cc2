import { describe, it } from "vitest";
import { interpolate, languages, negotiateLanguage, translator } from "../../functions/i18n/index.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the interface dictionaries", () => {
  const english = languages.get("en")!.messages;

  it("give every language exactly the English keys, with the same placeholders", ({ expect }) => {
    for (const [code, pack] of languages) {
      expect(Object.keys(pack.messages).sort(), code).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(pack.messages)) {
        expect(placeholders(text), `${code} ${key}`).toEqual(placeholders(english[key as keyof typeof english]));
        expect(text.trim(), `${code} ${key}`).not.toBe("");
      }
    }
  });

  it("fill placeholders and leave unknown ones visible", ({ expect }) => {
    expect(interpolate("Closes at {closesAt}.", { closesAt: "noon" })).toBe("Closes at noon.");
    expect(interpolate("Hello {name}", {})).toBe("Hello {name}");
  });

  it("pick the best language a request asks for, falling back to English", ({ expect }) => {
    expect(negotiateLanguage("en-GB,en;q=0.9")).toBe("en");
    expect(negotiateLanguage("xx;q=1, en;q=0.1")).toBe("en");
    expect(negotiateLanguage(undefined)).toBe("en");
    expect(translator("zz")("site.home")).toBe("Home");
  });
});
