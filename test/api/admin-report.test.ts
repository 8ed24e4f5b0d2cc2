import { env } from "cloudflare:test";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, it } from "vitest";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import { draft, settings } from "../../functions/consultation/index.ts";

interface Report {
  consultation: { title: string; organisation: string; opensAt: string; closesAt: string; sections: number; paragraphs: number };
  participation: Record<string, number | Record<string, number>>;
  themes: { id: number; name: string; comments: number; quotes: { comment: number; paragraph: string; number: string; text: string }[] }[];
  outcomes: { counts: Record<string, number>; entries: { title: string; outcome: string; commentCount: number }[] };
}

const LONG = `Outreach ${"at night and at weekends ".repeat(14)}would help.`;
const REDACTED = "Call [name removed] on [phone removed] about outreach.";

async function json<T>(path: string, init?: Parameters<typeof asOfficer>[2]): Promise<T> {
  const response = await asOfficer(env, path, init);
  if (!response.ok) throw new Error(`${path} answered ${response.status}: ${await response.text()}`);
  return response.json() as Promise<T>;
}
const theme = async (name: string) => (await json<{ id: number }>("/api/admin/themes", { method: "POST", json: { name } })).id;
const tag = (comment: number, themeId: number) => json(`/api/admin/comments/${comment}/themes`, { method: "PUT", json: { themeIds: [themeId] } });
const publish = (title: string, outcome: string, comments: number[], status = "published") =>
  json("/api/admin/feedback", { method: "POST", json: { title, youSaid: "What people said.", weDid: "What we did.", outcome, paragraphs: [], references: [], comments, status } });

let quotable: number;

beforeAll(async () => {
  const [outreach, hostels, health] = [await theme("Outreach"), await theme("Hostels"), await theme("Health")];
  const consented = await addResponse(env.DB, {
    channel: "online",
    publishConsent: true,
    respondentType: "individual",
    comments: [
      { paragraph: "streets-2", text: "Outreach at night would help." },
      { paragraph: "streets-2", text: "Hidden but consented words.", status: "hidden" },
      { paragraph: "streets-2", text: LONG },
      { paragraph: "streets-2", text: "Call Jo on 07700 900123 about outreach." },
      { paragraph: "general", text: "More hostel beds." },
    ],
  });
  const [short, hidden, long, personal, beds] = consented.commentIds as [number, number, number, number, number];
  quotable = short;
  const unconsented = await addResponse(env.DB, {
    channel: "paper",
    respondentType: "organisation",
    organisation: "Testshire Shelter",
    comments: [{ paragraph: "streets-2", text: "Private words about outreach." }, { paragraph: "winter-beds", text: "Private words about hostels." }],
  });
  const kiosk = await addResponse(env.DB, {
    channel: "kiosk",
    assisted: { organisation: "St Anne's", helper: "Sam" },
    publishConsent: true,
    comments: ["A doctor at the day centre.", "Dentists too.", "Mental health support.", "Help with prescriptions."].map((text) => ({ paragraph: "care-3", text })),
  });

  for (const id of [short, hidden, long, personal, unconsented.commentIds[0]!]) await tag(id, outreach);
  for (const id of [beds, unconsented.commentIds[1]!]) await tag(id, hostels);
  for (const id of kiosk.commentIds) await tag(id, health);
  await json(`/api/admin/comments/${personal}/redact`, { method: "POST", json: { text: REDACTED } });

  await publish("Night outreach", "changed", [short]);
  await publish("Beds", "not_changed", [beds]);
  await publish("Still a draft", "partly", [long], "draft");
});

describe("the consultation report", () => {
  it("counts how people took part: responses and comments by channel and respondent type, assisted, read, hidden and answered", async ({ expect }) => {
    const report = await json<Report>("/api/admin/report");
    expect(report.participation).toMatchObject({
      responses: 3,
      comments: 11,
      responsesByChannel: { online: 1, kiosk: 1, paper: 1 },
      byChannel: { online: 5, kiosk: 4, paper: 2 },
      responsesByRespondentType: { individual: 1, organisation: 1, unknown: 1 },
      byRespondentType: { individual: 5, organisation: 2, unknown: 4 },
      assistedResponses: 1,
      hidden: 1,
      answered: 2,
      // Redacting, tagging and answering are not reading: read counts comments marked read or answered.
      read: 2,
      unread: 9,
    });
    expect(report.consultation).toMatchObject({ title: settings.title, sections: draft.sections.length, paragraphs: draft.paragraphs.size });
  });

  it("lists the themes, most comments first, counted with hidden ones as on the themes page", async ({ expect }) => {
    const report = await json<Report>("/api/admin/report");
    expect(report.themes.map((theme) => [theme.name, theme.comments])).toEqual([
      ["Outreach", 5],
      ["Health", 4],
      ["Hostels", 2],
    ]);
  });

  it("quotes only comments whose authors agreed, never hidden ones, short, as redacted, at most three a theme", async ({ expect }) => {
    const report = await json<Report>("/api/admin/report");
    const quotes = Object.fromEntries(report.themes.map((theme) => [theme.name, theme.quotes.map((quote) => quote.text)]));
    expect(quotes).toEqual({
      Outreach: ["Outreach at night would help.", REDACTED],
      Health: ["A doctor at the day centre.", "Dentists too.", "Mental health support."],
      Hostels: ["More hostel beds."],
    });
    const text = JSON.stringify(report);
    for (const words of ["Hidden but consented", "Private words", "07700 900123", "Jo on", LONG]) expect(text).not.toContain(words);
    expect(report.themes[0]!.quotes[0]).toEqual({ comment: quotable, paragraph: "streets-2", number: "3.2", text: "Outreach at night would help." });
  });

  it("says what changed from the published \"You said, we did\" entries only", async ({ expect }) => {
    const report = await json<Report>("/api/admin/report");
    expect(report.outcomes.counts).toEqual({ changed: 1, partly: 0, not_changed: 1, under_review: 0 });
    expect(report.outcomes.entries.map((entry) => [entry.title, entry.outcome, entry.commentCount])).toEqual([
      ["Night outreach", "changed", 1],
      ["Beds", "not_changed", 1],
    ]);
  });

  it("gives the same figures as a CSV download, and no one's words", async ({ expect }) => {
    const response = await asOfficer(env, "/api/admin/report?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("Content-Disposition")).toBe('attachment; filename="fixture-plan-consultation-report.csv"');
    const text = new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer());
    expect(text.startsWith("\uFEFFgroup,name,value\r\n")).toBe(true);
    const rows = parse(text, { bom: true, columns: true }) as { group: string; name: string; value: string }[];
    const value = (group: string, name: string) => rows.find((row) => row.group === group && row.name === name)?.value;
    const report = await json<Report>("/api/admin/report");
    expect(value("participation", "responses")).toBe("3");
    expect(value("participation", "comments")).toBe("11");
    expect(value("participation", "assistedResponses")).toBe("1");
    expect(value("responsesByChannel", "paper")).toBe("1");
    expect(value("commentsByChannel", "kiosk")).toBe("4");
    expect(value("commentsByRespondentType", "unknown")).toBe("4");
    expect(value("feedbackOutcome", "not_changed")).toBe("1");
    expect(report.themes.map((theme) => [theme.name, value("theme", theme.name)])).toEqual(report.themes.map((theme) => [theme.name, String(theme.comments)]));
    expect(text).not.toContain("Outreach at night would help.");
  });

  it("refuses a format it does not make", async ({ expect }) => {
    const response = await asOfficer(env, "/api/admin/report?format=pdf");
    expect(response.status).toBe(422);
    expect(((await response.json()) as { error: { fields: Record<string, string> } }).error.fields).toEqual({ format: "Choose “json” or “csv”." });
  });
});
