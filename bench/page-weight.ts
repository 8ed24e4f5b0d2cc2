/** Bytes and gzip bytes of HTML, CSS and JS for each page type, as a browser would fetch them. */
import { gzipSync } from "node:zlib";

import type { ConsultationContent } from "../functions/consultation/content.ts";

/** One page of each type, for the consultation the site was built from. */
export function pageTypes(content: ConsultationContent): Record<string, string> {
  const [section] = content.draft.sections;
  return {
    home: "/",
    contents: "/draft/",
    section: `/draft/${section!.slug}/`,
    "section in Spanish": `/es/draft/${section!.slug}/`,
    comment: `/comment/${section!.paragraphs[0]!.id}`,
    "comment on the whole": "/comment/general",
    track: "/track",
    accessibility: "/accessibility/",
    privacy: "/privacy/",
  };
}

export const SECTION_BUDGET_GZIP = 30 * 1024;
/** The reading pages (the draft, the accessibility statement, the privacy notice), in every language, language links included. */
export const READING_BUDGET_GZIP = 20 * 1024;

interface Weight {
  bytes: number;
  gzip: number;
}

const add = (a: Weight, b: Weight): Weight => ({ bytes: a.bytes + b.bytes, gzip: a.gzip + b.gzip });
const weigh = (body: Uint8Array): Weight => ({ bytes: body.length, gzip: gzipSync(body).length });

export async function pageWeight(baseUrl: string, path: string) {
  const html = new Uint8Array(await (await fetch(`${baseUrl}${path}`)).arrayBuffer());
  const text = new TextDecoder().decode(html);
  const css = [...text.matchAll(/<link[^>]+rel="stylesheet"[^>]+href="(\/[^"]+)"/g)].map((m) => m[1]!);
  const js = [
    ...[...text.matchAll(/<script[^>]+src="(\/[^"]+)"/g)].map((m) => m[1]!),
    // Scripts an inline script asks for by their address: the commenting script's loader (scripts/inline-scripts.ts).
    ...[...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].flatMap((m) => [...m[1]!.matchAll(/"(\/[\w./-]+\.js)"/g)].map((n) => n[1]!)),
  ];
  const total = async (urls: string[]) => {
    let weight = { bytes: 0, gzip: 0 };
    const fetched = new Set<string>();
    for (const url of urls) {
      if (fetched.has(url)) continue;
      fetched.add(url);
      const body = new Uint8Array(await (await fetch(`${baseUrl}${url}`)).arrayBuffer());
      weight = add(weight, weigh(body));
      // A module's own imports are fetched too, named from the site's root or from the module's own address.
      if (url.endsWith(".js")) {
        const imports = [...new TextDecoder().decode(body).matchAll(/\b(?:from|import)\s+"(\.{0,2}\/[^"]+\.js)"/g)];
        urls.push(...imports.map((m) => new URL(m[1]!, `${baseUrl}${url}`).pathname));
      }
    }
    return weight;
  };
  const linkedCss = await total(css);
  // Stylesheets inline in the page (scripts/inline-styles.ts) are counted in the HTML's total, and shown as CSS too.
  const inlineCss = weigh(new TextEncoder().encode([...text.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]!).join("")));
  const result = { html: weigh(html), css: add(linkedCss, inlineCss), js: await total(js) };
  return { ...result, total: add(add(result.html, linkedCss), result.js) };
}

/** Prints the weight of each page type and returns the figures, and whether every page is within the reading pages' budget. */
export async function measurePageWeights(baseUrl: string, content: ConsultationContent) {
  console.log("\nPage weight (bytes / gzip bytes)");
  const pages: Record<string, Awaited<ReturnType<typeof pageWeight>> & { path: string }> = {};
  for (const [name, path] of Object.entries(pageTypes(content))) pages[name] = { path, ...(await pageWeight(baseUrl, path)) };
  const fmt = (w: Weight) => `${w.bytes} / ${w.gzip}`;
  console.table(Object.entries(pages).map(([name, w]) => ({ page: name, path: w.path, html: fmt(w.html), css: fmt(w.css), js: fmt(w.js), total: fmt(w.total) })));
  const over = Object.entries(pages).filter(([, w]) => w.total.gzip > READING_BUDGET_GZIP).map(([name]) => name);
  const withinBudget = over.length === 0;
  console.log(`Page budget: ${READING_BUDGET_GZIP} gzip bytes in total for every page: ${withinBudget ? "within budget" : `OVER BUDGET: ${over.join(", ")}`}`);
  return { pages, withinBudget };
}
