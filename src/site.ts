/** What every page needs: its language's words and addresses, and section pages their neighbours. Addresses come from functions/paths.ts. */
import type { DraftSection } from "../functions/consultation/draft.ts";
import { translations } from "../functions/consultation/index.ts";
import { translatedSection } from "../functions/consultation/translations.ts";
import { pluralTemplates, translator, DEFAULT_LANGUAGE, LANGUAGE_CODES, type PluralKey, type Translate } from "../functions/i18n/index.ts";
import { languageOfPath, pathsIn } from "../functions/paths.ts";
import { remembered } from "../functions/lib/remembered.ts";

/** What a page or component knows of its request: Astro's global gives both. */
interface PageContext {
  url: URL;
  locals: App.Locals;
}

/** The `lang` of a passage in English (the draft's words, the final strategy) on a page in `language`: none when the page is English. */
const englishLangOn = (language: string) => (language === DEFAULT_LANGUAGE ? undefined : DEFAULT_LANGUAGE);

/**
 * A page's language (from its address: /es/… is Spanish; the error page is
 * told it in `locals.language`), its translator and its addresses in that
 * language. Officer pages call it without a page: they are in English.
 */
export function site(page?: PageContext) {
  const language = page ? (page.locals.language ?? languageOfPath(page.url.pathname)) : DEFAULT_LANGUAGE;
  return { language, t: translator(language), paths: pathsIn(language), englishLang: englishLangOn(language) };
}

/** English addresses, for officer pages and for what is the same in every language. */
export { paths } from "../functions/paths.ts";

/**
 * The locale segment of a prerendered page's language routes
 * (src/i18n/localized-routes.ts adds /[locale]/… for every public page):
 * `export const getStaticPaths = languagePaths` on a page without other
 * parameters; `inEveryLanguage(routePattern, pages)` on one with them.
 */
export function languagePaths({ routePattern }: { routePattern: string }) {
  return inEveryLanguage(routePattern, [{ params: {}, props: {} }]);
}

export function inEveryLanguage<P extends { params: Record<string, string | undefined>; props?: object }>(routePattern: string, pages: P[]): P[] {
  if (!routePattern.includes("[locale]")) return pages;
  return LANGUAGE_CODES.filter((code) => code !== DEFAULT_LANGUAGE).flatMap((locale) => pages.map((page) => ({ ...page, params: { ...page.params, locale } })));
}

/** What a section page (draft or final) is given: its section and the sections either side. */
export interface SectionPageProps {
  section: DraftSection;
  previous?: DraftSection;
  next?: DraftSection;
}

/** One static page per section, for a section page's getStaticPaths. */
export function sectionPages(sections: DraftSection[]): { params: { section: string }; props: SectionPageProps }[] {
  return sections.map((section, index) => ({
    params: { section: section.slug },
    props: { section, previous: sections[index - 1], next: sections[index + 1] },
  }));
}

/**
 * A draft section as a page in `language` shows it: its translation, or the
 * English section with `lang` "en" for the passage (undefined when the page
 * is in English itself, or the section is translated).
 */
export function sectionIn(language: string, section: DraftSection): { section: DraftSection; translated: boolean; lang?: string } {
  const translation = translatedSection(translations, language, section.slug);
  if (translation) return { section: translation, translated: true };
  return { section, translated: false, lang: englishLangOn(language) };
}

/** A section's title (draft or final, named by its slug) in `language` where the draft's translation gives one; otherwise English, with the `lang` to mark it. */
export function sectionTitleIn(language: string, section: { slug: string; title: string }): { title: string; lang?: string } {
  const translation = translatedSection(translations, language, section.slug);
  if (translation) return { title: translation.title };
  return { title: section.title, lang: englishLangOn(language) };
}

/** A comment as its author wrote it, in a language nobody recorded: `lang=""` says so, so no page's language is assumed. */
export const AS_WRITTEN = "";

/**
 * Someone's typed words inside a sentence shown on screen that must stay
 * plain text (a chart's title, also its SVG <title>): wrapped in the
 * first-strong isolate, the text form of <bdi>, so a right-to-left override in
 * them ends with them. Isolate marks of their own are taken out, so none can
 * end the wrapping early. In markup, use <Typed> and <Sentence>. Accessible
 * names (aria-label) are spoken, not drawn, and keep the words as they are.
 */
export const isolated = (words: string): string => `\u2068${words.replace(/[\u2066-\u2069]/g, "")}\u2069`;

/** A plural message's forms as data attributes (data-NAME-one, data-NAME-other…), for the scripts that count in the browser. */
export function pluralData(t: Translate, name: string, key: PluralKey): Record<string, string> {
  return Object.fromEntries(Object.entries(pluralTemplates(t, key)).map(([form, text]) => [`data-${name}-${form}`, text]));
}

/**
 * A paragraph's first nine words, without Markdown's marks: how a list of
 * paragraphs to choose from names each. Worked out once per paragraph, as
 * the draft never changes while the Worker runs.
 */
export const paragraphOpening: (markdown: string) => string = remembered((markdown: string) => {
  const words = markdown.replace(/[*_`]/g, "").split(/\s+/);
  return words.length > 9 ? `${words.slice(0, 9).join(" ")}…` : words.join(" ");
});
