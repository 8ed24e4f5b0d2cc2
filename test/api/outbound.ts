/** Tells the test outbound service (test/outbound.ts) what a URL answers, and asks how often it was called. */
const CONTROL = "http://outbound.test";

export async function answerWith(target: string, body: unknown, status = 200): Promise<void> {
  const response = await fetch(`${CONTROL}/answer`, {
    method: "PUT",
    body: JSON.stringify({ target, status, body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  if (response.status !== 204) throw new Error(`the outbound service did not take the answer for ${target}`);
}

export async function callsTo(target: string): Promise<number> {
  return ((await (await fetch(`${CONTROL}/calls?target=${encodeURIComponent(target)}`)).json()) as { calls: number }).calls;
}

export async function forgetOutbound(target: string): Promise<void> {
  await fetch(`${CONTROL}/reset?target=${encodeURIComponent(target)}`, { method: "POST" });
}
