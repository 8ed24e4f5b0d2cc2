/**
 * Runs the built Worker locally with wrangler dev and a persisted local D1.
 * Used by `npm start`, the end-to-end tests and the benchmarks alike.
 */
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";

/** The variables a local run takes from the environment, overriding .dev.vars. */
export const SETTING_NAMES = [
  "OPENS_AT",
  "CLOSES_AT",
  "ADMIN_TOKEN",
  "ACCESS_TEAM_DOMAIN",
  "ACCESS_AUD",
  "RATE_LIMITS",
  "TURNSTILE_SECRET",
  "TURNSTILE_SITE_KEY",
  "KIOSK_GRACE_DAYS",
  "PAPER_GRACE_DAYS",
] as const;

/** Where the build lives: dist/ unless PORTAL_OUT_DIR says otherwise. */
export const OUT_DIR = process.env.PORTAL_OUT_DIR ?? "dist";
/** The same site built from the tests' fixture consultation (`npm run build:fixture`). */
export const FIXTURE_OUT_DIR = `${OUT_DIR}-fixture`;

export interface LocalServerOptions {
  port?: number;
  /** Which build to serve; OUT_DIR unless given. */
  outDir?: string;
  persistTo?: string;
  /** Worker variables; they win over .dev.vars. */
  vars?: Record<string, string>;
  /** Print wrangler's output (the default for `npm start`). */
  inheritOutput?: boolean;
}

export interface LocalServer {
  url: string;
  port: number;
  process: ChildProcess;
  /** SIGTERM for a clean stop; SIGKILL to pull the plug, as a crash would. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

const quietEnv = { ...process.env, WRANGLER_SEND_METRICS: "false", ASTRO_TELEMETRY_DISABLED: "1", NO_COLOR: "1" };

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

async function waitForHealth(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the local server did not become healthy within 60 s:\n${output()}`);
}

export async function startLocalServer(options: LocalServerOptions = {}): Promise<LocalServer> {
  const port = options.port ?? (await freePort());
  const inspectorPort = await freePort();
  const persistTo = options.persistTo ?? ".wrangler/state";
  const args = ["dev", "-c", `${options.outDir ?? OUT_DIR}/server/wrangler.json`, "--persist-to", persistTo, "--port", String(port)];
  args.push("--ip", "127.0.0.1", "--inspector-port", String(inspectorPort), "--show-interactive-dev-session=false");
  for (const [name, value] of Object.entries(options.vars ?? {})) args.push("--var", `${name}:${value}`);

  const child = spawn("wrangler", args, {
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
    try {
      // wrangler starts workerd as a child: end the whole group.
      process.kill(-child.pid!, signal);
    } catch {
      child.kill(signal);
    }
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5000))]);
  };
  try {
    await waitForHealth(url, child, () => log);
  } catch (error) {
    await stop();
    throw error;
  }
  return { url, port, process: child, stop };
}

/** The settings given in the environment, as Worker variables. */
export function settingsFromEnvironment(): Record<string, string> {
  return Object.fromEntries(SETTING_NAMES.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]!]])));
}
