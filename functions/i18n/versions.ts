import { DEFAULT_LANGUAGE } from "./index.ts";

/**
 * Of the versions content/ provides of something (a page, the easy-read
 * version), the one in the reader's language, or else the English one, which
 * the page then marks as English and says so in the reader's language.
 */
export function versionFor<T>(versions: ReadonlyMap<string, T>, language: string): { version: T; language: string; translated: boolean } | undefined {
  for (const candidate of [language, DEFAULT_LANGUAGE]) {
    const version = versions.get(candidate);
    if (version !== undefined) return { version, language: candidate, translated: candidate === language };
  }
  return undefined;
}
