import { describe, it } from "vitest";
import { parse } from "csv-parse/sync";
import { BYTE_ORDER_MARK, csvField, csvRecord, neutraliseFormula } from "../../functions/export/csv.ts";
import { londonLocalTime } from "../../functions/consultation/london-time.ts";
import { exportFilename } from "../../functions/export/stream.ts";

describe("CSV fields (RFC 4180)", () => {
  it("leaves plain text alone and quotes text with quotes, commas or line breaks", ({ expect }) => {
    expect(csvField("plain words")).toBe("plain words");
    expect(csvField('she said "no"')).toBe('"she said ""no"""');
    expect(csvField("a, b")).toBe('"a, b"');
    expect(csvField("line\nbreak")).toBe('"line\nbreak"');
    expect(csvField("cr\r\nlf")).toBe('"cr\r\nlf"');
    expect(csvField(null)).toBe("");
    expect(csvField(42)).toBe("42");
  });

  it("ends every record with CRLF", ({ expect }) => {
    expect(csvRecord(["a", 1, null])).toBe("a,1,\r\n");
  });
});

describe("formula injection", () => {
  const payloads = [
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "=SUM(A1)",
    "+1+1",
    "+1+2",
    "-2+3",
    "@SUM(A1:A2)",
    "@SUM(x)",
    "-SUM(A1)",
    "+A1",
    "-cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
    "\tplain words after a tab",
  ];
  for (const payload of payloads) {
    it(`neutralises ${JSON.stringify(payload)} so a spreadsheet shows it as text`, ({ expect }) => {
      expect(neutraliseFormula(payload)).toBe(`'${payload}`);
      const rows = parse(csvRecord([payload]), { bom: true, relax_quotes: false }) as string[][];
      expect(rows[0]![0]).toBe(`'${payload}`);
    });
  }

  const ordinary = ["+44 20 7946 0123", "-5 beds", "- more beds, please", "+44 (0)20 7946 0123", "-10% of the budget", "1 + 1 = 2", "email me@example"];
  for (const text of ordinary) {
    it(`leaves ordinary text such as ${JSON.stringify(text)} exactly as written`, ({ expect }) => {
      expect(neutraliseFormula(text)).toBe(text);
      expect(csvField(text)).not.toContain("'");
    });
  }
});

describe("export details", () => {
  it("writes London local time, in GMT and in BST", ({ expect }) => {
    expect(londonLocalTime("2026-12-18T23:59:59.000Z")).toBe("2026-12-18 23:59:59");
    expect(londonLocalTime("2026-10-05T08:00:00.000Z")).toBe("2026-10-05 09:00:00");
    expect(londonLocalTime("2026-10-25T00:30:00.000Z")).toBe("2026-10-25 01:30:00");
    expect(londonLocalTime("2026-10-25T01:30:00.000Z")).toBe("2026-10-25 01:30:00");
  });

  it("names the file after the consultation and the export time", ({ expect }) => {
    const name = exportFilename({ consultation: "fixture-plan", exportedAt: new Date("2027-01-08T15:30:05.123Z"), format: "csv" });
    expect(name).toBe("fixture-plan-comments-20270108T153005Z.csv");
  });

  it("starts with a byte order mark", ({ expect }) => {
    expect(BYTE_ORDER_MARK.codePointAt(0)).toBe(0xfeff);
  });
});
