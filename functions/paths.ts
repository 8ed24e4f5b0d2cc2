/** Every address of the site, for pages, the API and the scripts that link them. */
import { GENERAL } from "./consultation/paragraph-id.ts";

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
  kiosk: "/kiosk/",
  print: "/print/",
  printSheets: (references: string[], large: boolean) =>
    `/print/?${new URLSearchParams({ references: references.join(" "), ...(large && { size: "large" }) })}`,
  api: {
    responses: "/api/responses",
    consultation: "/api/consultation",
    export: "/api/admin/export",
    comment: (id: number) => `/api/admin/comments/${id}`,
    themes: "/api/admin/themes",
    theme: (id: number) => `/api/admin/themes/${id}`,
    kiosks: "/api/admin/kiosks",
    kiosk: (id: number) => `/api/admin/kiosks/${id}`,
    kioskSetupCodes: (id: number) => `/api/admin/kiosks/${id}/setup-codes`,
    paperBatches: "/api/admin/paper/batches",
    paperSheets: "/api/admin/paper/sheets",
    paperSheet: (reference: string) => `/api/admin/paper/sheets/${reference}`,
    kioskSetup: "/api/kiosk/setup",
    kioskReferences: "/api/kiosk/references",
  },
  admin: {
    /** Every officer page lives under this. */
    prefix: "/admin",
    comments: "/admin/",
    comment: (id: number) => `/admin/comments/${id}/`,
    themes: "/admin/themes/",
    audit: "/admin/audit/",
    kiosks: "/admin/kiosks/",
    paper: "/admin/paper/",
    signIn: "/admin/sign-in/",
    signOut: "/admin/sign-out/",
    accessSignOut: "/cdn-cgi/access/logout",
  },
};
