/**
 * The one script pages carry inline: a few lines that ask for the
 * commenting script (public/comment.js) and the modules it imports only once
 * the page has painted its content. A script the page asks for before that,
 * even at low priority, delays the largest paint as Lighthouse estimates it
 * (it counts every request that ended before the paint it saw), and its
 * modules' preload links fetch for nothing when JavaScript is off. The security policy allows exactly this
 * text by its sha256 hash: like the stylesheets (scripts/inline-styles.ts),
 * the build writes it once (`readInlineScripts`), and the pages (through the
 * virtual module `virtual:inline-scripts`), the Worker's policy and the
 * static files' _headers all take the text and its hash from there.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { sourceHash, virtualModulePlugin } from "./inline-styles.ts";

export interface InlineScripts {
  /** The loader's text, as a page carries it. */
  commentLoader: string;
  /** `'sha256-…'` for the text, as script-src lists it. */
  hashes: string[];
}

/** The addresses of the modules `source` imports statically from files beside it, as the browser resolves them from /. */
export function staticImports(source: string): string[] {
  return [...source.matchAll(/^import\s[^;]*?\sfrom\s+"\.\/([\w./-]+\.js)";/gm)].map((match) => `/${match[1]}`);
}

/**
 * The loader for `script` and the modules it imports, asked for together (one
 * round trip, not two) after the first contentful paint. Pages carry it as an
 * inline module, which runs once the whole page is parsed, as the script did
 * when named in a <script src>. A page opened in the background may report no
 * first paint: it asks once it is shown, after its first frame; so does a
 * browser without paint timing.
 */
export function loaderText(script: string, imports: readonly string[]): string {
  return `let asked = false;
    const ask = () => {
      if (asked) return;
      asked = true;
      for (const href of ${JSON.stringify(imports)}) document.head.append(Object.assign(document.createElement("link"), { rel: "modulepreload", href }));
      document.head.append(Object.assign(document.createElement("script"), { type: "module", src: ${JSON.stringify(script)} }));
    };
    const afterFrame = () => requestAnimationFrame(() => setTimeout(ask));
    document.addEventListener("visibilitychange", () => document.visibilityState === "visible" && afterFrame());
    if ((PerformanceObserver.supportedEntryTypes || []).includes("paint")) {
      new PerformanceObserver((paints) => paints.getEntriesByName("first-contentful-paint").length > 0 && ask()).observe({ type: "paint", buffered: true });
    } else afterFrame();`
    .split("\n")
    .map((line) => line.trim())
    .join("");
}

/** Reads the commenting script's imports from public/ once, and writes its loader and the loader's hash. */
export function readInlineScripts(publicDirectory: string): InlineScripts {
  const commentLoader = loaderText("/comment.js", staticImports(readFileSync(join(publicDirectory, "comment.js"), "utf8")));
  return { commentLoader, hashes: [sourceHash(commentLoader)] };
}

/** A Vite plugin serving `virtual:inline-scripts`: `commentLoader` and `hashes` from one reading. */
export const inlineScriptsPlugin = (scripts: InlineScripts) =>
  virtualModulePlugin("inline-scripts", { commentLoader: scripts.commentLoader, hashes: scripts.hashes });
