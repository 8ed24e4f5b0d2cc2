import { describe, it } from "vitest";
import { interpolate, languages, LANGUAGE_CODES, officerMessages, plural, pluralTemplates, translator } from "../../functions/i18n/index.ts";

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

  it("keep the officers' words in English only, apart from what the public sees", ({ expect }) => {
    // The split is by name: `admin.*` is the officers' area (npm run messages:tidy moves such keys).
    expect(Object.keys(officerMessages).filter((key) => !key.startsWith("admin."))).toEqual([]);
    for (const [code, pack] of languages) expect(Object.keys(pack.messages).filter((key) => key.startsWith("admin.")), code).toEqual([]);
    for (const [key, text] of Object.entries(officerMessages)) expect(text.trim(), key).not.toBe("");
  });

  it("give officers their words in English whatever the language asked for", ({ expect }) => {
    expect(translator("es")("admin.signOut")).toBe(officerMessages["admin.signOut"]);
    expect(translator("it")("admin.error.unauthorized")).toBe("Sign in as an officer to do this.");
    expect(translator("es")("site.home")).toBe(languages.get("es")!.messages["site.home"]);
  });

  it("keep each group of keys together, in English's order in every language", ({ expect }) => {
    /** The groups in the order they come, a group that comes back after another counted twice. */
    const runs = (keys: string[], depth: number) =>
      keys.map((key) => key.split(".").slice(0, depth).join(".")).filter((group, index, groups) => group !== groups[index - 1]);
    const englishKeys = Object.keys(english);
    expect(runs(englishKeys, 1)).toEqual([...new Set(runs(englishKeys, 1))]);
    expect(runs(Object.keys(officerMessages), 2)).toEqual([...new Set(runs(Object.keys(officerMessages), 2))]);
    for (const [code, pack] of languages) expect(Object.keys(pack.messages), code).toEqual(englishKeys);
  });

  it("fill placeholders and leave unknown ones visible", ({ expect }) => {
    expect(interpolate("Closes at {closesAt}.", { closesAt: "noon" })).toBe("Closes at noon.");
    expect(interpolate("Hello {name}", {})).toBe("Hello {name}");
  });

  it("fall back to English for a language there is no dictionary for", ({ expect }) => {
    expect(translator("zz")("site.home")).toBe("Home");
  });

  it("choose the form a language uses for a count, as Intl.PluralRules names it", ({ expect }) => {
    const english = translator("en");
    expect(plural(english, "admin.comments.count", 1)).toBe("1 comment matches.");
    expect(plural(english, "admin.comments.count", 0)).toBe("0 comments match.");
    expect(plural(english, "admin.comments.count", 1234)).toBe("1,234 comments match.");
    expect(plural(translator("es"), "contents.paragraphCount", 1)).toBe("1 párrafo");
    expect(plural(translator("it"), "contents.paragraphCount", 2)).toBe("2 paragrafi");
  });

  it("fall back to the general form when a language has a form the dictionaries do not write", ({ expect }) => {
    // Spanish has a "many" form for a million; the dictionaries write "one" and "other".
    expect(new Intl.PluralRules("es-ES").select(1_000_000)).toBe("many");
    expect(plural(translator("es"), "contents.paragraphCount", 1_000_000)).toBe("1.000.000 párrafos");
  });

  it("write every plural message with an \"other\" form, the one every language has", ({ expect }) => {
    const english = { ...languages.get("en")!.messages, ...officerMessages };
    for (const key of Object.keys(english).filter((name) => /\.(zero|one|two|few|many)$/.test(name))) {
      expect(Object.keys(english), key).toContain(key.replace(/\.\w+$/, ".other"));
    }
  });

  it("choose the outcome counts of \"You said, we did\" by each language's own plural rules", ({ expect }) => {
    const [en, es, it] = ["en", "es", "it"].map(translator) as [ReturnType<typeof translator>, ReturnType<typeof translator>, ReturnType<typeof translator>];
    expect([0, 1, 2].map((count) => plural(en, "feedback.count.changed", count))).toEqual(["0 changes made", "1 change made", "2 changes made"]);
    expect(plural(es, "feedback.count.changed", 1)).toBe("1 cambio hecho");
    // Spanish counts a million as "many", a form the dictionary leaves to "other".
    expect(new Intl.PluralRules("es-ES").select(1_000_000)).toBe("many");
    expect(plural(es, "feedback.count.changed", 1_000_000)).toBe("1.000.000 cambios hechos");
    expect(plural(it, "feedback.count.changed", 0)).toBe("0 modifiche fatte");
  });
});


describe("counts in every language", () => {
  const english = { ...languages.get("en")!.messages, ...officerMessages };
  // A count shown in words must come in plural forms that Intl.PluralRules chooses between, never one message per number.
  const NOT_A_COUNT_OF_THINGS = new Set([
    "comment.moreLegend", // "Another paragraph (2 of 3)": a position, the same words for any number
  ]);

  it("write every message that shows a {count} as plural forms", ({ expect }) => {
    const single = Object.entries(english)
      .filter(([key, text]) => text.includes("{count}") && !/\.(zero|one|two|few|many|other)$/.test(key) && !NOT_A_COUNT_OF_THINGS.has(key))
      .map(([key]) => key);
    expect(single).toEqual([]);
  });

  it("give the browser every form a language writes, for the scripts that count as people type", ({ expect }) => {
    expect(pluralTemplates(translator("it"), "comment.countRemaining")).toEqual({ one: "Le resta {count} carattere", other: "Le restano {count} caratteri" });
    expect(pluralTemplates(translator("es"), "kiosk.waiting")).toEqual({ one: "{count} respuesta pendiente de enviar", other: "{count} respuestas pendientes de enviar" });
  });

  it("list English first, then every other language there is a dictionary for", ({ expect }) => {
    expect(LANGUAGE_CODES).toEqual(["en", ...[...languages.keys()].filter((code) => code !== "en").sort()]);
    expect(LANGUAGE_CODES).toEqual(expect.arrayContaining(["es", "it"]));
  });
});
