/**
 * The consultation as the running site sees it: content/ bundled at build
 * time (`@content` is content/, or a test's fixture consultation) and
 * validated once when the module loads.
 */
import { loadContent } from "./content.ts";
import { LANGUAGE_CODES } from "../i18n/index.ts";
import { applyOverrides, consultationStatus, type ConsultationPeriod, type ConsultationStatus, type PeriodOverrides } from "./period.ts";
import type { DraftParagraph, DraftSection } from "./draft.ts";

const draftFiles = import.meta.glob("@content/draft/*.md", { query: "?raw", import: "default", eager: true });
const translationFiles = import.meta.glob("@content/draft/*/*.md", { query: "?raw", import: "default", eager: true });
const settingsFile = import.meta.glob("@content/consultation.json", { query: "?raw", import: "default", eager: true });
const lockFile = import.meta.glob("@content/paragraphs.lock.json", { query: "?raw", import: "default", eager: true });
const finalFiles = import.meta.glob("@content/final/*.md", { query: "?raw", import: "default", eager: true });
const removedFile = import.meta.glob("@content/final/removed.json", { query: "?raw", import: "default", eager: true });

/** Paths as authors know them ("content/draft/03-rough-sleeping.md"), whatever the bundler calls them. */
const asSource = ([path, text]: [string, unknown]) => ({ file: `content/${path.replace(/^.*?content\//, "")}`, text: text as string });
const only = (files: Record<string, unknown>) => asSource(Object.entries(files)[0]!);

export const content = loadContent({
  settings: only(settingsFile),
  draft: Object.entries(draftFiles).map(asSource),
  lock: only(lockFile),
  final: {
    sections: Object.entries(finalFiles).map(asSource),
    removed: Object.keys(removedFile).length > 0 ? only(removedFile) : undefined,
  },
  translations: Object.entries(translationFiles).map(asSource),
}, LANGUAGE_CODES);

export const { settings, draft, lock, translations } = content;
/** The final strategy, once content/final/ holds it. */
export const final = content.final;

/** The period in force for this Worker: the content's dates with OPENS_AT/CLOSES_AT applied. */
export function currentPeriod(overrides: PeriodOverrides): ConsultationPeriod {
  return applyOverrides(settings.period, overrides);
}

/** The consultation as it stands at a moment: its period in force and whether comments are taken. */
export interface LiveConsultation {
  period: ConsultationPeriod;
  status: ConsultationStatus;
}

/**
 * The period in force and the status now: what pages and the API ask before
 * saying anything about taking part. Throws a PeriodOverrideError when
 * OPENS_AT/CLOSES_AT are wrong, which pages show as the error page.
 */
export function consultationNow(overrides: PeriodOverrides, now: Date = new Date()): LiveConsultation {
  const period = currentPeriod(overrides);
  return { period, status: consultationStatus(period, now) };
}

/** The section a paragraph of the draft belongs to. */
export function sectionOf(paragraph: DraftParagraph): DraftSection {
  return draft.sections.find((section) => section.number === paragraph.sectionNumber)!;
}
