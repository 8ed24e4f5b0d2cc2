import { describe, it } from "vitest";
import { graceDays, lateArrivalStatus, PeriodOverrideError } from "../../functions/consultation/period.ts";
import { parseLondonDate } from "../../functions/consultation/london-time.ts";

// A summer close, so the London day and the UTC day differ by an hour.
const period = { opensAt: new Date("2027-06-01T08:00:00Z"), closesAt: new Date("2027-07-16T22:59:59Z") };
const day = (date: string) => ({ from: parseLondonDate(date, "start")!, until: parseLondonDate(date, "end")! });
const instant = (iso: string) => ({ from: new Date(iso), until: new Date(iso) });

describe("late arrivals: made in the period, taken within the grace period after it", () => {
  it("takes send pressed in the last second, up to the end of the grace period and not after", ({ expect }) => {
    const pressed = instant("2027-07-16T22:59:59.999Z");
    expect(lateArrivalStatus(period, pressed, new Date("2027-07-23T22:59:59.999Z"), 7)).toBe("open");
    expect(lateArrivalStatus(period, pressed, new Date("2027-07-23T23:00:00.000Z"), 7)).toBe("grace_over");
  });

  it("refuses send pressed after the close or before the opening", ({ expect }) => {
    expect(lateArrivalStatus(period, instant("2027-07-16T23:00:00Z"), new Date("2027-07-17T00:00:00Z"), 7)).toBe("closed");
    expect(lateArrivalStatus(period, instant("2027-06-01T07:59:59Z"), new Date("2027-06-02T00:00:00Z"), 7)).toBe("closed");
  });

  it("does not let a claim from the future make a response count", ({ expect }) => {
    // A device whose clock runs ahead claims a time after the close: it is judged as arriving now.
    expect(lateArrivalStatus(period, instant("2027-07-20T00:00:00Z"), new Date("2027-07-17T00:00:00Z"), 7)).toBe("closed");
    expect(lateArrivalStatus(period, instant("2027-07-20T00:00:00Z"), new Date("2027-07-01T00:00:00Z"), 7)).toBe("open");
  });

  it("counts a paper form received on the closing day or the opening day in London, and not the day after the close", ({ expect }) => {
    const now = new Date("2027-07-20T12:00:00Z");
    expect(lateArrivalStatus(period, day("2027-07-16"), now, 14)).toBe("open");
    expect(lateArrivalStatus(period, day("2027-06-01"), now, 14)).toBe("open");
    expect(lateArrivalStatus(period, day("2027-07-17"), now, 14)).toBe("closed");
    expect(lateArrivalStatus(period, day("2027-05-31"), now, 14)).toBe("closed");
  });

  it("reads grace periods as whole days, blank as the default, and anything else as a mistake", ({ expect }) => {
    expect(graceDays("KIOSK_GRACE_DAYS", "", 7)).toBe(7);
    expect(graceDays("KIOSK_GRACE_DAYS", undefined, 7)).toBe(7);
    expect(graceDays("PAPER_GRACE_DAYS", " 30 ", 14)).toBe(30);
    expect(graceDays("PAPER_GRACE_DAYS", "0", 14)).toBe(0);
    for (const wrong of ["-1", "1.5", "two weeks"]) expect(() => graceDays("PAPER_GRACE_DAYS", wrong, 14)).toThrow(PeriodOverrideError);
  });
});
