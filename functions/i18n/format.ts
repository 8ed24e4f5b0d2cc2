/** Dates and times as people read them, always in London time. */
import { TIMEZONE } from "../consultation/london-time.ts";
import type { Translate } from "./index.ts";

export function formatLondonDateTime(instant: Date, t: Translate): string {
  const locale = t("format.locale");
  const parts = (options: Intl.DateTimeFormatOptions) => {
    const found = new Intl.DateTimeFormat(locale, { timeZone: TIMEZONE, ...options }).formatToParts(instant);
    return (type: Intl.DateTimeFormatPartTypes) => found.find((part) => part.type === type)?.value ?? "";
  };
  const date = parts({ weekday: "long", day: "numeric", month: "long", year: "numeric" });
  const clock = parts({ hour: "2-digit", minute: "2-digit", hourCycle: "h23" });
  const hour24 = Number(clock("hour"));
  const time = t("format.time", {
    hour12: hour24 % 12 === 0 ? 12 : hour24 % 12,
    hour24: String(hour24).padStart(2, "0"),
    minute: clock("minute"),
    dayPeriod: hour24 < 12 ? t("format.am") : t("format.pm"),
  });
  return t("format.dateTime", {
    time,
    date: t("format.date", { weekday: date("weekday"), day: date("day"), month: date("month"), year: date("year") }),
  });
}
