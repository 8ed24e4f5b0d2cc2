import { env } from "cloudflare:test";
import { describe, it } from "vitest";
import { asOfficer } from "./admin-fixtures.ts";
import { callApi, type ErrorBody } from "./requests.ts";
import { deviceHash } from "../../public/staff-code-rules.js";

async function issueKiosk(name: string) {
  return (await (await asOfficer(env, "/api/admin/kiosks", { method: "POST", json: { name } })).json()) as { id: number; key: string };
}

async function issueStaffCode(kioskId: number, name = "Sam Okafor") {
  const answer = await asOfficer(env, `/api/admin/kiosks/${kioskId}/staff-codes`, { method: "POST", json: { name } });
  return { status: answer.status, ...((await answer.json()) as { id: number; name: string; code: string }) };
}

async function printSheet(): Promise<string> {
  const { references } = (await (await asOfficer(env, "/api/admin/paper/batches", { method: "POST", json: { count: 1 } })).json()) as { references: string[] };
  return references[0]!;
}

const sheet = (reference: string, text = "Open the day centre on Sundays.") => ({
  reference,
  receivedOn: "2030-11-21",
  comments: [{ paragraph: "3.2", text }],
  publishConsent: false,
});

const paper = (method: string, path: string, headers: Record<string, string>, body?: unknown, vars: Partial<Env> = {}) =>
  callApi(path, { method, headers: { "Content-Type": "application/json", ...headers }, body: body === undefined ? undefined : JSON.stringify(body) }, vars);

const errorCode = async (answer: Response) => ((await answer.json()) as ErrorBody).error.code;

/** A kiosk with a sheet typed in at it by a support worker. */
async function sheetAtKiosk() {
  const kiosk = await issueKiosk("St Anne's day centre");
  const staff = await issueStaffCode(kiosk.id);
  const reference = await printSheet();
  const typed = await paper("POST", "/api/paper/sheets", { "Kiosk-Key": kiosk.key, "Staff-Code": staff.code }, sheet(reference));
  if (typed.status !== 201) throw new Error(`typing in failed: ${typed.status}`);
  return { kiosk, staff, reference };
}

describe("support workers' staff codes", () => {
  it("issues a code once per person and kiosk, stores only its hashes, lists it without the code, and names the person in the audit log", async ({ expect }) => {
    const kiosk = await issueKiosk("Hope hostel");
    const staff = await issueStaffCode(kiosk.id, "Ana Ruiz");
    expect(staff.status).toBe(201);
    expect(staff.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}$/);
    const stored = await env.DB.prepare("SELECT * FROM kiosk_staff_codes WHERE id = ?").bind(staff.id).first<Record<string, string>>();
    expect(JSON.stringify(stored)).not.toContain(staff.code.replace("-", ""));
    const listed = await (await asOfficer(env, `/api/admin/kiosks/${kiosk.id}/staff-codes`)).json();
    expect(listed).toMatchObject({ staffCodes: [{ id: staff.id, name: "Ana Ruiz", revokedAt: null }] });
    expect(JSON.stringify(listed)).not.toContain(staff.code);
    const audit = await env.DB.prepare("SELECT action, detail FROM audit_log WHERE target = ? ORDER BY id").bind(`kiosk:${kiosk.id}`).all<{ action: string; detail: string }>();
    expect(audit.results.map((row) => row.action)).toEqual(["kiosk.issue", "kiosk.staff_code.issue"]);
    expect(JSON.parse(audit.results[1]!.detail)).toEqual({ kiosk: "Hope hostel", staff: "Ana Ruiz" });
    expect(JSON.stringify(audit.results)).not.toContain(staff.code);
  });

  it("refuses a code without a name, for a kiosk that does not exist or is revoked, and from anyone but officers", async ({ expect }) => {
    const kiosk = await issueKiosk("Library");
    const unnamed = await asOfficer(env, `/api/admin/kiosks/${kiosk.id}/staff-codes`, { method: "POST", json: { name: " " } });
    expect(unnamed.status).toBe(422);
    expect(((await unnamed.json()) as ErrorBody).error.fields).toHaveProperty("name");
    expect((await issueStaffCode(999999)).status).toBe(404);
    await asOfficer(env, `/api/admin/kiosks/${kiosk.id}`, { method: "DELETE" });
    expect((await issueStaffCode(kiosk.id)).status).toBe(409);
    const asKiosk = await paper("POST", `/api/admin/kiosks/${kiosk.id}/staff-codes`, { "Kiosk-Key": kiosk.key }, { name: "Sam" });
    expect(asKiosk.status).toBe(401);
    const count = await env.DB.prepare("SELECT count(*) AS n FROM kiosk_staff_codes WHERE kiosk_id = ?").bind(kiosk.id).first("n");
    expect(count).toBe(0);
  });

  it("gives the kiosk a slow check of each code in force, never the code, so its staff screens open offline", async ({ expect }) => {
    const kiosk = await issueKiosk("Night shelter");
    const staff = await issueStaffCode(kiosk.id);
    const other = await issueStaffCode(kiosk.id, "Revoked person");
    await asOfficer(env, `/api/admin/kiosks/${kiosk.id}/staff-codes/${other.id}`, { method: "DELETE" });
    const answer = await callApi("/api/kiosk", { headers: { "Kiosk-Key": kiosk.key } });
    const { staffCodes } = (await answer.json()) as { staffCodes: { salt: string; hash: string }[] };
    expect(staffCodes).toHaveLength(1);
    expect(JSON.stringify(staffCodes)).not.toContain(staff.code.replace("-", ""));
    expect(await deviceHash(staff.code.toLowerCase(), staffCodes[0]!.salt)).toBe(staffCodes[0]!.hash);
    expect(await deviceHash(other.code, staffCodes[0]!.salt)).not.toBe(staffCodes[0]!.hash);
  });
});

describe("a kiosk's paper routes need a support worker's code as well as the key", () => {
  it("answers the kiosk key alone with 401 on reading and correcting a sheet, and changes nothing", async ({ expect }) => {
    const { kiosk, reference } = await sheetAtKiosk();
    for (const [method, body] of [["GET", undefined], ["PUT", sheet(reference, "Overwritten")]] as const) {
      const answer = await paper(method, `/api/paper/sheets/${reference}`, { "Kiosk-Key": kiosk.key }, body);
      expect(answer.status, method).toBe(401);
      const text = await answer.text();
      expect(text).not.toContain("Open the day centre");
      expect((JSON.parse(text) as ErrorBody).error.code).toBe("staff_code_missing");
    }
    const stored = await env.DB.prepare("SELECT text FROM comments JOIN responses ON responses.id = comments.response_id WHERE reference = ?").bind(reference.replace("-", "")).all<{ text: string }>();
    expect(stored.results.map((row) => row.text)).toEqual(["Open the day centre on Sundays."]);
  });

  it("shows and corrects a sheet with a right code, naming the support worker in the audit log, and never lets it be cached", async ({ expect }) => {
    const { kiosk, staff, reference } = await sheetAtKiosk();
    const headers = { "Kiosk-Key": kiosk.key, "Staff-Code": staff.code.toLowerCase().replace("-", " ") };
    const shown = await paper("GET", `/api/paper/sheets/${reference}`, headers);
    expect(shown.status).toBe(200);
    expect(shown.headers.get("Cache-Control")).toBe("no-store");
    expect(await shown.json()).toMatchObject({ reference, comments: [{ text: "Open the day centre on Sundays." }] });
    const corrected = await paper("PUT", `/api/paper/sheets/${reference}`, headers, sheet(reference, "Open it on Saturdays too."));
    expect(corrected.status).toBe(200);
    const audit = await env.DB.prepare("SELECT officer, action FROM audit_log WHERE target = ? ORDER BY id").bind(`response:${reference}`).all<{ officer: string; action: string }>();
    expect(audit.results).toEqual([
      { officer: `kiosk ${kiosk.id} (St Anne's day centre), staff code of Sam Okafor`, action: "paper.enter" },
      { officer: `kiosk ${kiosk.id} (St Anne's day centre), staff code of Sam Okafor`, action: "paper.correct" },
    ]);
  });

  it("refuses a wrong code, another kiosk's code and a revoked one", async ({ expect }) => {
    const { kiosk, staff, reference } = await sheetAtKiosk();
    const elsewhere = await issueKiosk("Elsewhere");
    const elsewhereCode = await issueStaffCode(elsewhere.id);
    const read = (code: string) => paper("GET", `/api/paper/sheets/${reference}`, { "Kiosk-Key": kiosk.key, "Staff-Code": code });
    for (const wrong of ["0000-0000", elsewhereCode.code, "not a code at all"]) {
      const answer = await read(wrong);
      expect(answer.status, wrong).toBe(401);
      expect(await errorCode(answer)).toBe("staff_code_unknown");
    }
    expect((await asOfficer(env, `/api/admin/kiosks/${kiosk.id}/staff-codes/${staff.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await asOfficer(env, `/api/admin/kiosks/${kiosk.id}/staff-codes/${staff.id}`, { method: "DELETE" })).status).toBe(204);
    const revoked = await read(staff.code);
    expect(revoked.status).toBe(403);
    expect(await errorCode(revoked)).toBe("staff_code_revoked");
    const revocations = await env.DB.prepare("SELECT count(*) AS n FROM audit_log WHERE action = 'kiosk.staff_code.revoke' AND target = ?").bind(`kiosk:${kiosk.id}`).first("n");
    expect(revocations).toBe(1);
    expect((await asOfficer(env, `/api/admin/kiosks/${elsewhere.id}/staff-codes/${staff.id}`, { method: "DELETE" })).status).toBe(404);
  });

  it("counts wrong codes against the address's look-up allowance, so codes cannot be tried without end", async ({ expect }) => {
    const { kiosk, staff, reference } = await sheetAtKiosk();
    const exhausted = { LOOKUP_LIMITER: { limit: async () => ({ success: false }) } as unknown as RateLimit };
    const wrong = await paper("GET", `/api/paper/sheets/${reference}`, { "Kiosk-Key": kiosk.key, "Staff-Code": "0000-0000" }, undefined, exhausted);
    expect(wrong.status).toBe(429);
    expect(wrong.headers.get("Retry-After")).not.toBeNull();
    const right = await paper("GET", `/api/paper/sheets/${reference}`, { "Kiosk-Key": kiosk.key, "Staff-Code": staff.code }, undefined, exhausted);
    expect(right.status).toBe(200);
  });
});
