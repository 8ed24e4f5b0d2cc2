/**
 * The final strategy (content/final/NN-slug.md), written after the
 * consultation with the draft's paragraph ids, so every comment and every
 * feedback entry can be followed to what became of its paragraph:
 *
 * - a paragraph kept word for word keeps its draft id by itself, wherever it moved;
 * - a reworded paragraph names its draft id, `… text. {#rough-sleeping-2}`;
 * - a new paragraph gets an id of its own that no draft paragraph had;
 * - a draft paragraph left out is listed in content/final/removed.json, as
 *   removed or as replaced by a paragraph of the final version.
 */
import { z } from "zod";
import { ContentError, parseJsonContent } from "./content-error.ts";
import { indexParagraphs, parseSectionFiles, type Draft, type DraftParagraph, type DraftSection, type SourceFile } from "./draft.ts";
import type { ParagraphLock } from "./lock.ts";
import { closest, glimpse, plainText } from "./text.ts";

export const FINAL_DIRECTORY = "content/final";
export const REMOVED_FILE = "content/final/removed.json";

const removedSchema = z.strictObject({
  /** Draft paragraphs the final version leaves out. */
  removed: z.array(z.string()).default([]),
  /** Draft paragraphs the final version replaces, and the final paragraph that replaces each. */
  replacedBy: z.record(z.string(), z.string()).default({}),
});

/** What became of a draft paragraph in the final version. */
export type ParagraphFate =
  | { kind: "kept" | "revised"; final: DraftParagraph }
  | { kind: "removed" }
  | { kind: "replaced"; replacement: DraftParagraph };

export interface FinalStrategy extends Draft {
  /** For every draft paragraph id. */
  fates: Map<string, ParagraphFate>;
  /** Final paragraphs no draft paragraph became. */
  added: Set<string>;
}

export interface FinalSources {
  sections: SourceFile[];
  removed?: SourceFile;
}

const sameText = (a: DraftParagraph, b: DraftParagraph) => plainText(a.markdown) === plainText(b.markdown);

/**
 * Gives each final paragraph its id: the id its author wrote, or the id of
 * the draft paragraph it repeats word for word. Anything else is a problem,
 * named with the closest draft paragraph so the author can say which it is.
 */
function resolveIds(sections: DraftSection[], draft: Draft, lock: ParagraphLock): void {
  const problems = new Map<string, string[]>();
  const problem = (file: string, text: string) => problems.set(file, [...(problems.get(file) ?? []), text]);
  const claimed = new Set<string>();
  const all = sections.flatMap((section) => section.paragraphs.map((paragraph) => ({ section, paragraph })));

  for (const { section, paragraph } of all.filter(({ paragraph }) => paragraph.explicitId)) {
    const replacement = lock.replacedBy[paragraph.id];
    if (replacement) problem(section.file, `paragraph ${paragraph.number} has the id "${paragraph.id}", which was retired in favour of "${replacement}" during the consultation: use "${replacement}" or a new id`);
    claimed.add(paragraph.id);
  }
  for (const { section, paragraph } of all.filter(({ paragraph }) => !paragraph.explicitId)) {
    const same = [...draft.paragraphs.values()].find((candidate) => !claimed.has(candidate.id) && sameText(candidate, paragraph));
    if (same) {
      paragraph.id = same.id;
      claimed.add(same.id);
      continue;
    }
    const unclaimed = [...draft.paragraphs.values()].filter((candidate) => !claimed.has(candidate.id)).map((candidate) => ({ ...candidate, text: candidate.markdown }));
    const nearest = closest(paragraph.markdown, unclaimed);
    problem(
      section.file,
      `paragraph ${paragraph.number} ("${glimpse(paragraph.markdown)}") is not a draft paragraph word for word, so it needs an id. ` +
        (nearest ? `If it is draft paragraph ${nearest.number} reworded ("${glimpse(nearest.markdown)}"), end it with {#${nearest.id}}; ` : "") +
        `if it is a new paragraph, end it with a new id, such as {#${section.slug}-new-${paragraph.number.replace(".", "-")}}`,
    );
  }
  const [file, list] = [...problems][0] ?? [];
  if (file) throw new ContentError(file, list!);
}

/** What became of each draft paragraph, checked against content/final/removed.json. */
function fatesOf(final: Draft, draft: Draft, removedFile: SourceFile | undefined): Pick<FinalStrategy, "fates" | "added"> {
  const removed = removedFile ? parseJsonContent(removedFile.file, removedFile.text, removedSchema) : { removed: [], replacedBy: {} };
  const problems: string[] = [];
  const fates = new Map<string, ParagraphFate>();
  for (const paragraph of draft.paragraphs.values()) {
    const kept = final.paragraphs.get(paragraph.id);
    const replacement = removed.replacedBy[paragraph.id];
    const listed = removed.removed.includes(paragraph.id) || replacement !== undefined;
    if (kept) {
      if (listed) problems.push(`"${paragraph.id}" is listed as removed, but the final version has it (${kept.number})`);
      fates.set(paragraph.id, { kind: sameText(paragraph, kept) ? "kept" : "revised", final: kept });
    } else if (replacement !== undefined) {
      const replacedBy = final.paragraphs.get(replacement);
      if (!replacedBy) problems.push(`"${paragraph.id}" is replaced by "${replacement}", which is not a paragraph of the final version`);
      else fates.set(paragraph.id, { kind: "replaced", replacement: replacedBy });
    } else if (listed) {
      fates.set(paragraph.id, { kind: "removed" });
    } else {
      problems.push(
        `draft paragraph ${paragraph.number} ("${paragraph.id}": "${glimpse(paragraph.markdown)}") is not in the final version: ` +
          `if it was left out, list it under "removed"; if another paragraph replaces it, list it under "replacedBy" with that paragraph's id`,
      );
    }
  }
  for (const id of [...removed.removed, ...Object.keys(removed.replacedBy)]) {
    if (!draft.paragraphs.has(id)) problems.push(`"${id}" is listed, but it is not a paragraph of the draft`);
  }
  if (problems.length > 0) throw new ContentError(removedFile?.file ?? REMOVED_FILE, problems);
  const added = new Set([...final.paragraphs.keys()].filter((id) => !draft.paragraphs.has(id)));
  return { fates, added };
}

/** Parses and checks the final version against the draft; throws a ContentError naming the file and the problem. */
export function parseFinal(sources: FinalSources, draft: Draft, lock: ParagraphLock): FinalStrategy {
  const sections = parseSectionFiles(sources.sections, FINAL_DIRECTORY);
  resolveIds(sections, draft, lock);
  const final = indexParagraphs(sections);
  return { ...final, ...fatesOf(final, draft, sources.removed) };
}
