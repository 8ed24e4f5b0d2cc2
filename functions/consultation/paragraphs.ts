/** Where a comment points in the draft, and the words its author saw. */
import { changeOf, changes } from "./changes.ts";
import { draft, final, lock, sectionOf } from "./index.ts";
import { currentRevision } from "./lock.ts";
import { GENERAL } from "./paragraph-id.ts";

export interface CommentedParagraph {
  id: string;
  /** The number people see, such as "3.2"; empty for a general comment or a retired paragraph. */
  number: string;
  sectionTitle: string;
  revision: number;
  /** The paragraph's text at that revision (markdown), empty for a general comment. */
  text: string;
}

/** A paragraph of the draft, or the strategy as a whole. */
export function isCommentableParagraph(id: string): boolean {
  return id === GENERAL || draft.paragraphs.has(id);
}

const byNumber = new Map([...draft.paragraphs.values()].map((paragraph) => [paragraph.number, paragraph.id]));

/** The paragraph a printed number ("3.2") names, or `general`; undefined for a number not in the draft. */
export function paragraphIdOfNumber(number: string): string | undefined {
  const typed = number.trim().toLowerCase();
  return typed === GENERAL ? GENERAL : byNumber.get(typed);
}

/** The revision of the paragraph's words that people see now; 0 for a general comment. */
export function revisionSeenNow(paragraphId: string): number {
  return paragraphId === GENERAL ? 0 : currentRevision(lock, paragraphId);
}

export function commentedParagraph(paragraphId: string, revision: number): CommentedParagraph {
  const paragraph = draft.paragraphs.get(paragraphId);
  const text = paragraphId === GENERAL ? "" : (lock.paragraphs[paragraphId]?.revisions[revision - 1]?.text ?? "");
  return { id: paragraphId, number: paragraph?.number ?? "", sectionTitle: paragraph ? sectionOf(paragraph).title : "", revision, text };
}

/** A paragraph feedback can be about: one of the draft's, one of the final strategy's, or the strategy as a whole. */
export function isFeedbackParagraph(id: string): boolean {
  return id === GENERAL || draft.paragraphs.has(id) || Boolean(final?.paragraphs.has(id));
}

export interface StrategySection {
  slug: string;
  number: number;
  title: string;
}

/** The sections as the public now reads them: the final version's (and any the draft alone had) once there is one, else the draft's. */
export const strategySections: StrategySection[] = (changes.length > 0 ? changes : draft.sections).map(({ slug, number, title }) => ({ slug, number, title }));

export interface ParagraphPlace {
  /** Its section as the public now reads the strategy. */
  section?: StrategySection;
  /** The slug of its section in the draft, if the draft had it. */
  draftSection?: string;
  /** "3.2" in the draft, or empty if the draft did not have it. */
  draftNumber: string;
  /** "3.3" in the final version, or empty if there is none or it left the paragraph out. */
  finalNumber: string;
  /** Whether the comparison of draft and final shows it. */
  compared: boolean;
}

/** Where a paragraph id is: its section and its numbers in each version; no section for the strategy as a whole or a retired id. */
export function placeOf(id: string): ParagraphPlace {
  const paragraph = draft.paragraphs.get(id);
  const draftSection = paragraph && sectionOf(paragraph);
  const changed = changeOf(id);
  if (changed) {
    const { section, change } = changed;
    const place = strategySections.find((candidate) => candidate.slug === section.slug);
    return { section: place, draftSection: draftSection?.slug, draftNumber: paragraph?.number ?? "", finalNumber: change.final?.number ?? "", compared: true };
  }
  const section = draftSection && { slug: draftSection.slug, number: draftSection.number, title: draftSection.title };
  return { section, draftSection: draftSection?.slug, draftNumber: paragraph?.number ?? "", finalNumber: "", compared: false };
}

const draftOrder = new Map([...draft.paragraphs.keys()].map((id, index) => [id, index]));

/** Orders paragraph ids as the strategy reads: the draft's paragraphs in order, then anything else (general, retired) by id. */
export function compareParagraphIds(a: string, b: string): number {
  const [x, y] = [draftOrder.get(a) ?? Infinity, draftOrder.get(b) ?? Infinity];
  return x === y ? a.localeCompare(b) : x < y ? -1 : 1;
}
