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
  accessibility: "/accessibility/",
  /** The calm page for any server error. */
  serverError: "/500",
  /** The consultation's live status on its own, written into the prerendered reading pages as they are served. */
  consultationStatus: "/consultation-status",
  privacy: "/privacy/",
  api: {
    responses: "/api/responses",
    consultation: "/api/consultation",
    export: "/api/admin/export",
    comment: (id: number) => `/api/admin/comments/${id}`,
    themes: "/api/admin/themes",
    theme: (id: number) => `/api/admin/themes/${id}`,
  },
  admin: {
    /** Every officer page lives under this. */
    prefix: "/admin",
    comments: "/admin/",
    comment: (id: number) => `/admin/comments/${id}/`,
    themes: "/admin/themes/",
    audit: "/admin/audit/",
    signIn: "/admin/sign-in/",
    signOut: "/admin/sign-out/",
    accessSignOut: "/cdn-cgi/access/logout",
  },
};
