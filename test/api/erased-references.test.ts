/** A reference whose response was erased cannot bring the words back: not a kiosk's retry, not a sheet typed in again. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { asOfficer } from "./admin-fixtures.ts";
import { callApi, newKey, postJson, storedCounts, type ErrorBody } from "./requests.ts";
import { placesHolding } from "./whole-schema.ts";

const erase = (reference: string) => asOfficer(env, `/api/admin/responses/${reference}`, { method: "DELETE", json: { reason: "Asked at the day centre" } });
const errorCode = async (answer: Response) => ((await answer.json()) as ErrorBody).error.code;

describe("a reference whose response was erased", { timeout: 30_000 }, () => {
  it("refuses a kiosk's retry of the same send, storing nothing again", async ({ expect }) => {
    const kiosk = (await (await asOfficer(env, "/api/admin/kiosks", { method: "POST", json: { name: "Day centre" } })).json()) as { key: string };
    const reserved = await callApi("/api/kiosk/references", {
      method: "POST",
      headers: { "Content-Type": "application/json", "Kiosk-Key": kiosk.key },
      body: JSON.stringify({ count: 1 }),
    });
    const [reference] = ((await reserved.json()) as { references: string[] }).references;
    const send = { reference, comments: [{ paragraph: "streets-2", text: "Xqkioskwords about the night shelter" }] };
    const key = newKey();
    expect((await postJson(send, { key, headers: { "Kiosk-Key": kiosk.key } })).status).toBe(201);
    expect((await erase(reference!)).status).toBe(204);
    const before = await storedCounts();

    // The kiosk never saw its acknowledgement and sends again, with the same key and then a new one.
    for (const retryKey of [key, newKey()]) {
      const retry = await postJson(send, { key: retryKey, headers: { "Kiosk-Key": kiosk.key } });
      expect(retry.status).toBe(410);
      expect(await errorCode(retry)).toBe("response_erased");
    }
    expect(await storedCounts()).toEqual(before);
    expect(await placesHolding(env.DB, ["xqkioskwords"])).toEqual([]);
  });

  it("refuses a paper sheet typed in again, storing nothing again", async ({ expect }) => {
    const printed = await asOfficer(env, "/api/admin/paper/batches", { method: "POST", json: { count: 1 } });
    const [reference] = ((await printed.json()) as { references: string[] }).references;
    const sheet = { reference, receivedOn: "2030-11-21", comments: [{ paragraph: "general", text: "Xqpaperwords from the form" }] };
    const typeIn = () => asOfficer(env, "/api/admin/paper/sheets", { method: "POST", json: sheet });
    expect((await typeIn()).status).toBe(201);
    expect((await erase(reference!)).status).toBe(204);
    const before = await storedCounts();

    const again = await typeIn();
    expect(again.status).toBe(410);
    expect(await errorCode(again)).toBe("response_erased");
    expect(await storedCounts()).toEqual(before);
    expect(await placesHolding(env.DB, ["xqpaperwords"])).toEqual([]);
  });
});
