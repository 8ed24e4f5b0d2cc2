/**
 * The Worker's entry: Astro's Cloudflare handler, which serves static files
 * and hands every other request to src/fetch.ts, with the prerendered reading
 * pages given the consultation's live status on their way out
 * (src/server/reading-pages.ts). Named as `main` in wrangler.toml.
 */
import { handle } from "@astrojs/cloudflare/handler";
import { languageOfPath, pathsIn } from "../functions/paths.ts";
import { isReadingPage, withLiveStatus } from "./server/reading-pages.ts";

export default {
  async fetch(request, env, context) {
    const page = await handle(request, env, context);
    if (!isReadingPage(request)) return page;
    const language = languageOfPath(new URL(request.url).pathname);
    const renderStatus = () => handle(new Request(new URL(pathsIn(language).consultationStatus, request.url)), env, context);
    return withLiveStatus(page as Response, renderStatus as () => Promise<Response>);
  },
} satisfies ExportedHandler<Env>;
