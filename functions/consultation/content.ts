/** Loads and validates everything in content/, from whichever files the caller read. */
import { parseDraft, type Draft, type SourceFile } from "./draft.ts";
import { checkLock, parseLock, type ParagraphLock } from "./lock.ts";
import { parseSettings, type ConsultationSettings } from "./settings.ts";

export interface ContentSources {
  settings: SourceFile;
  draft: SourceFile[];
  lock: SourceFile;
}

export interface ConsultationContent {
  settings: ConsultationSettings;
  draft: Draft;
  lock: ParagraphLock;
}

export const CONTENT_PATHS = {
  settings: "content/consultation.json",
  draftDirectory: "content/draft",
  lock: "content/paragraphs.lock.json",
} as const;

/** Throws a ContentError naming the file and the problem when anything is wrong. */
export function loadContent(sources: ContentSources): ConsultationContent {
  const settings = parseSettings(sources.settings.file, sources.settings.text);
  const draft = parseDraft(sources.draft);
  const lock = parseLock(sources.lock.file, sources.lock.text);
  checkLock(sources.lock.file, draft, lock);
  return { settings, draft, lock };
}
