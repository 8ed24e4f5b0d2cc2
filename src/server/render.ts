/** Renders one of the site's pages for a request the pages themselves do not take (a refused post). */
import { FetchState, astro } from "astro/fetch";

export async function renderPage(request: Request, path: string, locals: Partial<App.Locals>): Promise<Response> {
  const page = new Request(new URL(path, request.url), { headers: request.headers });
  const state = new FetchState(page);
  Object.assign(state.locals, locals);
  return astro(state);
}
