/**
 * The security headers of the build's static files. Static files (every draft
 * page is one) bypass the Worker, so Cloudflare gives them the headers listed
 * in the build's _headers: the Worker's own (functions/api/middleware/security-headers.ts),
 * written there when the build ends. Whether static pages may show Turnstile's
 * check is decided here, from the build's TURNSTILE_SITE_KEY: it is the only
 * part of a build that setting changes.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { securityHeaderValues, type SecurityOptions } from "../functions/api/middleware/security-headers.ts";

/** The first line of the block written here, so that writing again replaces the block instead of adding a second. */
const FIRST_LINE = "# The portal's security headers, for every static file (scripts/static-headers.ts)";

/** Writes the headers for every static file at the top of `clientDirectory`/_headers, keeping the rules already there. */
export function writeStaticSecurityHeaders(clientDirectory: string, options: SecurityOptions): void {
  const file = join(clientDirectory, "_headers");
  const existing = existsSync(file) ? readFileSync(file, "utf8") : "";
  const others = existing.startsWith(`${FIRST_LINE}\n`) ? existing.slice(existing.indexOf("\n\n") + 2) : existing;
  const block = [FIRST_LINE, "/*", ...Object.entries(securityHeaderValues(options)).map(([name, value]) => `  ${name}: ${value}`)].join("\n");
  writeFileSync(file, `${block}\n\n${others}`);
}
