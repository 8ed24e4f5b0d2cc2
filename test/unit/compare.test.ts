import { describe, it } from "vitest";
import { compareWords, strategyChanges, type WordChange } from "../../functions/consultation/compare.ts";
import { content } from "../../functions/consultation/index.ts";
import { plainText } from "../../functions/consultation/text.ts";

/** The text before (kept and deleted words) and after (kept and inserted words) a comparison. */
const before = (changes: WordChange[]) => changes.filter((c) => c.kind !== "inserted").map((c) => c.text).join("");
const after = (changes: WordChange[]) => changes.filter((c) => c.kind !== "deleted").map((c) => c.text).join("");
const marked = (changes: WordChange[]) => changes.filter((c) => c.kind !== "same").map((c) => [c.kind, c.text.trim()]);

describe("the word-level comparison of a paragraph", () => {
  const pairs: [string, string, string][] = [
    ["moved words", "Night outreach will start in 2027.", "In 2027, night outreach will start."],
    ["punctuation only", "Hello, world.", "Hello world!"],
    ["a word inserted", "The team will meet anyone within a day.", "The team will meet anyone within a day or night."],
    ["Chinese, written without spaces", "无家可归的人应该得到帮助。", "无家可归的人必须得到帮助。"],
    ["Cyrillic", "Помощь будет бесплатной.", "Помощь будет бесплатной и быстрой."],
    ["Arabic, right to left", "سنقدم المشورة مجانا.", "سنقدم المشورة مجانا للجميع."],
    ["accents composed and decomposed", "Café au lait", "Café au lait noir".normalize("NFD")],
  ];
  for (const [name, draft, final] of pairs) {
    it(`gives back both versions exactly: ${name}`, ({ expect }) => {
      const changes = compareWords(draft, final);
      expect(before(changes)).toBe(draft.normalize("NFC"));
      expect(after(changes)).toBe(final.normalize("NFC"));
    });
  }

  it("reads accents the same however they were typed", ({ expect }) => {
    expect(marked(compareWords("Café au lait", "Café au lait noir".normalize("NFD")))).toEqual([["inserted", "noir"]]);
  });

  it("marks a moved word as deleted where it was and inserted where it is", ({ expect }) => {
    expect(marked(compareWords("a b c d", "b c d a"))).toEqual([
      ["deleted", "a"],
      ["inserted", "a"],
    ]);
  });

  it("marks punctuation on its own, leaving the words around it unchanged", ({ expect }) => {
    expect(marked(compareWords("Hello, world.", "Hello world!"))).toEqual([
      ["deleted", ","],
      ["deleted", "."],
      ["inserted", "!"],
    ]);
  });

  it("marks only the changed word in a script written without spaces", ({ expect }) => {
    expect(marked(compareWords("无家可归的人应该得到帮助。", "无家可归的人必须得到帮助。"))).toEqual([
      ["deleted", "应该"],
      ["inserted", "必须"],
    ]);
  });

  it("marks a whole paragraph added or removed, and nothing for one kept", ({ expect }) => {
    expect(compareWords("", "A new paragraph.")).toEqual([{ kind: "inserted", text: "A new paragraph." }]);
    expect(compareWords("An old paragraph.", "")).toEqual([{ kind: "deleted", text: "An old paragraph." }]);
    expect(compareWords("Kept.", "Kept.")).toEqual([{ kind: "same", text: "Kept." }]);
  });

  it("compares words as people read them, not markdown", ({ expect }) => {
    expect(plainText("Read **the** [plan](https://example.org) <b>now</b>.")).toBe("Read the plan now.");
  });
});

describe("the changes from draft to final, section by section", () => {
  const sections = strategyChanges(content.draft, content.final!);
  const kinds = (slug: string) => sections.find((s) => s.slug === slug)!.paragraphs.map((p) => [p.id, p.kind]);

  it("lists final paragraphs in order, with left-out draft paragraphs where they stood", ({ expect }) => {
    expect(kinds("advice")).toEqual([
      ["advice-1", "revised"],
      ["advice-2", "replaced"],
      ["advice-in-person", "added"],
    ]);
    expect(kinds("streets")).toEqual([
      ["streets-1", "kept"],
      ["night-outreach", "added"],
      ["streets-2", "revised"],
      ["winter-beds", "kept"],
    ]);
    expect(kinds("care")).toEqual([
      ["care-1", "kept"],
      ["care-2", "kept"],
      ["care-3", "removed"],
    ]);
  });

  it("compares each revised paragraph word by word, and names what replaces a replaced one", ({ expect }) => {
    const streets = sections.find((s) => s.slug === "streets")!;
    expect(marked(streets.paragraphs.find((p) => p.id === "streets-2")!.words)).toEqual([["inserted", ", day or night"]]);
    const advice = sections.find((s) => s.slug === "advice")!.paragraphs.find((p) => p.id === "advice-2")!;
    expect(advice.replacement?.id).toBe("advice-in-person");
    expect(marked(advice.words)).toEqual([["deleted", "Advice will be free and open to everyone who lives in Testshire."]]);
  });
});
