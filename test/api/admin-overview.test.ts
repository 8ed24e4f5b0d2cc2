import { env } from "cloudflare:test";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, it } from "vitest";
import { lock } from "../../functions/consultation/index.ts";
import { ADMIN_TOKEN, addResponse, asOfficer } from "./admin-fixtures.ts";
import type { ErrorBody } from "./requests.ts";
import type { Overview } from "../../functions/officers/overview.ts";
import type { EXPORT_COLUMNS } from "../../functions/export/rows.ts";

/** One row of the CSV export, as text, by its column names. */
type ExportedRow = Record<(typeof EXPORT_COLUMNS)[number], string>;

const overview = async (): Promise<Overview> => {
  const response = await asOfficer(env, "/api/admin/overview");
  if (response.status !== 200) throw new Error(`overview answered ${response.status}`);
  return response.json();
};

/** Every comment as the officers' CSV export gives it, hidden ones included, read with an independent CSV parser. */
async function exported(): Promise<ExportedRow[]> {
  const response = await asOfficer(env, "/api/admin/export?format=csv&includeHidden=true");
  return parse(await response.text(), { bom: true, columns: true }) as ExportedRow[];
}

const tally = (rows: ExportedRow[], key: (row: ExportedRow) => string) => {
  const counts: Record<string, number> = {};
  for (const row of rows) counts[key(row)] = (counts[key(row)] ?? 0) + 1;
  return counts;
};
const distinctTally = (rows: ExportedRow[], key: (row: ExportedRow) => string) =>
  tally([...new Map(rows.map((row) => [row.reference, row])).values()], key);

const markReading = (json: unknown) => asOfficer(env, "/api/admin/comments/reading", { method: "POST", json });

let answeredIds: number[] = [];
let readIds: number[] = [];

beforeAll(async () => {
  await addResponse(env.DB, {
    channel: "online",
    respondentType: "individual",
    receivedAt: "2030-10-08T09:15:00.000Z",
    comments: [{ paragraph: "streets-2", text: "More outreach at night." }, { paragraph: "general", text: "A good plan." }],
  });
  // 23:30 UTC on 26 October 2030 is 00:30 on the 27th in London (BST ends at 01:00 UTC that day).
  await addResponse(env.DB, {
    channel: "kiosk",
    assisted: { organisation: "St Anne's", helper: "Sam" },
    receivedAt: "2030-10-26T23:30:00.000Z",
    comments: [{ paragraph: "winter-beds", text: "Beds in winter, please." }, { paragraph: "about-2", revision: 1, text: "On the first wording." }],
  });
  // 23:30 UTC on 20 November is still the 20th in London (GMT).
  await addResponse(env.DB, {
    channel: "paper",
    respondentType: "organisation",
    organisation: "Testshire Shelter",
    receivedAt: "2030-11-20T23:30:00.000Z",
    comments: [
      { paragraph: "about-2", revision: 2, text: "On the current wording." },
      { paragraph: "care-3", text: "Spam spam spam", status: "hidden" },
      { paragraph: "retired-paragraph", text: "Written on a paragraph since removed." },
    ],
  });
  const answered = await addResponse(env.DB, {
    receivedAt: "2030-11-21T10:00:00.000Z",
    comments: [{ paragraph: "streets-2", text: "Answered soon." }, { paragraph: "streets-2", text: "Read but not answered." }],
  });
  answeredIds = [answered.commentIds[0]!];
  readIds = [answered.commentIds[1]!];
  const entry = await asOfficer(env, "/api/admin/feedback", {
    method: "POST",
    json: { title: "Outreach", youSaid: "More outreach.", weDid: "Two nights a week.", outcome: "changed", paragraphs: ["streets-2"], references: [], comments: answeredIds, status: "published" },
  });
  if (entry.status !== 201) throw new Error(`feedback answered ${entry.status}`);
  if ((await markReading({ comments: readIds })).status !== 200) throw new Error("marking read failed");
});

describe("the officers' overview", () => {
  it("counts what the export holds: responses and comments by channel and respondent type, hidden, read and answered", async ({ expect }) => {
    const [figures, rows] = await Promise.all([overview(), exported()]);
    expect(figures.comments).toBe(rows.length);
    expect(figures.responses).toBe(new Set(rows.map((row) => row.reference)).size);
    expect(figures.byChannel).toEqual({ online: 0, kiosk: 0, paper: 0, ...tally(rows, (row) => row.channel) });
    expect(figures.responsesByChannel).toEqual({ online: 0, kiosk: 0, paper: 0, ...distinctTally(rows, (row) => row.channel) });
    expect(figures.byRespondentType).toEqual({ individual: 0, organisation: 0, unknown: 0, ...tally(rows, (row) => row.respondentType || "unknown") });
    expect(figures.responsesByRespondentType).toEqual({ individual: 0, organisation: 0, unknown: 0, ...distinctTally(rows, (row) => row.respondentType || "unknown") });
    expect(figures.assistedResponses).toBe(Object.keys(distinctTally(rows.filter((row) => row.assisted === "yes"), (row) => row.reference)).length);
    expect(figures.hidden).toBe(rows.filter((row) => row.status === "hidden").length);
    const reading = tally(rows, (row) => row.reading);
    expect({ unread: figures.unread, answered: figures.answered }).toEqual({ unread: reading.unread ?? 0, answered: reading.answered ?? 0 });
    expect(figures.read).toBe(rows.length - (reading.unread ?? 0));
    // What the seed made sure of, so the comparison above is not between two empty sets.
    expect(figures.answered).toBeGreaterThan(0);
    expect(figures.hidden).toBeGreaterThan(0);
    expect(figures.assistedResponses).toBeGreaterThan(0);
  });

  it("counts comments per London day, the day that London's clocks showed, with the days between filled and the closing day reached", async ({ expect }) => {
    const [figures, rows] = await Promise.all([overview(), exported()]);
    const perDay = tally(rows, (row) => row.receivedAtLondon.slice(0, 10));
    const withComments = Object.fromEntries(figures.byDay.filter((day) => day.comments > 0).map((day) => [day.day, day.comments]));
    expect(withComments).toEqual(perDay);
    expect(perDay["2030-10-27"]).toBeGreaterThan(0);
    expect(perDay["2030-11-20"]).toBeGreaterThan(0);
    const days = figures.byDay.map((day) => day.day);
    expect(days[0]).toBe(Object.keys(perDay).sort()[0]);
    expect(days.at(-1)).toBe("2030-12-20");
    for (const [index, day] of days.entries()) {
      if (index > 0) expect(Date.parse(day) - Date.parse(days[index - 1]!), day).toBe(86_400_000);
    }
    const responsesPerDay = tally([...new Map(rows.map((row) => [row.reference, row])).values()], (row) => row.receivedAtLondon.slice(0, 10));
    expect(Object.fromEntries(figures.byDay.filter((day) => day.responses > 0).map((day) => [day.day, day.responses]))).toEqual(responsesPerDay);
  });

  it("gives the heat map each paragraph's comments, and how many were written on an earlier wording", async ({ expect }) => {
    const [figures, rows] = await Promise.all([overview(), exported()]);
    expect(figures.byParagraph).toEqual(tally(rows, (row) => row.paragraphId));
    const current = (id: string) => lock.paragraphs[id]?.revisions.length ?? 0;
    const earlier = tally(rows.filter((row) => row.paragraphId !== "general" && Number(row.paragraphRevision) < current(row.paragraphId)), (row) => row.paragraphId);
    expect(figures.onEarlierWording).toEqual(earlier);
    expect(figures.onEarlierWording["about-2"]).toBe(1);
  });

  it("is for officers only", async ({ expect }) => {
    const { default: app } = await import("../../functions/api/index.ts");
    const response = await app.request("/api/admin/overview", {}, env);
    expect(response.status).toBe(401);
  });
});

describe("reading every comment", () => {
  const stateOf = async (id: number) => ((await (await asOfficer(env, `/api/admin/comments/${id}`)).json()) as { reading: string }).reading;
  const auditFor = async (id: number) =>
    ((await (await asOfficer(env, "/api/admin/audit")).json()) as { entries: { action: string; target: string; officer: string }[] }).entries.filter(
      (entry) => entry.target === `comment:${id}`,
    );

  it("starts unread, is read once marked, and unread again when an officer says so, each change in the audit log", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "Read me." }, { text: "And me." }] });
    expect(await stateOf(commentIds[0]!)).toBe("unread");

    const marked = await markReading({ comments: commentIds });
    expect(marked.status).toBe(200);
    expect(await marked.json()).toEqual({ changed: 2 });
    expect(await stateOf(commentIds[0]!)).toBe("read");
    expect((await auditFor(commentIds[0]!)).map((entry) => entry.action)).toEqual(["comment.read"]);

    // Marking again changes nothing and logs nothing.
    expect(await (await markReading({ comments: commentIds })).json()).toEqual({ changed: 0 });
    expect(await auditFor(commentIds[1]!)).toHaveLength(1);

    expect(await (await markReading({ comments: [commentIds[1]], read: false })).json()).toEqual({ changed: 1 });
    expect(await stateOf(commentIds[1]!)).toBe("unread");
    expect((await auditFor(commentIds[1]!)).map((entry) => entry.action)).toEqual(["comment.unread", "comment.read"]);
  });

  it("counts a comment a published entry answers as answered, whether or not it was marked read", async ({ expect }) => {
    expect(await stateOf(answeredIds[0]!)).toBe("answered");
    expect(await stateOf(readIds[0]!)).toBe("read");
  });

  it("filters the list by reading state", async ({ expect }) => {
    const ids = async (state: string) =>
      ((await (await asOfficer(env, `/api/admin/comments?reading=${state}&limit=100`)).json()) as { comments: { id: number; reading: string }[] }).comments;
    const answered = await ids("answered");
    expect(answered.map((comment) => comment.id)).toContain(answeredIds[0]);
    expect(new Set(answered.map((comment) => comment.reading))).toEqual(new Set(["answered"]));
    const read = await ids("read");
    expect(read.map((comment) => comment.id)).toContain(readIds[0]);
    expect(read.map((comment) => comment.id)).not.toContain(answeredIds[0]);
    expect(new Set((await ids("unread")).map((comment) => comment.reading))).toEqual(new Set(["unread"]));
    const refused = await asOfficer(env, "/api/admin/comments?reading=skimmed");
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as ErrorBody).error.fields).toEqual({ reading: "Choose “unread”, “read” or “answered”." });
  });

  const refusals: [string, unknown, number, string][] = [
    ["no comments", { comments: [] }, 422, "comments"],
    ["comments that are not numbers", { comments: ["first"] }, 422, "comments.0"],
    ["a read flag that is not true or false", { comments: [1], read: "yes" }, 422, "read"],
    ["more comments than a page of the list", { comments: Array.from({ length: 101 }, (_, index) => index + 1) }, 422, "comments"],
    ["an unknown field", { comments: [1], everything: true }, 422, ""],
  ];
  for (const [name, json, status, field] of refusals) {
    it(`refuses ${name} with ${status}, changing nothing`, async ({ expect }) => {
      const before = await env.DB.prepare("SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM comments WHERE read_at IS NOT NULL) AS read").first();
      const response = await markReading(json);
      expect(response.status).toBe(status);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe("invalid");
      if (field) expect(Object.keys(body.error.fields ?? {})).toContain(field);
      expect(await env.DB.prepare("SELECT (SELECT count(*) FROM audit_log) AS audit, (SELECT count(*) FROM comments WHERE read_at IS NOT NULL) AS read").first()).toEqual(before);
    });
  }

  it("refuses the whole request when one comment does not exist, marking none of the others", async ({ expect }) => {
    const { commentIds } = await addResponse(env.DB, { comments: [{ text: "Not to be marked." }] });
    const response = await markReading({ comments: [commentIds[0], 999_999] });
    expect(response.status).toBe(404);
    expect(await stateOf(commentIds[0]!)).toBe("unread");
    expect(await auditFor(commentIds[0]!)).toEqual([]);
  });

  it("takes only JSON", async ({ expect }) => {
    const { default: app } = await import("../../functions/api/index.ts");
    const response = await app.request(
      "/api/admin/comments/reading",
      { method: "POST", headers: { Authorization: `Bearer ${ADMIN_TOKEN}`, "Content-Type": "application/x-www-form-urlencoded" }, body: "comments=1" },
      { ...env, ADMIN_TOKEN },
    );
    expect(response.status).toBe(415);
  });
});
