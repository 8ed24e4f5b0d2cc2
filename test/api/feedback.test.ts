import { env } from "cloudflare:test";
import { parse } from "csv-parse/sync";
import { describe, it } from "vitest";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import { callApi, type ErrorBody } from "./requests.ts";
import { formatReference, newReference } from "../../functions/responses/reference.ts";

interface Entry {
  id: number;
  title: string;
  status: string;
  outcome: string;
  paragraphs: string[];
  publishedAt: string | null;
  commentCount: number;
  commentedParagraphs: { paragraph: string; number: string; comments: number }[];
  quotes: { comment: number; text: string; shown: boolean }[];
  url: string;
}

interface PublicLog {
  counts: Record<string, number>;
  total: number;
  sections: { section: string; number: number | null; title: string | null; entries: (Omit<Entry, "quotes"> & { quotes: { text: string }[] })[] }[];
}

const entry = (overrides: Record<string, unknown> = {}) => ({
  title: "Night-time outreach",
  youSaid: "People asked for outreach workers at night as well as by day.",
  weDid: "The outreach team now works two nights a week.",
  outcome: "changed",
  paragraphs: ["streets-2"],
  references: [],
  status: "draft",
  ...overrides,
});

const create = (json: unknown) => asOfficer(env, "/api/admin/feedback", { method: "POST", json });
const created = async (json: unknown) => {
  const response = await create(json);
  if (response.status !== 201) throw new Error(`expected 201, got ${response.status}: ${await response.text()}`);
  return (await response.json()) as Entry;
};
const patch = async (id: number, json: unknown) => asOfficer(env, `/api/admin/feedback/${id}`, { method: "PATCH", json });
const publish = async (id: number) => asOfficer(env, `/api/admin/feedback/${id}/publish`, { method: "POST" });
const publicLog = async (query = "") => (await (await callApi(`/api/feedback${query}`)).json()) as PublicLog;
const publicTitles = async (query = "") => (await publicLog(query)).sections.flatMap((section) => section.entries.map((e) => e.title));
const count = async (table: string) => (await env.DB.prepare(`SELECT count(*) AS n FROM ${table}`).first<{ n: number }>())!.n;

/** One response with a comment on each paragraph given, as the public form would have stored it. */
async function commentsOn(paragraphs: string[], options: { publishConsent?: boolean; text?: string } = {}) {
  const { reference, commentIds } = await addResponse(env.DB, {
    reference: newReference(),
    publishConsent: options.publishConsent,
    organisation: "Private Day Centre Ltd",
    respondentType: "organisation",
    comments: paragraphs.map((paragraph, index) => ({ paragraph, text: options.text ?? `Comment ${index} on ${paragraph}` })),
  });
  return { reference: formatReference(reference), commentIds };
}

describe("POST /api/admin/feedback", () => {
  it("creates a draft entry answering the comments of each reference on its paragraphs, counted by the system", async ({ expect }) => {
    const first = await commentsOn(["streets-2", "general"]);
    const second = await commentsOn(["streets-2", "winter-beds"]);
    const response = await create(entry({ paragraphs: ["streets-2", "winter-beds"], references: [first.reference, second.reference.toLowerCase()] }));
    expect(response.status).toBe(201);
    const body = (await response.json()) as Entry;
    expect(body).toMatchObject({
      id: expect.any(Number),
      title: "Night-time outreach",
      status: "draft",
      publishedAt: null,
      paragraphs: ["streets-2", "winter-beds"],
      commentCount: 3,
      commentedParagraphs: [
        { paragraph: "streets-2", number: "3.2", comments: 2 },
        { paragraph: "winter-beds", number: "3.3", comments: 1 },
      ],
      url: `/you-said-we-did#feedback-${body.id}`,
    });
    const again = (await (await asOfficer(env, `/api/admin/feedback/${body.id}`)).json()) as Entry;
    expect(again).toEqual(body);
  });

  it("refuses anyone who is not signed in as an officer", async ({ expect }) => {
    const response = await callApi("/api/admin/feedback", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(entry()) });
    expect(response.status).toBe(401);
  });

  const invalid: [string, () => Promise<unknown>, string][] = [
    ["no title", async () => entry({ title: "  " }), "title"],
    ["a title that is too long", async () => entry({ title: "x".repeat(121) }), "title"],
    ["no 'we did'", async () => ({ ...entry(), weDid: undefined }), "weDid"],
    ["an outcome not in the vocabulary", async () => entry({ outcome: "done" }), "outcome"],
    ["a paragraph not in the strategy", async () => entry({ paragraphs: ["streets-99"] }), "paragraphs.0"],
    ["a malformed reference", async () => entry({ references: ["not-a-reference"] }), "references.0"],
    ["a reference nobody was given", async () => entry({ references: ["AAAAA-AAAAA"] }), "references.0"],
    ["a reference with no comment on the entry's paragraphs", async () => entry({ references: [(await commentsOn(["care-1"])).reference] }), "references.0"],
    ["a comment number that does not exist", async () => entry({ comments: [999_999] }), "comments.0"],
    ["publishing an entry that answers no comment", async () => entry({ status: "published" }), "status"],
    ["a status not in the vocabulary", async () => entry({ status: "live" }), "status"],
    ["a field the API does not know", async () => ({ ...entry(), author: "me" }), "author"],
    ["filters that match nothing", async () => entry({ filters: { q: "zzzqqqxxx" } }), "filters"],
    ["four quotes", async () => entry({ quotes: [1, 2, 3, 4].map((comment) => ({ comment })) }), "quotes"],
  ];
  for (const [name, body, field] of invalid) {
    it(`refuses ${name} with 422 naming "${field}", and stores nothing`, async ({ expect }) => {
      const json = await body();
      const before = { entries: await count("feedback_entries"), audit: await count("audit_log"), answered: await count("feedback_comments") };
      const response = await create(json);
      expect(response.status).toBe(422);
      const { error } = (await response.json()) as ErrorBody;
      expect(error.code).toBe("invalid");
      expect(Object.keys(error.fields!)).toContain(field);
      expect(error.fields![field]).not.toMatch(/^admin\./);
      expect({ entries: await count("feedback_entries"), audit: await count("audit_log"), answered: await count("feedback_comments") }).toEqual(before);
    });
  }

  it("refuses a body that is not JSON with 415", async ({ expect }) => {
    const response = await asOfficer(env, "/api/admin/feedback", { method: "POST" });
    expect(response.status).toBe(415);
  });
});

describe("choosing the comments an entry answers", () => {
  it("adds comments by theme, paragraph, search and number, leaves hidden ones out of filters, and takes one off", async ({ expect }) => {
    const theme = (await (await asOfficer(env, "/api/admin/themes", { method: "POST", json: { name: "Repairs" } })).json()) as { id: number };
    const { commentIds } = await addResponse(env.DB, {
      comments: [
        { paragraph: "homes-3", text: "Landlords must fix damp quickly." },
        { paragraph: "homes-3", text: "Hidden rant about landlords", status: "hidden" },
        { paragraph: "homes-2", text: "Help with arrears would keep tenants housed." },
        { paragraph: "homes-1", text: "Build bungalows for older people." },
      ],
    });
    const [damp, hidden, arrears, bungalows] = commentIds as [number, number, number, number];
    await asOfficer(env, `/api/admin/comments/${arrears}/themes/${theme.id}`, { method: "PUT" });
    const { id } = await created(entry({ title: "Homes", paragraphs: ["homes-1", "homes-2", "homes-3"] }));
    const answer = (json: unknown) => asOfficer(env, `/api/admin/feedback/${id}/comments`, { method: "POST", json });
    const answered = async () =>
      ((await (await asOfficer(env, `/api/admin/comments?feedback=${id}`)).json()) as { comments: { id: number }[] }).comments.map((c) => c.id).sort();

    expect((await answer({ filters: { paragraph: "homes-3" } })).status).toBe(200);
    expect(await answered()).toEqual([damp]);
    await answer({ filters: { theme: theme.id } });
    await answer({ filters: { q: "bungalows" } });
    expect(await answered()).toEqual([damp, arrears, bungalows].sort());
    await answer({ comments: [hidden] });
    const withHidden = (await (await asOfficer(env, `/api/admin/feedback/${id}`)).json()) as Entry;
    expect(withHidden.commentCount).toBe(4);

    expect((await answer({})).status).toBe(422);
    const removed = await asOfficer(env, `/api/admin/feedback/${id}/comments/${hidden}`, { method: "DELETE" });
    expect(((await removed.json()) as Entry).commentCount).toBe(3);
    expect(await answered()).not.toContain(hidden);
  });

  it("keeps at least one comment on a published entry: the last is taken off only once it is a draft again", async ({ expect }) => {
    const { commentIds } = await commentsOn(["streets-2"]);
    const { id } = await created(entry({ comments: commentIds }));
    expect((await publish(id)).status).toBe(200);
    const removeLast = () => asOfficer(env, `/api/admin/feedback/${id}/comments/${commentIds[0]}`, { method: "DELETE" });
    const refused = await removeLast();
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: { message: string } }).error.message).toBe(
      "A published entry must answer at least one comment. Take it back to draft before removing its last comment.",
    );
    expect((await publicLog()).sections.flatMap((section) => section.entries).find((e) => e.id === id)?.commentCount).toBe(1);
    expect((await asOfficer(env, `/api/admin/feedback/${id}/unpublish`, { method: "POST" })).status).toBe(200);
    const removed = await removeLast();
    expect(removed.status).toBe(200);
    expect(((await removed.json()) as Entry).commentCount).toBe(0);
  });

  it("lists the comments no published entry answers yet", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ paragraph: "about-1", text: "Answered soon" }, { paragraph: "about-1", text: "Still waiting" }] });
    const unanswered = async () =>
      ((await (await asOfficer(env, "/api/admin/comments?paragraph=about-1&answered=no")).json()) as { comments: { id: number }[] }).comments.map((c) => c.id);
    expect(await unanswered()).toEqual(expect.arrayContaining(commentIds));
    const draft = await created(entry({ paragraphs: ["about-1"], comments: [commentIds[0]] }));
    expect(await unanswered()).toContain(commentIds[0]);
    await publish(draft.id);
    expect(await unanswered()).not.toContain(commentIds[0]);
    expect(await unanswered()).toContain(commentIds[1]);
  });
});

describe("quotes", () => {
  it("are taken only from comments whose authors agreed, never from hidden ones, and only in words the comment holds", async ({ expect }) => {
    const consented = await commentsOn(["advice-1"], { publishConsent: true, text: "Advice came far too late for me. Call me on 07700 900123." });
    const unconsented = await commentsOn(["advice-1"], { publishConsent: false, text: "Please do not quote me." });
    const hidden = await commentsOn(["advice-1"], { publishConsent: true, text: "Hidden but consented." });
    await asOfficer(env, `/api/admin/comments/${hidden.commentIds[0]}/hide`, { method: "POST", json: { reason: "Abuse" } });
    const [consentedId, unconsentedId, hiddenId] = [consented.commentIds[0]!, unconsented.commentIds[0]!, hidden.commentIds[0]!];
    const base = entry({ paragraphs: ["advice-1"], comments: [consentedId, unconsentedId, hiddenId], status: "published" });

    const refusals: [unknown, string][] = [
      [{ comment: unconsentedId }, "did not agree to be quoted"],
      [{ comment: hiddenId }, "hidden"],
      [{ comment: consentedId, text: "Advice came quickly." }, "exactly as they stand"],
      [{ comment: (await commentsOn(["advice-1"], { publishConsent: true })).commentIds[0] }, "only comments this entry answers"],
      [{ comment: consentedId, text: "x".repeat(301) }, "300 characters or fewer"],
    ];
    for (const [quote, message] of refusals) {
      const response = await create({ ...base, quotes: [quote] });
      expect(response.status, JSON.stringify(quote)).toBe(422);
      const { error } = (await response.json()) as ErrorBody;
      const [field, text] = Object.entries(error.fields!)[0]!;
      expect(field).toMatch(/^quotes\.0/);
      expect(text).toContain(message);
    }

    const quoted = await created({ ...base, title: "Advice too late", quotes: [{ comment: consentedId, text: "Advice came far too late for me." }] });
    const shown = async () => (await publicLog("?section=advice")).sections[0]!.entries.find((e) => e.id === quoted.id)!.quotes;
    expect(await shown()).toEqual([{ text: "Advice came far too late for me.", paragraph: "advice-1", number: "2.1" }]);

    // Hidden after it was quoted: the public no longer sees the quote; officers see it marked as not shown.
    await asOfficer(env, `/api/admin/comments/${consentedId}/hide`, { method: "POST", json: { reason: "Second thoughts" } });
    expect(await shown()).toEqual([]);
    expect(((await (await asOfficer(env, `/api/admin/feedback/${quoted.id}`)).json()) as Entry).quotes).toEqual([
      expect.objectContaining({ comment: consentedId, shown: false }),
    ]);
    await asOfficer(env, `/api/admin/comments/${consentedId}/unhide`, { method: "POST" });
    expect(await shown()).toHaveLength(1);

    // Redacting the quoted words takes the quote away for good; quoting again uses the redacted text.
    await asOfficer(env, `/api/admin/comments/${consentedId}/redact`, { method: "POST", json: { text: "Advice came far too late. Call me on [phone removed]." } });
    expect(await shown()).toEqual([]);
    expect((await env.DB.prepare("SELECT count(*) AS n FROM feedback_quotes WHERE feedback_id = ?").bind(quoted.id).first<{ n: number }>())!.n).toBe(0);
    const requoted = await patch(quoted.id, { quotes: [{ comment: consentedId }] });
    expect(requoted.status).toBe(200);
    expect(await shown()).toEqual([expect.objectContaining({ text: "Advice came far too late. Call me on [phone removed]." })]);
    expect(JSON.stringify(await publicLog())).not.toContain("07700 900123");
  });
});

describe("publishing", () => {
  it("never shows a draft entry publicly: not in the log, the open data or tracking", async ({ expect }) => {
    const { reference, commentIds } = await commentsOn(["care-2"]);
    const draft = await created(entry({ title: "Secret draft about care", paragraphs: ["care-2"], comments: commentIds }));
    const everywhere = async () => [
      JSON.stringify(await publicLog()),
      JSON.stringify(await publicLog("?section=care")),
      await (await callApi("/api/feedback/download?format=csv")).text(),
      await (await callApi("/api/feedback/download?format=json")).text(),
      await (await callApi(`/api/responses/${reference}`)).text(),
    ];
    for (const answer of await everywhere()) expect(answer).not.toContain("Secret draft about care");

    expect((await publish(draft.id)).status).toBe(200);
    for (const answer of await everywhere()) expect(answer).toContain("Secret draft about care");

    const withdrawn = await asOfficer(env, `/api/admin/feedback/${draft.id}/unpublish`, { method: "POST" });
    expect(((await withdrawn.json()) as Entry).publishedAt).toBeNull();
    for (const answer of await everywhere()) expect(answer).not.toContain("Secret draft about care");
  });

  it("records who created, changed, published and withdrew an entry in the audit log", async ({ expect }) => {
    const { commentIds } = await commentsOn(["care-3"]);
    const { id } = await created(entry({ paragraphs: ["care-3"], comments: commentIds }));
    await patch(id, { outcome: "partly", weDid: "Some of it." });
    await publish(id);
    await asOfficer(env, `/api/admin/feedback/${id}/unpublish`, { method: "POST" });
    await patch(id, {}); // no change, so nothing to log
    const { entries } = (await (await asOfficer(env, `/api/admin/audit?target=feedback:${id}`)).json()) as { entries: { action: string; detail: Record<string, unknown> }[] };
    expect(entries.map((e) => e.action)).toEqual(["feedback.unpublish", "feedback.publish", "feedback.update", "feedback.create"]);
    expect(entries[2]!.detail).toMatchObject({ outcome: { from: "changed", to: "partly" } });
  });

  it("answers 404 for an entry that does not exist", async ({ expect }) => {
    expect((await publish(999_999)).status).toBe(404);
    expect((await patch(999_999, { title: "x" })).status).toBe(404);
    expect((await asOfficer(env, "/api/admin/feedback/abc")).status).toBe(404);
  });
});

describe("GET /api/feedback", () => {
  it("groups published entries by section, counts them by outcome, and filters by section and outcome", async ({ expect }) => {
    const homes = await commentsOn(["homes-1", "homes-2"]);
    const outcomes = ["changed", "changed", "partly", "not_changed", "under_review"];
    const ids: number[] = [];
    for (const [index, outcome] of outcomes.entries()) {
      const { id } = await created(entry({ title: `Homes ${index}`, outcome, paragraphs: ["homes-1"], comments: [homes.commentIds[0]], status: "published" }));
      ids.push(id);
    }
    const both = await created(entry({ title: "Homes and care", outcome: "changed", paragraphs: ["homes-2", "care-1"], comments: [homes.commentIds[1]], status: "published" }));

    const log = await publicLog("?section=homes");
    expect(log.counts).toEqual({ changed: 3, partly: 1, not_changed: 1, under_review: 1 });
    expect(log.sections.map((s) => s.section)).toEqual(["homes"]);
    expect(log.sections[0]).toMatchObject({ number: 4, title: "Homes that last" });
    expect(log.total).toBe(6);

    const changed = await publicLog("?section=homes&outcome=changed");
    expect(changed.counts).toEqual(log.counts);
    expect(changed.sections[0]!.entries.map((e) => e.id)).toEqual([ids[0], ids[1], both.id]);

    // An entry about two sections is listed under both, and counted once.
    const all = await publicLog();
    expect(all.sections.find((s) => s.section === "care")!.entries.map((e) => e.id)).toContain(both.id);
    expect(all.total).toBe(new Set(all.sections.flatMap((s) => s.entries.map((e) => e.id))).size);
    expect(Object.values(all.counts).reduce((a, b) => a + b)).toBe(all.total);
  });

  it("may be cached for a minute, and refuses an unknown filter with 422", async ({ expect }) => {
    const response = await callApi("/api/feedback");
    expect(response.headers.get("Cache-Control")).toBe("public, max-age=60, stale-while-revalidate=60");
    const refused = await callApi("/api/feedback?outcome=done&section=nowhere");
    expect(refused.status).toBe(422);
    expect(Object.keys(((await refused.json()) as ErrorBody).error.fields!).sort()).toEqual(["outcome", "section"]);
  });
});

describe("the open data", () => {
  it("has the documented columns, parses back with an independent CSV parser, and holds no personal data", async ({ expect }) => {
    const { reference, commentIds } = await commentsOn(["about-2"], { publishConsent: true, text: "Short is good, keep it short." });
    const { id } = await created(
      entry({ title: "Keep it short, \"please\"", youSaid: "=SUM(A1) said one, and\nanother line", outcome: "not_changed", paragraphs: ["about-2", "general"], comments: commentIds, quotes: [{ comment: commentIds[0] }], status: "published" }),
    );
    const csvResponse = await callApi("/api/feedback/download?format=csv");
    expect(csvResponse.headers.get("Content-Type")).toBe("text/csv; charset=utf-8; header=present");
    expect(csvResponse.headers.get("Content-Disposition")).toBe('attachment; filename="fixture-plan-you-said-we-did.csv"');
    const csv = await csvResponse.text();
    const rows = parse(csv, { columns: true, bom: true }) as Record<string, string>[];
    expect(Object.keys(rows[0]!)).toEqual([
      "id", "title", "outcome", "youSaid", "weDid", "publishedAt", "paragraphIds", "paragraphNumbers", "sections", "commentCount", "commentedParagraphs", "quotes", "url",
    ]);
    const row = rows.find((r) => r.id === String(id))!;
    expect(row).toMatchObject({
      title: 'Keep it short, "please"',
      youSaid: "'=SUM(A1) said one, and\nanother line",
      outcome: "not_changed",
      paragraphIds: "about-2; general",
      paragraphNumbers: "1.2",
      sections: "about; general",
      commentCount: "1",
      commentedParagraphs: "about-2: 1",
      quotes: "Short is good, keep it short.",
      url: `http://portal.test/you-said-we-did#feedback-${id}`,
    });

    const json = JSON.parse(await (await callApi("/api/feedback/download?format=json")).text()) as { consultation: string; entries: Record<string, unknown>[] };
    expect(json.consultation).toBe("fixture-plan");
    expect(json.entries.find((e) => e.id === id)).toMatchObject({ title: 'Keep it short, "please"', commentCount: 1, quotes: [{ text: "Short is good, keep it short.", paragraph: "about-2" }] });
    for (const text of [csv, JSON.stringify(json)]) {
      expect(text).not.toContain(reference);
      expect(text).not.toContain(reference.replace("-", ""));
      expect(text).not.toContain("Private Day Centre Ltd");
    }
  });
});

describe("tracking a response", () => {
  it("lists the published entries that answer its comments, with their words and links, and marks those comments answered", async ({ expect }) => {
    const { reference, commentIds } = await commentsOn(["streets-1", "winter-beds"]);
    const answered = await created(
      entry({ title: "Street outreach", youSaid: "You asked for outreach at night.", weDid: "We added a night team.", outcome: "partly", paragraphs: ["streets-1"], references: [reference], status: "published" }),
    );
    await created(entry({ title: "Still a draft", paragraphs: ["winter-beds"], references: [reference] }));
    const tracked = (await (await callApi(`/api/responses/${reference}`)).json()) as {
      comments: { id: number; paragraph: string; status: string; feedback: number[] }[];
      feedback: unknown[];
    };
    expect(tracked.feedback).toEqual([
      { id: answered.id, title: "Street outreach", youSaid: "You asked for outreach at night.", weDid: "We added a night team.", outcome: "partly", url: `/you-said-we-did#feedback-${answered.id}` },
    ]);
    expect(tracked.comments.map((c) => [c.id, c.status, c.feedback])).toEqual([
      [commentIds[0], "answered", [answered.id]],
      [commentIds[1], "received", []],
    ]);
  });
});
