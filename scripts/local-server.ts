/**
 * Runs the built Worker locally in workerd through Miniflare
 * (scripts/worker-server.ts), with a persisted local D1 that `wrangler d1
 * … --local --persist-to` reads and writes too. Used by `npm start`, the
 * end-to-end tests and the benchmarks alike.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { get } from "node:http";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { loadContent } from "../functions/consultation/content.ts";
import { periodProblem } from "../functions/consultation/period.ts";
import { readContentSources } from "../functions/consultation/read-content.ts";
import type { WorkerServerOptions } from "./worker-server.ts";

/** The program that runs a build in workerd (its own process, so a test can kill it as a crash would). */
const WORKER_SERVER = fileURLToPath(new URL("./worker-server.ts", import.meta.url));

/** The variables a local run takes from the environment, overriding .dev.vars. */
export const SETTING_NAMES = [
  "OPENS_AT",
  "CLOSES_AT",
  "RESULTS_PUBLISHED_AT",
  "ADMIN_TOKEN",
  "ACCESS_TEAM_DOMAIN",
  "ACCESS_AUD",
  "RATE_LIMITS",
  "TURNSTILE_SECRET",
  "TURNSTILE_SITE_KEY",
  "KIOSK_GRACE_DAYS",
  "PAPER_GRACE_DAYS",
  "RETENTION_DAYS",
] as const;

/** Where the build lives: dist/ unless PORTAL_OUT_DIR says otherwise. */
export const OUT_DIR = process.env.PORTAL_OUT_DIR ?? "dist";
/** The same site built from the tests' fixture consultation (`npm run build:fixture`). */
export const FIXTURE_OUT_DIR = `${OUT_DIR}-fixture`;
/** What a build made by `npm test` printed, kept inside the build's folder (scripts/test-builds.ts). */
export const BUILD_OUTPUT_FILE = "build-output.log";
/** The folder holding the content/ a build is made from: PORTAL_CONTENT_ROOT (as the build reads it) or this repository. */
export const CONTENT_ROOT = process.env.PORTAL_CONTENT_ROOT ?? ".";
/** The folder holding the tests' fixture consultation. */
export const FIXTURE_CONTENT_ROOT = "test/fixtures";

export interface LocalServerOptions {
  port?: number;
  /** Which build to serve; OUT_DIR unless given. */
  outDir?: string;
  persistTo?: string;
  /** Worker variables; they win over .dev.vars. */
  vars?: Record<string, string>;
  /** Print the server's output and log each request (for `npm start`). */
  inheritOutput?: boolean;
  /** The folder holding the content/ the build was made from, whose dates the settings are checked against. */
  contentRoot?: string;
  /**
   * Run workerd from this process rather than from a process of its own:
   * what the end-to-end tests do, since starting Node and loading Miniflare
   * again for each of their sites cost more than a second each. A server
   * started so cannot be killed as a crash would kill it.
   */
  inProcess?: boolean;
  /**
   * Check the settings before starting (the default). Turned off only to see
   * how the Worker answers with wrong settings, as it must in production,
   * where Cloudflare holds the variables and nothing checks them first.
   */
  checkSettings?: boolean;
}

/** A setting a local run would start with is wrong; the message says what to change. */
export class SettingsError extends Error {
  override readonly name = "SettingsError";
}

/** Local settings in a .dev.vars file (NAME=value lines), as wrangler reads them. */
export function readDevVars(file: string): Record<string, string> {
  if (!existsSync(file)) return {};
  const entries = readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((line) => /^\s*([A-Z_][A-Z0-9_]*)\s*=\s*(.*?)\s*$/.exec(line))
    .filter((match) => match !== null)
    .map((match) => [match[1]!, match[2]!.replace(/^(["'])(.*)\1$/, "$2")]);
  return Object.fromEntries(entries);
}

/**
 * Checks, once and before anything starts, the settings a local run of a
 * build will use (the .dev.vars the build copied beside the Worker, then the
 * variables given, as wrangler applies them) against the consultation's own
 * dates. Throws a SettingsError saying what to change.
 */
export function checkLocalSettings(outDir: string, contentRoot: string, vars: Record<string, string>): void {
  const { settings } = loadContent(readContentSources(contentRoot));
  const problem = periodProblem(settings.period, { ...readDevVars(join(outDir, "server", ".dev.vars")), ...vars });
  if (problem) throw new SettingsError(problem);
}

export interface LocalServer {
  url: string;
  port: number;
  /** The server's own process; none when it runs in this one (`inProcess`). */
  process?: ChildProcess;
  /** What the server has printed so far (empty when its output goes to the terminal). */
  output(): string;
  /** SIGTERM for a clean stop; SIGKILL to pull the plug, as a crash would. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/**
 * No telemetry, and no look-up of Cloudflare's request metadata (cf.json):
 * local runs use wrangler's placeholder, so nothing is fetched from the network.
 */
const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", CLOUDFLARE_CF_FETCH_ENABLED: "false", ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" };

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Applies every migration in migrations/ to the local D1 kept in persistTo. */
export function migrateLocalDatabase(persistTo: string): void {
  const result = spawnSync("wrangler", ["d1", "migrations", "apply", "DB", "--local", "--persist-to", persistTo], {
    env: { ...quietEnv, CI: "true" },
    encoding: "utf8",
  });
  if (result.status !== 0) throw new Error(`applying migrations failed:\n${result.stdout}\n${result.stderr}`);
}

/**
 * A fresh local D1 in persistTo with every migration applied, copied from one
 * migrated once per set of migrations (kept in .wrangler/, named by a hash of
 * migrations/): applying them through wrangler takes seconds each time, and
 * the end-to-end tests start a fresh database for every site they serve.
 */
export function freshMigratedDatabase(persistTo: string): void {
  const hash = createHash("sha256");
  for (const name of readdirSync("migrations").sort()) hash.update(name).update("\0").update(readFileSync(join("migrations", name))).update("\0");
  const template = join(".wrangler", `migrated-${hash.digest("hex").slice(0, 16)}`);
  if (!existsSync(template)) {
    mkdirSync(".wrangler", { recursive: true });
    const building = mkdtempSync(join(".wrangler", "migrating-"));
    migrateLocalDatabase(building);
    try {
      // Atomic, so a test file running beside this one never copies half a template.
      renameSync(building, template);
    } catch (error) {
      // Another process made the same template first; theirs is as good.
      rmSync(building, { recursive: true, force: true });
      if (!existsSync(template)) throw error;
    }
  }
  cpSync(template, persistTo, { recursive: true });
}

/**
 * One health check on a connection of its own, closed once answered: a probe
 * through fetch's pool would leave an idle socket that the server may close
 * just as the caller's first request is sent down it ("other side closed").
 */
function healthStatus(url: string): Promise<number> {
  return new Promise((resolve, reject) => {
    get(`${url}/api/health`, { agent: false }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    }).on("error", reject);
  });
}

/** Waits until the server answers its health check; `ended` says why it never will, once it has stopped. */
async function waitForHealth(url: string, ended: () => string | undefined, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const why = ended();
    if (why !== undefined) throw new Error(`the local server ${why}:\n${output()}`);
    try {
      if ((await healthStatus(url)) === 200) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the local server did not become healthy within 60 s:\n${output()}`);
}

export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const outDir = options.outDir ?? OUT_DIR;
  if (options.checkSettings !== false) checkLocalSettings(outDir, options.contentRoot ?? CONTENT_ROOT, options.vars ?? {});
  const port = options.port ?? (await freePort());
  const vars = { ...readDevVars(join(outDir, "server", ".dev.vars")), ...options.vars };
  const serverOptions: WorkerServerOptions = {
    config: join(outDir, "server", "wrangler.json"),
    persistTo: options.persistTo ?? ".wrangler/state",
    port,
    // /__scheduled?cron=… runs the daily retention job on demand (src/worker.ts).
    vars: { SCHEDULED_ON_DEMAND: "on", ...vars },
    logRequests: options.inheritOutput,
  };
  if (options.inProcess) return serveInThisProcess(serverOptions);
  const child = spawn(process.execPath, [WORKER_SERVER, JSON.stringify(serverOptions)], {
    env: quietEnv,
    stdio: options.inheritOutput ? "inherit" : "pipe",
    detached: process.platform !== "win32",
  });
  let log = "";
  child.stdout?.on("data", (chunk) => (log += chunk));
  child.stderr?.on("data", (chunk) => (log += chunk));

  const url = `http://127.0.0.1:${port}`;
  const stop = async (signal: NodeJS.Signals = "SIGTERM") => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once("exit", resolve));
    const killGroup = (groupSignal: NodeJS.Signals) => {
      try {
        // The server starts workerd as a child: end the whole group.
        process.kill(-child.pid!, groupSignal);
      } catch {
        child.kill(groupSignal);
      }
    };
    // SIGTERM lets the server stop workerd itself; SIGKILL pulls the plug on both at once.
    if (signal === "SIGTERM") child.kill(signal);
    else killGroup(signal);
    const stopped = await Promise.race([exited.then(() => true), new Promise((resolve) => setTimeout(() => resolve(false), 5000))]);
    if (!stopped) killGroup("SIGKILL");
  };
  try {
    await waitForHealth(url, () => (child.exitCode === null ? undefined : `exited with ${child.exitCode}`), () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, process: child, output: () => log, stop };
}

/** The same server, with workerd started from this process (`inProcess`). */
async function serveInThisProcess(serverOptions: WorkerServerOptions): Promise<LocalServer> {
  const [{ Miniflare }, { miniflareOptions }] = await Promise.all([import("miniflare"), import("./worker-server.ts")]);
  let log = "";
  const miniflare = new Miniflare(miniflareOptions(serverOptions, (text) => (log += text)));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    await miniflare.dispose();
  };
  const url = `http://127.0.0.1:${serverOptions.port}`;
  try {
    await miniflare.ready;
    await waitForHealth(url, () => (stopped ? "stopped" : undefined), () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port: serverOptions.port, output: () => log, stop };
}

/** The settings given in the environment, as Worker variables. */
export function settingsFromEnvironment(): Record<string, string> {
  return Object.fromEntries(SETTING_NAMES.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])));
}
