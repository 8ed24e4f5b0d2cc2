/**
 * How close `npm start`'s server comes to workerd itself: GET /api/health on
 * the portal as `npm start` serves it (scripts/local-server.ts), next to a
 * hello-world Worker served by workerd through Miniflare with nothing else,
 * by the same tool at the same concurrency in the same run.
 */
import { Miniflare, convertV4MiniflareOptions } from "miniflare";
import { freePort } from "../scripts/local-server.ts";
import { load, type LoadFigures } from "./throughput.ts";

const CLIENTS = 20;
const REQUESTS = 5000;
const HELLO_WORLD = `export default { fetch() { return new Response("Hello world"); } };`;

export interface LocalServerFigures {
  rows: LoadFigures[];
  /** The portal's rate as a share of workerd's own on a trivial route. */
  ratio: number;
}

export async function measureLocalServer(portalUrl: string): Promise<LocalServerFigures> {
  const port = await freePort();
  const helloWorld = new Miniflare(
    convertV4MiniflareOptions({ modules: true, script: HELLO_WORLD, compatibilityDate: "2026-10-01", host: "127.0.0.1", port }),
  );
  try {
    const helloUrl = (await helloWorld.ready).href;
    // Warm both so neither pays for start-up.
    await load({ url: helloUrl, route: "warm", clients: 4, amount: 500 });
    await load({ url: `${portalUrl}/api/health`, route: "warm", clients: 4, amount: 500 });
    const workerd = await load({ url: helloUrl, route: "hello world, workerd through Miniflare", clients: CLIENTS, amount: REQUESTS });
    const portal = await load({ url: `${portalUrl}/api/health`, route: "GET /api/health, npm start's server", clients: CLIENTS, amount: REQUESTS });
    const ratio = portal.perSecond / workerd.perSecond;
    console.log(`\nThe local server against workerd itself (autocannon, ${CLIENTS} connections; latency in ms)`);
    console.table([workerd, portal].map((row) => ({ route: row.route, requests: row.requests, "req/s": row.perSecond.toFixed(0), p50: row.p50, p99: row.p99, failures: row.failures })));
    console.log(`npm start serves GET /api/health at ${(ratio * 100).toFixed(0)}% of workerd's rate for a hello-world Worker.`);
    return { rows: [workerd, portal], ratio };
  } finally {
    await helloWorld.dispose();
  }
}
