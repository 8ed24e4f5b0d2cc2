import { afterEach, describe, it, vi } from "vitest";
import { callApi, newKey, postJson, storedCounts, type ErrorBody } from "./requests.ts";

const body = { comments: [{ paragraph: "general", text: "Is it still open?" }] };

async function postAt(instant: string, vars: Partial<Env> = {}) {
  vi.useFakeTimers({ now: new Date(instant), toFake: ["Date"] });
  return postJson(body, { key: newKey(), vars });
}

describe("the open period, one rule for pages and API", () => {
  afterEach(() => vi.useRealTimers());

  it("takes comments until the last second of the closing date in winter (GMT), and refuses them after", async ({ expect }) => {
    // The fixture consultation closes on 20 December 2030, when London is on GMT.
    expect((await postAt("2030-12-20T23:59:59.999Z")).status).toBe(201);
    const closed = await postAt("2030-12-21T00:00:00.000Z");
    expect(closed.status).toBe(403);
    expect(((await closed.json()) as ErrorBody).error.code).toBe("consultation_closed");
  });

  it("takes comments until the last second of a closing date in summer (BST), and refuses them after", async ({ expect }) => {
    const summer = { OPENS_AT: "2027-06-01T09:00:00+01:00", CLOSES_AT: "2027-07-16T23:59:59+01:00" };
    expect((await postAt("2027-07-16T22:59:59.999Z", summer)).status).toBe(201);
    expect((await postAt("2027-07-16T23:00:00.000Z", summer)).status).toBe(403);
  });

  it("refuses comments before the opening time and takes them from it", async ({ expect }) => {
    // The fixture opens at 9:00am BST on 7 October 2030.
    expect((await postAt("2030-10-07T07:59:59.999Z")).status).toBe(403);
    expect((await postAt("2030-10-07T08:00:00.000Z")).status).toBe(201);
  });

  it("follows OPENS_AT and CLOSES_AT when they extend or move the period", async ({ expect }) => {
    const extended = { CLOSES_AT: "2031-01-08T23:59:59+00:00" };
    expect((await postAt("2031-01-05T12:00:00Z")).status).toBe(403);
    expect((await postAt("2031-01-05T12:00:00Z", extended)).status).toBe(201);
    expect((await postAt("2031-01-09T00:00:00Z", extended)).status).toBe(403);
    expect((await postAt("2030-11-22T12:00:00Z", { OPENS_AT: "2030-12-01T00:00:00Z" })).status).toBe(403);
  });

  it("stores nothing when closed", async ({ expect }) => {
    const before = await storedCounts();
    await postAt("2031-03-01T12:00:00Z");
    expect(await storedCounts()).toEqual(before);
  });

  it("still lets people look up their comments after the close", async ({ expect }) => {
    const sent = await postAt("2030-12-20T12:00:00Z");
    const { reference } = (await sent.json()) as { reference: string };
    vi.setSystemTime(new Date("2031-02-01T12:00:00Z"));
    expect((await callApi(`/api/responses/${reference}`)).status).toBe(200);
  });
});

describe("retries and the closing instant", () => {
  afterEach(() => vi.useRealTimers());

  it("answers a retry of a stored response with its receipt after the close, and nothing new", async ({ expect }) => {
    const key = newKey();
    vi.useFakeTimers({ now: new Date("2030-12-20T23:59:59.500Z"), toFake: ["Date"] });
    const first = await postJson(body, { key });
    expect(first.status).toBe(201);
    const receipt = await first.json();
    const stored = await storedCounts();

    vi.setSystemTime(new Date("2030-12-21T00:00:00.500Z"));
    const retry = await postJson(body, { key });
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(receipt);
    expect((await postJson({ comments: [{ paragraph: "general", text: "Other words" }] }, { key })).status).toBe(409);
    expect((await postJson(body, { key: newKey() })).status).toBe(403);
    expect(await storedCounts()).toEqual(stored);
  });

  it("checks the period at the instant the response is stamped, not when its first bytes arrive", async ({ expect }) => {
    vi.useFakeTimers({ now: new Date("2030-12-20T23:59:59.900Z"), toFake: ["Date"] });
    const before = await storedCounts();
    // The headers (with the body's length) arrive before the close; the body only after it.
    const bytes = new TextEncoder().encode(JSON.stringify(body));
    const slowBody = new ReadableStream<Uint8Array>({
      pull(controller) {
        vi.setSystemTime(new Date("2030-12-21T00:00:02.000Z"));
        controller.enqueue(bytes);
        controller.close();
      },
      // Nothing is pulled until the Worker reads the body.
    }, { highWaterMark: 0 });
    const response = await callApi("/api/responses", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Content-Length": String(bytes.length), "Idempotency-Key": newKey() },
      body: slowBody,
      // @ts-expect-error: workerd's RequestInit takes the streaming mode Node's types leave out.
      duplex: "half",
    });
    expect(response.status).toBe(403);
    expect(await storedCounts()).toEqual(before);
  });
});

describe("after the close, a request that could not be stored anyway", () => {
  afterEach(() => vi.useRealTimers());
  const afterClose = () => vi.useFakeTimers({ now: new Date("2031-03-01T12:00:00Z"), toFake: ["Date"] });
  const post = (body: BodyInit, headers: Record<string, string>) =>
    callApi("/api/responses", { method: "POST", headers: { "Idempotency-Key": newKey(), ...headers }, body });
  const form = { "Content-Type": "application/x-www-form-urlencoded", Origin: "http://portal.test", "Sec-Fetch-Site": "same-origin" };

  const cases: [string, () => Response | Promise<Response>][] = [
    ["broken JSON", () => post("{\"comments\": [", { "Content-Type": "application/json" })],
    ["an unknown field", () => post(JSON.stringify({ ...body, shoeSize: 9 }), { "Content-Type": "application/json" })],
    ["no comments at all", () => post("{}", { "Content-Type": "application/json" })],
    ["text/plain", () => post("Is it still open?", { "Content-Type": "text/plain" })],
    ["no media type", () => post("Is it still open?", {})],
    ["a body of 3 MB", () => post("x".repeat(3_200_000), { "Content-Type": "application/json" })],
    ["an empty form comment", () => post(new URLSearchParams({ paragraph: "general", comment: "" }).toString(), form)],
  ];
  for (const [name, send] of cases) {
    it(`is told the consultation has closed, not what is wrong with it: ${name}`, async ({ expect }) => {
      afterClose();
      const before = await storedCounts();
      const answer = await send();
      expect(answer.status).toBe(403);
      expect(((await answer.json()) as ErrorBody).error.code).toBe("consultation_closed");
      expect(await storedCounts()).toEqual(before);
    });
  }

  it("is still told what is wrong while the consultation is open", async ({ expect }) => {
    expect((await post("{\"comments\": [", { "Content-Type": "application/json" })).status).toBe(400);
    expect((await post("Is it still open?", { "Content-Type": "text/plain" })).status).toBe(415);
    expect((await post("{}", { "Content-Type": "application/json" })).status).toBe(422);
  });
});
