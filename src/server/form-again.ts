/**
 * The plain comment form's posts. The form posts to its own page's address
 * (/comment/{paragraph}) and is handed to the API as it is; a refusal is
 * answered with that page again, so the address bar never shows the API:
 * the error summary and the person's words exactly as they typed them, or,
 * when comments are not taken, their words shown back to copy. The page's
 * language (/es/comment/… is Spanish) goes with the post, so the API's
 * errors, the page shown again and the confirmation are all in it.
 */
import { isCommentableParagraph } from "../../functions/consultation/paragraphs.ts";
import { GENERAL } from "../../functions/consultation/paragraph-id.ts";
import { REQUEST_BYTES } from "../../functions/limits.ts";
import { languageOfPath, paths, pathsIn, pathWithoutLanguage } from "../../functions/paths.ts";
import { formValues } from "../../functions/responses/form.ts";
import { renderPage } from "./render.ts";

/** How much of a refused form is read back to show the person their words. */
const KEPT_BODY_BYTES = 4 * REQUEST_BYTES;

type CallApi = (request: Request) => Promise<Response>;

/** The inline form asks for JSON and handles refusals itself. */
const asksForJson = (request: Request) => (request.headers.get("Accept") ?? "").includes("application/json");

/** A browser's own form post to the API's address. */
const isBrowserFormPost = (request: Request) =>
  (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded") && !asksForJson(request);

/** The form page a post straight to the API came from, if it was one of ours: its language, and its paragraph (for a body too large to read). */
function formPageOfReferrer(request: Request): { language: string; paragraph?: string } | undefined {
  const referrer = request.headers.get("Referer");
  if (!referrer || !URL.canParse(referrer, request.url)) return undefined;
  const url = new URL(referrer, request.url);
  if (url.origin !== new URL(request.url).origin) return undefined;
  const match = /^\/comment\/([^/]+)$/.exec(pathWithoutLanguage(url.pathname));
  try {
    return { language: languageOfPath(url.pathname), paragraph: match ? decodeURIComponent(match[1]!) : undefined };
  } catch {
    // A broken address says nothing about the paragraph: the form falls back to the whole strategy.
    return { language: languageOfPath(url.pathname) };
  }
}

/** POST /comment/{paragraph} (or /es/comment/{paragraph}): the plain form, sent to the API unchanged but for its language. */
export function sendCommentForm(request: Request, pageParagraph: string, language: string, callApi: CallApi): Promise<Response> {
  // A page's address answers with a page whatever was posted to it (an empty body, another content type), never the API's JSON.
  return showFormAgain(new Request(new URL(paths.api.responses, request.url), request), callApi, { paragraph: pageParagraph, language }, !asksForJson(request));
}

/** Sends a post to the API; a browser's refused form post gets its comment page again instead of JSON. */
export async function showFormAgain(request: Request, callApi: CallApi, formPage = formPageOfReferrer(request), toPage = isBrowserFormPost(request)): Promise<Response> {
  if (!toPage) return callApi(request);
  const language = formPage?.language ?? languageOfPath(new URL(request.url).pathname);
  // The page shown says the person's language, whatever their browser's Accept-Language says, so its errors are in it too.
  request = new Request(request, { headers: new Headers(request.headers) });
  request.headers.set("Accept-Language", language);
  const length = Number(request.headers.get("Content-Length") ?? NaN);
  // The words are kept to show again, even from a body the API finds too large, up to a bound on memory.
  const copy = length <= KEPT_BODY_BYTES ? request.clone() : undefined;
  const answer = await callApi(request);
  if (answer.status < 400) return answer;

  const body = (await answer.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  const values = copy ? formValues(Object.fromEntries(new URLSearchParams(await copy.text()))) : {};
  const candidates = [values.paragraph, formPage?.paragraph];
  const paragraph = candidates.find((id) => id && isCommentableParagraph(id)) ?? GENERAL;

  const rendered = await renderPage(request, pathsIn(language).comment(paragraph), { commentForm: { status: answer.status, values, error: body.error } });
  const retryAfter = answer.headers.get("Retry-After");
  if (retryAfter) rendered.headers.set("Retry-After", retryAfter);
  return rendered;
}
