/**
 * How close `npm start`'s server comes to workerd itself. A hello-world
 * Worker is served by the workerd binary alone (a config of its own, nothing
 * in front) and through Miniflare's own entry (what `npm start`'s socket now
 * skips, scripts/local-front.js); the portal as `npm start` serves it answers
 * its trivial route (GET /api/consultation:
 * the Worker's whole path, no D1), a static file, and GET /api/health (a D1
 * write read back). Same tool, same concurrency, same run.
 */
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { freePort } from "../scripts/local-server.ts";
import { load, type LoadFigures } from "./throughput.ts";

const CLIENTS = 20;
const REQUESTS = 10_000;
const COMPATIBILITY_DATE = "2026-10-01";
const HELLO_WORLD = `export default { fetch() { return new Response("Hello world"); } };`;

export interface LocalServerFigures {
  rows: LoadFigures[];
  /** The portal's trivial route under `npm start`, as a share of workerd's own rate for a hello-world Worker. */
  ratio: number;
  /** The same for a route that writes to D1 and reads it back. */
  healthRatio: number;
  /** Miniflare's hello world through its own entry, as a share of workerd's: what that entry costs by itself. */
  miniflareRatio: number;
}

/** The hello-world Worker served by the workerd binary with a config of its own: workerd itself. */
async function startWorkerd(): Promise<{ url: string; stop: () => void }> {
  const folder = mkdtempSync(join(tmpdir(), "workerd-hello-"));
  const port = await freePort();
  writeFileSync(join(folder, "hello.mjs"), HELLO_WORLD);
  writeFileSync(
    join(folder, "config.capnp"),
    `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [(name = "main", worker = .hello)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);
const hello :Workerd.Worker = (modules = [(name = "hello.mjs", esModule = embed "hello.mjs")], compatibilityDate = "${COMPATIBILITY_DATE}");
`,
  );
  const binary = createRequire(import.meta.url)("workerd").default as string;
  const child = spawn(binary, ["serve", join(folder, "config.capnp")], { stdio: "ignore" });
  const url = `http://127.0.0.1:${port}/`;
  const stop = () => {
    child.kill("SIGKILL");
    rmSync(folder, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 100; attempt++) {
    if ((await fetch(url).catch(() => undefined))?.ok) return { url, stop };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  stop();
  throw new Error("workerd did not start");
}

export async function measureLocalServer(portalUrl: string, staticPath: string): Promise<LocalServerFigures> {
  const workerd = await startWorkerd();
  const helloWorld = new Miniflare(
    convertV4MiniflareOptions({ modules: true, script: HELLO_WORLD, compatibilityDate: COMPATIBILITY_DATE, host: "127.0.0.1", port: await freePort() }),
  );
  try {
    const miniflareUrl = (await helloWorld.ready).href;
    const routes = [
      { url: workerd.url, route: "hello world, workerd itself" },
      { url: miniflareUrl, route: "hello world, workerd through Miniflare's entry" },
      { url: `${portalUrl}/api/consultation`, route: "GET /api/consultation (trivial), npm start's server" },
      { url: `${portalUrl}${staticPath}`, route: `GET ${staticPath} (a static file), npm start's server` },
      { url: `${portalUrl}/api/health`, route: "GET /api/health (D1 written and read), npm start's server" },
    ];
    // Warm every one, long enough for V8 to optimise the Worker's hot path, so none pays for start-up.
    for (const { url } of routes) await load({ url, route: "warm", clients: CLIENTS, amount: 3_000 });
    const rows: LoadFigures[] = [];
    for (const { url, route } of routes) rows.push(await load({ url, route, clients: CLIENTS, amount: REQUESTS }));
    const [itself, miniflare, trivial, , health] = rows as [LoadFigures, LoadFigures, LoadFigures, LoadFigures, LoadFigures];
    const figures = {
      rows,
      ratio: trivial.perSecond / itself.perSecond,
      healthRatio: health.perSecond / itself.perSecond,
      miniflareRatio: miniflare.perSecond / itself.perSecond,
    };
    console.log(`\nThe local server against workerd itself (autocannon, ${CLIENTS} connections; latency in ms)`);
    console.table(rows.map((row) => ({ route: row.route, requests: row.requests, "req/s": row.perSecond.toFixed(0), p50: row.p50, p99: row.p99, failures: row.failures })));
    const percent = (ratio: number) => `${(ratio * 100).toFixed(0)}%`;
    console.log(
      `npm start serves its trivial route at ${percent(figures.ratio)} of workerd's rate for a hello-world Worker ` +
        `(GET /api/health at ${percent(figures.healthRatio)}; Miniflare's own hello world at ${percent(figures.miniflareRatio)}).`,
    );
    return figures;
  } finally {
    await helloWorld.dispose();
    workerd.stop();
  }
}
