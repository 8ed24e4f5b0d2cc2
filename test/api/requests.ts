/** Helpers for calling the API as a client would, with any Worker variables. */
import { env } from "cloudflare:test";
import app from "../../functions/api/index.ts";

export const BASE = "http://portal.test";

let clients = 0;
/** Each request comes from its own address unless a test names one, so the rate limits, tested on their own, stay out of the way. */
const anotherAddress = () => `198.18.${(++clients >> 8) & 255}.${clients & 255}`;

export function callApi(path: string, init: RequestInit = {}, vars: Partial<Env> = {}) {
  const headers = new Headers(init.headers);
  if (!headers.has("CF-Connecting-IP")) headers.set("CF-Connecting-IP", anotherAddress());
  return app.request(`${BASE}${path}`, { ...init, headers }, { ...env, ...vars });
}

export function postJson(body: unknown, options: { key?: string; vars?: Partial<Env>; headers?: Record<string, string> } = {}) {
  const headers: Record<string, string> = { "Content-Type": "application/json", ...options.headers };
  if (options.key) headers["Idempotency-Key"] = options.key;
  return callApi("/api/responses", { method: "POST", headers, body: typeof body === "string" ? body : JSON.stringify(body) }, options.vars);
}

export function postForm(fields: Record<string, string> | [string, string][], options: { vars?: Partial<Env>; headers?: Record<string, string> } = {}) {
  return callApi(
    "/api/responses",
    {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: BASE, "Sec-Fetch-Site": "same-origin", ...options.headers },
      body: new URLSearchParams(fields).toString(),
    },
    options.vars,
  );
}

export async function storedCounts() {
  const responses = await env.DB.prepare("SELECT count(*) AS n FROM responses").first<{ n: number }>();
  const comments = await env.DB.prepare("SELECT count(*) AS n FROM comments").first<{ n: number }>();
  return { responses: responses!.n, comments: comments!.n };
}

let counter = 0;
/** A fresh idempotency key. */
export const newKey = () => `test-key-${Date.now()}-${++counter}`;

export type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
