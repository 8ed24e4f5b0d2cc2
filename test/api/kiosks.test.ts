import { env } from "cloudflare:test";
import { afterEach, describe, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import { asOfficer } from "./admin-fixtures.ts";
import { LIMITS } from "../../functions/limits.ts";
import { callApi, newKey, postJson, storedCounts, type ErrorBody } from "./requests.ts";

const body = { comments: [{ paragraph: "streets-2", text: "More beds in winter, please." }] };

async function issueKiosk(name = "St Anne's day centre") {
  const answer = await asOfficer(env, "/api/admin/kiosks", { method: "POST", json: { name } });
  return { status: answer.status, ...((await answer.json()) as { id: number; name: string; key: string }) };
}

const fromKiosk = (key: string, json: unknown = body, idempotencyKey = newKey(), address?: string) =>
  postJson(json, { key: idempotencyKey, headers: { "Kiosk-Key": key, ...(address && { "CF-Connecting-IP": address }) } });

const errorCode = async (answer: Response) => ((await answer.json()) as ErrorBody).error.code;

describe("issuing, listing and revoking kiosk keys", () => {
  it("issues a long random key once, stores only its hash, and audits the issue", async ({ expect }) => {
    const kiosk = await issueKiosk();
    expect(kiosk.status).toBe(201);
    expect(kiosk.name).toBe("St Anne's day centre");
    expect(kiosk.key.length).toBeGreaterThanOrEqual(43); // 256 bits in base64url
    const stored = await env.DB.prepare("SELECT key_hash FROM kiosk_keys WHERE kiosk_id = ?").bind(kiosk.id).all<{ key_hash: string }>();
    expect(stored.results).toHaveLength(1);
    expect(stored.results[0]!.key_hash).not.toContain(kiosk.key);
    const listed = (await (await asOfficer(env, "/api/admin/kiosks")).json()) as { kiosks: Record<string, unknown>[] };
    const entry = listed.kiosks.find((k) => k.id === kiosk.id)!;
    expect(entry).toMatchObject({ name: kiosk.name, revokedAt: null, lastSeenAt: null });
    expect(JSON.stringify(listed)).not.toContain(kiosk.key);
    const audit = await env.DB.prepare("SELECT action, target FROM audit_log WHERE target = ?").bind(`kiosk:${kiosk.id}`).all();
    expect(audit.results).toEqual([{ action: "kiosk.issue", target: `kiosk:${kiosk.id}` }]);
  });

  it("counts wrong kiosk keys against the address's look-up allowance, so keys cannot be tried without end", async ({ expect }) => {
    const exhausted = { limit: async () => ({ success: false }) } as unknown as RateLimit;
    const before = await storedCounts();
    for (const wrong of ["x".repeat(43), "x".repeat(10_000), " "]) {
      const answer = await postJson(body, { key: newKey(), headers: { "Kiosk-Key": wrong }, vars: { LOOKUP_LIMITER: exhausted } });
      expect(answer.status).toBe(429);
      expect(await errorCode(answer)).toBe("rate_limited");
    }
    const kiosk = await issueKiosk();
    const allowed = await postJson(body, { key: newKey(), headers: { "Kiosk-Key": kiosk.key }, vars: { LOOKUP_LIMITER: exhausted } });
    expect(allowed.status).toBe(201);
    expect((await storedCounts()).responses).toBe(before.responses + 1);
  });

  it("gives two kiosks different keys", async ({ expect }) => {
    const [a, b] = [await issueKiosk("A"), await issueKiosk("B")];
    expect(a.key).not.toBe(b.key);
  });

  it("refuses a kiosk without a name, and officers' calls without credentials", async ({ expect }) => {
    const answer = await asOfficer(env, "/api/admin/kiosks", { method: "POST", json: { name: "  " } });
    expect(answer.status).toBe(422);
    expect(((await answer.json()) as ErrorBody).error.fields).toHaveProperty("name");
    expect((await callApi("/api/admin/kiosks", { method: "POST", body: "{}", headers: { "Content-Type": "application/json" } })).status).toBe(401);
  });

  it("shows when a kiosk last sent something", async ({ expect }) => {
    const kiosk = await issueKiosk();
    expect((await fromKiosk(kiosk.key)).status).toBe(201);
    const listed = (await (await asOfficer(env, "/api/admin/kiosks")).json()) as { kiosks: { id: number; lastSeenAt: string }[] };
    expect(listed.kiosks.find((k) => k.id === kiosk.id)!.lastSeenAt).toBe("2030-11-22T12:00:00.000Z");
  });

  it("revokes a kiosk: 204, audited once, and its key then gets 403 kiosk_revoked", async ({ expect }) => {
    const kiosk = await issueKiosk();
    expect((await asOfficer(env, `/api/admin/kiosks/${kiosk.id}`, { method: "DELETE" })).status).toBe(204);
    expect((await asOfficer(env, `/api/admin/kiosks/${kiosk.id}`, { method: "DELETE" })).status).toBe(204);
    const audit = await env.DB.prepare("SELECT action FROM audit_log WHERE target = ? ORDER BY id").bind(`kiosk:${kiosk.id}`).all();
    expect(audit.results.map((row) => row.action)).toEqual(["kiosk.issue", "kiosk.revoke"]);
    const before = await storedCounts();
    const refused = await fromKiosk(kiosk.key);
    expect(refused.status).toBe(403);
    expect(await errorCode(refused)).toBe("kiosk_revoked");
    expect(await storedCounts()).toEqual(before);
  });

  it("answers 404 for revoking a kiosk that does not exist", async ({ expect }) => {
    expect((await asOfficer(env, "/api/admin/kiosks/999999", { method: "DELETE" })).status).toBe(404);
  });
});

describe("what a kiosk learns about itself while online", () => {
  afterEach(() => vi.useRealTimers());

  it("tells the kiosk the period in force and its grace rule, to keep for when it is offline", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const answer = await callApi("/api/kiosk", { headers: { "Kiosk-Key": kiosk.key } });
    expect(answer.status).toBe(200);
    expect(await answer.json()).toMatchObject({ id: kiosk.id, name: kiosk.name, opensAt: "2030-10-07T08:00:00.000Z", closesAt: "2030-12-20T23:59:59.000Z", status: "open", graceDays: 7, resultsPublished: false });
    const extended = await callApi("/api/kiosk", { headers: { "Kiosk-Key": kiosk.key } }, { CLOSES_AT: "2031-01-10T12:00:00Z", KIOSK_GRACE_DAYS: "3" });
    expect(await extended.json()).toMatchObject({ closesAt: "2031-01-10T12:00:00.000Z", graceDays: 3 });
    vi.setSystemTime(new Date("2030-12-21T00:00:00Z"));
    expect(await (await callApi("/api/kiosk", { headers: { "Kiosk-Key": kiosk.key } })).json()).toMatchObject({ status: "closed", resultsPublished: false });
    // The fixture publishes its outcome on 2031-02-03.
    vi.setSystemTime(new Date("2031-02-03T12:00:00Z"));
    expect(await (await callApi("/api/kiosk", { headers: { "Kiosk-Key": kiosk.key } })).json()).toMatchObject({ status: "closed", resultsPublished: true });
  });

  it("tells nothing without a key", async ({ expect }) => {
    expect((await callApi("/api/kiosk")).status).toBe(401);
  });
});

describe("responses from a kiosk", () => {
  it("stores a kiosk's response with channel kiosk and the kiosk's id", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const answer = await fromKiosk(kiosk.key);
    expect(answer.status).toBe(201);
    const { reference } = (await answer.json()) as { reference: string };
    const row = await env.DB.prepare("SELECT channel, kiosk_id FROM responses WHERE reference = ?").bind(reference.replace("-", "")).first();
    expect(row).toEqual({ channel: "kiosk", kiosk_id: kiosk.id });
    const tracked = (await (await callApi(`/api/responses/${reference}`)).json()) as { channel: string };
    expect(tracked.channel).toBe("kiosk");
  });

  it("refuses a wrong key with 401 and an empty one alike, storing nothing", async ({ expect }) => {
    const before = await storedCounts();
    for (const key of ["not-a-kiosk-key", " "]) {
      const answer = await fromKiosk(key);
      expect(answer.status).toBe(401);
      expect(await errorCode(answer)).toBe("kiosk_key_unknown");
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("records who helped, and never asks who was helped", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const answer = await fromKiosk(kiosk.key, { ...body, assisted: { organisation: "St Anne's", helper: "Sam" } });
    expect(answer.status).toBe(201);
    const { reference } = (await answer.json()) as { reference: string };
    const row = await env.DB.prepare("SELECT assisted_organisation, assisted_helper FROM responses WHERE reference = ?")
      .bind(reference.replace("-", ""))
      .first();
    expect(row).toEqual({ assisted_organisation: "St Anne's", assisted_helper: "Sam" });
    const comments = (await (await asOfficer(env, "/api/admin/comments")).json()) as { comments: { reference: string; kioskName: string; assisted: unknown }[] };
    expect(comments.comments.find((c) => c.reference === reference)).toMatchObject({
      kioskName: "St Anne's day centre",
      assisted: { organisation: "St Anne's", helper: "Sam" },
    });
    const exported = (await (await asOfficer(env, "/api/admin/export?format=json")).json()) as { comments: Record<string, unknown>[] };
    expect(exported.comments.find((c) => c.reference === reference)).toMatchObject({
      channel: "kiosk",
      kioskName: "St Anne's day centre",
      assisted: true,
      assistedBy: "Sam, St Anne's",
    });
    const csv = parse(await (await asOfficer(env, "/api/admin/export?format=csv")).text(), { bom: true, columns: true }) as Record<string, string>[];
    expect(csv.find((c) => c.reference === reference)).toMatchObject({ channel: "kiosk", kioskName: "St Anne's day centre", assisted: "yes", assistedBy: "Sam, St Anne's", paperReceivedOn: "" });
  });

  it("refuses who-helped and pressed-send claims without a kiosk key", async ({ expect }) => {
    const before = await storedCounts();
    for (const claim of [{ assisted: { organisation: "St Anne's", helper: "Sam" } }, { pressedSendAt: "2030-11-22T11:00:00Z" }]) {
      const answer = await postJson({ ...body, ...claim }, { key: newKey() });
      expect(answer.status).toBe(422);
      expect(Object.keys(((await answer.json()) as ErrorBody).error.fields!)).toEqual(Object.keys(claim));
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("takes a hundred queued responses from one kiosk at once, though the address limit is far lower", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const answers = await Promise.all(Array.from({ length: 100 }, () => fromKiosk(kiosk.key, body, newKey(), "203.0.113.9")));
    expect(answers.map((a) => a.status)).toEqual(Array(100).fill(201));
    // The same address without a key is limited as one client.
    const publicAnswers = await Promise.all(Array.from({ length: 100 }, () => postJson(body, { key: newKey(), headers: { "CF-Connecting-IP": "203.0.113.9" } })));
    expect(publicAnswers.some((a) => a.status === 429)).toBe(true);
    // A hundred writes on a shared, busy machine can take longer than the default five seconds.
  }, 60_000);
});

describe("send pressed before the close, arriving after it", () => {
  afterEach(() => vi.useRealTimers());
  const pressed = { ...body, pressedSendAt: "2030-12-20T23:59:00Z" };

  it("takes a kiosk response pressed before the close within seven days, stamped when it arrives", async ({ expect }) => {
    const kiosk = await issueKiosk();
    vi.setSystemTime(new Date("2030-12-27T23:00:00Z"));
    const answer = await fromKiosk(kiosk.key, pressed);
    expect(answer.status).toBe(201);
    const receipt = (await answer.json()) as { reference: string; receivedAt: string };
    expect(receipt.receivedAt).toBe("2030-12-27T23:00:00.000Z");
    const row = await env.DB.prepare("SELECT pressed_send_at FROM responses WHERE reference = ?").bind(receipt.reference.replace("-", "")).first();
    expect(row).toEqual({ pressed_send_at: "2030-12-20T23:59:00.000Z" });
  });

  it("refuses it after the grace period, and follows KIOSK_GRACE_DAYS", async ({ expect }) => {
    const kiosk = await issueKiosk();
    vi.setSystemTime(new Date("2030-12-28T00:00:00Z"));
    const late = await fromKiosk(kiosk.key, pressed);
    expect(late.status).toBe(403);
    expect(await errorCode(late)).toBe("grace_period_over");
    const longer = await postJson(pressed, { key: newKey(), headers: { "Kiosk-Key": kiosk.key }, vars: { KIOSK_GRACE_DAYS: "10" } });
    expect(longer.status).toBe(201);
  });

  it("says in every language why a response pressed before the close came too late", async ({ expect }) => {
    const kiosk = await issueKiosk();
    vi.setSystemTime(new Date("2030-12-28T00:00:00Z"));
    const messages: Record<string, string> = {
      en: "Send was pressed before the close, but too much time has passed since then to accept it.",
      es: "Se pulsó enviar antes del cierre, pero ha pasado demasiado tiempo para aceptarlo.",
      it: "Il pulsante di invio è stato premuto prima della chiusura, ma è passato troppo tempo per accettare la risposta.",
    };
    for (const [language, message] of Object.entries(messages)) {
      const late = await postJson(pressed, { key: newKey(), headers: { "Kiosk-Key": kiosk.key, "Accept-Language": language } });
      expect(((await late.json()) as ErrorBody).error).toEqual({ code: "grace_period_over", message });
    }
  });

  it("refuses a response pressed after the close", async ({ expect }) => {
    const kiosk = await issueKiosk();
    vi.setSystemTime(new Date("2030-12-22T12:00:00Z"));
    expect(await errorCode(await fromKiosk(kiosk.key, { ...body, pressedSendAt: "2030-12-21T00:00:00Z" }))).toBe("consultation_closed");
  });

  it("refuses a send pressed at a time still to come, beyond a few minutes of clock drift, naming the field", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const before = await storedCounts();
    for (const [now, pressedSendAt] of [["2030-11-22T12:00:00Z", "2099-01-01T00:00:00Z"], ["2030-12-22T12:00:00Z", "2031-01-01T00:00:00Z"], ["2030-11-22T12:00:00Z", "2030-11-22T12:06:00Z"]]) {
      vi.setSystemTime(new Date(now!));
      const answer = await fromKiosk(kiosk.key, { ...body, pressedSendAt });
      expect(answer.status, pressedSendAt).toBe(422);
      expect(((await answer.json()) as ErrorBody).error.fields).toEqual({ pressedSendAt: "The time send was pressed is later than now. Check the kiosk's clock." });
    }
    expect(await storedCounts()).toEqual(before);
    vi.setSystemTime(new Date("2030-11-22T12:00:00Z"));
    expect((await fromKiosk(kiosk.key, { ...body, pressedSendAt: "2030-11-22T12:04:00Z" })).status).toBe(201);
  });

  it("refuses a send pressed on a day that does not exist, instead of reading it as another day", async ({ expect }) => {
    const kiosk = await issueKiosk();
    vi.setSystemTime(new Date("2030-12-05T12:00:00Z"));
    const before = await storedCounts();
    for (const pressedSendAt of ["2030-11-31T10:00:00Z", "2030-02-30T10:00:00Z", "2030-11-20T24:00:00Z", "2030-11-20T10:60:00Z", "2030-11-20T10:00:00+25:00"]) {
      const answer = await fromKiosk(kiosk.key, { ...body, pressedSendAt });
      expect(answer.status, pressedSendAt).toBe(422);
      expect(((await answer.json()) as ErrorBody).error.fields, pressedSendAt).toHaveProperty("pressedSendAt");
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("does not believe the claim without a kiosk key, nor with a revoked one", async ({ expect }) => {
    const kiosk = await issueKiosk();
    await asOfficer(env, `/api/admin/kiosks/${kiosk.id}`, { method: "DELETE" });
    const before = await storedCounts();
    const unkeyed = await postJson(pressed, { key: newKey() });
    expect(unkeyed.status).toBe(422);
    expect(((await unkeyed.json()) as ErrorBody).error.fields).toHaveProperty("pressedSendAt");
    vi.setSystemTime(new Date("2030-12-22T12:00:00Z"));
    // After the close, without a kiosk there is no grace period: the request is simply too late.
    expect(await errorCode(await postJson(pressed, { key: newKey() }))).toBe("consultation_closed");
    expect(await errorCode(await fromKiosk(kiosk.key, pressed))).toBe("kiosk_revoked");
    expect(await storedCounts()).toEqual(before);
  });

  it("tells a kiosk within its grace period what is wrong with a request, since it may still send", async ({ expect }) => {
    const kiosk = await issueKiosk();
    vi.setSystemTime(new Date("2030-12-22T12:00:00Z"));
    const invalid = await fromKiosk(kiosk.key, { ...pressed, comments: [] });
    expect(invalid.status).toBe(422);
    vi.setSystemTime(new Date("2031-02-01T00:00:00Z"));
    expect(await errorCode(await fromKiosk(kiosk.key, { ...pressed, comments: [] }))).toBe("consultation_closed");
  });

  it("replays a stored kiosk response after the grace period instead of refusing it", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const key = newKey();
    vi.setSystemTime(new Date("2030-12-21T10:00:00Z"));
    const first = await fromKiosk(kiosk.key, pressed, key);
    expect(first.status).toBe(201);
    vi.setSystemTime(new Date("2031-02-01T00:00:00Z"));
    const retry = await fromKiosk(kiosk.key, pressed, key);
    expect(retry.status).toBe(200);
    expect(await retry.json()).toEqual(await first.json());
  });
});

describe("setting a device up with a one-time code", () => {
  afterEach(() => vi.useRealTimers());
  const setUp = (code: string) =>
    callApi("/api/kiosk/setup", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ code }) });

  it("exchanges a code, typed loosely, for a working key, once", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const made = await asOfficer(env, `/api/admin/kiosks/${kiosk.id}/setup-codes`, { method: "POST" });
    expect(made.status).toBe(201);
    const { code, expiresAt } = (await made.json()) as { code: string; expiresAt: string };
    expect(expiresAt).toBe("2030-11-22T12:15:00.000Z");
    const device = await setUp(` ${code.toLowerCase()} `);
    expect(device.status).toBe(201);
    const { key, id, name } = (await device.json()) as { key: string; id: number; name: string };
    expect({ id, name }).toEqual({ id: kiosk.id, name: kiosk.name });
    expect(key).not.toBe(kiosk.key);
    expect((await fromKiosk(key)).status).toBe(201);
    expect((await setUp(code)).status).toBe(403);
  });

  it("asks a device that sends no code, or not as JSON, for the code, in its own language", async ({ expect }) => {
    const ask = (body: string, headers: Record<string, string>) =>
      callApi("/api/kiosk/setup", { method: "POST", headers: { "Accept-Language": "es", ...headers }, body });
    const notAnObject = await ask("[]", { "Content-Type": "application/json" });
    expect(notAnObject.status).toBe(422);
    expect(((await notAnObject.json()) as ErrorBody).error.fields).toEqual({ body: "Escriba el código de configuración de 8 caracteres, por ejemplo 4K7M-2XD9." });
    const asText = await ask(JSON.stringify({ code: "4K7M-2XD9" }), { "Content-Type": "text/plain" });
    expect(asText.status).toBe(415);
    expect(((await asText.json()) as ErrorBody).error.message).toBe("Envíe esta solicitud como JSON (Content-Type: application/json).");
  });

  it("refuses a code after fifteen minutes, and a code for a revoked kiosk", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const { code } = (await (await asOfficer(env, `/api/admin/kiosks/${kiosk.id}/setup-codes`, { method: "POST" })).json()) as { code: string };
    vi.setSystemTime(new Date("2030-11-22T12:15:01Z"));
    expect((await setUp(code)).status).toBe(403);
    const other = await issueKiosk();
    const second = (await (await asOfficer(env, `/api/admin/kiosks/${other.id}/setup-codes`, { method: "POST" })).json()) as { code: string };
    await asOfficer(env, `/api/admin/kiosks/${other.id}`, { method: "DELETE" });
    expect((await setUp(second.code)).status).toBe(403);
  });
});

describe("references reserved for a kiosk", () => {
  const reserve = (key: string | undefined, count: number) =>
    callApi("/api/kiosk/references", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...(key && { "Kiosk-Key": key }) },
      body: JSON.stringify({ count }),
    });

  it("gives the response the reference reserved for it, and refuses another kiosk's", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const answer = await reserve(kiosk.key, 3);
    expect(answer.status).toBe(201);
    const { references } = (await answer.json()) as { references: string[] };
    expect(new Set(references).size).toBe(3);
    const sent = await fromKiosk(kiosk.key, { ...body, reference: references[0] });
    expect(((await sent.json()) as { reference: string }).reference).toBe(references[0]);
    const other = await issueKiosk("Elsewhere");
    const stolen = await fromKiosk(other.key, { ...body, reference: references[1] });
    expect(stolen.status).toBe(409);
    const twice = await fromKiosk(kiosk.key, { ...body, reference: references[0] });
    expect(await errorCode(twice)).toBe("reference_not_reserved");
    expect((await postJson({ ...body, reference: references[2] }, { key: newKey() })).status).toBe(422);
  });

  it("asks for a number of references when the body is not an object, and for JSON when it is not JSON", async ({ expect }) => {
    const kiosk = await issueKiosk();
    const ask = (body: string, contentType: string) =>
      callApi("/api/kiosk/references", { method: "POST", headers: { "Content-Type": contentType, "Kiosk-Key": kiosk.key, "Accept-Language": "it" }, body });
    const notAnObject = await ask("5", "application/json");
    expect(notAnObject.status).toBe(422);
    expect(((await notAnObject.json()) as ErrorBody).error.fields).toEqual({ body: `Chieda da 1 a ${LIMITS.kioskReferencePool} riferimenti.` });
    const asForm = await ask("count=5", "application/x-www-form-urlencoded");
    expect(asForm.status).toBe(415);
    expect(((await asForm.json()) as ErrorBody).error.message).toBe("Invii questa richiesta come JSON (Content-Type: application/json).");
    expect(await env.DB.prepare("SELECT count(*) AS n FROM issued_references WHERE kiosk_id = ?").bind(kiosk.id).first("n")).toBe(0);
  });

  it("lets a device set up again after its kiosk was revoked send what it queued, under the references it showed", async ({ expect }) => {
    const revoked = await issueKiosk("Revoked by mistake");
    const { references } = (await (await reserve(revoked.key, 2)).json()) as { references: string[] };
    expect((await asOfficer(env, `/api/admin/kiosks/${revoked.id}`, { method: "DELETE" })).status).toBe(204);
    const again = await issueKiosk("Set up again");
    const sent = await fromKiosk(again.key, { ...body, reference: references[0] });
    expect(sent.status).toBe(201);
    expect(((await sent.json()) as { reference: string }).reference).toBe(references[0]);
    // Once used, the reference is nobody's to take again; and a reference needs a live kiosk key.
    expect(await errorCode(await fromKiosk(again.key, { ...body, reference: references[0] }))).toBe("reference_not_reserved");
    expect((await fromKiosk(revoked.key, { ...body, reference: references[1] })).status).toBe(403);
  });

  it("needs a kiosk key to reserve", async ({ expect }) => {
    expect(await errorCode(await reserve(undefined, 3))).toBe("kiosk_key_missing");
    expect((await reserve("wrong", 3)).status).toBe(401);
  });
});
