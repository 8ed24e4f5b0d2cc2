/**
 * Lighthouse's own figures for the pages whose first paint matters most:
 * home, a section page and a comment page in every language, each in a fresh
 * tab with Lighthouse's default mobile profile (simulated throttling: 150 ms
 * round trip, 1.6 Mbit/s, CPU 4× slower) and its four categories.
 */
import lighthouse from "lighthouse";
import { launchBrowser } from "../scripts/browser.ts";
import { freePort } from "../scripts/local-server.ts";
import type { ConsultationContent } from "../functions/consultation/content.ts";
import { pagesToMeasure } from "./lcp.ts";

export interface LighthouseFigures {
  page: string;
  path: string;
  largestContentfulPaintMs: number;
  firstContentfulPaintMs: number;
  /** Each category's score out of 100. */
  scores: Record<string, number>;
}

const CATEGORIES = ["performance", "accessibility", "best-practices", "seo"];
/** The goal of issue 22: the section and comment pages paint their largest content within 0.9 s. */
export const LCP_GOAL_MS = 900;

export async function measureLighthouse(baseUrl: string, content: ConsultationContent): Promise<LighthouseFigures[]> {
  const port = await freePort();
  // Lighthouse drives the full browser (not the headless shell the tests use) through its own debugging port.
  const browser = await launchBrowser({ fullBrowser: true, args: [`--remote-debugging-port=${port}`] });
  const figures: LighthouseFigures[] = [];
  try {
    for (const [page, path] of pagesToMeasure(content)) {
      const result = await lighthouse(`${baseUrl}${path}`, { port, output: "json", logLevel: "error", onlyCategories: CATEGORIES });
      if (!result) throw new Error(`Lighthouse gave no result for ${path}`);
      const { audits, categories, runtimeError } = result.lhr;
      if (runtimeError) throw new Error(`Lighthouse failed on ${path}: ${runtimeError.message}`);
      figures.push({
        page,
        path,
        largestContentfulPaintMs: Math.round(audits["largest-contentful-paint"]?.numericValue ?? Number.NaN),
        firstContentfulPaintMs: Math.round(audits["first-contentful-paint"]?.numericValue ?? Number.NaN),
        scores: Object.fromEntries(CATEGORIES.map((category) => [category, Math.round((categories[category]?.score ?? 0) * 100)])),
      });
    }
  } finally {
    await browser.close();
  }
  console.log("\nLighthouse, mobile profile with simulated throttling (ms; scores out of 100)");
  console.table(figures.map(({ scores, ...figure }) => ({ ...figure, ...scores })));
  const slow = figures.filter((figure) => !figure.page.startsWith("home") && figure.largestContentfulPaintMs > LCP_GOAL_MS);
  const below = figures.filter((figure) => Object.values(figure.scores).some((score) => score < 100));
  console.log(
    slow.length === 0 ? `Every section and comment page paints its largest content within ${LCP_GOAL_MS} ms.` : `Over ${LCP_GOAL_MS} ms: ${slow.map((f) => f.page).join(", ")}.`,
    below.length === 0 ? "Every score is 100." : `Below 100: ${below.map((f) => f.page).join(", ")}.`,
  );
  return figures;
}

