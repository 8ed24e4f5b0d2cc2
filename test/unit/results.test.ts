import { describe, it } from "vitest";
import { ContentError } from "../../functions/consultation/content-error.ts";
import { parseSettings } from "../../functions/consultation/settings.ts";
import { resultsNow } from "../../functions/consultation/results.ts";
import { PeriodOverrideError } from "../../functions/consultation/period.ts";

const settingsWith = (extra: Record<string, string>) =>
  JSON.stringify({
    title: "A plan",
    slug: "a-plan",
    organisation: "A council",
    language: "en",
    opensAt: "2030-10-07T09:00",
    closesAt: "2030-12-20",
    contact: { email: "plan@council.example", phone: "01632 960000", address: "1 High Street" },
    ...extra,
  });

describe("when the outcome is published", () => {
  it("reads the publication date from the settings as the start of that London day", ({ expect }) => {
    const settings = parseSettings("content/consultation.json", settingsWith({ resultsPublishedAt: "2031-02-03" }));
    expect(settings.resultsPublishedAt?.toISOString()).toBe("2031-02-03T00:00:00.000Z");
    expect(parseSettings("content/consultation.json", settingsWith({})).resultsPublishedAt).toBeUndefined();
  });

  it("refuses a publication date while comments are still taken, naming the file and the setting", ({ expect }) => {
    expect(() => parseSettings("content/consultation.json", settingsWith({ resultsPublishedAt: "2030-12-20" }))).toThrow(ContentError);
    expect(() => parseSettings("content/consultation.json", settingsWith({ resultsPublishedAt: "2030-12-20" }))).toThrow(/resultsPublishedAt: must be after closesAt/);
    expect(() => parseSettings("content/consultation.json", settingsWith({ resultsPublishedAt: "soon" }))).toThrow(/resultsPublishedAt/);
  });

  // The fixture closes on 2030-12-20 and publishes on 2031-02-03.
  it("is to come before the date, and public from it", ({ expect }) => {
    expect(resultsNow({}, new Date("2031-02-02T23:59:59Z"))).toEqual({ published: false, publishesAt: new Date("2031-02-03T00:00:00Z") });
    expect(resultsNow({}, new Date("2031-02-03T00:00:00Z")).published).toBe(true);
  });

  it("is never public while comments are taken, whatever the date says", ({ expect }) => {
    const extended = { CLOSES_AT: "2031-03-01T23:59:59Z" };
    expect(resultsNow(extended, new Date("2031-02-10T12:00:00Z")).published).toBe(false);
    expect(resultsNow({ ...extended, RESULTS_PUBLISHED_AT: "2031-01-01T00:00:00Z" }, new Date("2031-02-10T12:00:00Z")).published).toBe(false);
    expect(resultsNow({ ...extended, RESULTS_PUBLISHED_AT: "2031-01-01T00:00:00Z" }, new Date("2031-03-02T00:00:00Z")).published).toBe(true);
  });

  it("follows RESULTS_PUBLISHED_AT, ignores it when empty, and refuses one that is not an instant with an offset", ({ expect }) => {
    expect(resultsNow({ RESULTS_PUBLISHED_AT: "2031-01-05T09:00:00+00:00" }, new Date("2031-01-06T00:00:00Z")).published).toBe(true);
    expect(resultsNow({ RESULTS_PUBLISHED_AT: "" }, new Date("2031-01-06T00:00:00Z")).published).toBe(false);
    expect(() => resultsNow({ RESULTS_PUBLISHED_AT: "next week" })).toThrow(PeriodOverrideError);
    expect(() => resultsNow({ RESULTS_PUBLISHED_AT: "2031-01-05" })).toThrow(/RESULTS_PUBLISHED_AT must be an ISO 8601 instant with an offset.*got "2031-01-05"/);
  });
});
