/** Where a comment points in the draft, and the words its author saw. */
import { draft, lock, sectionOf } from "./index.ts";
import type { DraftSection } from "./draft.ts";
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

/** The revision of the paragraph's words that people see now; 0 for a general comment. */
export function revisionSeenNow(paragraphId: string): number {
  return paragraphId === GENERAL ? 0 : currentRevision(lock, paragraphId);
}

export function commentedParagraph(paragraphId: string, revision: number): CommentedParagraph {
  const paragraph = draft.paragraphs.get(paragraphId);
  const text = paragraphId === GENERAL ? "" : (lock.paragraphs[paragraphId]?.revisions[revision - 1]?.text ?? "");
  return { id: paragraphId, number: paragraph?.number ?? "", sectionTitle: paragraph ? sectionOf(paragraph).title : "", revision, text };
}

/** A paragraph feedback can be about: one of the draft's, or the strategy as a whole. */
export function isFeedbackParagraph(id: string): boolean {
  return id === GENERAL || draft.paragraphs.has(id);
}

const draftOrder = new Map([...draft.paragraphs.keys()].map((id, index) => [id, index]));

/** Orders paragraph ids as the strategy reads: the draft's paragraphs in order, then anything else (general, retired) by id. */
export function compareParagraphIds(a: string, b: string): number {
  const [x, y] = [draftOrder.get(a) ?? Infinity, draftOrder.get(b) ?? Infinity];
  return x === y ? a.localeCompare(b) : x < y ? -1 : 1;
}

/** The section a paragraph id belongs to; undefined for the strategy as a whole or an id no longer in the strategy. */
export function sectionOfParagraph(id: string): DraftSection | undefined {
  const paragraph = draft.paragraphs.get(id);
  return paragraph && sectionOf(paragraph);
}
