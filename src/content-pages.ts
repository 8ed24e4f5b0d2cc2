/**
 * The pages whose words are markdown files in content/pages (the
 * accessibility statement, the privacy notice): in English at
 * content/pages/<name>.md, and in any language content/ translates them into
 * at content/pages/<language>/<name>.md.
 */
import { DEFAULT_LANGUAGE } from "../functions/i18n/index.ts";
import type { SourceFile } from "../functions/consultation/draft.ts";

const files = import.meta.glob<string>("@content/pages/**/*.md", { query: "?raw", import: "default", eager: true });

export type ContentPageName = "accessibility" | "privacy";

/** Each language's version of the page named. */
export function contentPage(name: ContentPageName): ReadonlyMap<string, SourceFile> {
  const versions = new Map<string, SourceFile>();
  for (const [path, text] of Object.entries(files)) {
    const match = /content\/pages\/(?:([a-z]{2,3})\/)?([^/]+)\.md$/.exec(path);
    if (match?.[2] === name) versions.set(match[1] ?? DEFAULT_LANGUAGE, { file: match[0], text });
  }
  return versions;
}
