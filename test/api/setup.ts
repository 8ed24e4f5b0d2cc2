import { applyD1Migrations, env } from "cloudflare:test";
import { afterEach, beforeEach, vi } from "vitest";

// Setup files run before each test file's isolated storage; applying is idempotent.
await applyD1Migrations(env.DB, env.TEST_MIGRATIONS);

// Every test starts on a day the fixture consultation is open, whatever today's date;
// tests about the period set their own clock.
beforeEach(() => {
  vi.useFakeTimers({ now: new Date("2030-11-22T12:00:00Z"), toFake: ["Date"] });
});
afterEach(() => {
  vi.useRealTimers();
});
