/**
 * Per-client rate limits with the Workers rate-limiting binding, for the API
 * and for pages that look things up. The key is a salted hash of the
 * client's address; the address itself is never kept.
 */
import { sha256Hex } from "./crypto.ts";
import { RETRY_AFTER_SECONDS } from "../limits.ts";

export type LimitKind = "submit" | "lookup" | "officer";

type LimitSettings = Pick<Env, "RATE_LIMITS" | "RATE_LIMIT_SALT" | "SUBMIT_LIMITER" | "LOOKUP_LIMITER" | "KIOSK_LIMITER">;

/** A client, for one kind of limit: a salted hash of its address, so the address is never kept. */
export function clientKey(env: Pick<Env, "RATE_LIMIT_SALT">, request: Request, kind: LimitKind): Promise<string> {
  const address = request.headers.get("CF-Connecting-IP") ?? "unknown";
  return sha256Hex(`${env.RATE_LIMIT_SALT || "consultation-portal"}:${kind}:${address}`);
}

/** Whether this client has used up its allowance of this kind. */
export async function isRateLimited(env: LimitSettings, request: Request, kind: "submit" | "lookup"): Promise<boolean> {
  if (env.RATE_LIMITS === "off") return false;
  const key = await clientKey(env, request, kind);
  const limiter = kind === "submit" ? env.SUBMIT_LIMITER : env.LOOKUP_LIMITER;
  const { success } = await limiter.limit({ key });
  return !success;
}

/** Whether a kiosk has used up its own, generous allowance: kiosks are counted per kiosk, never per address. */
export async function isKioskLimited(env: LimitSettings, kioskId: number): Promise<boolean> {
  if (env.RATE_LIMITS === "off") return false;
  const { success } = await env.KIOSK_LIMITER.limit({ key: `kiosk:${kioskId}` });
  return !success;
}

/** The header a limited client is answered with, by the API and pages alike. */
export const RETRY_AFTER_HEADER = { "Retry-After": String(RETRY_AFTER_SECONDS) };
