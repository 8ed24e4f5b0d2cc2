/**
 * The bundled strategy's changes from draft to final (nothing until
 * content/final/ holds a final version), and where each paragraph is in them.
 */
import { strategyChanges, type ParagraphChange, type SectionChanges } from "./compare.ts";
import { draft, final } from "./index.ts";

export const changes: SectionChanges[] = final ? strategyChanges(draft, final) : [];

const byId = new Map<string, { section: SectionChanges; change: ParagraphChange }>();
for (const section of changes) for (const change of section.paragraphs) byId.set(change.id, { section, change });

/** What became of a paragraph, by its draft or final id; undefined without a final version. */
export function changeOf(paragraphId: string): { section: SectionChanges; change: ParagraphChange } | undefined {
  return byId.get(paragraphId);
}
