/**
 * The kiosk works offline only if its service worker keeps every script the
 * kiosk loads: a module added to public/kiosk/ must be added to the worker's
 * list too. (The kiosk's own tests reload it offline; this names the file
 * that is missing.)
 */
import { readFileSync } from "node:fs";
import { describe, it } from "vitest";

const PUBLIC = new URL("../../public/", import.meta.url);

/** Every script reached from `entry` by its imports, as site paths. */
function scriptsFrom(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const source = readFileSync(new URL(`.${entry}`, PUBLIC), "utf8");
  for (const [, specifier] of source.matchAll(/\b(?:from|import)\s+"(\.{0,2}\/[^"]+\.js)"/g)) {
    scriptsFrom(new URL(specifier!, `https://kiosk.test${entry}`).pathname, seen);
  }
  return seen;
}

describe("the kiosk offline", () => {
  it("has every script the kiosk imports in its service worker's list, and nothing else", ({ expect }) => {
    const worker = readFileSync(new URL("kiosk-sw.js", PUBLIC), "utf8");
    const listed = [.../const SCRIPTS = \[([^\]]*)\]/.exec(worker)![1]!.matchAll(/"([^"]+)"/g)].map((match) => match[1]);
    expect(listed.sort()).toEqual([...scriptsFrom("/kiosk.js")].sort());
  });
});
