/**
 * When a response was received, as its author is told it (as /track says it):
 * a paper form by the London day written as received on it, not the day it
 * was typed in; anything else by the instant the server stored it.
 */

/** A day in the page's own date format ("{weekday} {day} {month} {year}"), as the server words it (functions/consultation/london-time.ts). */
function wordedDay(instant, template, locale) {
  const parts = new Intl.DateTimeFormat(locale, { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "Europe/London" }).formatToParts(instant);
  return template.replace(/\{(weekday|day|month|year)\}/g, (_, type) => parts.find((part) => part.type === type)?.value ?? "");
}

/** `templates`: {receivedOn: "… {date}", receivedAt: "… {receivedAt}", date: "{weekday} {day} {month} {year}"} in the page's language. */
export function receivedLine({ receivedOn, receivedAt }, templates, locale) {
  // Noon UTC on that day is the same day in London, whatever the season.
  if (receivedOn) return templates.receivedOn.replace("{date}", wordedDay(new Date(`${receivedOn}T12:00:00Z`), templates.date, locale));
  const instant = new Date(receivedAt).toLocaleString(locale, { dateStyle: "long", timeStyle: "short", timeZone: "Europe/London" });
  return templates.receivedAt.replace("{receivedAt}", instant);
}
