import { describe, it } from "vitest";
import { interpolate, languages, translator } from "../../functions/i18n/index.ts";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe("the interface dictionaries", () => {
  const english = languages.get("en")!.messages;

  it("give every language exactly the English keys, with the same placeholders", ({ expect }) => {
    for (const [code, pack] of languages) {
      expect(Object.keys(pack.messages).sort(), code).toEqual(Object.keys(english).sort());
      for (const [key, text] of Object.entries(pack.messages)) {
        if (key === "format.time") {
          // A clock may be 12- or 24-hour: any of the parts the date formatter gives will do.
          expect(["dayPeriod", "hour12", "hour24", "minute"], `${code} ${key}`).toEqual(expect.arrayContaining(placeholders(text)));
        } else {
          expect(placeholders(text), `${code} ${key}`).toEqual(placeholders(english[key as keyof typeof english]));
        }
        expect(text.trim(), `${code} ${key}`).not.toBe("");
      }
    }
  });

  it("fill placeholders and leave unknown ones visible", ({ expect }) => {
    expect(interpolate("Closes at {closesAt}.", { closesAt: "noon" })).toBe("Closes at noon.");
    expect(interpolate("Hello {name}", {})).toBe("Hello {name}");
  });

  it("fall back to English for a language there is no dictionary for", ({ expect }) => {
    expect(translator("zz")("site.home")).toBe("Home");
  });
});
