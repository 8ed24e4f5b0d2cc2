/** What every page needs: its language's words, and section pages their neighbours. Addresses come from functions/paths.ts. */
import type { DraftSection } from "../functions/consultation/draft.ts";
import { translator, DEFAULT_LANGUAGE } from "../functions/i18n/index.ts";

export function site(language: string = DEFAULT_LANGUAGE) {
  return { language, t: translator(language) };
}

export { paths } from "../functions/paths.ts";

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
