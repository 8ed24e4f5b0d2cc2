import { describe, it } from "vitest";
import { interpolate, languages, plural, translator } from "../../functions/i18n/index.ts";

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

  it("choose plural forms by each language's own rules, falling back to the general form", ({ expect }) => {
    const [en, es, it] = ["en", "es", "it"].map(translator) as [ReturnType<typeof translator>, ReturnType<typeof translator>, ReturnType<typeof translator>];
    expect([0, 1, 2].map((count) => plural(en, "feedback.count.changed", count))).toEqual(["0 changes made", "1 change made", "2 changes made"]);
    expect(plural(es, "feedback.count.changed", 1)).toBe("1 cambio hecho");
    // Spanish counts a million as "many", a form the dictionary leaves to "other".
    expect(new Intl.PluralRules("es-ES").select(1_000_000)).toBe("many");
    expect(plural(es, "feedback.count.changed", 1_000_000)).toBe("1.000.000 cambios hechos");
    expect(plural(it, "feedback.count.changed", 0)).toBe("0 modifiche fatte");
  });
});
