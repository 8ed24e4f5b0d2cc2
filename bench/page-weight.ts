/** Bytes and gzip bytes of HTML, CSS and JS for each page type, as a browser would fetch them. */
import { gzipSync } from "node:zlib";

export const PAGE_TYPES: Record<string, string> = {
  home: "/",
  contents: "/draft/",
  section: "/draft/rough-sleeping/",
  comment: "/comment/rough-sleeping-2",
  accessibility: "/accessibility/",
  privacy: "/privacy/",
};

export const SECTION_BUDGET_GZIP = 30 * 1024;

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
  const js = [...text.matchAll(/<script[^>]+src="(\/[^"]+)"/g)].map((m) => m[1]!);
  const total = async (urls: string[]) => {
    let weight = { bytes: 0, gzip: 0 };
    for (const url of urls) weight = add(weight, weigh(new Uint8Array(await (await fetch(`${baseUrl}${url}`)).arrayBuffer())));
    return weight;
  };
  const result = { html: weigh(html), css: await total(css), js: await total(js) };
  return { ...result, total: add(add(result.html, result.css), result.js) };
}

export async function reportPageWeights(baseUrl: string): Promise<boolean> {
  console.log("\nPage weight (bytes / gzip bytes)");
  const rows = [];
  let withinBudget = true;
  for (const [name, path] of Object.entries(PAGE_TYPES)) {
    const weight = await pageWeight(baseUrl, path);
    const fmt = (w: Weight) => `${w.bytes} / ${w.gzip}`;
    rows.push({ page: name, path, html: fmt(weight.html), css: fmt(weight.css), js: fmt(weight.js), total: fmt(weight.total) });
    if (name === "section" && weight.total.gzip > SECTION_BUDGET_GZIP) withinBudget = false;
  }
  console.table(rows);
  console.log(`Section page budget: ${SECTION_BUDGET_GZIP} gzip bytes in total: ${withinBudget ? "within budget" : "OVER BUDGET"}`);
  return withinBudget;
}
