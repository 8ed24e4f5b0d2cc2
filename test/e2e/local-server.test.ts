/**
 * The local server (`npm start`, and every end-to-end test) runs the built
 * Worker in workerd through Miniflare: its D1 lives where `wrangler d1 …
 * --local --persist-to` reads it, the rate limiters are bound, and
 * `/__scheduled?cron=…` runs a Worker's scheduled handler. Its socket is
 * served by scripts/local-front.js, which must answer every address as
 * Miniflare's own entry and Cloudflare's static-file router do.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { Miniflare } from "miniflare";
import { FIXTURE_CONTENT_ROOT, FIXTURE_OUT_DIR, freePort, freshMigratedDatabase, startLocalServer } from "../../scripts/local-server.ts";
import { miniflareOptions } from "../../scripts/worker-server.ts";
import { OPEN_NOW } from "./harness.ts";
import { awayFromRateWindowEdge } from "../rate-windows.ts";

describe("the local server", () => {
  it("keeps what people send in the local D1 that wrangler d1 reads, and limits lookups", { timeout: 180_000 }, async ({ expect }) => {
    const state = mkdtempSync(join(".wrangler", "local-d1-"));
    try {
      // A copy of a database wrangler migrated (scripts/local-server.ts), as every test site starts from.
      freshMigratedDatabase(state);
      const server = await startLocalServer({ outDir: FIXTURE_OUT_DIR, contentRoot: FIXTURE_CONTENT_ROOT, persistTo: state, vars: OPEN_NOW });
      try {
        const sent = await fetch(`${server.url}/api/responses`, {
          method: "POST",
          headers: { "Content-Type": "application/json", Origin: server.url },
          body: JSON.stringify({ comments: [{ paragraph: "general", text: "Kept in the local database." }], publishConsent: false }),
        });
        expect(sent.status).toBe(201);
        // The lookup limiter allows 30 a minute to one client (wrangler.toml).
        const statuses: number[] = [];
        await awayFromRateWindowEdge();
        for (let i = 0; i < 31; i++) statuses.push((await fetch(`${server.url}/api/responses/k7m4q2xd9p`)).status);
        expect(statuses.slice(0, 30).every((status) => status !== 429)).toBe(true);
        expect(statuses[30]).toBe(429);
      } finally {
        await server.stop();
      }
      const query = spawnSync(
        "wrangler",
        ["d1", "execute", "DB", "--local", "--persist-to", state, "-c", `${FIXTURE_OUT_DIR}/server/wrangler.json`, "--json", "--command", "SELECT text FROM comments"],
        { encoding: "utf8", env: { ...process.env, WRANGLER_SEND_METRICS: "false", CI: "true" } },
      );
      expect(query.status, query.stderr).toBe(0);
      expect((JSON.parse(query.stdout) as { results: { text: string }[] }[])[0]!.results).toEqual([{ text: "Kept in the local database." }]);
    } finally {
      rmSync(state, { recursive: true, force: true });
    }
  });

  it("runs the Worker's scheduled handler for GET /__scheduled?cron=…, as wrangler dev --test-scheduled does", async ({ expect }) => {
    // A Worker of its own, whose scheduled handler leaves the cron it was given where its fetch handler shows it.
    const build = mkdtempSync(join(".wrangler", "scheduled-"));
    const state = join(build, "state");
    mkdirSync(join(build, "server"));
    writeFileSync(
      join(build, "server", "entry.mjs"),
      `let last = "none";
export default {
  fetch: (request) => new URL(request.url).pathname === "/api/health" ? new Response("ok") : new Response(last),
  scheduled: (controller) => { last = controller.cron; },
};
`,
    );
    writeFileSync(join(build, "server", "wrangler.json"), JSON.stringify({ name: "scheduled-check", main: "entry.mjs", compatibility_date: "2026-10-01", no_bundle: true }));
    const server = await startLocalServer({ outDir: build, persistTo: state, checkSettings: false });
    try {
      expect(await (await fetch(`${server.url}/last`)).text()).toBe("none");
      const ran = await fetch(`${server.url}/__scheduled?cron=${encodeURIComponent("0 3 * * *")}`);
      expect(ran.status).toBe(200);
      expect(await (await fetch(`${server.url}/last`)).text()).toBe("0 3 * * *");
    } finally {
      await server.stop();
      rmSync(build, { recursive: true, force: true });
    }
  });

  it("answers every address, method and encoding as Miniflare's own entry and Cloudflare's static-file router do", { timeout: 120_000 }, async ({ expect }) => {
    const state = mkdtempSync(join(".wrangler", "front-"));
    freshMigratedDatabase(state);
    const port = await freePort();
    const miniflare = new Miniflare(miniflareOptions({ config: `${FIXTURE_OUT_DIR}/server/wrangler.json`, persistTo: state, port, vars: OPEN_NOW }));
    try {
      // Miniflare's own entry still listens, in front of the same router and Worker: the answer to match.
      const reference = (await miniflare.ready).origin;
      const front = `http://127.0.0.1:${port}`;
      const asked: { path: string; method?: string; encoding?: string }[] = [
        ...["/", "/index.html", "/index", "/draft", "/draft/", "/draft/index", "/draft/index.html", "/draft/homes", "/draft/homes/"].map((path) => ({ path })),
        ...["/draft/homes/index.html", "/draft/homes.html", "/es/draft/homes", "/es/draft/homes/index", "/kiosk", "/kiosk/", "/kiosk/index.html"].map((path) => ({ path })),
        ...["/kiosk/page.js", "/kiosk/page", "/kiosk-sw.js", "/comment.js", "/comment.js/", "/_headers", "/.assetsignore", "//draft//homes/"].map((path) => ({ path })),
        ...["/%64raft/homes/", "/draft/%68omes/", "/draft/homes%2Findex.html", "/%E0%A4%A/", "/kiosk%2F", "/accessibility", "/accessibility/"].map((path) => ({ path })),
        ...["/api/consultation", "/api/nope", "/nope", "/nope/", "/nope/index.html", "/comment/homes-1", "/admin/", "/admin", "/_image?href=//elsewhere.example/x.png"].map((path) => ({ path })),
        ...["/cdn-cgi/x", "/draft\\homes/", "/es", "/es/", "/it/kiosk"].map((path) => ({ path })),
        { path: "/kiosk/page.js", method: "POST" },
        { path: "/draft/homes/", method: "POST" },
        { path: "/api/consultation", method: "HEAD" },
        { path: "/kiosk/page.js", method: "HEAD" },
        ...["gzip", "br", "identity", "gzip;q=0, br", "deflate", "*;q=0", "identity;q=0", "gzip;q=0.5, br;q=0.9", ""].flatMap((encoding) => [
          { path: "/draft/homes/", encoding },
          { path: "/api/consultation", encoding },
          { path: "/kiosk/page.js", encoding },
        ]),
      ];
      const answer = async (origin: string, { path, method = "GET", encoding }: (typeof asked)[number]) => {
        const response = await fetch(`${origin}${path}`, {
          method,
          redirect: "manual",
          headers: { ...(encoding !== undefined && { "Accept-Encoding": encoding }), ...(method === "POST" && { "Content-Type": "text/plain", Origin: origin }) },
          ...(method === "POST" && { body: "words" }),
        });
        const headers = ["content-type", "content-encoding", "cache-control", "content-security-policy", "etag", "x-frame-options"].map((name) => `${name}: ${response.headers.get(name)}`);
        const location = response.headers.get("location")?.replace(origin, "ORIGIN") ?? null;
        // Each form carries a fresh idempotency key.
        const body = (await response.text()).replaceAll(origin, "ORIGIN").replace(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g, "KEY");
        return { status: response.status, location, headers, body };
      };
      for (const request of asked) {
        expect(await answer(front, request), JSON.stringify(request)).toEqual(await answer(reference, request));
      }
    } finally {
      await miniflare.dispose();
      rmSync(state, { recursive: true, force: true });
    }
  });
});
