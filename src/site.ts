/** What every page needs: its language's words. Addresses come from functions/paths.ts. */
import { translator, DEFAULT_LANGUAGE } from "../functions/i18n/index.ts";

export function site(language: string = DEFAULT_LANGUAGE) {
  return { language, t: translator(language) };
}

export { paths } from "../functions/paths.ts";
