/** Every address of the site, for pages, the API and the scripts that link them. */
import { GENERAL } from "./consultation/paragraph-id.ts";

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
  feedbackEntry: (id: number) => `/you-said-we-did#feedback-${id}`,
  kiosk: "/kiosk/",
  print: "/print/",
  printSheets: (references: string[], options: { large?: boolean; compact?: boolean } = {}) =>
    `/print/?${new URLSearchParams({ references: references.join(" "), ...(options.large && { size: "large" }), ...(options.compact && { layout: "compact" }) })}`,
  api: {
    responses: "/api/responses",
    consultation: "/api/consultation",
    export: "/api/admin/export",
    comment: (id: number) => `/api/admin/comments/${id}`,
    themes: "/api/admin/themes",
    theme: (id: number) => `/api/admin/themes/${id}`,
    feedback: "/api/feedback",
    feedbackDownload: (format: string) => `/api/feedback/download?format=${format}`,
    publishedComments: (section: string) => `/api/comments?section=${section}`,
    publication: "/api/admin/publication",
    adminFeedback: "/api/admin/feedback",
    adminFeedbackEntry: (id: number) => `/api/admin/feedback/${id}`,
    kiosks: "/api/admin/kiosks",
    kiosk: (id: number) => `/api/admin/kiosks/${id}`,
    kioskSetupCodes: (id: number) => `/api/admin/kiosks/${id}/setup-codes`,
    paperBatches: "/api/admin/paper/batches",
    paperSheets: "/api/admin/paper/sheets",
    paperSheet: (reference: string) => `/api/admin/paper/sheets/${reference}`,
    kioskSetup: "/api/kiosk/setup",
    kioskReferences: "/api/kiosk/references",
    kioskPaperSheets: "/api/paper/sheets",
  },
  admin: {
    /** Every officer page lives under this. */
    prefix: "/admin",
    comments: "/admin/",
    comment: (id: number) => `/admin/comments/${id}/`,
    themes: "/admin/themes/",
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
