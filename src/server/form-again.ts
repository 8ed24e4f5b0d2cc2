/**
 * A plain HTML form post that the API refuses is answered with the form
 * again: the error summary, and the person's words exactly as they typed them.
 */
import { isCommentableParagraph } from "../../functions/consultation/paragraphs.ts";
import { GENERAL } from "../../functions/consultation/paragraph-id.ts";
import { REQUEST_BYTES } from "../../functions/limits.ts";
import { paths } from "../../functions/paths.ts";
import { formValues } from "../../functions/responses/form.ts";
import { renderPage } from "./render.ts";

/** How much of a refused form is read back to show the person their words. */
const KEPT_BODY_BYTES = 4 * REQUEST_BYTES;

/** A browser's own form post: the inline form asks for JSON and handles refusals itself. */
const isBrowserFormPost = (request: Request) =>
  (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded") &&
  !(request.headers.get("Accept") ?? "").includes("application/json");

/** The paragraph whose form page the post came from, for when the body was too large to read. */
function paragraphOfReferrer(request: Request): string | undefined {
  const referrer = request.headers.get("Referer");
  if (!referrer || !URL.canParse(referrer, request.url)) return undefined;
  const url = new URL(referrer, request.url);
  const match = /^\/comment\/([^/]+)$/.exec(url.pathname);
  if (url.origin !== new URL(request.url).origin || !match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    // A broken address says nothing about the paragraph: the form falls back to the whole strategy.
    return undefined;
  }
}

export async function showFormAgain(request: Request, callApi: (request: Request) => Promise<Response>): Promise<Response> {
  if (!isBrowserFormPost(request)) return callApi(request);
  const length = Number(request.headers.get("Content-Length") ?? NaN);
  // The words are kept to show again, even from a body the API finds too large, up to a bound on memory.
  const copy = length <= KEPT_BODY_BYTES ? request.clone() : undefined;
  const answer = await callApi(request);
  if (answer.status < 400) return answer;

  const body = (await answer.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  const values = copy ? formValues(Object.fromEntries(new URLSearchParams(await copy.text()))) : {};
  const paragraph = [values.paragraph, paragraphOfReferrer(request)].find((id) => id && isCommentableParagraph(id)) ?? GENERAL;

  const rendered = await renderPage(request, paths.comment(paragraph), { commentForm: { status: answer.status, values, error: body.error } });
  const retryAfter = answer.headers.get("Retry-After");
  if (retryAfter) rendered.headers.set("Retry-After", retryAfter);
  return rendered;
}
