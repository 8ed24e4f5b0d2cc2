// Types `env` from "cloudflare:workers" and "cloudflare:test" as this Worker's bindings.
import type { Env as PortalEnv } from "./env.ts";

declare global {
  namespace Cloudflare {
    interface Env extends PortalEnv {
      /** Only in tests: the migrations read by vitest.config.ts. */
      TEST_MIGRATIONS: import("@cloudflare/vitest-plugin").D1Migration[];
    }
  }
  type Env = Cloudflare.Env;
}
