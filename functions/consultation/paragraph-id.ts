/** The paragraph-id scheme, shared by the draft parser, the pages and the API. */

/** The id of a comment on the strategy as a whole. */
export const GENERAL = "general";

const PARAGRAPH_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function isWellFormedParagraphId(id: string): boolean {
  return id.length >= 2 && id.length <= 64 && PARAGRAPH_ID.test(id) && id !== GENERAL;
}

/** The id a paragraph gets when its author gives none: its section's slug and its position. */
export function assignedParagraphId(sectionSlug: string, position: number): string {
  return `${sectionSlug}-${position}`;
}

/** The number people see beside a paragraph, such as "3.2". */
export function paragraphNumber(sectionNumber: number, position: number): string {
  return `${sectionNumber}.${position}`;
}
