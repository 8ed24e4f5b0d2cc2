/** What every page needs: its language's words and the site's addresses. */
import { translator, DEFAULT_LANGUAGE } from "../functions/i18n/index.ts";
import { GENERAL } from "../functions/consultation/paragraph-id.ts";

export function site(language: string = DEFAULT_LANGUAGE) {
  return { language, t: translator(language) };
}

export const paths = {
  home: "/",
  draft: "/draft/",
  section: (slug: string) => `/draft/${slug}/`,
  paragraph: (slug: string, paragraphId: string) => `/draft/${slug}/#${paragraphId}`,
  comment: (paragraphId: string) => `/comment/${paragraphId}`,
  generalComment: `/comment/${GENERAL}`,
  confirmation: (reference: string) => `/confirmation/${reference}`,
  track: "/track",
  trackReference: (reference: string) => `/track?reference=${encodeURIComponent(reference)}`,
  accessibility: "/accessibility/",
  privacy: "/privacy/",
};
