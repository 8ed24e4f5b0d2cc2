/**
 * Showing a reference once, without putting it in an address. A plain form
 * post is answered with a redirect to the confirmation page and a
 * short-lived cookie that only that page receives; the page reads it once
 * and clears it, so the browser's history holds nothing the next person on a
 * shared computer could reopen.
 */
import { pathsIn } from "../paths.ts";
import { normaliseReference } from "./reference.ts";
import { cookieValue } from "../lib/cookies.ts";

const NAME = "confirmation";
/** Long enough to follow the redirect on a slow connection; never long enough to wait for the next person. */
const MAX_AGE_SECONDS = 300;
/** Only the confirmation page in the person's language (/confirmation, /es/confirmation) receives it. */
const attributes = (language: string) => `Path=${pathsIn(language).confirmation}; HttpOnly; Secure; SameSite=Strict`;

/** The Set-Cookie value that carries a new reference to the confirmation page in the person's language. */
export function confirmationCookie(reference: string, language: string): string {
  return `${NAME}=${encodeURIComponent(reference)}; Max-Age=${MAX_AGE_SECONDS}; ${attributes(language)}`;
}

/** The Set-Cookie value that clears it once the page has shown it. */
export function clearedConfirmationCookie(language: string): string {
  return `${NAME}=; Max-Age=0; ${attributes(language)}`;
}

/** The stored form of the reference the cookie carries, if it carries one of ours. */
export function confirmedReference(cookieHeader: string | null): string | undefined {
  const value = cookieValue(cookieHeader, NAME);
  if (value === undefined) return undefined;
  try {
    return normaliseReference(decodeURIComponent(value));
  } catch {
    // Not something this site wrote.
    return undefined;
  }
}
