/**
 * Astro's own checks, made on the route Astro chose, whatever the address
 * looked like:
 * - an officer page is never rendered for anyone the officer gate
 *   (src/server/officer-gate.ts) did not let through: the gate runs first in
 *   src/fetch.ts, and this refuses if it did not, so a route the gate's
 *   pattern misses still fails closed;
 * - a language route (/[locale]/…, src/i18n/localized-routes.ts) for a
 *   language there is no dictionary for is a page that does not exist.
 */
import { defineMiddleware } from "astro:middleware";
import { DEFAULT_LANGUAGE, isLanguage } from "../functions/i18n/index.ts";
import { isOfficerRoute, isSignInRoute, paths } from "../functions/paths.ts";

export const onRequest = defineMiddleware((context, next) => {
  if (isOfficerRoute(context.routePattern) && !isSignInRoute(context.routePattern) && !context.locals.officer) {
    return new Response(null, { status: 303, headers: { Location: paths.admin.signIn, "Cache-Control": "no-store" } });
  }
  const { locale } = context.params;
  if (locale !== undefined && (locale === DEFAULT_LANGUAGE || !isLanguage(locale))) return context.rewrite("/404");
  return next();
});
