/**
 * One spelling per address. Astro decodes a path again and again before it
 * routes on it (so /%2561dmin/ reaches the officers' pages), while a check
 * made on the address as it arrived sees something else. The Worker settles
 * the path here, before anything routes on it or checks it: an address
 * already in its one spelling passes, a harmless other spelling (a letter
 * written as %61, repeated slashes) is redirected to it, and anything that
 * could be read two ways is refused.
 */

export type PathVerdict =
  | { kind: "canonical" }
  /** Another spelling of an ordinary address: send the client to its one spelling. */
  | { kind: "redirect"; pathname: string }
  /** An address that could mean two things: answer as for a page that does not exist. */
  | { kind: "refuse" };

/**
 * Escapes that are never part of an address here: an escaped percent sign
 * (a second layer of encoding), slash or backslash (a segment that is not
 * one), and control characters (NUL and friends).
 */
const AMBIGUOUS_ESCAPE = /%(?:25|2f|5c|[01][0-9a-f]|7f)/i;

/** What a decoded path may hold: RFC 3986 path characters, without the percent sign. */
const PLAIN_PATH = /^\/[A-Za-z0-9\-._~!$&'()*+,;=:@/]*$/;

/** "/./", "/../" or a path ending in "/." or "/..", which the URL parser may not have resolved if they were escaped. */
const DOT_SEGMENT = /\/\.{1,2}(?:\/|$)/;

export function checkPath(pathname: string): PathVerdict {
  if (AMBIGUOUS_ESCAPE.test(pathname) || pathname.includes("\\")) return { kind: "refuse" };
  let decoded: string;
  try {
    decoded = decodeURIComponent(pathname);
  } catch {
    return { kind: "refuse" };
  }
  // Non-ASCII letters (full-width "ａdmin"), spaces, quotes and the like are in no address of the site.
  if (!PLAIN_PATH.test(decoded) || DOT_SEGMENT.test(decoded)) return { kind: "refuse" };
  const folded = decoded.replace(/\/{2,}/g, "/");
  return folded === pathname ? { kind: "canonical" } : { kind: "redirect", pathname: folded };
}
