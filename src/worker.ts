/**
 * The Worker's entry: Astro's Cloudflare handler, which serves static files
 * and hands every other request to src/fetch.ts, with the prerendered reading
 * pages given the consultation's live status on their way out
 * (src/server/reading-pages.ts). Named as `main` in wrangler.toml.
 */
import { handle } from "@astrojs/cloudflare/handler";
import { checkPath } from "../functions/canonical-path.ts";
import { languageOfPath, pathsIn } from "../functions/paths.ts";
import { isReadingPage, withLiveStatus } from "./server/reading-pages.ts";

export default {
  async fetch(request, env, context) {
    // Every check and every route below sees the address in its one spelling (functions/canonical-path.ts).
    const url = new URL(request.url);
    const verdict = checkPath(url.pathname);
    if (verdict.kind === "refuse") return notFound(request, env, context);
    if (verdict.kind === "redirect") {
      url.pathname = verdict.pathname;
      // 308 keeps a post's method and body.
      return Response.redirect(url.href, 308);
    }
    const page = await handle(request, env, context);
    if (!isReadingPage(request)) return page;
    const language = languageOfPath(url.pathname);
    const renderStatus = () => handle(new Request(new URL(pathsIn(language).consultationStatus, request.url)), env, context);
    return withLiveStatus(page as Response, renderStatus as () => Promise<Response>);
  },
} satisfies ExportedHandler<Env>;

/** The site's own not-found page, for an address refused before routing. */
async function notFound(request: Request, env: Env, context: ExecutionContext): Promise<Response> {
  const page = (await handle(new Request(new URL("/404", request.url), { headers: request.headers }), env, context)) as Response;
  const response = new Response(page.body, { status: 404, headers: page.headers });
  response.headers.set("Cache-Control", "no-store");
  return response;
}
