/**
 * What an officer's post issued and must see once (a kiosk key, a set-up
 * code, a staff code), carried across the redirect that follows the post,
 * so reloading the page shows it no more and issues nothing twice. It rides
 * in a short-lived cookie for that one page (HttpOnly, Secure, SameSite=Strict),
 * read and cleared by the page's next GET.
 */
import { cookieValue } from "../../functions/lib/cookies.ts";

const COOKIE = "shown_once";
const SECONDS = 300;

const cookie = (path: string, value: string, maxAge: number) => `${COOKIE}=${value}; Max-Age=${maxAge}; Path=${path}; HttpOnly; Secure; SameSite=Strict`;

/** A 303 to `location` that carries `shown` to the page at `path`. */
export function redirectShowingOnce(path: string, location: string, shown: unknown): Response {
  const value = encodeURIComponent(JSON.stringify(shown));
  return new Response(null, { status: 303, headers: { Location: location, "Set-Cookie": cookie(path, value, SECONDS) } });
}

/** What the redirect carried, if anything, with the header that clears it (to set on the page's answer). */
export function takeShownOnce<T>(request: Request, path: string): { shown: T; clear: string } | undefined {
  const value = cookieValue(request.headers.get("Cookie"), COOKIE);
  if (!value) return undefined;
  try {
    return { shown: JSON.parse(decodeURIComponent(value)) as T, clear: cookie(path, "", 0) };
  } catch {
    return { shown: {} as T, clear: cookie(path, "", 0) };
  }
}
