import { describe, it } from "vitest";
import { applyOverrides, consultationStatus, periodProblem } from "../../functions/consultation/period.ts";
import { formatLondonDateTime, parseLondonDate } from "../../functions/consultation/london-time.ts";
import { translator } from "../../functions/i18n/index.ts";

const t = translator("en");

describe("the closing rule in London time", () => {
  it("reads a winter closing date as the last second of that day in GMT", ({ expect }) => {
    expect(parseLondonDate("2026-12-18", "end")?.toISOString()).toBe("2026-12-18T23:59:59.000Z");
  });

  it("reads a summer closing date as the last second of that day in BST", ({ expect }) => {
    expect(parseLondonDate("2027-07-16", "end")?.toISOString()).toBe("2027-07-16T22:59:59.000Z");
  });

  it("reads an opening date alone as the start of that day", ({ expect }) => {
    expect(parseLondonDate("2027-06-01", "start")?.toISOString()).toBe("2027-05-31T23:00:00.000Z");
  });

  it("handles the days the clocks change", ({ expect }) => {
    // 29 March 2026: clocks go forward at 1am GMT; 25 October 2026: back at 2am BST.
    expect(parseLondonDate("2026-03-29T12:00", "start")?.toISOString()).toBe("2026-03-29T11:00:00.000Z");
    expect(parseLondonDate("2026-10-25T12:00", "start")?.toISOString()).toBe("2026-10-25T12:00:00.000Z");
    expect(parseLondonDate("2026-10-25T01:30", "start")?.toISOString()).toBe("2026-10-25T00:30:00.000Z");
  });

  it("refuses dates that do not exist and other shapes", ({ expect }) => {
    for (const value of ["2026-02-30", "2026-13-01", "18/12/2026", "2026-12-18T24:00", "", "2026-12-18T23:59:59Z"]) {
      expect(parseLondonDate(value, "end"), value).toBeUndefined();
    }
  });

  it("keeps the whole last second open, winter and summer", ({ expect }) => {
    for (const day of ["2026-12-18", "2027-07-16"]) {
      const closesAt = parseLondonDate(day, "end")!;
      const period = { opensAt: new Date("2026-01-01T00:00:00Z"), closesAt };
      expect(consultationStatus(period, new Date(closesAt.getTime() + 999))).toBe("open");
      expect(consultationStatus(period, new Date(closesAt.getTime() + 1000))).toBe("closed");
    }
  });

  it("applies overrides given as instants with offsets, and rejects anything else", ({ expect }) => {
    const period = { opensAt: new Date("2026-10-05T08:00:00Z"), closesAt: new Date("2026-12-18T23:59:59Z") };
    const extended = applyOverrides(period, { CLOSES_AT: "2027-01-08T23:59:59+00:00" });
    expect(extended.closesAt.toISOString()).toBe("2027-01-08T23:59:59.000Z");
    expect(extended.opensAt).toEqual(period.opensAt);
    expect(() => applyOverrides(period, { CLOSES_AT: "2027-01-08" })).toThrow(/CLOSES_AT/);
    expect(() => applyOverrides(period, { OPENS_AT: "2027-02-01T00:00:00Z" })).toThrow(/after the opening/);
  });

  it("refuses an override on a day that does not exist, instead of rolling it over to the next month", ({ expect }) => {
    const period = { opensAt: new Date("2026-10-05T08:00:00Z"), closesAt: new Date("2026-12-18T23:59:59Z") };
    for (const value of ["2026-11-31T23:59:59Z", "2027-02-29T00:00:00+00:00", "2026-12-18T24:00:00Z"]) {
      expect(() => applyOverrides(period, { CLOSES_AT: value }), value).toThrow(/CLOSES_AT/);
    }
    expect(applyOverrides(period, { CLOSES_AT: "2028-02-29T12:00:00+01:00" }).closesAt.toISOString()).toBe("2028-02-29T11:00:00.000Z");
  });
});

describe("checking the settings before the site starts", () => {
  const period = { opensAt: new Date("2030-10-07T08:00:00Z"), closesAt: new Date("2030-12-20T23:59:59Z") };

  it("finds nothing wrong with the content's own dates or a real extension", ({ expect }) => {
    expect(periodProblem(period, {})).toBeUndefined();
    expect(periodProblem(period, { OPENS_AT: "", CLOSES_AT: "2031-01-08T23:59:59+00:00" })).toBeUndefined();
  });

  it("says a closing time before the content's opening comes from CLOSES_AT, and what to change", ({ expect }) => {
    const problem = periodProblem(period, { CLOSES_AT: "2020-01-01T00:00:00Z" });
    expect(problem).toContain("close before it opens");
    expect(problem).toContain("2020-01-01T00:00:00.000Z (CLOSES_AT)");
    expect(problem).toContain("(opensAt in content/consultation.json)");
    expect(problem).toMatch(/set both in the past, for example OPENS_AT=\S+ CLOSES_AT=\S+/);
  });

  it("names a malformed setting and the form it must take", ({ expect }) => {
    expect(periodProblem(period, { OPENS_AT: "tomorrow" })).toMatch(/^OPENS_AT must be an ISO 8601 instant with an offset.*got "tomorrow"/);
  });
});

describe("dates as people read them", () => {
  it("says the closing time the way the home page promises", ({ expect }) => {
    expect(formatLondonDateTime(new Date("2026-12-18T23:59:59Z"), t)).toBe("11:59pm on Friday 18 December 2026");
  });

  it("shows summer times in BST", ({ expect }) => {
    expect(formatLondonDateTime(new Date("2026-10-05T08:00:00Z"), t)).toBe("9:00am on Monday 5 October 2026");
    expect(formatLondonDateTime(new Date("2027-07-16T11:30:00Z"), t)).toBe("12:30pm on Friday 16 July 2027");
  });
});
