/**
 * The local server (`npm start`, and every end-to-end test) runs the built
 * Worker in workerd through Miniflare: its D1 lives where `wrangler d1 …
 * --local --persist-to` reads it, the rate limiters are bound, and
 * `/__scheduled?cron=…` runs a Worker's scheduled handler.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "vitest";
import { FIXTURE_CONTENT_ROOT, FIXTURE_OUT_DIR, migrateLocalDatabase, startLocalServer } from "../../scripts/local-server.ts";
import { OPEN_NOW } from "./harness.ts";

describe("the local server", () => {
  it("keeps what people send in the local D1 that wrangler d1 reads, and limits lookups", { timeout: 180_000 }, async ({ expect }) => {
    const state = mkdtempSync(join(".wrangler", "local-d1-"));
    try {
      migrateLocalDatabase(state);
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
});
