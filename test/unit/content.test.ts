import { describe, it } from "vitest";
import { loadContent, type ContentSources } from "../../functions/consultation/content.ts";
import { ContentError } from "../../functions/consultation/content-error.ts";
import { parseDraftSections as parseDraft, renderSection, type SourceFile } from "../../functions/consultation/draft.ts";
import { paragraphHash, updateLock } from "../../functions/consultation/lock.ts";
import { content } from "../../functions/consultation/index.ts";

const settings = {
  title: "Test strategy",
  slug: "test-strategy",
  organisation: "Test Council",
  language: "en",
  opensAt: "2026-10-05T09:00",
  closesAt: "2026-12-18",
  contact: { email: "consult@council.example", phone: "020 7946 0000", address: "Town Hall" },
};

const sections = [
  { file: "content/draft/01-first.md", text: "# First\n\nOne one.\n\nOne two. {#kept-id}\n" },
  { file: "content/draft/02-second.md", text: "# Second\n\n## A heading\n\nTwo one.\n" },
];

/** Sources whose lock matches the draft, with any part replaced. */
function sources(overrides: Partial<{ settings: unknown; draft: typeof sections; lock: unknown; final: typeof sections; removed: unknown }> = {}): ContentSources {
  const draft = overrides.draft ?? sections;
  const lock = overrides.lock ?? updateLock(parseDraft(draft), { paragraphs: {}, replacedBy: {} }, { revise: [], replace: {} }).lock;
  const removed = overrides.removed ? { file: "content/final/removed.json", text: JSON.stringify(overrides.removed) } : undefined;
  return {
    settings: { file: "content/consultation.json", text: JSON.stringify(overrides.settings ?? settings) },
    draft,
    lock: { file: "content/paragraphs.lock.json", text: JSON.stringify(lock) },
    ...(overrides.final && { final: { sections: overrides.final, removed } }),
  };
}

function problemWith(sourcesToLoad: ContentSources): ContentError {
  try {
    loadContent(sourcesToLoad);
  } catch (error) {
    if (error instanceof ContentError) return error;
    throw error;
  }
  throw new Error("expected the content to be refused");
}

describe("the draft's paragraphs", () => {
  it("numbers paragraphs by section and position, keeping explicit ids", ({ expect }) => {
    const { draft } = loadContent(sources());
    expect([...draft.paragraphs.values()].map((p) => [p.id, p.number])).toEqual([
      ["first-1", "1.1"],
      ["kept-id", "1.2"],
      ["second-1", "2.1"],
    ]);
    expect(draft.paragraphs.get("kept-id")?.markdown).toBe("One two.");
  });

  it("renders each paragraph with its id, data-paragraph, number and comment link", ({ expect }) => {
    const { draft } = loadContent(sources());
    const html = renderSection(draft.sections[0]!, {
      paragraphLink: (p) => ({ href: `/comment/${p.id}`, text: `Comment on paragraph ${p.number}` }),
      paragraphLabel: (p) => `Paragraph ${p.number}`,
      commentable: true,
    });
    expect(html).toContain('<div class="paragraph" id="kept-id" data-paragraph="kept-id">');
    expect(html).toContain('aria-label="Paragraph 1.2">1.2</a><p>One two.</p>');
    expect(html).toContain('<a href="/comment/kept-id">Comment on paragraph 1.2</a>');
    expect(html).not.toContain("{#");
  });

  it("does not render raw HTML written in the draft", ({ expect }) => {
    const draft = [{ file: "content/draft/01-first.md", text: "# First\n\nHello <script>alert(1)</script> there.\n" }];
    const loaded = loadContent(sources({ draft }));
    const html = renderSection(loaded.draft.sections[0]!, {
      paragraphLink: () => ({ href: "#", text: "c" }),
      paragraphLabel: () => "p",
      commentable: true,
    });
    expect(html).not.toContain("<script");
  });

  it("bundles the consultation's own files (here the fixture consultation) as the site bundles content/", ({ expect }) => {
    expect(content.settings.slug).toBe("fixture-plan");
    expect(content.draft.sections.map((section) => section.slug)).toEqual(["about", "advice", "streets", "homes", "care"]);
    expect(content.draft.paragraphs.get("winter-beds")?.number).toBe("3.3");
    expect(content.draft.sections[2]!.file).toBe("content/draft/03-streets.md");
  });
});

describe("invalid content is refused, naming the file and the problem", () => {
  it("a missing setting", ({ expect }) => {
    const { closesAt: _, ...withoutClosing } = settings;
    const error = problemWith(sources({ settings: withoutClosing }));
    expect(error.file).toBe("content/consultation.json");
    expect(error.message).toMatch(/closesAt/);
  });

  it("a date that does not exist", ({ expect }) => {
    const error = problemWith(sources({ settings: { ...settings, closesAt: "2026-02-30" } }));
    expect(error.file).toBe("content/consultation.json");
    expect(error.message).toMatch(/closesAt: must be a London date/);
  });

  it("a closing date before the opening date", ({ expect }) => {
    expect(problemWith(sources({ settings: { ...settings, closesAt: "2026-01-01" } })).message).toMatch(/after opensAt/);
  });

  it("a duplicate paragraph id", ({ expect }) => {
    const draft = [sections[0]!, { file: "content/draft/02-second.md", text: "# Second\n\nAgain. {#kept-id}\n" }];
    const error = problemWith(sources({ draft, lock: { paragraphs: {}, replacedBy: {} } }));
    expect(error.file).toBe("content/draft/02-second.md");
    expect(error.message).toMatch(/"kept-id", which paragraph 1.2 already uses/);
  });

  it("a malformed explicit id", ({ expect }) => {
    const draft = [{ file: "content/draft/01-first.md", text: "# First\n\nText. {#Not_OK}\n" }];
    expect(problemWith(sources({ draft, lock: { paragraphs: {}, replacedBy: {} } })).file).toBe("content/draft/01-first.md");
  });

  it("a section file without its title", ({ expect }) => {
    const draft = [{ file: "content/draft/01-first.md", text: "Just text.\n" }];
    expect(problemWith(sources({ draft, lock: { paragraphs: {}, replacedBy: {} } })).message).toMatch(/level-1 heading/);
  });
});

describe("the paragraph lock keeps published ids meaning what they meant", () => {
  const published = () => JSON.parse(sources().lock.text);

  it("refuses a published paragraph whose text changed silently", ({ expect }) => {
    const draft = [{ ...sections[0]!, text: sections[0]!.text.replace("One two.", "One two, reworded.") }, sections[1]!];
    const error = problemWith(sources({ draft, lock: published() }));
    expect(error.file).toBe("content/paragraphs.lock.json");
    expect(error.message).toMatch(/text of "kept-id" \(1.2\) differs/);
  });

  it("accepts the change once it is recorded as a new revision", ({ expect }) => {
    const draft = [{ ...sections[0]!, text: sections[0]!.text.replace("One two.", "One two, reworded.") }, sections[1]!];
    const { lock, problems } = updateLock(parseDraft(draft), published(), { revise: ["kept-id"], replace: {} });
    expect(problems).toEqual([]);
    expect(lock.paragraphs["kept-id"]!.revisions.map((r) => r.text)).toEqual(["One two.", "One two, reworded."]);
    expect(loadContent(sources({ draft, lock })).lock.paragraphs["kept-id"]!.revisions).toHaveLength(2);
  });

  it("does not record a changed paragraph unless told to", ({ expect }) => {
    const draft = [{ ...sections[0]!, text: sections[0]!.text.replace("One one.", "Changed.") }, sections[1]!];
    const { lock, problems } = updateLock(parseDraft(draft), published(), { revise: [], replace: {} });
    expect(problems.join()).toMatch(/first-1/);
    expect(lock.paragraphs["first-1"]!.revisions).toEqual([{ hash: paragraphHash("One one."), text: "One one." }]);
  });

  it("refuses a dropped published id, and accepts it once mapped to its replacement", ({ expect }) => {
    const draft = [{ ...sections[0]!, text: "# First\n\nOne one.\n\nA new paragraph. {#new-id}\n" }, sections[1]!];
    expect(problemWith(sources({ draft, lock: published() })).message).toMatch(/"kept-id" was published but is no longer in the draft/);
    const { lock, problems } = updateLock(parseDraft(draft), published(), { revise: [], replace: { "kept-id": "new-id" } });
    expect(problems).toEqual([]);
    expect(lock.replacedBy).toEqual({ "kept-id": "new-id" });
  });

  it("refuses a new paragraph that is not yet recorded", ({ expect }) => {
    const draft = [sections[0]!, { ...sections[1]!, text: `${sections[1]!.text}\nTwo two.\n` }];
    expect(problemWith(sources({ draft, lock: published() })).message).toMatch(/"second-2" \(2.2\) is new/);
  });

  it("matches the committed lock file for the bundled draft", ({ expect }) => {
    for (const paragraph of content.draft.paragraphs.values()) {
      expect(content.lock.paragraphs[paragraph.id]?.revisions.at(-1)?.hash).toBe(paragraphHash(paragraph.markdown));
    }
  });
});

describe("the final version keeps the draft's paragraph ids", () => {
  const draft = [
    { file: "content/draft/01-first.md", text: "# First\n\nOne one.\n\nOne two. {#kept-id}\n\nOne three, about beds.\n" },
    { file: "content/draft/02-second.md", text: "# Second\n\nTwo one.\n\nTwo two.\n" },
  ];
  const finalFile = (file: string, text: string) => ({ file: `content/final/${file}`, text });

  it("keeps the id of a paragraph kept word for word, even when it moved; takes revisions and new ids from the text", ({ expect }) => {
    const { final } = loadContent(
      sources({
        draft,
        final: [
          finalFile("01-first.md", "# First\n\nA new first paragraph. {#brand-new}\n\nOne one.\n\nOne three, about single beds. {#first-3}\n"),
          finalFile("02-second.md", "# Second\n\nTwo one.\n\nOne two.\n"),
        ],
        removed: { removed: ["second-2"] },
      }),
    );
    expect([...final!.paragraphs.values()].map((p) => [p.id, p.number])).toEqual([
      ["brand-new", "1.1"],
      ["first-1", "1.2"],
      ["first-3", "1.3"],
      ["second-1", "2.1"],
      ["kept-id", "2.2"],
    ]);
    expect(Object.fromEntries([...final!.fates].map(([id, fate]) => [id, fate.kind]))).toEqual({
      "first-1": "kept",
      "kept-id": "kept",
      "first-3": "revised",
      "second-1": "kept",
      "second-2": "removed",
    });
    expect([...final!.added]).toEqual(["brand-new"]);
  });

  it("is optional: without content/final there is no final version", ({ expect }) => {
    expect(loadContent(sources({ draft })).final).toBeUndefined();
  });

  it("records which paragraph replaces a draft paragraph", ({ expect }) => {
    const { final } = loadContent(
      sources({
        draft,
        final: [finalFile("01-first.md", "# First\n\nOne one.\n\nOne two.\n\nBeds for everyone. {#beds}\n"), finalFile("02-second.md", "# Second\n\nTwo one.\n\nTwo two.\n")],
        removed: { replacedBy: { "first-3": "beds" } },
      }),
    );
    expect(final!.fates.get("first-3")).toMatchObject({ kind: "replaced", replacement: { id: "beds", number: "1.3" } });
  });

  const refusals: [string, Partial<Parameters<typeof sources>[0]>, string, RegExp][] = [
    [
      "a reworded paragraph without an id, naming the closest draft paragraph",
      { final: [finalFile("01-first.md", "# First\n\nOne one.\n\nOne two.\n\nOne three, about beds in winter.\n"), finalFile("02-second.md", "# Second\n\nTwo one.\n\nTwo two.\n")] },
      "content/final/01-first.md",
      /paragraph 1\.3 \("One three, about beds in winter\."\) is not a draft paragraph word for word.*draft paragraph 1\.3 reworded.*\{#first-3\}/,
    ],
    [
      "a draft paragraph left out without saying so",
      { final: [finalFile("01-first.md", "# First\n\nOne one.\n\nOne two.\n"), finalFile("02-second.md", "# Second\n\nTwo one.\n\nTwo two.\n")] },
      "content/final/removed.json",
      /draft paragraph 1\.3 \("first-3": "One three, about beds\."\) is not in the final version/,
    ],
    [
      "a paragraph listed as removed that the final version still has",
      { final: [finalFile("01-first.md", "# First\n\nOne one.\n\nOne two.\n\nOne three, about beds.\n"), finalFile("02-second.md", "# Second\n\nTwo one.\n\nTwo two.\n")], removed: { removed: ["first-1"] } },
      "content/final/removed.json",
      /"first-1" is listed as removed, but the final version has it \(1\.1\)/,
    ],
    [
      "a replacement that is not in the final version",
      { final: [finalFile("01-first.md", "# First\n\nOne one.\n\nOne two.\n"), finalFile("02-second.md", "# Second\n\nTwo one.\n\nTwo two.\n")], removed: { replacedBy: { "first-3": "nowhere" } } },
      "content/final/removed.json",
      /"first-3" is replaced by "nowhere", which is not a paragraph of the final version/,
    ],
    [
      "listing an id the draft never had",
      { final: [finalFile("01-first.md", "# First\n\nOne one.\n\nOne two.\n\nOne three, about beds.\n"), finalFile("02-second.md", "# Second\n\nTwo one.\n\nTwo two.\n")], removed: { removed: ["ghost"] } },
      "content/final/removed.json",
      /"ghost" is listed, but it is not a paragraph of the draft/,
    ],
    [
      "the same id twice",
      { final: [finalFile("01-first.md", "# First\n\nOne one.\n\nOne two. {#kept-id}\n\nAgain. {#kept-id}\n\nOne three, about beds.\n"), finalFile("02-second.md", "# Second\n\nTwo one.\n\nTwo two.\n")] },
      "content/final/01-first.md",
      /"kept-id", which paragraph 1\.2 already uses/,
    ],
    [
      "a removed file that is not valid",
      { final: [finalFile("01-first.md", "# First\n\nOne one.\n\nOne two.\n\nOne three, about beds.\n"), finalFile("02-second.md", "# Second\n\nTwo one.\n\nTwo two.\n")], removed: { gone: ["first-1"] } },
      "content/final/removed.json",
      /gone/,
    ],
  ];
  for (const [name, overrides, file, message] of refusals) {
    it(`refuses ${name}, naming the file`, ({ expect }) => {
      const error = problemWith(sources({ draft, ...overrides }));
      expect(error.file).toBe(file);
      expect(error.message).toMatch(message);
    });
  }

  it("refuses an id retired during the consultation", ({ expect }) => {
    const lock = updateLock(parseDraft(draft), { paragraphs: {}, replacedBy: {} }, { revise: [], replace: {} }).lock;
    lock.replacedBy["old-beds"] = "first-3";
    const final = [finalFile("01-first.md", "# First\n\nOne one.\n\nOne two.\n\nOne three, about beds.\n\nOld. {#old-beds}\n"), finalFile("02-second.md", "# Second\n\nTwo one.\n\nTwo two.\n")];
    const error = problemWith(sources({ draft, lock, final }));
    expect(error.file).toBe("content/final/01-first.md");
    expect(error.message).toMatch(/"old-beds", which was retired in favour of "first-3"/);
  });

  it("bundles the fixture consultation's final version", ({ expect }) => {
    expect(content.final!.fates.get("streets-2")).toMatchObject({ kind: "revised", final: { number: "3.3" } });
    expect(content.final!.fates.get("winter-beds")).toMatchObject({ kind: "kept", final: { number: "3.4" } });
    expect(content.final!.fates.get("care-3")).toEqual({ kind: "removed" });
  });
});

describe("the lock matches paragraphs by their text, so ids survive editing", () => {
  const section = (...paragraphs: string[]) => [{ file: "content/draft/01-streets.md", text: `# Streets\n\n${paragraphs.join("\n\n")}\n` }];
  const published = section("Outreach every day.", "Beds in winter.", "Help with housing.");
  const lockFor = (draft: SourceFile[]) => updateLock(parseDraft(draft), { paragraphs: {}, replacedBy: {} }, { revise: [], replace: {} }).lock;
  const ids = (draft: SourceFile[], lock = lockFor(published)) => [...loadContent(sources({ draft, lock })).draft.paragraphs.values()].map((p) => [p.number, p.id]);

  it("keeps every id when a paragraph is inserted at the top, and records the new one under an unused id", ({ expect }) => {
    const draft = section("A new first paragraph.", "Outreach every day.", "Beds in winter.", "Help with housing.");
    const error = problemWith(sources({ draft, lock: lockFor(published) }));
    expect(error.problems).toEqual(['"streets-4" (1.1) is new: record it with `npm run paragraphs:lock`']);
    const { lock, problems } = updateLock(parseDraft(draft), lockFor(published), { revise: [], replace: {} });
    expect(problems).toEqual([]);
    expect(ids(draft, lock)).toEqual([
      ["1.1", "streets-4"],
      ["1.2", "streets-1"],
      ["1.3", "streets-2"],
      ["1.4", "streets-3"],
    ]);
  });

  it("keeps every id when paragraphs move", ({ expect }) => {
    expect(ids(section("Help with housing.", "Outreach every day.", "Beds in winter."))).toEqual([
      ["1.1", "streets-3"],
      ["1.2", "streets-1"],
      ["1.3", "streets-2"],
    ]);
  });

  it("keeps the ids after a removed paragraph, and asks only what replaces the removed one", ({ expect }) => {
    const draft = section("Outreach every day.", "Help with housing.");
    const error = problemWith(sources({ draft, lock: lockFor(published) }));
    expect(error.problems).toEqual(['"streets-2" was published but is no longer in the draft: keep it, or say which paragraph replaces it with `npm run paragraphs:lock -- --replace streets-2=NEW-ID`']);
    const { lock, problems } = updateLock(parseDraft(draft), lockFor(published), { revise: [], replace: { "streets-2": "streets-3" } });
    expect(problems).toEqual([]);
    expect(ids(draft, lock)).toEqual([
      ["1.1", "streets-1"],
      ["1.2", "streets-3"],
    ]);
  });

  it("asks about a reworded paragraph only, showing the closest published text", ({ expect }) => {
    const draft = section("Outreach every day and every night.", "Beds in winter.", "Help with housing.");
    const error = problemWith(sources({ draft, lock: lockFor(published) }));
    expect(error.file).toBe("content/paragraphs.lock.json");
    expect(error.problems).toEqual([
      'paragraph 1.1 ("Outreach every day and every night.") matches no published text. The closest published paragraph is "streets-1": "Outreach every day.". ' +
        "If 1.1 is that paragraph reworded, record a new revision with `npm run paragraphs:lock -- --revise 1.1`; " +
        'if it is a new paragraph, record it as "streets-4" with `npm run paragraphs:lock -- --new 1.1`',
    ]);
  });

  it("records a reworded paragraph as the next revision of its id when told so", ({ expect }) => {
    const draft = section("Outreach every day and every night.", "Beds in winter.", "Help with housing.");
    const { lock, problems } = updateLock(parseDraft(draft), lockFor(published), { revise: ["1.1"], replace: {} });
    expect(problems).toEqual([]);
    expect(lock.paragraphs["streets-1"]!.revisions.map((r) => r.text)).toEqual(["Outreach every day.", "Outreach every day and every night."]);
    expect(ids(draft, lock)[0]).toEqual(["1.1", "streets-1"]);
  });

  it("records a reworded paragraph as a new one when told so, leaving its look-alike to be replaced", ({ expect }) => {
    const draft = section("Outreach every day and every night.", "Beds in winter.", "Help with housing.");
    const { lock, problems } = updateLock(parseDraft(draft), lockFor(published), { revise: [], new: ["1.1"], replace: {} });
    expect(lock.paragraphs["streets-4"]!.revisions.map((r) => r.text)).toEqual(["Outreach every day and every night."]);
    expect(problems).toEqual([expect.stringMatching(/^"streets-1" was published but is no longer in the draft/)]);
  });

  it("pairs a reworded paragraph with its own id even when a new one is inserted before it", ({ expect }) => {
    const draft = section("Night shelters are open to couples.", "Outreach every day and every night.", "Beds in winter.", "Help with housing.");
    const error = problemWith(sources({ draft, lock: lockFor(published) }));
    expect(error.problems).toEqual([
      '"streets-4" (1.1) is new: record it with `npm run paragraphs:lock`',
      expect.stringMatching(/^paragraph 1\.2 .* The closest published paragraph is "streets-1"/),
    ]);
  });

  it("lets the author say which published paragraph a reworded one is", ({ expect }) => {
    const draft = section("Outreach every day.", "Beds and help in winter.");
    const { lock, problems } = updateLock(parseDraft(draft), lockFor(published), { revise: ["1.2=streets-3"], replace: { "streets-2": "streets-3" } });
    expect(problems).toEqual([]);
    expect(lock.paragraphs["streets-3"]!.revisions.at(-1)!.text).toBe("Beds and help in winter.");
  });
});

describe("translations of the draft", () => {
  const languages = ["en", "es", "it"];
  const translation = (file: string, text: string) => ({ ...sources(), translations: [{ file, text }] });
  const refusal = (toLoad: ContentSources) => {
    try {
      loadContent(toLoad, languages);
    } catch (error) {
      if (error instanceof ContentError) return error;
      throw error;
    }
    throw new Error("expected the translation to be refused");
  };

  it("loads a section translated paragraph by paragraph, with the English paragraphs' ids and numbers", ({ expect }) => {
    const { translations } = loadContent(translation("content/draft/es/01-first.md", "# Primera\n\nUno uno. {#first-1}\n\nUno dos. {#kept-id}\n"), languages);
    const section = translations.get("es")?.get("first");
    expect(section?.title).toBe("Primera");
    expect(section?.paragraphs.map((p) => [p.id, p.number, p.markdown])).toEqual([
      ["first-1", "1.1", "Uno uno."],
      ["kept-id", "1.2", "Uno dos."],
    ]);
  });

  it("refuses a translated paragraph without the id of the English paragraph it translates, naming the file", ({ expect }) => {
    const problem = refusal(translation("content/draft/es/01-first.md", "# Primera\n\nUno uno.\n\nUno dos. {#kept-id}\n"));
    expect(problem.file).toBe("content/draft/es/01-first.md");
    expect(problem.problems).toEqual(["paragraph 1.1 must end with the id of the English paragraph it translates, such as {#first-1}"]);
  });

  it("refuses a translation whose paragraphs are not the English section's, in order, saying which are missing or unknown", ({ expect }) => {
    const missing = refusal(translation("content/draft/it/01-first.md", "# Prima\n\nUno due. {#kept-id}\n"));
    expect(missing.file).toBe("content/draft/it/01-first.md");
    expect(missing.problems[0]).toBe("its paragraphs must be the English section's, in the same order: first-1, kept-id; missing first-1");
    const unknown = refusal(translation("content/draft/it/01-first.md", "# Prima\n\nUno. {#first-1}\n\nDue. {#kept-id}\n\nTre. {#second-1}\n"));
    expect(unknown.problems[0]).toContain("not in the English section: second-1");
    const reordered = refusal(translation("content/draft/it/01-first.md", "# Prima\n\nDue. {#kept-id}\n\nUno. {#first-1}\n"));
    expect(reordered.problems[0]).toContain("in the same order");
  });

  it("refuses a translation of a section the draft does not have, or into a language the site has no dictionary for", ({ expect }) => {
    expect(refusal(translation("content/draft/es/03-third.md", "# Tercera\n\nTres. {#third-1}\n")).problems).toEqual([
      "there is no content/draft/03-third.md for it to translate",
    ]);
    const french = refusal(translation("content/draft/fr/01-first.md", "# Première\n\nUn. {#first-1}\n\nDeux. {#kept-id}\n"));
    expect(french.file).toBe("content/draft/fr/01-first.md");
    expect(french.problems[0]).toContain('"fr" is not a language of the site');
  });
});
