import { env } from "cloudflare:test";
import { afterEach, describe, expect, it, vi } from "vitest";
import { parse } from "csv-parse/sync";
import { asOfficer } from "./admin-fixtures.ts";
import { callApi, storedCounts, type ErrorBody } from "./requests.ts";
import { formatReference, newReference, normaliseReference } from "../../functions/responses/reference.ts";
import { REQUEST_BYTES } from "../../functions/limits.ts";

async function printBatch(count: number): Promise<string[]> {
  const answer = await asOfficer(env, "/api/admin/paper/batches", { method: "POST", json: { count } });
  expect(answer.status).toBe(201);
  return ((await answer.json()) as { references: string[] }).references;
}

const sheet = (reference: string, receivedOn = "2030-11-21", text = "Open the day centre on Sundays.") => ({
  reference,
  receivedOn,
  comments: [
    { paragraph: "3.2", text },
    { paragraph: "general", text: "Thank you for asking." },
  ],
});

const typeIn = (json: unknown, vars: Partial<Env> = {}) => asOfficer({ ...env, ...vars }, "/api/admin/paper/sheets", { method: "POST", json });
const errorOf = async (answer: Response) => ((await answer.json()) as ErrorBody).error;

/** A kiosk and a support worker's staff code for it, as the kiosk's paper routes need both. */
async function kioskWithStaff(name: string) {
  const kiosk = (await (await asOfficer(env, "/api/admin/kiosks", { method: "POST", json: { name } })).json()) as { id: number; key: string };
  const { code } = (await (await asOfficer(env, `/api/admin/kiosks/${kiosk.id}/staff-codes`, { method: "POST", json: { name: "Sam" } })).json()) as { code: string };
  return { ...kiosk, headers: { "Kiosk-Key": kiosk.key, "Staff-Code": code } };
}

describe("printing batches of paper forms", () => {
  it("issues a distinct, valid reference for each sheet, registered for paper and audited", async ({ expect }) => {
    const references = await printBatch(5);
    expect(new Set(references).size).toBe(5);
    for (const reference of references) expect(normaliseReference(reference)).toBe(reference.replace("-", ""));
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM issued_references WHERE purpose = 'paper'").first("n");
    expect(stored).toBeGreaterThanOrEqual(5);
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'paper.batch' ORDER BY id DESC").first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toEqual({ count: 5 });
  });

  it("refuses a batch of none or too many", async ({ expect }) => {
    for (const count of [0, 501, 2.5, "3"]) {
      const answer = await asOfficer(env, "/api/admin/paper/batches", { method: "POST", json: { count } });
      expect(answer.status).toBe(422);
    }
  });
});

describe("typing in a paper form", () => {
  afterEach(() => vi.useRealTimers());

  it("stores the sheet under its printed reference, with channel paper and comments by printed number", async ({ expect }) => {
    const [reference] = await printBatch(1);
    const answer = await typeIn(sheet(reference!));
    expect(answer.status).toBe(201);
    const receipt = (await answer.json()) as { reference: string; comments: { paragraph: string }[] };
    expect(receipt.reference).toBe(reference);
    expect(receipt.comments.map((c) => c.paragraph)).toEqual(["streets-2", "general"]);
    const tracked = (await (await callApi(`/api/responses/${reference}`)).json()) as { channel: string };
    expect(tracked.channel).toBe("paper");
    const exported = (await (await asOfficer(env, "/api/admin/export?format=json")).json()) as { comments: Record<string, unknown>[] };
    expect(exported.comments.find((c) => c.reference === reference)).toMatchObject({ channel: "paper", paperReceivedOn: "2030-11-21", assisted: false });
  });

  it("refuses a sheet that says who helped at a kiosk or when send was pressed, storing nothing", async ({ expect }) => {
    const [reference] = await printBatch(1);
    const before = await storedCounts();
    const claiming = await typeIn({ ...sheet(reference!), pressedSendAt: "2030-11-21T10:00:00Z", assisted: { organisation: "Shelter", helper: "Ana" } });
    expect(claiming.status).toBe(422);
    expect((await errorOf(claiming)).fields).toEqual({
      pressedSendAt: "This field is not recognised. Remove it.",
      assisted: "This field is not recognised. Remove it.",
    });
    expect(await storedCounts()).toEqual(before);
  });

  it("refuses a reference never printed, a paragraph number not in the draft and a date still to come, storing nothing", async ({ expect }) => {
    const [reference] = await printBatch(1);
    const before = await storedCounts();
    const notPrinted = await typeIn(sheet(formatReference(newReference())));
    expect((await errorOf(notPrinted)).fields).toEqual({ reference: "No paper form was printed with this reference. Check the reference on the sheet." });
    const unknownNumber = await typeIn({ ...sheet(reference!), comments: [{ paragraph: "9.9", text: "Hello" }] });
    expect((await errorOf(unknownNumber)).fields).toHaveProperty(["comments.0.paragraph"]);
    const tomorrow = await typeIn(sheet(reference!, "2030-11-23"));
    expect((await errorOf(tomorrow)).fields).toHaveProperty("receivedOn");
    for (const written of ["31/11/2030", "30 Febtober", "yesterday", "", "2030-11-31", "2030-02-30"]) {
      const badDate = await typeIn(sheet(reference!, written));
      expect((await errorOf(badDate)).fields, written).toHaveProperty("receivedOn");
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("reads the date received as people write it, day before month, and keeps it as the day it names", async ({ expect }) => {
    for (const written of ["21/11/2030", "21/11/30", "21 Nov", "21st November 2030", " 2030-11-21 "]) {
      const [reference] = await printBatch(1);
      const answer = await typeIn(sheet(reference!, written));
      expect(answer.status, written).toBe(201);
      const row = await env.DB.prepare("SELECT paper_received_on FROM responses WHERE reference = ?").bind(reference!.replace("-", "")).first();
      expect(row, written).toEqual({ paper_received_on: "2030-11-21" });
    }
  });

  it("takes a sheet received before the close for fourteen days after it, and refuses it later", async ({ expect }) => {
    const [inside, outside, extended] = await printBatch(3);
    vi.setSystemTime(new Date("2031-01-03T12:00:00Z"));
    expect((await typeIn(sheet(inside!, "2030-12-20"))).status).toBe(201);
    vi.setSystemTime(new Date("2031-01-04T00:00:00Z"));
    const late = await typeIn(sheet(outside!, "2030-12-20"));
    expect(late.status).toBe(403);
    expect(await errorOf(late)).toMatchObject({ code: "grace_period_over" });
    expect((await typeIn(sheet(extended!, "2030-12-20"), { PAPER_GRACE_DAYS: "30" })).status).toBe(201);
  });

  it("refuses a sheet received after the close, even within the grace period", async ({ expect }) => {
    const [reference] = await printBatch(1);
    vi.setSystemTime(new Date("2030-12-23T12:00:00Z"));
    const answer = await typeIn(sheet(reference!, "2030-12-21"));
    expect(answer.status).toBe(403);
    expect(await errorOf(answer)).toMatchObject({ code: "consultation_closed" });
  });

  it("never stores the same sheet twice: the same entry is answered again, a different one refused", async ({ expect }) => {
    const [reference] = await printBatch(1);
    const first = await typeIn(sheet(reference!));
    const stored = await storedCounts();
    const again = await typeIn(sheet(reference!));
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    const different = await typeIn(sheet(reference!, "2030-11-21", "Other words"));
    expect(different.status).toBe(409);
    expect(await errorOf(different)).toMatchObject({ code: "sheet_already_entered" });
    expect(await storedCounts()).toEqual(stored);
  });

  it("never undoes an officer's redaction when a sheet is corrected: a change to redacted words is refused", async ({ expect }) => {
    const [reference] = await printBatch(1);
    await typeIn(sheet(reference!, "2030-11-21", "My name is Jo Bloggs and I sleep by the station."));
    const { comments } = (await (await asOfficer(env, `/api/admin/paper/sheets/${reference}`)).json()) as { comments: { id: number }[] };
    const redacted = "My name is [name removed] and I sleep by the station.";
    expect((await asOfficer(env, `/api/admin/comments/${comments[0]!.id}/redact`, { method: "POST", json: { text: redacted } })).status).toBe(200);

    const undoing = await asOfficer(env, `/api/admin/paper/sheets/${reference}`, {
      method: "PUT",
      json: sheet(reference!, "2030-11-20", "My name is Jo Bloggs and I sleep by the station, most nights."),
    });
    expect(undoing.status).toBe(409);
    expect(await errorOf(undoing)).toMatchObject({ code: "sheet_comment_redacted" });
    const stored = await env.DB.prepare("SELECT text FROM comments WHERE id = ?").bind(comments[0]!.id).first<{ text: string }>();
    expect(stored?.text).toBe(redacted);
    // Keeping the redacted words as they are, the rest of the sheet can still be corrected.
    const keeping = await asOfficer(env, `/api/admin/paper/sheets/${reference}`, { method: "PUT", json: sheet(reference!, "2030-11-20", redacted) });
    expect(keeping.status).toBe(200);
  });

  it("shows what was entered for a sheet and corrects it in place, keeping which paragraphs it had before and after in the audit log, never the words", async ({ expect }) => {
    const [reference] = await printBatch(1);
    await typeIn(sheet(reference!));
    const shown = await asOfficer(env, `/api/admin/paper/sheets/${reference!.toLowerCase()}`);
    expect(await shown.json()).toMatchObject({ reference, receivedOn: "2030-11-21", comments: [{ number: "3.2", text: "Open the day centre on Sundays." }, { paragraph: "general" }] });
    const stored = await storedCounts();
    const corrected = await asOfficer(env, `/api/admin/paper/sheets/${reference}`, {
      method: "PUT",
      json: { ...sheet(reference!, "2030-11-20"), comments: [{ paragraph: "3.3", text: "Open the day centre on Sundays too." }] },
    });
    expect(corrected.status).toBe(200);
    expect(await corrected.json()).toMatchObject({ receivedOn: "2030-11-20", comments: [{ paragraph: "winter-beds", text: "Open the day centre on Sundays too." }] });
    expect(await storedCounts()).toEqual({ responses: stored.responses, comments: stored.comments - 1 });
    const audit = await env.DB.prepare("SELECT detail FROM audit_log WHERE action = 'paper.correct' AND target = ?").bind(`response:${reference}`).first<{ detail: string }>();
    expect(JSON.parse(audit!.detail)).toMatchObject({
      before: { receivedOn: "2030-11-21", paragraphs: ["streets-2", "general"] },
      after: { receivedOn: "2030-11-20", paragraphs: ["winter-beds"] },
      changedComments: 1,
    });
    expect(audit!.detail).not.toContain("Sundays");
    expect((await asOfficer(env, "/api/admin/paper/sheets/K7M4Q-2XD9P")).status).toBe(404);
  });

  it("lets a support worker type a sheet in with a kiosk key and their own staff code, and nobody without both", async ({ expect }) => {
    const [reference] = await printBatch(1);
    const kiosk = await kioskWithStaff("Hostel");
    const post = (headers: Record<string, string>) =>
      callApi("/api/paper/sheets", { method: "POST", headers: { "Content-Type": "application/json", ...headers }, body: JSON.stringify(sheet(reference!)) });
    expect((await post({})).status).toBe(401);
    expect((await post({ "Kiosk-Key": "wrong" })).status).toBe(401);
    expect((await post({ "Kiosk-Key": kiosk.key })).status).toBe(401);
    expect((await post(kiosk.headers)).status).toBe(201);
    const row = await env.DB.prepare("SELECT channel, kiosk_id FROM responses WHERE reference = ?").bind(reference!.replace("-", "")).first();
    expect(row).toEqual({ channel: "paper", kiosk_id: kiosk.id });
  });

  it("answers a sheet over the response size limit with 413 before reading it, from officers and kiosks alike", async ({ expect }) => {
    const [reference] = await printBatch(1);
    const kiosk = await kioskWithStaff("Library");
    const hugeSheet = sheet(reference!, "2030-11-21", "a".repeat(REQUEST_BYTES));
    const huge = JSON.stringify(hugeSheet);
    const before = await storedCounts();
    const answers = [
      await asOfficer(env, "/api/admin/paper/sheets", { method: "POST", json: hugeSheet }),
      await callApi("/api/paper/sheets", { method: "POST", headers: { "Content-Type": "application/json", ...kiosk.headers }, body: huge }),
      await callApi(`/api/paper/sheets/${reference}`, { method: "PUT", headers: { "Content-Type": "application/json", ...kiosk.headers }, body: huge }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBe(413);
      expect((await errorOf(answer)).code).toBe("too_large");
    }
    expect(await storedCounts()).toEqual(before);
  });

  it("corrects a sheet down to fewer comments even when a feedback entry answered one taken off, which then stops answering it", async ({ expect }) => {
    const [reference] = await printBatch(1);
    expect((await typeIn(sheet(reference!))).status).toBe(201);
    const shown = (await (await asOfficer(env, `/api/admin/paper/sheets/${reference}`)).json()) as { comments: { id: number }[] };
    const dropped = shown.comments[1]!.id;
    const feedback = await asOfficer(env, "/api/admin/feedback", {
      method: "POST",
      json: { title: "Thanks", youSaid: "People thanked us.", weDid: "We noted it.", outcome: "not_changed", paragraphs: ["general"], comments: [dropped], status: "draft" },
    });
    expect(feedback.status).toBe(201);
    const { id } = (await feedback.json()) as { id: number };
    const corrected = await asOfficer(env, `/api/admin/paper/sheets/${reference}`, {
      method: "PUT",
      json: { ...sheet(reference!), comments: [{ paragraph: "3.2", text: "Open the day centre on Sundays." }] },
    });
    expect(corrected.status).toBe(200);
    expect(((await corrected.json()) as { comments: unknown[] }).comments).toHaveLength(1);
    const entry = (await (await asOfficer(env, `/api/admin/feedback/${id}`)).json()) as { commentCount: number };
    expect(entry.commentCount).toBe(0);
  });

  it("refuses a correction that would leave a published feedback entry answering no comment, changing nothing", async ({ expect }) => {
    const [reference] = await printBatch(1);
    expect((await typeIn(sheet(reference!))).status).toBe(201);
    const shown = (await (await asOfficer(env, `/api/admin/paper/sheets/${reference}`)).json()) as { comments: { id: number }[] };
    const feedback = await asOfficer(env, "/api/admin/feedback", {
      method: "POST",
      json: { title: "Thanks", youSaid: "People thanked us.", weDid: "We noted it.", outcome: "not_changed", paragraphs: ["general"], comments: [shown.comments[1]!.id], status: "published" },
    });
    expect(feedback.status).toBe(201);
    const before = await storedCounts();
    const corrected = await asOfficer(env, `/api/admin/paper/sheets/${reference}`, {
      method: "PUT",
      json: { ...sheet(reference!), comments: [{ paragraph: "3.2", text: "Open the day centre on Sundays." }] },
    });
    expect(corrected.status).toBe(409);
    expect((await errorOf(corrected)).code).toBe("feedback_last_comment");
    expect(await storedCounts()).toEqual(before);
  });

  it("says in the officers' list and the CSV export that a sheet came on paper, when it was received, and at which kiosk it was typed in", async ({ expect }) => {
    const [reference] = await printBatch(1);
    const kiosk = await kioskWithStaff("Night shelter");
    const typed = await callApi("/api/paper/sheets", {
      method: "POST",
      headers: { "Content-Type": "application/json", ...kiosk.headers },
      body: JSON.stringify(sheet(reference!, "2030-11-20")),
    });
    expect(typed.status).toBe(201);
    const listed = (await (await asOfficer(env, `/api/admin/comments?reference=${reference}`)).json()) as { comments: Record<string, unknown>[] };
    expect(listed.comments.map(({ channel, kioskName, assisted, paperReceivedOn }) => ({ channel, kioskName, assisted, paperReceivedOn }))).toEqual(
      Array(2).fill({ channel: "paper", kioskName: "Night shelter", assisted: null, paperReceivedOn: "2030-11-20" }),
    );
    const csv = await (await asOfficer(env, "/api/admin/export?format=csv")).text();
    const rows = (parse(csv, { bom: true, columns: true }) as Record<string, string>[]).filter((r) => r.reference === reference);
    expect(rows.map(({ channel, kioskName, assisted, assistedBy, paperReceivedOn }) => ({ channel, kioskName, assisted, assistedBy, paperReceivedOn }))).toEqual(
      Array(2).fill({ channel: "paper", kioskName: "Night shelter", assisted: "no", assistedBy: "", paperReceivedOn: "2030-11-20" }),
    );
  });
});
