/**
 * The reading pages (the draft, the accessibility statement, the privacy
 * notice) are prerendered files and need no JavaScript. The Worker serves
 * them (wrangler.toml's run_worker_first lists READING_PAGES) so that, on
 * their way out, they say what only the moment knows: the consultation's
 * status from its live dates, written into the page's
 * [data-consultation-status] slot, and, while comments are not taken, no
 * "Comment on paragraph" links or inline form ([data-commenting]), so nothing
 * offers an action that would fail; once the outcome is published, what
 * leads with it ([data-when-published], built hidden) is shown.
 */
import { liveConsultation, liveResults } from "./live-consultation.ts";
import { DEFAULT_LANGUAGE, LANGUAGE_CODES } from "../../functions/i18n/index.ts";

/**
 * The prerendered pages' English addresses, as wrangler.toml's
 * run_worker_first lists them (and again under "/*" for the other languages,
 * /es/draft/…, so a new language needs no change there).
 */
const READING_PAGES = ["/draft", "/draft/*", "/accessibility/*", "/privacy/*", "/easy-read/*"];

/** Only a language's own code opens its reading pages: /admin/draft/ is an officer page, not the draft in a language called "admin". */
const languagePrefix = `(?:/(?:${LANGUAGE_CODES.filter((code) => code !== DEFAULT_LANGUAGE).join("|")}))?`;
const patterns = READING_PAGES.map((rule) => new RegExp(`^${languagePrefix}${rule.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")}$`));

export function isReadingPage(request: Request): boolean {
  const { pathname } = new URL(request.url);
  return (request.method === "GET" || request.method === "HEAD") && patterns.some((pattern) => pattern.test(pathname));
}

/** The page as built, with the live status written in; `renderStatus` renders the status on its own, in the page's language (src/pages/consultation-status.astro). */
export async function withLiveStatus(page: Response, renderStatus: () => Promise<Response>): Promise<Response> {
  if (!page.ok || !(page.headers.get("Content-Type") ?? "").startsWith("text/html")) return page;
  let open: boolean;
  let published: boolean;
  try {
    open = liveConsultation().status === "open";
    published = liveResults().published;
  } catch (error) {
    // Wrong dates must never stop people reading: the page goes out as it was built.
    console.error(error);
    return page;
  }
  const status = await (await renderStatus()).text();
  const rewriter = new HTMLRewriter().on("[data-consultation-status]", {
    element: (slot) => void slot.setInnerContent(status, { html: true }),
  });
  if (!open) rewriter.on("[data-commenting]", { element: (element) => void element.remove() });
  // What leads once the outcome is published (easy read's "You said, we did") is built hidden, and shown only then.
  rewriter.on("[data-when-published]", { element: (element) => void (published ? element.removeAttribute("hidden") : element.remove()) });

  const rewritten = rewriter.transform(page);
  const answer = new Response(rewritten.body, rewritten);
  // The page changes at the close, so a browser's copy is never taken as still good.
  answer.headers.delete("ETag");
  answer.headers.delete("Content-Length");
  answer.headers.set("Cache-Control", "no-cache");
  return answer;
}
