// @ts-check
/**
 * The one rule for when the consultation takes comments, as instants in
 * milliseconds. The server imports this file (through
 * functions/consultation/period.ts) and the kiosk loads it (public/kiosk.js),
 * so a kiosk offline and the server never disagree about the close. Plain
 * JavaScript, so the same file serves both.
 */

/**
 * The first instant that no longer counts as open: the close names the last second that still counts, so all of it is open.
 * @param {number} closesAt
 * @returns {number}
 */
export function closedFrom(closesAt) {
  return Math.floor(closesAt / 1000) * 1000 + 1000;
}

/**
 * Whether comments are taken at `now`.
 * @param {number} opensAt
 * @param {number} closesAt
 * @param {number} now
 * @returns {"not_open" | "open" | "closed"}
 */
export function statusAt(opensAt, closesAt, now) {
  if (now < opensAt) return "not_open";
  if (now < closedFrom(closesAt)) return "open";
  return "closed";
}
