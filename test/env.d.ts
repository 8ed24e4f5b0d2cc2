// The bindings tests add to the Worker's own (functions/worker-configuration.d.ts).
declare namespace Cloudflare {
  interface Env {
    /** The migrations read by vitest.config.ts, applied in test/api/setup.ts. */
    TEST_MIGRATIONS: import("@cloudflare/vitest-plugin").D1Migration[];
  }
}
