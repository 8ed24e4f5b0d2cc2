/**
 * Largest contentful paint of the section and comment pages in every
 * language, in Chromium on a throttled connection and CPU (like Lighthouse's
 * mobile profile: 150 ms round trip, 1.6 Mbit/s down, CPU 4× slower), each on
 * a fresh, empty cache. Lighthouse's own figures simulate the throttling, so
 * these are comparable with each other, not with Lighthouse.
 */
import { launchBrowser } from "../scripts/browser.ts";
import { readdirSync } from "node:fs";
import { DEFAULT_LANGUAGE } from "../functions/i18n/default-language.ts";
import type { ConsultationContent } from "../functions/consultation/content.ts";

export interface LcpFigures {
  page: string;
  path: string;
  firstContentfulPaintMs: number;
  largestContentfulPaintMs: number;
}

const THROTTLING = { latency: 150, downloadThroughput: (1.6 * 1024 * 1024) / 8, uploadThroughput: (750 * 1024) / 8 };
const CPU_SLOWDOWN = 4;

/** Each language with a dictionary, as functions/i18n/index.ts finds them (that module needs Vite; this runs in Node). */
const languageCodes = () => {
  const codes = readdirSync("functions/i18n/messages").map((file) => file.replace(/\.ts$/, ""));
  return [DEFAULT_LANGUAGE, ...codes.filter((code) => code !== DEFAULT_LANGUAGE).sort()];
};

export function pagesToMeasure(content: ConsultationContent): [string, string][] {
  const [section] = content.draft.sections;
  return languageCodes().flatMap((code) => {
    const prefix = code === "en" ? "" : `/${code}`;
    return [
      [`home (${code})`, `${prefix}/`],
      [`section (${code})`, `${prefix}/draft/${section!.slug}/`],
      [`comment (${code})`, `${prefix}/comment/${section!.paragraphs[0]!.id}`],
    ] as [string, string][];
  });
}

export async function measureLcp(baseUrl: string, content: ConsultationContent): Promise<LcpFigures[]> {
  const browser = await launchBrowser();
  const figures: LcpFigures[] = [];
  try {
    for (const [page, path] of pagesToMeasure(content)) {
      const context = await browser.newContext({ viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true });
      const tab = await context.newPage();
      const cdp = await context.newCDPSession(tab);
      await cdp.send("Network.enable");
      await cdp.send("Network.emulateNetworkConditions", { offline: false, ...THROTTLING });
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
      await tab.goto(`${baseUrl}${path}`, { waitUntil: "load" });
      const paints = await tab.evaluate(
        () =>
          new Promise<{ fcp: number; lcp: number }>((resolve) => {
            new PerformanceObserver((list) => {
              const entries = list.getEntries();
              // Read once the largest paint is known: the first paint's entry may not be queued before it.
              const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? Number.NaN;
              resolve({ fcp, lcp: entries[entries.length - 1]!.startTime });
            }).observe({ type: "largest-contentful-paint", buffered: true });
          }),
      );
      figures.push({ page, path, firstContentfulPaintMs: Math.round(paints.fcp), largestContentfulPaintMs: Math.round(paints.lcp) });
      await context.close();
    }
  } finally {
    await browser.close();
  }
  console.log("\nLargest contentful paint (Chromium, 150 ms round trip, 1.6 Mbit/s, CPU 4× slower, empty cache)");
  console.table(figures);
  return figures;
}
