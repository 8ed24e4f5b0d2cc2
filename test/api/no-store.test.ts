/**
 * Answers that carry a person's words, a reference or a key are never kept by
 * a browser or a shared cache, whatever their status: a refusal can say which
 * reference exists, and an officer's 401 is no more cacheable than their 200.
 */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { ADMIN_TOKEN, addResponse, asOfficer } from "./admin-fixtures.ts";
import { callApi, newKey, postJson } from "./requests.ts";

const withToken = { ...env, ADMIN_TOKEN } as Env;

async function kioskKey(): Promise<{ key: string; code: string }> {
  const kiosk = (await (await asOfficer(withToken, "/api/admin/kiosks", { method: "POST", json: { name: "Day centre" } })).json()) as { id: number; key: string };
  const { code } = (await (await asOfficer(withToken, `/api/admin/kiosks/${kiosk.id}/setup-codes`, { method: "POST" })).json()) as { code: string };
  return { key: kiosk.key, code };
}

describe("answers carrying words, references or keys", () => {
  it("are never cached, found or not, for the reference look-up", async ({ expect }) => {
    const { reference } = await addResponse(env.DB, { comments: [{ text: "Words of my own" }] });
    for (const path of [`/api/responses/${reference}`, "/api/responses/K7M4Q-2XD9P", "/api/responses/not-a-reference"]) {
      const answer = await callApi(path);
      expect([200, 404]).toContain(answer.status);
      expect(answer.headers.get("Cache-Control"), path).toBe("no-store");
    }
  });

  it("are never cached for a receipt, new or repeated, or a refused response", async ({ expect }) => {
    const key = newKey();
    const body = { comments: [{ paragraph: "general", text: "A receipt carries a reference" }] };
    for (const answer of [await postJson(body, { key }), await postJson(body, { key }), await postJson({ comments: [] }, { key: newKey() })]) {
      expect(answer.headers.get("Cache-Control")).toBe("no-store");
    }
  });

  it("are never cached for a kiosk's set-up, references or paper sheets, refused or not", async ({ expect }) => {
    const { key, code } = await kioskKey();
    const answers = [
      await callApi("/api/kiosk/setup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }) }, withToken),
      await callApi("/api/kiosk/setup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code: "0000-0000" }) }),
      await callApi("/api/kiosk/references", { method: "POST", headers: { "Content-Type": "application/json", "Kiosk-Key": key }, body: JSON.stringify({ count: 2 }) }),
      // A key without a support worker's staff code is refused too, and that refusal is no more cacheable.
      await callApi("/api/paper/sheets/K7M4Q-2XD9P", { headers: { "Kiosk-Key": key } }),
      await callApi("/api/paper/sheets/K7M4Q-2XD9P"),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([201, 403, 201, 401, 401]);
    for (const answer of answers) expect(answer.headers.get("Cache-Control")).toBe("no-store");
  });

  it("are never cached for officers, signed in or refused", async ({ expect }) => {
    const answers = [
      await asOfficer(withToken, "/api/admin/overview"),
      await asOfficer(withToken, "/api/admin/export?format=csv"),
      await asOfficer(withToken, "/api/admin/comments/999999"),
      await callApi("/api/admin/overview", {}, withToken),
      await callApi("/api/admin/overview", { headers: { Authorization: "Bearer wrong" } }, withToken),
      await callApi("/api/admin/no-such-route", {}, withToken),
    ];
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 404, 401, 401, 401]);
    for (const answer of answers) expect(answer.headers.get("Cache-Control")).toBe("no-store");
  });
});
