import { describe, it } from "vitest";
import { parseEasyRead, type EasyReadRules } from "../../functions/consultation/easy-read.ts";
import { ContentError } from "../../functions/consultation/content-error.ts";
import { LIMITS } from "../../functions/limits.ts";
import { pictures } from "../../src/easy-read.ts";

const rules: EasyReadRules = {
  languages: new Set(["en", "es"]),
  pictures: new Set(pictures.keys()),
  isParagraph: (id) => ["streets-2", "winter-beds"].includes(id),
};

const parse = (text: string, file = "content/easy-read/en.md") => parseEasyRead({ file, text }, rules);

function problems(text: string, file?: string): string[] {
  try {
    parse(text, file);
  } catch (error) {
    if (error instanceof ContentError) return error.problems;
    throw error;
  }
  throw new Error("the file was accepted");
}

describe("the easy-read format", () => {
  it("reads the title, the parts, and each idea's picture, paragraph and sentences", ({ expect }) => {
    const easyRead = parse(
      "# Our plan: easy read\n\npicture: report | A page\nThis is our plan.\n\n## Streets\n\npicture: bed | A bed\nparagraph: winter-beds\nA bed for everyone.\nIn a room.\n",
      "content/easy-read/es.md",
    );
    expect(easyRead).toEqual({
      language: "es",
      title: "Our plan: easy read",
      parts: [
        { ideas: [{ picture: { name: "report", alt: "A page" }, sentences: ["This is our plan."] }] },
        { heading: "Streets", ideas: [{ picture: { name: "bed", alt: "A bed" }, paragraph: "winter-beds", sentences: ["A bed for everyone.", "In a room."] }] },
      ],
    });
  });

  it("names every problem with its line, so an author can fix them all at once", ({ expect }) => {
    const long = Array.from({ length: LIMITS.easyReadWordsPerLine + 1 }, () => "word").join(" ");
    expect(
      problems(
        `# Title\n\npicture: unicorn | A unicorn\nparagraph: nowhere-9\nHello.\n\npicture: bed\n${long}\n\nNo picture here.\n\n## Empty part\n`,
      ),
    ).toEqual([
      expect.stringMatching(/^line 3: there is no picture "unicorn"; the pictures are .*bed.*home/),
      "line 4: the draft has no paragraph \"nowhere-9\"",
      'line 7: say what the picture shows after a "|", for people who cannot see it',
      `line 8: ${LIMITS.easyReadWordsPerLine + 1} words; easy read keeps to ${LIMITS.easyReadWordsPerLine} words a line, so split it`,
      'line 10: each idea starts with its picture ("picture: home | A house")',
      'the part "Empty part" has no ideas under it',
    ]);
  });

  it("needs a title first, and a file named for a language the portal speaks", ({ expect }) => {
    expect(problems("picture: bed | A bed\nHello.\n", "content/easy-read/fr.md")).toEqual([
      "the file name must be a language code the portal speaks (en, es), then .md",
      'line 1: the file must start with its title as a level-1 heading ("# …")',
    ]);
    expect(problems("")).toEqual(["the file is empty: it needs a title and at least one idea"]);
    expect(problems("# One\n\n# Two\n")).toEqual(["line 3: only one level-1 heading (the title, first) and level-2 headings are used"]);
  });

  it("refuses a picture with no words", ({ expect }) => {
    expect(problems("# Title\n\npicture: bed | A bed\nparagraph: streets-2\n")).toEqual(["line 3: the idea has a picture but no words"]);
  });
});

describe("the pictures", () => {
  it("are hidden from assistive technology themselves (the page names each one) and drawn in the text colour", ({ expect }) => {
    expect(pictures.size).toBeGreaterThanOrEqual(10);
    for (const [name, svg] of pictures) {
      expect(svg, name).toMatch(/^<svg [^>]*aria-hidden="true"[^>]*stroke="currentColor"/);
      expect(svg, name).not.toMatch(/<script|<style|on\w+=|href=/i);
    }
  });
});
