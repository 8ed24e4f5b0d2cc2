/**
 * The modules a browser script in public/ imports by itself, read from its own
 * text at build time, so a page can ask for them beside the script instead of
 * after it (one round trip instead of two) without a second list to keep.
 */
import commentScript from "../../public/comment.js?raw";

/** The addresses of the modules `source` imports statically from files beside it, as the browser resolves them from /. */
export function staticImports(source: string): string[] {
  return [...source.matchAll(/^import\s[^;]*?\sfrom\s+"\.\/([\w./-]+\.js)";/gm)].map((match) => `/${match[1]}`);
}

/** What /comment.js imports. */
export const commentScriptImports = staticImports(commentScript);
