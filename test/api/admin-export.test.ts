import { env } from "cloudflare:test";
import { beforeAll, describe, it } from "vitest";
import { parse } from "csv-parse/sync";
import { lock } from "../../functions/consultation/index.ts";
import { EXPORT_COLUMNS } from "../../functions/export/rows.ts";
import { addResponse, asOfficer } from "./admin-fixtures.ts";
import { formatReference } from "../../functions/responses/reference.ts";

/** What people really type, and what attackers try. */
const TRICKY_TEXTS = [
  'She said "we need more hostels", and I agree.',
  "Commas, commas, commas",
  "First line\nSecond line\r\nThird line after CRLF",
  "Emoji: 🏠❤️👩🏽‍🦱 and accents: café, naïve, Zoë",
  "نحتاج إلى المزيد من الملاجئ في الشتاء",
  "אנחנו צריכים יותר מקלטים",
  "Mixed: English then عربي then English",
  "  leading and trailing spaces  ",
  '"Starts with a quote',
  "Ends with a quote\"",
];
const FORMULA_TEXTS = ['=HYPERLINK("http://evil.example","click")', "+1+2", "-1+2", "@SUM(A1)", "\t=1+1", "\r=cmd|' /C calc'!A0"];
/** Text that only looks like the start of a formula: a spreadsheet shows it as written. */
const SIGNED_TEXTS = ["+44 20 7946 0123", "-5 beds"];

let hiddenRef: string;

beforeAll(async () => {
  await addResponse(env.DB, {
    channel: "kiosk",
    receivedAt: "2026-10-06T12:34:56.000Z",
    publishConsent: true,
    respondentType: "organisation",
    organisation: "=Testshire, \"Night\" Shelter",
    comments: [...TRICKY_TEXTS, ...FORMULA_TEXTS, ...SIGNED_TEXTS].map((text) => ({ paragraph: "streets-2", text })),
  });
  ({ reference: hiddenRef } = await addResponse(env.DB, { comments: [{ paragraph: "general", text: "Hidden comment", status: "hidden" }] }));
});

async function exportText(query: string): Promise<{ response: Response; text: string }> {
  const response = await asOfficer(env, `/api/admin/export${query}`);
  return { response, text: new TextDecoder("utf-8", { ignoreBOM: true }).decode(await response.arrayBuffer()) };
}

function parseCsv(text: string): Record<string, string>[] {
  return parse(text, { bom: true, columns: true, relax_quotes: false, skip_empty_lines: false }) as Record<string, string>[];
}

describe("CSV export", () => {
  it("is a UTF-8 CSV download named after the consultation and the time", async ({ expect }) => {
    const { response, text } = await exportText("?format=csv");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toMatch(/^text\/csv; charset=utf-8/);
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    expect(response.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="fixture-plan-comments-\d{8}T\d{6}Z\.csv"$/,
    );
    expect(text.startsWith("\uFEFFreference,commentId,")).toBe(true);
    expect(text.split("\r\n")[0]).toBe(`\uFEFF${EXPORT_COLUMNS.join(",")}`);
    expect(text.endsWith("\r\n")).toBe(true);
  });

  it("round-trips quotes, commas, line breaks, emoji and right-to-left text exactly through an independent parser", async ({ expect }) => {
    const rows = parseCsv((await exportText("?format=csv")).text);
    const exported = rows.map((row) => row.commentText);
    for (const text of TRICKY_TEXTS) expect(exported).toContain(text);
    const row = rows.find((r) => r.commentText === TRICKY_TEXTS[0])!;
    expect(row).toMatchObject({
      channel: "kiosk",
      receivedAt: "2026-10-06T12:34:56.000Z",
      receivedAtLondon: "2026-10-06 13:34:56",
      paragraphId: "streets-2",
      paragraphNumber: "3.2",
      paragraphRevision: "1",
      paragraphText: lock.paragraphs["streets-2"]!.revisions[0]!.text,
      status: "received",
      publishConsent: "yes",
      respondentType: "organisation",
      themes: "",
      moderationNote: "",
    });
  });

  it("neutralises every cell that could run as a formula", async ({ expect }) => {
    const rows = parseCsv((await exportText("?format=csv")).text);
    const exported = rows.map((row) => row.commentText);
    for (const text of FORMULA_TEXTS) expect(exported).toContain(`'${text}`);
    expect(rows[0]!.organisation).toBe(`'=Testshire, "Night" Shelter`);
    // Stored text is untouched: neutralising is only for the spreadsheet.
    const stored = await env.DB.prepare("SELECT count(*) AS n FROM comments WHERE text LIKE '=HYPERLINK%'").first("n");
    expect(stored).toBe(1);
  });

  it("leaves phone numbers and other text that starts with + or - readable, with no apostrophe", async ({ expect }) => {
    const exported = parseCsv((await exportText("?format=csv")).text).map((row) => row.commentText);
    for (const text of SIGNED_TEXTS) expect(exported).toContain(text);
    expect(exported.filter((text) => SIGNED_TEXTS.some((signed) => text === `'${signed}`))).toEqual([]);
  });

  it("leaves hidden comments out unless includeHidden=true", async ({ expect }) => {
    const normal = parseCsv((await exportText("?format=csv")).text);
    const all = parseCsv((await exportText("?format=csv&includeHidden=true")).text);
    expect(all.map((r) => r.reference)).toContain(formatReference(hiddenRef));
    expect(normal.map((r) => r.reference)).not.toContain(formatReference(hiddenRef));
    expect(all.find((r) => r.reference === formatReference(hiddenRef))).toMatchObject({ commentText: "Hidden comment", status: "hidden", paragraphId: "general" });
    expect(all).toHaveLength(normal.length + 1);
  });

  it("applies the list's filters", async ({ expect }) => {
    const rows = parseCsv((await exportText("?format=csv&q=emoji")).text);
    expect(rows.map((r) => r.commentText)).toEqual([TRICKY_TEXTS[3]]);
    expect(parseCsv((await exportText("?format=csv&channel=paper")).text)).toEqual([]);
  });

  it("refuses an unknown format or a bad filter before writing anything", async ({ expect }) => {
    expect((await asOfficer(env, "/api/admin/export?format=xlsx")).status).toBe(422);
    expect((await asOfficer(env, "/api/admin/export?format=csv&status=deleted")).status).toBe(422);
  });

  it("records who exported what in the audit log", async ({ expect }) => {
    await exportText("?format=ndjson&includeHidden=true&channel=kiosk");
    const audit = (await (await asOfficer(env, "/api/admin/audit")).json()) as { entries: { action: string; officer: string; detail: Record<string, unknown> }[] };
    expect(audit.entries[0]).toMatchObject({
      action: "export",
      officer: expect.any(String),
      detail: { format: "ndjson", includeHidden: true, filters: { channel: "kiosk" }, filename: expect.stringMatching(/\.ndjson$/) },
    });
  });
});

describe("JSON and NDJSON export", () => {
  it("JSON is one valid document holding every comment", async ({ expect }) => {
    const { response, text } = await exportText("?format=json");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/json/);
    const document = JSON.parse(text) as { consultation: string; exportedAt: string; comments: Record<string, unknown>[] };
    expect(document.consultation).toBe("fixture-plan");
    expect(document.comments).toHaveLength(TRICKY_TEXTS.length + FORMULA_TEXTS.length + SIGNED_TEXTS.length);
    // JSON is not for spreadsheets: text is exactly as stored.
    expect(document.comments.map((c) => c.commentText)).toEqual([...TRICKY_TEXTS, ...FORMULA_TEXTS, ...SIGNED_TEXTS]);
    expect(Object.keys(document.comments[0]!)).toEqual([...EXPORT_COLUMNS]);
    expect(document.comments[0]).toMatchObject({ publishConsent: true, themes: [], redacted: false, commentId: expect.any(Number) });
  });

  it("NDJSON is one object per line", async ({ expect }) => {
    const { response, text } = await exportText("?format=ndjson&includeHidden=true");
    expect(response.headers.get("Content-Type")).toMatch(/^application\/x-ndjson/);
    const lines = text.split("\n");
    expect(lines.at(-1)).toBe("");
    const objects = lines.slice(0, -1).map((line) => JSON.parse(line) as { commentText: string });
    expect(objects).toHaveLength(TRICKY_TEXTS.length + FORMULA_TEXTS.length + SIGNED_TEXTS.length + 1);
  });

  it("an empty export is still a valid document", async ({ expect }) => {
    const { text } = await exportText("?format=json&channel=paper");
    expect(JSON.parse(text)).toMatchObject({ comments: [] });
    expect((await exportText("?format=ndjson&channel=paper")).text).toBe("");
  });
});
