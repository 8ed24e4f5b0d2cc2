/**
 * What changed from the draft to the final strategy, section by section and
 * paragraph by paragraph, word by word (the `diff` library's word
 * comparison, which also splits scripts written without spaces, and keeps
 * spaces as they are so both versions read back exactly).
 */
import { diffWordsWithSpace } from "diff";
import type { Draft, DraftParagraph, DraftSection } from "./draft.ts";
import type { FinalStrategy } from "./final.ts";
import { plainText } from "./text.ts";

export interface WordChange {
  kind: "same" | "inserted" | "deleted";
  text: string;
}

/** The words of `before` and `after`, each marked as kept, inserted or deleted, in reading order. */
export function compareWords(draftText: string, finalText: string): WordChange[] {
  const [before, after] = [draftText.normalize("NFC"), finalText.normalize("NFC")];
  if (before === after) return before ? [{ kind: "same", text: before }] : [];
  return diffWordsWithSpace(before, after).map((part) => ({
    kind: part.added ? "inserted" : part.removed ? "deleted" : "same",
    text: part.value,
  }));
}

export type ChangeKind = "kept" | "revised" | "added" | "removed" | "replaced";

export interface ParagraphChange {
  /** The paragraph's id: its draft id, or for a new paragraph its final id. Unique in its section's changes. */
  id: string;
  kind: ChangeKind;
  draft?: DraftParagraph;
  final?: DraftParagraph;
  /** For a replaced paragraph: the final paragraph that replaces it. */
  replacement?: DraftParagraph;
  words: WordChange[];
}

export interface SectionChanges {
  slug: string;
  /** The final version's number and title, or the draft's for a section the final version left out. */
  number: number;
  title: string;
  paragraphs: ParagraphChange[];
}

function paragraphChange(draftParagraph: DraftParagraph | undefined, finalStrategy: FinalStrategy, finalParagraph?: DraftParagraph): ParagraphChange {
  const before = draftParagraph ? plainText(draftParagraph.markdown) : "";
  if (!draftParagraph) return { id: finalParagraph!.id, kind: "added", final: finalParagraph, words: compareWords("", plainText(finalParagraph!.markdown)) };
  const fate = finalStrategy.fates.get(draftParagraph.id)!;
  if (fate.kind === "kept" || fate.kind === "revised") {
    return { id: draftParagraph.id, kind: fate.kind, draft: draftParagraph, final: fate.final, words: compareWords(before, plainText(fate.final.markdown)) };
  }
  const replacement = fate.kind === "replaced" ? fate.replacement : undefined;
  return { id: draftParagraph.id, kind: fate.kind, draft: draftParagraph, replacement, words: compareWords(before, "") };
}

/**
 * Every section of either version, in the final version's order (sections
 * only the draft had come last). In each, the final paragraphs in order, with
 * each draft paragraph that was left out shown where it stood in the draft.
 */
export function strategyChanges(draft: Draft, finalStrategy: FinalStrategy): SectionChanges[] {
  const draftSections = new Map(draft.sections.map((section) => [section.slug, section]));
  const finalSlugs = new Set(finalStrategy.sections.map((section) => section.slug));
  const leftOut = (section: DraftSection) => section.paragraphs.filter((paragraph) => !finalStrategy.paragraphs.has(paragraph.id));

  const sections: SectionChanges[] = finalStrategy.sections.map((section) => {
    // A left-out draft paragraph follows the last paragraph before it in the draft that the final version kept.
    const after = new Map<string | null, DraftParagraph[]>();
    let anchor: string | null = null;
    for (const paragraph of draftSections.get(section.slug)?.paragraphs ?? []) {
      if (finalStrategy.paragraphs.has(paragraph.id)) anchor = paragraph.id;
      else after.set(anchor, [...(after.get(anchor) ?? []), paragraph]);
    }
    const removedAfter = (id: string | null) => (after.get(id) ?? []).map((paragraph) => paragraphChange(paragraph, finalStrategy));
    return {
      slug: section.slug,
      number: section.number,
      title: section.title,
      paragraphs: [
        ...removedAfter(null),
        ...section.paragraphs.flatMap((paragraph) => [paragraphChange(draft.paragraphs.get(paragraph.id), finalStrategy, paragraph), ...removedAfter(paragraph.id)]),
      ],
    };
  });
  for (const section of draft.sections.filter((candidate) => !finalSlugs.has(candidate.slug))) {
    sections.push({ slug: section.slug, number: section.number, title: section.title, paragraphs: leftOut(section).map((paragraph) => paragraphChange(paragraph, finalStrategy)) });
  }
  return sections;
}
