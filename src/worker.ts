/**
 * The Worker's entry: Astro's Cloudflare handler, which serves static files
 * and hands every other request to src/fetch.ts, with the prerendered reading
 * pages given the consultation's live status on their way out
 * (src/server/reading-pages.ts). Named as `main` in wrangler.toml, whose
 * daily Cron Trigger calls `scheduled`: the retention job (functions/privacy/retention.ts).
 */
import { handle } from "@astrojs/cloudflare/handler";
import { checkPath } from "../functions/canonical-path.ts";
import { languageOfPath, pathsIn } from "../functions/paths.ts";
import { groupWaitingComments } from "../functions/duplicates/store.ts";
import { runRetention } from "../functions/privacy/retention.ts";
import { isReadingPage, withLiveStatus } from "./server/reading-pages.ts";

/** The daily Cron Trigger's work: the retention job, as at the scheduled time, then grouping any comment arrival did not group. */
async function scheduled(controller: Pick<ScheduledController, "cron" | "scheduledTime">, env: Env): Promise<void> {
  const outcome = await runRetention(env.DB, env, new Date(controller.scheduledTime));
  console.log(`retention job (${controller.cron}): ${JSON.stringify(outcome)}`);
  const grouped = await groupWaitingComments(env.DB);
  if (grouped > 0) console.log(`grouped ${grouped} comments that arrival had not`);
}

/**
 * wrangler's /__scheduled for `npm start` (which sets SCHEDULED_ON_DEMAND): wrangler adds it only to
 * Workers it bundles itself, and Astro's build is already bundled. Answers 404 anywhere else.
 */
async function scheduledOnDemand(url: URL, env: Env): Promise<Response | undefined> {
  if (url.pathname !== "/__scheduled" || env.SCHEDULED_ON_DEMAND !== "on") return undefined;
  const time = Number(url.searchParams.get("time"));
  await scheduled({ cron: url.searchParams.get("cron") ?? "", scheduledTime: Number.isFinite(time) && time > 0 ? time : Date.now() }, env);
  return new Response("Ran scheduled event");
}

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
    const onDemand = await scheduledOnDemand(url, env);
    if (onDemand) return onDemand;
    const page = await handle(request, env, context);
    if (!isReadingPage(request)) return page;
    const language = languageOfPath(url.pathname);
    const renderStatus = () => handle(new Request(new URL(pathsIn(language).consultationStatus, request.url)), env, context);
    return withLiveStatus(page as Response, renderStatus as () => Promise<Response>);
  },

  scheduled,
} satisfies ExportedHandler<Env>;

/** The site's own not-found page, for an address refused before routing. */
async function notFound(request: Request, env: Env, context: ExecutionContext): Promise<Response> {
  const page = (await handle(new Request(new URL("/404", request.url), { headers: request.headers }), env, context)) as Response;
  const response = new Response(page.body, { status: 404, headers: page.headers });
  response.headers.set("Cache-Control", "no-store");
  return response;
}
