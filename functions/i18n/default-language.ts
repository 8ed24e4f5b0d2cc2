/** English: the draft's own language, the site's addresses without a language code, and the fallback for everything. Node-safe, unlike index.ts. */
export const DEFAULT_LANGUAGE = "en";
