/**
 * A plain HTML form post that the API refuses is answered with the form
 * again: the error summary, and the person's words exactly as they typed them.
 */
import { FetchState, astro } from "astro/fetch";
import { isCommentableParagraph } from "../functions/consultation/response-schema.ts";
import { formValues } from "../functions/consultation/response-form.ts";
import { GENERAL } from "../functions/consultation/paragraph-id.ts";
import { MAX_BODY_BYTES } from "../functions/routes/responses/create.ts";
import { paths } from "./site.ts";

const isFormPost = (request: Request) =>
  (request.headers.get("Content-Type") ?? "").toLowerCase().startsWith("application/x-www-form-urlencoded");

/** The paragraph whose form page the post came from, for when the body was too large to read. */
function paragraphOfReferrer(request: Request): string | undefined {
  const referrer = request.headers.get("Referer");
  if (!referrer) return undefined;
  const url = new URL(referrer, request.url);
  const match = /^\/comment\/([^/]+)$/.exec(url.pathname);
  return url.origin === new URL(request.url).origin && match ? decodeURIComponent(match[1]!) : undefined;
}

export async function showFormAgain(request: Request, callApi: (request: Request) => Promise<Response>): Promise<Response> {
  if (!isFormPost(request)) return callApi(request);
  const length = Number(request.headers.get("Content-Length") ?? NaN);
  // Only a body small enough to be read anyway is kept for showing again.
  const copy = length <= MAX_BODY_BYTES ? request.clone() : undefined;
  const answer = await callApi(request);
  if (answer.status < 400) return answer;

  const body = (await answer.json()) as { error: { code: string; message: string; fields?: Record<string, string> } };
  const values = copy ? formValues(Object.fromEntries(new URLSearchParams(await copy.text()))) : {};
  const paragraph = [values.paragraph, paragraphOfReferrer(request)].find((id) => id && isCommentableParagraph(id)) ?? GENERAL;

  const page = new Request(new URL(paths.comment(paragraph), request.url), { headers: request.headers });
  const state = new FetchState(page);
  state.locals.commentForm = { status: answer.status, values, error: body.error };
  const rendered = await astro(state);
  const retryAfter = answer.headers.get("Retry-After");
  if (retryAfter) rendered.headers.set("Retry-After", retryAfter);
  return rendered;
}
