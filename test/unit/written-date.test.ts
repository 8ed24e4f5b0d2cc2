import { describe, it } from "vitest";
import { readWrittenDate } from "../../functions/paper/written-date.ts";

const today = new Date("2026-12-06T12:00:00Z");

describe("dates as people write them on paper", () => {
  it("reads day before month, with or without the year, as the UK writes them", ({ expect }) => {
    expect(readWrittenDate("4/12/2026", today)).toBe("2026-12-04");
    expect(readWrittenDate("04.12.26", today)).toBe("2026-12-04");
    expect(readWrittenDate("4 Dec", today)).toBe("2026-12-04");
    expect(readWrittenDate("4th december 2026", today)).toBe("2026-12-04");
    expect(readWrittenDate("2026-12-04", today)).toBe("2026-12-04");
  });

  it("takes a date without a year as the latest such day not after today", ({ expect }) => {
    expect(readWrittenDate("6/12", today)).toBe("2026-12-06");
    expect(readWrittenDate("7 Dec", today)).toBe("2025-12-07");
  });

  it("refuses what is not a real day", ({ expect }) => {
    for (const written of ["31/11/2026", "29 Feb 2026", "12/31/2026", "4 Decembre", "today", "", "2026-12"]) expect(readWrittenDate(written, today), written).toBeUndefined();
  });
});
