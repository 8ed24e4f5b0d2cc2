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

/** The desktop browser itself, for tools that expect it (Lighthouse): CHROME_PATH or a system Chromium or Chrome. */
function fullBrowserPath(): string | undefined {
  return [process.env.CHROME_PATH, ...SYSTEM_BROWSERS].find((path) => path && existsSync(path));
}

export async function launchBrowser(options: { fullBrowser?: boolean; args?: string[] } = {}): Promise<Browser> {
  const executablePath = (options.fullBrowser && fullBrowserPath()) || (await chromiumPath());
  return chromium.launch({ executablePath, args: [...CHROMIUM_ARGS, ...(options.args ?? [])], headless: true });
}
