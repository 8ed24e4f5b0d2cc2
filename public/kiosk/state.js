// @ts-check
/**
 * What the kiosk holds in memory while it runs: the screen on show, the
 * support worker's code while staff screens are open, and the person's
 * session. Nothing here outlives the page.
 */

/**
 * @typedef {{ paragraph: string, number: string, text: string }} Comment
 * @typedef {{ organisation: string, helper: string }} Assisted
 * @typedef {{ assisted?: Assisted, comments: Comment[], writing?: { paragraph: string, number: string } }} Session
 */

export const kiosk = {
  /** The screen on show. */
  current: "loading",
  /** Set when someone pressed send after the close: the closed screen then says their comments were not sent. */
  lateSend: false,
  /** @type {{ code: string } | undefined} The support worker's code while staff screens are open; gone on Finish, on inactivity and back at the start. */
  staff: undefined,
  /** @type {string | undefined} The staff screen asked for, shown once the code is right. */
  staffTarget: undefined,
  /** @type {Session} Everything about the person: cleared after sending, on "finish" and after inactivity. */
  session: { assisted: undefined, comments: [], writing: undefined },
  /** @type {string | undefined} The response whose receipt is on the screen (its idempotency key). */
  receiptFor: undefined,
};
