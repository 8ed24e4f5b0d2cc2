/**
 * The Workers' outbound fetch in tests, answered here (in Node) instead of
 * the internet: a test says what a URL should answer, then counts the calls.
 * Control requests go to http://outbound.test/.
 */
const answers = new Map<string, { status: number; body: string }>();
const calls = new Map<string, number>();

export const CONTROL_ORIGIN = "http://outbound.test";

export async function answerOutbound(request: Request): Promise<Response> {
  const url = new URL(request.url);
  if (url.origin === CONTROL_ORIGIN) {
    if (url.pathname === "/answer" && request.method === "PUT") {
      const { target, status, body } = (await request.json()) as { target: string; status: number; body: string };
      answers.set(target, { status, body });
      return new Response(null, { status: 204 });
    }
    if (url.pathname === "/calls") return Response.json({ calls: calls.get(url.searchParams.get("target") ?? "") ?? 0 });
    if (url.pathname === "/reset" && request.method === "POST") {
      const target = url.searchParams.get("target") ?? "";
      answers.delete(target);
      calls.delete(target);
      return new Response(null, { status: 204 });
    }
  }
  const answer = answers.get(request.url);
  if (!answer) return new Response(`no outbound answer set for ${request.url}`, { status: 502 });
  calls.set(request.url, (calls.get(request.url) ?? 0) + 1);
  return new Response(answer.body, { status: answer.status, headers: { "Content-Type": "application/json" } });
}
