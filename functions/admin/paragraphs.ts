/** Where a comment points in the draft, and the words its author saw. */
import { draft, lock } from "../consultation/index.ts";
import { GENERAL } from "../consultation/paragraph-id.ts";

export interface CommentedParagraph {
  id: string;
  /** The number people see, such as "3.2"; empty for a general comment or a retired paragraph. */
  number: string;
  sectionTitle: string;
  revision: number;
  /** The paragraph's text at that revision (markdown), empty for a general comment. */
  text: string;
}

export function commentedParagraph(paragraphId: string, revision: number): CommentedParagraph {
  const paragraph = draft.paragraphs.get(paragraphId);
  const section = paragraph && draft.sections.find((s) => s.number === paragraph.sectionNumber);
  const text = paragraphId === GENERAL ? "" : (lock.paragraphs[paragraphId]?.revisions[revision - 1]?.text ?? "");
  return { id: paragraphId, number: paragraph?.number ?? "", sectionTitle: section?.title ?? "", revision, text };
}
