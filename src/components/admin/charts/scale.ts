import type { Translate } from "../../../../functions/i18n/index.ts";
import { formatCount as countIn } from "../../../../public/plural-rules.js";

/** The little arithmetic the server-drawn charts share: a round top for the value axis, and where a value falls on it. */

/** The smallest round number (1, 2 or 5 times a power of ten) at or above `max`, so the axis ends on a label people read at once. */
export function niceCeiling(max: number): number {
  if (max <= 1) return 1;
  const power = 10 ** Math.floor(Math.log10(max));
  return [1, 2, 5, 10].map((step) => step * power).find((candidate) => candidate >= max)!;
}

/** A value's length along an axis `length` units long that ends at `top`. */
export const scaled = (value: number, top: number, length: number): number => (top > 0 ? (value / top) * length : 0);

/** Numbers as officers read them: "1,204" (one format per locale, as every count on the site). */
export const formatCount = (count: number, locale: string): string => countIn(locale, count);

/** "20 Nov": a London date (YYYY-MM-DD) as a short axis or table label. */
export const formatDay = (day: string, locale: string, options: Intl.DateTimeFormatOptions = { day: "numeric", month: "short" }): string =>
  new Intl.DateTimeFormat(locale, { ...options, timeZone: "UTC" }).format(new Date(`${day}T00:00:00Z`));

/** Shades of a heat map: 0 for none, then 1 to HEAT_LEVELS by quarters of the largest count. */
export const HEAT_LEVELS = 4;
export const heatLevel = (count: number, max: number): number => (count <= 0 || max <= 0 ? 0 : Math.min(HEAT_LEVELS, Math.ceil((count / max) * HEAT_LEVELS)));
/** The counts each shade covers: [from, to] for levels 1 to HEAT_LEVELS (an empty range is left out by the caller). */
export const heatRanges = (max: number): [number, number][] =>
  Array.from({ length: HEAT_LEVELS }, (_, index) => [Math.floor((max * index) / HEAT_LEVELS) + 1, Math.floor((max * (index + 1)) / HEAT_LEVELS)]);

/** "Online 14, Kiosk 13, Paper 13": a chart's bars in words, for its description. */
export const describeBars = (t: Translate, bars: { label: string; value: number }[]): string =>
  bars.map((bar) => t("admin.overview.share", { label: bar.label, figure: formatCount(bar.value, t("format.locale")) })).join(", ");
