/** Loads and validates everything in content/, from whichever files the caller read. */
import { indexParagraphs, parseDraftSections, type Draft, type SourceFile } from "./draft.ts";
import { parseFinal, type FinalSources, type FinalStrategy } from "./final.ts";
import { checkLock, parseLock, type ParagraphLock } from "./lock.ts";
import { parseSettings, type ConsultationSettings } from "./settings.ts";
import { parseTranslations, type DraftTranslations } from "./translations.ts";

export interface ContentSources {
  settings: SourceFile;
  draft: SourceFile[];
  lock: SourceFile;
  /** The final version, once there is one (content/final/). */
  final?: FinalSources;
  /** Translations of draft sections (content/draft/LANGUAGE/NN-slug.md). */
  translations?: SourceFile[];
}

export interface ConsultationContent {
  settings: ConsultationSettings;
  draft: Draft;
  lock: ParagraphLock;
  final?: FinalStrategy;
  translations: DraftTranslations;
}

export const CONTENT_PATHS = {
  settings: "content/consultation.json",
  draftDirectory: "content/draft",
  lock: "content/paragraphs.lock.json",
  finalDirectory: "content/final",
  finalRemoved: "content/final/removed.json",
} as const;

/**
 * Throws a ContentError naming the file and the problem when anything is
 * wrong. Given the site's languages, a translation must be into one of them.
 */
export function loadContent(sources: ContentSources, languages?: string[]): ConsultationContent {
  const settings = parseSettings(sources.settings.file, sources.settings.text);
  const sections = parseDraftSections(sources.draft);
  indexParagraphs(sections, (paragraph) => paragraph.explicitId);
  const lock = parseLock(sources.lock.file, sources.lock.text);
  checkLock(sources.lock.file, sections, lock);
  const draft = indexParagraphs(sections);
  const final = sources.final && sources.final.sections.length > 0 ? parseFinal(sources.final, draft, lock) : undefined;
  const translations = parseTranslations(sources.translations ?? [], draft, languages);
  return { settings, draft, lock, final, translations };
}
