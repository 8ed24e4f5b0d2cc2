import { describe, it } from "vitest";
import { heatLevel, heatRanges, niceCeiling } from "../../src/components/admin/charts/scale.ts";
import { weekOf } from "../../functions/officers/theme-figures.ts";
import { daysBetween, londonDay } from "../../functions/officers/overview.ts";

describe("the charts' arithmetic", () => {
  it("ends a value axis on a round number at or above the largest value", ({ expect }) => {
    expect([0, 1, 3, 7, 10, 11, 26, 99, 1530].map(niceCeiling)).toEqual([1, 1, 5, 10, 10, 20, 50, 100, 2000]);
  });

  it("shades the heat map by quarters of the busiest paragraph, and never shades a paragraph with no comments", ({ expect }) => {
    expect([0, 1, 2, 3, 4, 5, 8].map((count) => heatLevel(count, 8))).toEqual([0, 1, 1, 2, 2, 3, 4]);
    expect(heatLevel(0, 0)).toBe(0);
    // The legend's ranges cover 1 to the busiest count once each, matching the shades.
    const ranges = heatRanges(8);
    expect(ranges).toEqual([[1, 2], [3, 4], [5, 6], [7, 8]]);
    for (const [level, [from, to]] of ranges.entries()) for (let count = from; count <= to; count++) expect(heatLevel(count, 8)).toBe(level + 1);
  });
});

describe("London days and weeks", () => {
  it("puts an instant on the day London's clocks showed, either side of the clocks going back", ({ expect }) => {
    expect(londonDay("2030-10-26T23:30:00.000Z")).toBe("2030-10-27");
    expect(londonDay("2030-11-20T23:30:00.000Z")).toBe("2030-11-20");
  });

  it("counts every day between two dates, across the change of the clocks", ({ expect }) => {
    expect(daysBetween("2030-10-26", "2030-10-28")).toEqual(["2030-10-26", "2030-10-27", "2030-10-28"]);
  });

  it("starts each week on its Monday", ({ expect }) => {
    expect(["2030-10-28", "2030-11-01", "2030-11-03", "2030-11-04"].map(weekOf)).toEqual(["2030-10-28", "2030-10-28", "2030-10-28", "2030-11-04"]);
  });
});
