/**
 * Slowing down guesses at officer credentials: failed attempts are counted
 * per client (a salted hash of its address) in windows of ten minutes, apart
 * from the public look-up limits, and a client with too many is refused
 * until its window ends, whatever it presents next.
 */
import { clientKey } from "../../lib/rate-limit.ts";

export const FAILURE_WINDOW_SECONDS = 10 * 60;
export const MAX_FAILURES_PER_WINDOW = 30;

type FailureSettings = Pick<Env, "DB" | "RATE_LIMITS" | "RATE_LIMIT_SALT">;

const windowOf = (now: number) => Math.floor(now / 1000 / FAILURE_WINDOW_SECONDS);

/** Seconds until this client may try again, or 0 if it may try now. */
export async function lockedOutFor(env: FailureSettings, request: Request, now = Date.now()): Promise<number> {
  if (env.RATE_LIMITS === "off") return 0;
  const window = windowOf(now);
  const row = await env.DB.prepare("SELECT failures FROM officer_sign_in_failures WHERE client_key = ? AND window = ?")
    .bind(await clientKey(env, request, "officer"), window)
    .first<{ failures: number }>();
  if ((row?.failures ?? 0) < MAX_FAILURES_PER_WINDOW) return 0;
  return Math.max(1, (window + 1) * FAILURE_WINDOW_SECONDS - Math.floor(now / 1000));
}

/** Counts one failed attempt; old windows are cleared as new ones start. */
export async function recordFailure(env: FailureSettings, request: Request, now = Date.now()): Promise<void> {
  const window = windowOf(now);
  await env.DB.batch([
    env.DB.prepare(
      `INSERT INTO officer_sign_in_failures (client_key, window, failures) VALUES (?, ?, 1)
       ON CONFLICT (client_key, window) DO UPDATE SET failures = failures + 1`,
    ).bind(await clientKey(env, request, "officer"), window),
    env.DB.prepare("DELETE FROM officer_sign_in_failures WHERE window < ?").bind(window - 1),
  ]);
}
