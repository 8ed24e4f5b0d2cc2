/** A kiosk's refused list reported to officers: by a support worker, once per response, audited without the words. */
import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { asOfficer } from "./admin-fixtures.ts";
import { callApi, type ErrorBody } from "./requests.ts";
import { snapshot } from "./whole-schema.ts";
import { formatReference, newReference } from "../../functions/responses/reference.ts";

const REFERENCE = formatReference(newReference());

async function kioskWithStaff(name: string) {
  const kiosk = (await (await asOfficer(env, "/api/admin/kiosks", { method: "POST", json: { name } })).json()) as { id: number; key: string };
  const staff = (await (await asOfficer(env, `/api/admin/kiosks/${kiosk.id}/staff-codes`, { method: "POST", json: { name: "Sam Okafor" } })).json()) as { code: string };
  return { kiosk, staff };
}

const refusedItem = (key: string, text = "xqrefusedword needs a bed tonight.") => ({
  idempotencyKey: key,
  reference: REFERENCE.toLowerCase(),
  code: "grace_period_over",
  reason: "Sent after the grace period.",
  pressedSendAt: "2030-11-21T09:30:00.000Z",
  comments: [{ paragraph: "streets-2", text }],
});

const report = (headers: Record<string, string>, body: unknown) =>
  callApi("/api/kiosk/refused", { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(body) });

const listed = async () => ((await (await asOfficer(env, "/api/admin/kiosks/refused")).json()) as { refused: { id: number; kiosk: string; comments: unknown[] }[] }).refused;

describe("responses a kiosk could not send", () => {
  it("reach officers with the reference, reason, time and words, once however often the list is sent", async ({ expect }) => {
    const { kiosk, staff } = await kioskWithStaff("Harbour day centre");
    const headers = { "Kiosk-Key": kiosk.key, "Staff-Code": staff.code };
    const first = await report(headers, { refused: [refusedItem("refused-key-0001")] });
    expect(first.status).toBe(201);
    expect(await first.json()).toEqual({ received: 1, recorded: 1 });
    expect(await (await report(headers, { refused: [refusedItem("refused-key-0001")] })).json()).toEqual({ received: 1, recorded: 0 });

    const mine = (await listed()).filter((item) => item.kiosk === "Harbour day centre");
    expect(mine).toEqual([
      {
        id: expect.any(Number),
        kiosk: "Harbour day centre",
        staff: "Sam Okafor",
        reportedAt: expect.any(String),
        reference: REFERENCE,
        code: "grace_period_over",
        reason: "Sent after the grace period.",
        pressedSendAt: "2030-11-21T09:30:00.000Z",
        comments: [{ paragraph: "streets-2", text: "xqrefusedword needs a bed tonight." }],
      },
    ]);
    const audit = await env.DB.prepare("SELECT officer, action, detail FROM audit_log WHERE target = ?").bind(`kiosk_refused:${mine[0]!.id}`).all();
    expect(audit.results).toEqual([{ officer: `kiosk ${kiosk.id} (Harbour day centre), staff code of Sam Okafor`, action: "kiosk.refused_report", detail: expect.any(String) }]);
    expect(JSON.stringify(audit.results)).not.toContain("xqrefusedword");
  });

  it("leave the list once an officer deals with one, and its words go with it", async ({ expect }) => {
    const { kiosk, staff } = await kioskWithStaff("Station hostel");
    await report({ "Kiosk-Key": kiosk.key, "Staff-Code": staff.code }, { refused: [refusedItem("refused-key-0002", "xqresolvedword at the station.")] });
    const id = (await listed()).find((item) => item.kiosk === "Station hostel")!.id;
    expect((await asOfficer(env, `/api/admin/kiosks/refused/${id}/resolve`, { method: "POST" })).status).toBe(204);
    expect((await listed()).some((item) => item.id === id)).toBe(false);
    const stored = await env.DB.prepare("SELECT comments, reference, resolved_at FROM kiosk_refused_reports WHERE id = ?").bind(id).first<Record<string, string>>();
    expect(stored).toMatchObject({ comments: "[]", reference: null, resolved_at: expect.any(String) });
    expect((await env.DB.prepare("SELECT action FROM audit_log WHERE target = ? ORDER BY id").bind(`kiosk_refused:${id}`).all()).results).toEqual([
      { action: "kiosk.refused_report" },
      { action: "kiosk.refused_resolve" },
    ]);
    expect((await asOfficer(env, `/api/admin/kiosks/refused/${id}/resolve`, { method: "POST" })).status).toBe(404);
  });

  it("are refused without the support worker's code, with the key alone, or when the list is not one, storing nothing", async ({ expect }) => {
    const { kiosk, staff } = await kioskWithStaff("Riverside kiosk");
    // A request with the kiosk's key counts as the kiosk being seen, whatever else it lacks.
    const { kiosks: _, ...before } = await snapshot(env.DB);
    const body = { refused: [refusedItem("refused-key-0003")] };
    const code = async (answer: Response) => [answer.status, ((await answer.json()) as ErrorBody).error.code];
    expect(await code(await report({ "Kiosk-Key": kiosk.key }, body))).toEqual([401, "staff_code_missing"]);
    expect(await code(await report({ "Staff-Code": staff.code }, body))).toEqual([401, "kiosk_key_missing"]);
    expect(await code(await report({ "Kiosk-Key": "wrong-key", "Staff-Code": staff.code }, body))).toEqual([401, "kiosk_key_unknown"]);
    const headers = { "Kiosk-Key": kiosk.key, "Staff-Code": staff.code };
    for (const invalid of [{}, { refused: [] }, { refused: [{ ...refusedItem("refused-key-0004"), comments: [] }] }, { refused: [{ ...refusedItem("refused-key-0005"), reference: "not a reference" }] }, { refused: [{ ...refusedItem("short") }] }]) {
      expect(await code(await report(headers, invalid)), JSON.stringify(invalid)).toEqual([422, "invalid"]);
    }
    const { kiosks: __, ...after } = await snapshot(env.DB);
    expect(after).toEqual(before);
    expect((await callApi("/api/admin/kiosks/refused")).status).toBe(401);
  });
});
