/**
 * `npm start`, `npm run bench` and the other npm scripts run TypeScript with
 * Node's own type stripping, which refuses syntax that needs transforming
 * (parameter properties, enums, namespaces). The tests run through a bundler
 * that accepts it, so this loads every module those scripts import the way
 * Node does, in a Node process of its own.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, it } from "vitest";

const root = resolve(import.meta.dirname, "../..");
const scripts = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).scripts as Record<string, string>;
const entryPoints = [...new Set(Object.values(scripts).flatMap((command) => [...command.matchAll(/\bnode (scripts\/[\w./-]+\.ts)/g)].map((match) => match[1]!)))];

/** The project modules an entry point imports (not the entry point itself, which would run). */
const importsOf = (file: string) =>
  [...readFileSync(join(root, file), "utf8").matchAll(/^import [^;]*? from "(\.{1,2}\/[^"]+\.ts)";$/gms)].map((match) =>
    relative(root, resolve(dirname(join(root, file)), match[1]!)),
  );

describe("the npm scripts' TypeScript, as Node itself runs it", () => {
  it("finds the scripts that run under Node", ({ expect }) => {
    expect(entryPoints).toEqual(expect.arrayContaining(["scripts/serve.ts", "scripts/bench.ts"]));
  });

  for (const entryPoint of entryPoints) {
    it(`loads everything ${entryPoint} imports`, { timeout: 60_000 }, ({ expect }) => {
      const modules = importsOf(entryPoint);
      const program = `for (const module of ${JSON.stringify(modules.map((module) => `./${module}`))}) await import(module);`;
      // Throws, with Node's own message (such as ERR_UNSUPPORTED_TYPESCRIPT_SYNTAX), if any module cannot load.
      expect(() => execFileSync(process.execPath, ["--input-type=module", "-e", program], { cwd: root, stdio: "pipe" })).not.toThrow();
    });
  }
});
