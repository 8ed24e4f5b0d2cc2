/** Where a comment points in the draft, and the words its author saw. */
import { draft, lock, sectionOf } from "./index.ts";
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
