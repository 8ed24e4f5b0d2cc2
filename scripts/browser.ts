/** Chromium for the end-to-end tests and the benchmarks, driven by playwright-core. */
import { existsSync } from "node:fs";
import { chromium, type Browser } from "playwright-core";

const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--no-first-run",
];

/** Where a system's desktop Chromium or Chrome is found. */
const SYSTEM_BROWSERS = ["/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];

/**
 * CHROME_PATH, then Chromium's headless shell (Debian's chromium-headless-shell: the same engine as its
 * chromium, without the desktop browser around it, for a third of the CPU on the same pages), then a
 * system Chromium or Chrome, then the headless shell shipped in @sparticuz/chromium.
 */
async function chromiumPath(): Promise<string> {
  const found = [process.env.CHROME_PATH, "/usr/bin/chromium-headless-shell", ...SYSTEM_BROWSERS].find((path) => path && existsSync(path));
  if (found) return found;
  const { default: packaged } = await import("@sparticuz/chromium");
  return packaged.executablePath();
}

export async function launchBrowser(options: { args?: string[] } = {}): Promise<Browser> {
  return chromium.launch({ executablePath: await chromiumPath(), args: [...CHROMIUM_ARGS, ...(options.args ?? [])], headless: true });
}
