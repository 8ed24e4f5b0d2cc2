/** The person's language, from Accept-Language, and its translator, for every API answer. */
import { createMiddleware } from "hono/factory";
import { languageDetector } from "hono/language";
import { DEFAULT_LANGUAGE, languages, translator } from "../../i18n/index.ts";
import type { AppEnv } from "../context.ts";

export const detectLanguage = languageDetector({
  supportedLanguages: [...languages.keys()],
  fallbackLanguage: DEFAULT_LANGUAGE,
  order: ["header"],
  caches: false,
});

export const translate = createMiddleware<AppEnv>(async (c, next) => {
  c.set("t", translator(c.get("language")));
  await next();
});
