/**
 * The Worker's entry: Astro's Cloudflare handler, which serves static files
 * and hands every other request to src/fetch.ts, with the prerendered reading
 * pages given the consultation's live status on their way out
 * (src/server/reading-pages.ts). Named as `main` in wrangler.toml, whose
 * daily Cron Trigger calls `scheduled`: the retention job (functions/privacy/retention.ts).
 */
import { handle } from "@astrojs/cloudflare/handler";
import { languageOfPath, pathsIn } from "../functions/paths.ts";
import { runRetention } from "../functions/privacy/retention.ts";
import { isReadingPage, withLiveStatus } from "./server/reading-pages.ts";

export default {
  async fetch(request, env, context) {
    // One address per page: "//draft/" or "/es//comment/…" would skip the live status and the form's handling, so repeated slashes are folded (308 keeps a post's method and body).
    const url = new URL(request.url);
    if (url.pathname.includes("//")) {
      url.pathname = url.pathname.replace(/\/{2,}/g, "/");
      return Response.redirect(url.href, 308);
    }
    const page = await handle(request, env, context);
    if (!isReadingPage(request)) return page;
    const language = languageOfPath(url.pathname);
    const renderStatus = () => handle(new Request(new URL(pathsIn(language).consultationStatus, request.url)), env, context);
    return withLiveStatus(page as Response, renderStatus as () => Promise<Response>);
  },

  async scheduled(controller, env) {
    const outcome = await runRetention(env.DB, env, new Date(controller.scheduledTime));
    console.log(`retention job (${controller.cron}): ${JSON.stringify(outcome)}`);
  },
} satisfies ExportedHandler<Env>;
