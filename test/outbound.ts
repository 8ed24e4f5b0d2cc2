/**
 * The one fake for the Workers' outbound fetch in tests. The service half
 * (`answerOutbound`) runs in Node as the pool's outboundService; the client
 * half runs in the tests, inside workerd: a test says what a URL answers,
 * then asks how often it was called and with what bodies. Control requests
 * go to http://outbound.test/. Its answers are shared by every test file
 * running at the same moment, so each file asks about addresses of its own.
 */
const answers = new Map<string, { status: number; body: string }>();
const calls = new Map<string, string[]>();

const CONTROL_ORIGIN = "http://outbound.test";

export async function answerOutbound(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.origin === CONTROL_ORIGIN) {
    const target = url.searchParams.get("target") ?? "";
    if (url.pathname === "/answer" && request.method === "PUT") {
      const { target, status, body } = (await request.json()) as { target: string; status: number; body: string };
      answers.set(target, { status, body });
      return new Response(null, { status: 204 });
    }
    if (url.pathname === "/calls") return Response.json({ bodies: calls.get(target) ?? [] });
    if (url.pathname === "/reset" && request.method === "POST") {
      answers.delete(target);
      calls.delete(target);
      return new Response(null, { status: 204 });
    }
  }
  const answer = answers.get(request.url);
  if (!answer) return new Response(`no outbound answer set for ${request.url}`, { status: 502 });
  calls.set(request.url, [...(calls.get(request.url) ?? []), await request.text()]);
  return new Response(answer.body, { status: answer.status, headers: { "Content-Type": "application/json" } });
}

// ---- In the tests ----------------------------------------------------------

export async function answerWith(target: string, body: unknown, status = 200): Promise<void> {
  const response = await fetch(`${CONTROL_ORIGIN}/answer`, {
    method: "PUT",
    body: JSON.stringify({ target, status, body: typeof body === "string" ? body : JSON.stringify(body) }),
  });
  if (response.status !== 204) throw new Error(`the outbound service did not take the answer for ${target}`);
}

/** The body of each request the Worker sent to `target`, oldest first. */
export async function requestsTo(target: string): Promise<string[]> {
  return ((await (await fetch(`${CONTROL_ORIGIN}/calls?target=${encodeURIComponent(target)}`)).json()) as { bodies: string[] }).bodies;
}

export async function callsTo(target: string): Promise<number> {
  return (await requestsTo(target)).length;
}

export async function forgetOutbound(target: string): Promise<void> {
  await fetch(`${CONTROL_ORIGIN}/reset?target=${encodeURIComponent(target)}`, { method: "POST" });
}
