/** Every address of the site, for pages, the API and the scripts that link them. */
import { GENERAL } from "./consultation/paragraph-id.ts";
import { DEFAULT_LANGUAGE, isLanguage } from "./i18n/index.ts";

/** How a printed paper form asks for comments: a few boxes beside the reading booklet, a box under every paragraph's words, or under its number alone. */
export const PAPER_LAYOUTS = ["short", "full", "compact"] as const;
export type PaperLayout = (typeof PAPER_LAYOUTS)[number];

export const paths = {
  home: "/",
  draft: "/draft/",
  section: (slug: string) => `/draft/${slug}/`,
  paragraph: (slug: string, paragraphId: string) => `/draft/${slug}/#${paragraphId}`,
  comment: (paragraphId: string) => `/comment/${paragraphId}`,
  generalComment: `/comment/${GENERAL}`,
  /** Shows a plain form post's reference once; the reference never appears in an address. */
  confirmation: "/confirmation",
  /** Looks a response up by its reference, sent in a form post, not in the address. */
  track: "/track",
  /** The look-up form with a reference already in its box (as a paper form's QR code gives it): nothing is looked up until the person asks. */
  trackReference: (reference: string) => `/track?${new URLSearchParams({ reference })}`,
  accessibility: "/accessibility/",
  /** The draft in short sentences with pictures, when content/easy-read/ provides it. */
  easyRead: "/easy-read/",
  /** Commenting in easy words on one easy-read idea (its paragraph), or on the whole plan (`general`). */
  easyReadComment: (paragraphId: string) => `/easy-read/comment/${paragraphId}`,
  /** The calm page for any server error. */
  serverError: "/500",
  /** The consultation's live status on its own, written into the prerendered reading pages as they are served. */
  consultationStatus: "/consultation-status",
  privacy: "/privacy/",
  /** The final strategy, and what changed from the draft, section by section. */
  finalStrategy: "/final/",
  finalSection: (slug: string) => `/final/${slug}/`,
  finalParagraph: (slug: string, paragraphId: string) => `/final/${slug}/#${paragraphId}`,
  changes: (slug: string) => `/changes/${slug}/`,
  paragraphChanges: (slug: string, paragraphId: string) => `/changes/${slug}/#${paragraphId}`,
  /** Published comments, once officers publish them: by section. */
  publishedComments: "/what-people-said/",
  publishedCommentsSection: (section: string) => `/what-people-said/${section}/`,
  /** The public "You said, we did" log, and one entry in it. */
  feedbackLog: "/you-said-we-did",
  /** The log as a notice-board poster, to print on A4. */
  feedbackPoster: "/you-said-we-did/poster",
  /** The poster in easy words, where the consultation has easy read. */
  feedbackPosterEasyRead: "/you-said-we-did/poster/easy-read",
  feedbackEntry: (id: number) => `/you-said-we-did#feedback-${id}`,
  kiosk: "/kiosk/",
  print: "/print/",
  /** Printed forms with references; the short form unless another layout is named (see src/pages/print/index.astro). */
  printSheets: (references: string[], options: { large?: boolean; layout?: PaperLayout } = {}) =>
    `/print/?${new URLSearchParams({ references: references.join(" "), ...(options.large && { size: "large" }), ...(options.layout && options.layout !== "short" && { layout: options.layout }) })}`,
  /** The draft to read beside the short paper form, printed on its own. */
  printBooklet: "/print/booklet/",
  api: {
    responses: "/api/responses",
    consultation: "/api/consultation",
    export: "/api/admin/export",
    feedback: "/api/feedback",
    feedbackDownload: (format: string) => `/api/feedback/download?format=${format}`,
    kiosk: (id: number) => `/api/admin/kiosks/${id}`,
    kioskSelf: "/api/kiosk",
    kioskRefused: "/api/kiosk/refused",
    kioskSetup: "/api/kiosk/setup",
    kioskReferences: "/api/kiosk/references",
    kioskPaperSheets: "/api/paper/sheets",
    report: (format: "json" | "csv") => `/api/admin/report?format=${format}`,
  },
  admin: {
    /** Every officer page lives under this. */
    prefix: "/admin",
    /** The landing page: the consultation at a glance. */
    overview: "/admin/",
    comments: "/admin/comments/",
    /** The comment list with these filters, such as { channel: "kiosk" } or { reading: "unread" }. */
    commentsWhere: (filters: Record<string, string>) => `/admin/comments/?${new URLSearchParams(filters)}`,
    heatMap: "/admin/draft/",
    themeFigures: "/admin/themes/figures/",
    report: "/admin/report/",
    comment: (id: number) => `/admin/comments/${id}/`,
    /** The second step of erasing a response on request: what goes, and why. */
    eraseResponse: (reference: string) => `/admin/responses/${reference}/erase/`,
    themes: "/admin/themes/",
    /** Suggested groupings of comments, for the whole consultation or one section or paragraph. */
    suggestions: "/admin/suggestions/",
    duplicates: "/admin/duplicates/",
    duplicateGroup: (id: number) => `/admin/duplicates/${id}/`,
    audit: "/admin/audit/",
    feedback: "/admin/feedback/",
    newFeedback: "/admin/feedback/new/",
    feedbackEntry: (id: number) => `/admin/feedback/${id}/`,
    unanswered: "/admin/feedback/unanswered/",
    kiosks: "/admin/kiosks/",
    paper: "/admin/paper/",
    signIn: "/admin/sign-in/",
    signOut: "/admin/sign-out/",
    accessSignOut: "/cdn-cgi/access/logout",
  },
};

/** Whether a route (Astro's pattern, such as "/admin/comments/[id]", or a path) is an officer page. */
export function isOfficerRoute(route: string): boolean {
  return route === paths.admin.prefix || route.startsWith(`${paths.admin.prefix}/`);
}

/** Whether a route is the sign-in page, the one officer page open to anyone. */
export function isSignInRoute(route: string): boolean {
  return route.replace(/\/?$/, "/") === paths.admin.signIn;
}

// ── Language versions ────────────────────────────────────────────────────────
// English pages live at their plain address; every other language at the same
// address under its code: /track, /es/track, /it/track. The API and the
// officers' pages have one address whatever the language.

/** A page's address in a language: "/draft/" in Spanish is "/es/draft/". */
export function localePath(language: string, path: string): string {
  return language === DEFAULT_LANGUAGE ? path : `/${language}${path}`;
}

/** The language an address is in, from its first segment: "/es/draft/" is Spanish, "/draft/" English. */
export function languageOfPath(pathname: string): string {
  const first = pathname.split("/")[1];
  return first !== DEFAULT_LANGUAGE && isLanguage(first) ? first : DEFAULT_LANGUAGE;
}

/** The same address with its language taken off: "/es/draft/" is "/draft/". */
export function pathWithoutLanguage(pathname: string): string {
  const language = languageOfPath(pathname);
  return language === DEFAULT_LANGUAGE ? pathname : pathname.slice(language.length + 1) || "/";
}

type Paths = typeof paths;
const UNLOCALISED = new Set<keyof Paths>(["api", "admin", "serverError"]);

/** Every page address in one language; the API's and the officers' stay as they are. */
export function pathsIn(language: string): Paths {
  if (language === DEFAULT_LANGUAGE) return paths;
  const localised: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(paths)) {
    localised[name] = UNLOCALISED.has(name as keyof Paths)
      ? value
      : typeof value === "string"
        ? localePath(language, value)
        : (...args: never[]) => localePath(language, (value as (...args: never[]) => string)(...args));
  }
  return localised as Paths;
}
