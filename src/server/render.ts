/** Renders the site's pages for requests the pages themselves do not take: a refused post, a failure outside Astro. */
import { FetchState, astro } from "astro/fetch";
import { languageOfPath, paths } from "../../functions/paths.ts";
import { translator } from "../../functions/i18n/index.ts";

export async function renderPage(request: Request, path: string, locals: Partial<App.Locals>): Promise<Response> {
  const page = new Request(new URL(path, request.url), { headers: request.headers });
  const state = new FetchState(page);
  state.streaming = false;
  Object.assign(state.locals, locals);
  return astro(state);
}

/** The calm error page (src/pages/500.astro) for any failure, in the language of the page asked for; plain words if even that cannot be shown. */
export async function renderErrorPage(request: Request): Promise<Response> {
  const language = languageOfPath(new URL(request.url).pathname);
  try {
    const page = await renderPage(request, paths.serverError, { language });
    return new Response(page.body, { status: 500, headers: page.headers });
  } catch {
    const t = translator(language);
    return new Response(`${t("serverError.title")}. ${t("serverError.body")}`, {
      status: 500,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
}
