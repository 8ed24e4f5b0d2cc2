/**
 * Runs a built Worker in workerd through Miniflare, with no proxy in front:
 * the bindings the build's wrangler.json declares (D1 persisted as `wrangler dev
 * --persist-to` keeps it, the rate limiters, ASSETS with _headers), the
 * variables given, and `/__scheduled?cron=…` to run the Worker's scheduled
 * handler, as `wrangler dev --test-scheduled` offers. Started as its own
 * process by scripts/local-server.ts, which waits until it answers; it stops
 * workerd on SIGTERM or SIGINT.
 *
 *   node scripts/worker-server.ts '{"config":"dist/server/wrangler.json","persistTo":".wrangler/state","port":8787,"vars":{}}'
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve, sep } from "node:path";
import { fileURLToPath } from "node:url";
import { Log, LogLevel, Miniflare, convertV4MiniflareOptions } from "miniflare";
import { assetRoot } from "./local-front.js";

export interface WorkerServerOptions {
  /** The wrangler.json the build wrote beside the Worker. */
  config: string;
  /** The folder `wrangler d1 … --persist-to` uses; Miniflare keeps its data in its v3/ folder, as wrangler does. */
  persistTo: string;
  port: number;
  host?: string;
  /** Worker variables, .dev.vars and the environment already merged. */
  vars: Record<string, string>;
  /** Log each request, as wrangler dev does (for `npm start`). */
  logRequests?: boolean;
}

/** The name under which the wrapper below is the Worker's main module. */
const LOCAL_ENTRY = "__local-entry.mjs";
/** The name under which scripts/local-front.js is one of its modules. */
const LOCAL_FRONT = "__local-front.mjs";
const LOCAL_FRONT_SOURCE = fileURLToPath(new URL("./local-front.js", import.meta.url));
/** The Worker's name here, which its binding to its own static-file router names. */
const WORKER_NAME = "consultation-portal";

/**
 * Wraps the built entry: `/__scheduled?cron=…` runs its scheduled handler;
 * everything else goes to it unchanged. A request body the Worker did not
 * read is read to its end afterwards, as wrangler dev does, or workerd would
 * reset the connection of a client still sending it (a refused post).
 * `LocalFront` is what the server's socket serves (scripts/local-front.js):
 * it reaches the Worker either directly or, through the `__ROUTER` binding,
 * by way of Cloudflare's static-file router, which calls the default export.
 */
function localEntry(main: string, roots: string[] | null, logRequests: boolean): string {
  return `import worker from "./${main}";
import { WorkerEntrypoint } from "cloudflare:workers";
import { serveFront } from "./${LOCAL_FRONT}";
async function drain(request) {
  try {
    if (request.body !== null && !request.bodyUsed) {
      const reader = request.body.getReader();
      while (!(await reader.read()).done) {}
    }
  } catch (error) {
    console.error("Failed to read the rest of an unread request body", error);
  }
}
async function fetch(request, env, context) {
  const url = new URL(request.url);
  if (url.pathname !== "/__scheduled") {
    try {
      return await worker.fetch(request, env, context);
    } finally {
      await drain(request);
    }
  }
  if (typeof worker.scheduled !== "function") return new Response("The Worker has no scheduled handler", { status: 404 });
  const cron = url.searchParams.get("cron") ?? "";
  await worker.scheduled({ cron, scheduledTime: Date.now(), type: "scheduled", noRetry() {} }, env, context);
  return new Response("Ran scheduled event");
}
export default { ...worker, fetch };
const roots = ${roots === null ? "null" : `new Set(${JSON.stringify(roots)})`};
export class LocalFront extends WorkerEntrypoint {
  fetch(request) {
    return serveFront(request, {
      worker: (forwarded) => fetch(forwarded, this.env, this.ctx),
      router: (forwarded) => this.env.__ROUTER.fetch(forwarded),
      roots,
      logRequests: ${logRequests},
    });
  }
}
`;
}

/**
 * The roots (scripts/local-front.js) of every file in the static-file folder,
 * or null when Cloudflare could answer any address from it: a _redirects file
 * or a not-found page.
 */
function staticRoots(directory: string, notFoundHandling: string | undefined): string[] | null {
  if (existsSync(join(directory, "_redirects")) || (notFoundHandling !== undefined && notFoundHandling !== "none")) return null;
  const files = readdirSync(directory, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile());
  return [...new Set(files.map((entry) => assetRoot(`/${relative(directory, join(entry.parentPath, entry.name)).split(sep).join("/")}`)))];
}

/** Every JavaScript module the build wrote beside its entry (the build is not bundled into one file). */
function moduleFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && /\.m?js$/.test(entry.name))
    .map((entry) => join(entry.parentPath, entry.name))
    // wrangler keeps its own files in a .wrangler folder beside the build.
    .filter((path) => !relative(root, path).split(sep).includes(".wrangler"));
}

/** The parts of the wrangler.json a build writes that a local run needs. */
interface BuildConfig {
  main: string;
  compatibility_date: string;
  compatibility_flags?: string[];
  vars?: Record<string, string>;
  d1_databases?: { binding: string; database_id: string }[];
  ratelimits?: { name: string; namespace_id: string; simple: { limit: number; period: number } }[];
  assets?: { directory: string; binding?: string; run_worker_first?: string[] | boolean; html_handling?: string; not_found_handling?: string };
}

/** Miniflare's own messages, written where `write` says instead of to the console. */
class WrittenLog extends Log {
  readonly write: (text: string) => void;
  constructor(write: (text: string) => void) {
    super(LogLevel.WARN);
    this.write = write;
  }
  protected override log(message: string): void {
    this.write(`${message}\n`);
  }
}

/**
 * Miniflare's options for the build's wrangler.json, read here rather than
 * through wrangler (whose start-up alone takes seconds), in Miniflare 4's
 * shape, which Miniflare 5 converts. What the Worker and Miniflare print goes
 * to `write` when it is given, and to this process's output otherwise.
 */
export function miniflareOptions(options: WorkerServerOptions, write?: (text: string) => void) {
  const config = JSON.parse(readFileSync(options.config, "utf8")) as BuildConfig;
  const root = dirname(resolve(options.config));
  const assets = config.assets && resolve(root, config.assets.directory);
  // With no static files, every address is the Worker's.
  const roots = assets ? staticRoots(assets, config.assets?.not_found_handling) : [];
  const modules = [
    { type: "ESModule" as const, path: join(root, LOCAL_ENTRY), contents: localEntry(config.main, roots, options.logRequests ?? false) },
    { type: "ESModule" as const, path: join(root, LOCAL_FRONT), contents: readFileSync(LOCAL_FRONT_SOURCE, "utf8") },
    ...moduleFiles(root).map((path) => ({ type: "ESModule" as const, path })),
  ];
  return convertV4MiniflareOptions({
    name: WORKER_NAME,
    modules,
    modulesRoot: root,
    compatibilityDate: config.compatibility_date,
    compatibilityFlags: config.compatibility_flags,
    bindings: { ...config.vars, ...options.vars },
    d1Databases: Object.fromEntries((config.d1_databases ?? []).map((database) => [database.binding, database.database_id])),
    ratelimits: Object.fromEntries((config.ratelimits ?? []).map((limit) => [limit.name, { namespace_id: limit.namespace_id, simple: limit.simple }])),
    // The Worker bound to itself by name reaches its static-file router (Miniflare routes it so).
    ...(assets && { serviceBindings: { __ROUTER: WORKER_NAME } }),
    ...(config.assets && {
      assets: {
        directory: assets,
        binding: config.assets.binding,
        // Which addresses go to the Worker before the files (wrangler.toml's run_worker_first), as Miniflare reads them.
        run_worker_first: config.assets.run_worker_first,
        routerConfig: { has_user_worker: true },
        assetConfig: { html_handling: config.assets.html_handling, not_found_handling: config.assets.not_found_handling },
      },
    }),
    // The server's address is LocalFront's own socket; Miniflare's entry listens on a port of its own, unused.
    host: "127.0.0.1",
    port: 0,
    unsafeDirectSockets: [{ host: options.host ?? "127.0.0.1", port: options.port, entrypoint: "LocalFront" }],
    resourcePersistencePath: resolve(options.persistTo, "v3"),
    // Cloudflare's request metadata is a placeholder: nothing is fetched from the network.
    cf: false,
    log: write ? new WrittenLog(write) : new Log(LogLevel.WARN),
    ...(write && { handleStructuredLogs: ({ message }: { message: string }) => write(`${message}\n`) }),
  } as Parameters<typeof convertV4MiniflareOptions>[0]);
}

if (import.meta.main) {
  const options = JSON.parse(process.argv[2] ?? "{}") as WorkerServerOptions;
  const miniflare = new Miniflare(miniflareOptions(options));
  await miniflare.ready;
  const stop = () => void miniflare.dispose().finally(() => process.exit(0));
  process.on("SIGTERM", stop);
  process.on("SIGINT", stop);
}
