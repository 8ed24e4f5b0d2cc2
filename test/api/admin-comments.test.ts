import { env } from "cloudflare:test";
import { beforeAll, describe, it } from "vitest";
import { lock } from "../../functions/consultation/index.ts";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import { formatReference } from "../../functions/responses/reference.ts";
import { placesHolding } from "./whole-schema.ts";

interface ListBody {
  comments: { id: number; reference: string; text: string; status: string; paragraph: { id: string; number: string; text: string; revision: number } }[];
  nextCursor: string | null;
}

const list = async (query = "") => (await (await asOfficer(env, `/api/admin/comments${query}`)).json()) as ListBody;
const texts = async (query: string) => (await list(query)).comments.map((c) => c.text).sort();

let housingRef: string;

beforeAll(async () => {
  ({ reference: housingRef } = await addResponse(env.DB, {
    channel: "paper",
    receivedAt: "2026-10-31T23:30:00.000Z", // 31 October in London (GMT)
    publishConsent: true,
    respondentType: "organisation",
    organisation: "Testshire Day Centre",
    comments: [{ paragraph: "streets-2", text: "Outreach at night would help people in tents." }],
  }));
  await addResponse(env.DB, {
    channel: "kiosk",
    receivedAt: "2026-10-31T23:30:00.000Z",
    comments: [{ paragraph: "early-help-service", text: "The café near the station is où people wait for housing advice." }],
  });
  await addResponse(env.DB, {
    receivedAt: "2026-11-01T00:30:00.000Z", // 1 November in London
    comments: [
      { paragraph: "general", text: "A good plan overall." },
      { paragraph: "advice-1", text: "Hidden abusive words", status: "hidden" },
    ],
  });
});

describe("the comment list", () => {
  it("shows every comment, newest first, with the paragraph as its author saw it", async ({ expect }) => {
    const body = await list();
    expect(body.comments).toHaveLength(4);
    expect(body.comments.map((c) => c.id)).toEqual([...body.comments.map((c) => c.id)].sort((a, b) => b - a));
    const outreach = body.comments.find((c) => c.reference === formatReference(housingRef))!;
    expect(outreach.paragraph).toEqual({
      id: "streets-2",
      number: "3.2",
      sectionTitle: expect.any(String),
      revision: 1,
      text: lock.paragraphs["streets-2"]!.revisions[0]!.text,
    });
    expect(outreach).toMatchObject({ channel: "paper", publishConsent: true, organisation: "Testshire Day Centre", themes: [] });
  });

  it("filters by section, paragraph, channel, status, consent and reference", async ({ expect }) => {
    expect(await texts("?section=streets")).toEqual(["Outreach at night would help people in tents."]);
    expect(await texts("?paragraph=general")).toEqual(["A good plan overall."]);
    expect(await texts("?channel=kiosk")).toHaveLength(1);
    expect(await texts("?status=hidden")).toEqual(["Hidden abusive words"]);
    expect(await texts("?consent=yes")).toHaveLength(1);
    expect(await texts(`?reference=${housingRef.slice(0, 5)}-${housingRef.slice(5).toLowerCase()}`)).toHaveLength(1);
  });

  it("filters by London dates, not UTC ones", async ({ expect }) => {
    expect(await texts("?from=2026-11-01")).toEqual(["A good plan overall.", "Hidden abusive words"]);
    expect(await texts("?to=2026-10-31")).toHaveLength(2);
  });

  it("finds words anywhere in the text, by their beginning, ignoring accents and case", async ({ expect }) => {
    expect(await texts("?q=outreach")).toEqual(["Outreach at night would help people in tents."]);
    expect(await texts("?q=TENT")).toEqual(["Outreach at night would help people in tents."]);
    expect(await texts("?q=cafe")).toHaveLength(1);
    expect(await texts("?q=housing advice")).toHaveLength(1);
    expect(await texts("?q=housing nothing")).toEqual([]);
  });

  it("treats search operators and quotes as plain words, never as an error", async ({ expect }) => {
    for (const q of ['"', "NEAR(", "outreach OR", "*", "a:b", "'); DROP TABLE comments; --"]) {
      const response = await asOfficer(env, `/api/admin/comments?q=${encodeURIComponent(q)}`);
      expect(response.status).toBe(200);
    }
  });

  it("pages by cursor, visiting each comment once", async ({ expect }) => {
    const seen: number[] = [];
    let cursor = "";
    for (let page = 0; page < 10; page++) {
      const body = await list(`?limit=1${cursor ? `&cursor=${cursor}` : ""}`);
      seen.push(...body.comments.map((c) => c.id));
      if (!body.nextCursor) break;
      cursor = body.nextCursor;
    }
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(4);
    expect((await list("?limit=-5")).comments).toHaveLength(1);
  });

  it("says which filter is wrong", async ({ expect }) => {
    const response = await asOfficer(env, "/api/admin/comments?section=nowhere&channel=fax&from=31/10/2026");
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
    expect(body.error.code).toBe("invalid");
    expect(Object.keys(body.error.fields).sort()).toEqual(["channel", "from", "section"]);
  });

  it("reads the last day there can be as no upper bound, not as a day before every comment", async ({ expect }) => {
    expect(await texts("?to=9999-12-31")).toHaveLength(4);
    expect(await texts("?from=0001-01-01&to=9999-12-31")).toHaveLength(4);
  });

  it("refuses a date that does not exist instead of reading it as another day", async ({ expect }) => {
    const response = await asOfficer(env, "/api/admin/comments?from=2026-02-30&to=2026-13-01");
    expect(response.status).toBe(422);
    const body = (await response.json()) as { error: { fields: Record<string, string> } };
    expect(Object.keys(body.error.fields).sort()).toEqual(["from", "to"]);
  });

  it("refuses a date range that ends before it starts, saying so, rather than quietly finding nothing", async ({ expect }) => {
    for (const path of ["/api/admin/comments", "/api/admin/export"]) {
      const response = await asOfficer(env, `${path}?from=2030-11-20&to=2030-11-01`);
      expect(response.status).toBe(422);
      const body = (await response.json()) as { error: { code: string; fields: Record<string, string> } };
      expect(body.error.code).toBe("invalid");
      expect(body.error.fields).toEqual({ to: "Enter a date the same as or after “Received from”." });
    }
    // One day, from and to the same, is a range like any other.
    expect((await asOfficer(env, "/api/admin/comments?from=2030-11-20&to=2030-11-20")).status).toBe(200);
  });
});

describe("moderation", () => {
  it("hides a comment with a reason, shows it again, and logs both", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "Call me on 07700 900123" }] });
    const id = commentIds[0]!;
    const hidden = await asOfficer(env, `/api/admin/comments/${id}/hide`, { method: "POST", json: { reason: "Personal phone number" } });
    expect(hidden.status).toBe(200);
    expect(await hidden.json()).toMatchObject({ id, status: "hidden", moderationNote: "Personal phone number" });
    expect(await env.DB.prepare("SELECT status FROM comments WHERE id = ?").bind(id).first("status")).toBe("hidden");

    const shown = await asOfficer(env, `/api/admin/comments/${id}/unhide`, { method: "POST" });
    expect(await shown.json()).toMatchObject({ status: "received", moderationNote: null });

    const audit = (await (await asOfficer(env, `/api/admin/audit?target=comment:${id}`)).json()) as { entries: { action: string; officer: string; at: string; detail: Record<string, unknown> }[] };
    expect(audit.entries.map((e) => e.action)).toEqual(["comment.unhide", "comment.hide"]);
    expect(audit.entries[1]).toMatchObject({ officer: expect.stringContaining("ADMIN_TOKEN"), detail: { reason: "Personal phone number" } });
    expect(Date.parse(audit.entries[0]!.at)).toBeGreaterThan(Date.now() - 60_000);
  });

  it("needs a reason to hide, and a comment that exists", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "Fine" }] });
    const noReason = await asOfficer(env, `/api/admin/comments/${commentIds[0]}/hide`, { method: "POST", json: { reason: "  " } });
    expect(noReason.status).toBe(422);
    expect(await noReason.json()).toMatchObject({ error: { fields: { reason: expect.any(String) } } });
    expect((await asOfficer(env, "/api/admin/comments/999999/hide", { method: "POST", json: { reason: "x" } })).status).toBe(404);
    expect((await asOfficer(env, "/api/admin/comments/abc/hide", { method: "POST", json: { reason: "x" } })).status).toBe(404);
  });

  it("answers broken JSON with 400 and another media type with 415", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "Fine" }] });
    const path = `/api/admin/comments/${commentIds[0]}/hide`;
    const headers = { Authorization: "Bearer test-officer-token" };
    const { default: app } = await import("../../functions/api/index.ts");
    const vars = { ...env, ADMIN_TOKEN: "test-officer-token" };
    const broken = await app.request(path, { method: "POST", headers: { ...headers, "Content-Type": "application/json" }, body: "{" }, vars);
    expect(broken.status).toBe(400);
    // The same code the public API gives for broken JSON.
    expect(((await broken.json()) as { error: { code: string } }).error.code).toBe("malformed_json");
    const form = await app.request(path, { method: "POST", headers: { ...headers, "Content-Type": "application/x-www-form-urlencoded" }, body: "reason=x" }, vars);
    expect(form.status).toBe(415);
  });

  it("redacts: the redacted text replaces the original everywhere, and the words taken out are in no table, the audit log included", async ({ expect }) => {
    const original = "My name is Jane Smitherson and I sleep behind Testshire library.";
    const redacted = "My name is [name removed] and I sleep behind Testshire library.";
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: original }] });
    const id = commentIds[0]!;
    const response = await asOfficer(env, `/api/admin/comments/${id}/redact`, { method: "POST", json: { text: redacted, reason: "A full name" } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ text: redacted, redactedAt: expect.any(String) });

    expect(await env.DB.prepare("SELECT text FROM comments WHERE id = ?").bind(id).first("text")).toBe(redacted);
    expect(await texts("?q=Smitherson")).toEqual([]);
    expect(await texts("?q=library")).toContain(redacted);
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM comments WHERE text LIKE '%Smitherson%'").first("n");
    expect(stored).toBe(0);

    const audit = (await (await asOfficer(env, `/api/admin/audit?target=comment:${id}`)).json()) as { entries: { action: string; officer: string; at: string; detail: Record<string, unknown> }[] };
    expect(audit.entries[0]).toMatchObject({ action: "comment.redact", officer: expect.any(String), at: expect.any(String), detail: { reason: "A full name" } });
    expect(await placesHolding(env.DB, ["Smitherson"])).toEqual([]);
  });

  it("refuses a redaction whose reason is too long, changing nothing", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "Call Xqlongreason" }] });
    const response = await asOfficer(env, `/api/admin/comments/${commentIds[0]}/redact`, { method: "POST", json: { text: "Call [name]", reason: "x".repeat(501) } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ error: { fields: { reason: expect.any(String) } } });
    expect(await env.DB.prepare("SELECT text FROM comments WHERE id = ?").bind(commentIds[0]).first("text")).toBe("Call Xqlongreason");
  });

  it("refuses a redaction that changes nothing", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "Same" }] });
    const response = await asOfficer(env, `/api/admin/comments/${commentIds[0]}/redact`, { method: "POST", json: { text: "Same" } });
    expect(response.status).toBe(422);
  });
});
