/**
 * Which published id each paragraph of the draft is, found by its text, so
 * ids survive editing without bookkeeping: a paragraph that moved, or whose
 * neighbours were inserted or removed, still has the text recorded for its
 * id and keeps it. Only a paragraph whose words changed is a question for
 * its author: the same paragraph reworded, or a new one?
 */
import { assignedParagraphId } from "./paragraph-id.ts";
import type { DraftParagraph, DraftSection } from "./draft.ts";
import type { ParagraphLock } from "./lock.ts";
import { similarity } from "./text.ts";

export type ParagraphMatch =
  /** The author gave the id in the markdown. */
  | { kind: "explicit"; paragraph: DraftParagraph; id: string }
  /** Its text is the latest recorded text of a published id. */
  | { kind: "same"; paragraph: DraftParagraph; id: string }
  /** No published paragraph is left unmatched that it could be: a new paragraph, with a new id. */
  | { kind: "new"; paragraph: DraftParagraph; id: string }
  /** Its words changed: probably `id` reworded (the closest published text), unless its author says it is new. */
  | { kind: "reworded"; paragraph: DraftParagraph; id: string; newId: string };

export interface LockMatching {
  matches: ParagraphMatch[];
  /** Published ids no paragraph of the draft is, or may be. */
  missing: string[];
}

const latest = (lock: ParagraphLock, id: string) => lock.paragraphs[id]!.revisions.at(-1)!;

/**
 * Matches every paragraph of the draft to an id. An explicit id is the
 * author's word; otherwise the text decides, and a paragraph that matches no
 * published text is paired with the published paragraph most like it that
 * nothing else is (most alike pairs first), or is new if none shares a word.
 */
export function matchParagraphs(sections: DraftSection[], lock: ParagraphLock, hash: (markdown: string) => string): LockMatching {
  const paragraphs = sections.flatMap((section) => section.paragraphs.map((paragraph) => ({ section, paragraph })));
  const matches = new Map<DraftParagraph, ParagraphMatch>();
  const taken = new Set<string>();
  const take = (match: ParagraphMatch) => (matches.set(match.paragraph, match), taken.add(match.id));

  for (const { paragraph } of paragraphs) if (paragraph.explicitId) take({ kind: "explicit", paragraph, id: paragraph.id });

  const published = () => Object.keys(lock.paragraphs).filter((id) => !taken.has(id) && !lock.replacedBy[id]);
  const byText = new Map<string, string[]>();
  for (const id of published()) byText.set(latest(lock, id).hash, [...(byText.get(latest(lock, id).hash) ?? []), id]);
  for (const { paragraph } of paragraphs.filter(({ paragraph }) => !paragraph.explicitId)) {
    const candidates = (byText.get(hash(paragraph.markdown)) ?? []).filter((id) => !taken.has(id));
    // Two paragraphs with the same words keep the ids their positions gave them, where they can.
    const id = candidates.includes(paragraph.id) ? paragraph.id : candidates[0];
    if (id) take({ kind: "same", paragraph, id });
  }

  const unmatched = paragraphs.filter(({ paragraph }) => !matches.has(paragraph));
  const pairs = unmatched
    .flatMap(({ paragraph }) => published().map((id) => ({ paragraph, id, score: similarity(paragraph.markdown, latest(lock, id).text) })))
    .filter((pair) => pair.score > 0)
    .sort((a, b) => b.score - a.score);
  const reworded: DraftParagraph[] = [];
  for (const pair of pairs) {
    if (matches.has(pair.paragraph) || taken.has(pair.id)) continue;
    take({ kind: "reworded", paragraph: pair.paragraph, id: pair.id, newId: "" });
    reworded.push(pair.paragraph);
  }

  // New ids: the one its position gives where that was never used, else the first free one in its section.
  const used = (id: string) => taken.has(id) || id in lock.paragraphs || id in lock.replacedBy;
  const freshId = (section: DraftSection, paragraph: DraftParagraph) => {
    let id = paragraph.explicitId ? "" : paragraph.id;
    for (let position = 1; !id || used(id); position++) id = assignedParagraphId(section.slug, position);
    taken.add(id);
    return id;
  };
  for (const { section, paragraph } of unmatched) {
    const match = matches.get(paragraph);
    if (!match) take({ kind: "new", paragraph, id: freshId(section, paragraph) });
    else if (match.kind === "reworded") match.newId = freshId(section, paragraph);
  }

  return {
    matches: paragraphs.map(({ paragraph }) => matches.get(paragraph)!),
    missing: published(),
  };
}

/** Gives each paragraph of the draft the id it matched (a reworded one, the id it most likely is). */
export function applyMatches(matching: LockMatching): void {
  for (const match of matching.matches) match.paragraph.id = match.id;
}
