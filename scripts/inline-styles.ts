/**
 * The stylesheets, written into each page's <head> in a <style> element
 * rather than fetched, so the first paint needs only the HTML. The security
 * policy allows exactly these texts by their sha256 hashes: the build reads
 * src/styles/*.css once (`readInlineStyles`), and the pages (through the
 * virtual module `virtual:inline-styles`), the Worker's policy and the static
 * files' _headers all take the texts and hashes from that one reading.
 */
import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

export interface InlineStyles {
  /** Each stylesheet's text as it is inlined, by its file name without .css ("site" for site.css). */
  css: Record<string, string>;
  /** `'sha256-…'` for each text, as style-src lists them. */
  hashes: string[];
}

/** Drops comments and needless spaces; strings in the CSS keep their single spaces. */
export function compactCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, "")
    .replace(/\s+/g, " ")
    .replace(/\s*([{};,>])\s*/g, "$1")
    .replace(/;}/g, "}")
    .trim();
}

/** `'sha256-…'` for an inline text, as the security policy lists it. */
export function sourceHash(text: string): string {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

export function readInlineStyles(directory: string): InlineStyles {
  const css = Object.fromEntries(
    readdirSync(directory)
      .filter((name) => name.endsWith(".css"))
      .sort()
      .map((name) => [name.slice(0, -".css".length), compactCss(readFileSync(join(directory, name), "utf8"))]),
  );
  return { css, hashes: Object.values(css).map(sourceHash) };
}

/** A Vite plugin serving `virtual:<name>`, a module whose exports are `values`, each written as JSON. */
export function virtualModulePlugin(name: string, values: Record<string, unknown>) {
  const id = `virtual:${name}`;
  return {
    name,
    resolveId: (requested: string) => (requested === id ? `\0${id}` : undefined),
    load: (requested: string) =>
      requested === `\0${id}` ? Object.entries(values).map(([key, value]) => `export const ${key} = ${JSON.stringify(value)};\n`).join("") : undefined,
  };
}

/** A Vite plugin serving `virtual:inline-styles`: `css` and `hashes` from one reading. */
export const inlineStylesPlugin = (styles: InlineStyles) => virtualModulePlugin("inline-styles", { css: styles.css, hashes: styles.hashes });
