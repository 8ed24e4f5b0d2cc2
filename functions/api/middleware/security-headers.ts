/**
 * Security headers for every response the Worker makes. Static files get
 * the same policy through _headers, written from here when the build ends
 * (`securityHeaderValues`, scripts/static-headers.ts), so their Turnstile
 * allowance follows the build's settings.
 */
import { createMiddleware } from "hono/factory";

const TURNSTILE_ORIGIN = "https://challenges.cloudflare.com";

export interface SecurityOptions {
  turnstile?: boolean;
  /**
   * The `'sha256-…'` hashes of the stylesheets pages carry inline, read once
   * by the build (scripts/inline-styles.ts); nothing else inline may style a page.
   */
  styleHashes?: readonly string[];
  /**
   * The `'sha256-…'` hashes of the scripts pages carry inline (the commenting
   * script's loader, scripts/inline-scripts.ts); nothing else inline may run.
   */
  scriptHashes?: readonly string[];
}

export function contentSecurityPolicy(options: SecurityOptions = {}): string {
  const third = options.turnstile ? ` ${TURNSTILE_ORIGIN}` : "";
  const listed = (hashes: readonly string[] = []) => hashes.map((hash) => ` ${hash}`).join("");
  return [
    "default-src 'self'",
    `script-src 'self'${third}${listed(options.scriptHashes)}`,
    `style-src 'self'${listed(options.styleHashes)}`,
    "img-src 'self' data:",
    "font-src 'none'",
    `connect-src 'self'`,
    `frame-src ${options.turnstile ? TURNSTILE_ORIGIN : "'none'"}`,
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
  ].join("; ");
}

const FIXED_HEADERS: Record<string, string> = {
  "Referrer-Policy": "strict-origin-when-cross-origin",
  "X-Content-Type-Options": "nosniff",
  "X-Frame-Options": "DENY",
  "Permissions-Policy": "camera=(), microphone=(), geolocation=()",
};

/** The headers, for the Worker's answers and (written to _headers at build time) for static files. */
export function securityHeaderValues(options: SecurityOptions = {}): Record<string, string> {
  return { ...FIXED_HEADERS, "Content-Security-Policy": contentSecurityPolicy(options) };
}

/** Adds the headers to whatever the rest of the pipeline answered, unless it set its own. */
export function securityHeaders(options: SecurityOptions = {}) {
  const headers = securityHeaderValues(options);
  const apply = (response: Response) => {
    for (const [name, value] of Object.entries(headers)) if (!response.headers.has(name)) response.headers.set(name, value);
  };
  return createMiddleware(async (c, next) => {
    await next();
    try {
      apply(c.res);
    } catch {
      // Responses passed through from fetch() have immutable headers: answer with a copy.
      c.res = new Response(c.res.body, c.res);
      apply(c.res);
    }
  });
}
