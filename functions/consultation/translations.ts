/**
 * Translations of the draft's sections, for reading in another language.
 * The consultation is on the English text: a translation helps people read
 * it, and comments are still on the English paragraphs, by their ids.
 *
 * A translation of content/draft/03-rough-sleeping.md into Spanish is
 * content/draft/es/03-rough-sleeping.md: the same file name, the title as a
 * level-1 heading, and every paragraph ending with the id of the English
 * paragraph it translates (`… {#rough-sleeping-2}`), in the same order, so
 * each has the same number and takes comments as the English one does.
 * Subheadings and lists are translated freely. A section without a
 * translation is shown in English.
 */
import { ContentError } from "./content-error.ts";
import { parseSection, type Draft, type DraftParagraph, type DraftSection, type SourceFile } from "./draft.ts";
import { DEFAULT_LANGUAGE } from "../i18n/default-language.ts";

/** Translated sections by language, then by the English section's slug. */
export type DraftTranslations = Map<string, Map<string, DraftSection>>;

const TRANSLATION_FILE = /^content\/draft\/([^/]+)\/([^/]+)$/;

function parseTranslation(source: SourceFile, draft: Draft, languages?: string[]): { language: string; section: DraftSection } {
  const [, language, name] = TRANSLATION_FILE.exec(source.file) ?? [];
  if (!language || !name) throw new ContentError(source.file, ['a translation lives in content/draft/LANGUAGE/, such as "content/draft/es/03-rough-sleeping.md"']);
  if (language === DEFAULT_LANGUAGE || (languages && !languages.includes(language))) {
    throw new ContentError(source.file, [`"${language}" is not a language of the site: add its dictionary to functions/i18n/messages/ first`]);
  }
  const english = draft.sections.find((section) => section.file === `content/draft/${name}`);
  if (!english) throw new ContentError(source.file, [`there is no content/draft/${name} for it to translate`]);

  const section = parseSection(source);
  const problems: string[] = [];
  const expected = english.paragraphs.map((paragraph) => paragraph.id);
  const found = section.paragraphs.map((paragraph) => paragraph.id);
  section.paragraphs.forEach((paragraph, index) => {
    if (!paragraph.explicitId) problems.push(`paragraph ${paragraph.number} must end with the id of the English paragraph it translates, such as {#${expected[index] ?? expected[0]}}`);
  });
  if (problems.length === 0 && found.join(" ") !== expected.join(" ")) {
    const missing = expected.filter((id) => !found.includes(id));
    const unknown = found.filter((id) => !expected.includes(id));
    problems.push(
      `its paragraphs must be the English section's, in the same order: ${expected.join(", ")}` +
        (missing.length > 0 ? `; missing ${missing.join(", ")}` : "") +
        (unknown.length > 0 ? `; not in the English section: ${unknown.join(", ")}` : ""),
    );
  }
  if (problems.length > 0) throw new ContentError(source.file, problems);
  return { language, section };
}

/**
 * Every translation, checked against the English draft (and, given the
 * site's languages, for a language it has); throws a ContentError naming the
 * file at the first problem.
 */
export function parseTranslations(sources: SourceFile[], draft: Draft, languages?: string[]): DraftTranslations {
  const translations: DraftTranslations = new Map();
  for (const source of [...sources].sort((a, b) => a.file.localeCompare(b.file))) {
    const { language, section } = parseTranslation(source, draft, languages);
    if (!translations.has(language)) translations.set(language, new Map());
    translations.get(language)!.set(section.slug, section);
  }
  return translations;
}

/** A section in a language, or undefined when it has no translation (English is the draft itself). */
export function translatedSection(translations: DraftTranslations, language: string, slug: string): DraftSection | undefined {
  return translations.get(language)?.get(slug);
}

/** A paragraph's words in a language: its translation if there is one, otherwise the English, with the language they are in. */
export function paragraphIn(
  translations: DraftTranslations,
  language: string,
  paragraph: DraftParagraph,
  sectionSlug: string,
): { paragraph: DraftParagraph; language: string } {
  const translated = translatedSection(translations, language, sectionSlug)?.paragraphs.find((candidate) => candidate.id === paragraph.id);
  return translated ? { paragraph: translated, language } : { paragraph, language: DEFAULT_LANGUAGE };
}
