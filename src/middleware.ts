/**
 * A language route (/[locale]/…, src/i18n/localized-routes.ts) for a
 * language there is no dictionary for is a page that does not exist.
 */
import { defineMiddleware } from "astro:middleware";
import { DEFAULT_LANGUAGE, isLanguage } from "../functions/i18n/index.ts";

export const onRequest = defineMiddleware((context, next) => {
  const { locale } = context.params;
  if (locale !== undefined && (locale === DEFAULT_LANGUAGE || !isLanguage(locale))) return context.rewrite("/404");
  return next();
});
