/**
 * Every limit the portal promises, in one place. Schemas enforce them,
 * pages use them for `maxlength`, and messages quote them through the
 * placeholders of the same names (see `limitParams`).
 */
import { remembered } from "./lib/remembered.ts";
export const LIMITS = {
  /** Characters in one comment, counted as people count them. */
  commentLength: 5000,
  commentsPerResponse: 50,
  organisationLength: 200,
  idempotencyKeyMin: 8,
  idempotencyKeyMax: 200,
  turnstileTokenLength: 4096,
  /** Officers' fields. */
  hideReasonLength: 500,
  redactionLength: 10_000,
  themeNameLength: 80,
  themesPerComment: 100,
  searchLength: 200,
  referenceFilterLength: 20,
  /** Feedback entries ("You said, we did"). */
  feedbackTitleLength: 120,
  feedbackTextLength: 5000,
  paragraphsPerFeedback: 50,
  /** References, or comment ids, named in one request to a feedback entry. */
  commentsPerSelection: 500,
  quotesPerFeedback: 3,
  /** Characters in one quote: a short part of a comment, not all of a long one. */
  quoteLength: 300,
  /** Comments changed by one bulk action (tag, mark read, hide, answer): all of them in one D1 batch. */
  commentsPerBulkAction: 500,
  /** Comments the suggested groupings compare at once: the work grows with its square, and must fit in one request. */
  commentsForSuggestions: 400,
  /** Suggested groupings shown at once, and what each shows. */
  suggestedGroupings: 12,
  termsPerGrouping: 6,
  examplesPerGrouping: 3,
  /** Comments marked read or unread in one request: a page of the comment list. */
  commentsPerReadingMark: 100,
  /** Officers sharing the work: a name given at sign-in or typed for an assignment (an email fits), and a private note. */
  officerNameLength: 254,
  officerNoteLength: 2000,
  /** Refused responses one kiosk reports in one request. */
  refusedPerReport: 50,
  /** Kiosks and paper. */
  kioskNameLength: 100,
  helperLength: 100,
  paperBatchSize: 500,
  /** Forms with references anyone may print at once; batches are for signed-in officers. */
  publicPrintSheets: 5,
  kioskReferencePool: 50,
  /** Minutes a kiosk's clock may run ahead of the server's: a send pressed later than that is a clock to fix, not a time to believe. */
  pressedSendAheadMinutes: 5,
  /** Words in one line of the easy-read version: short sentences, one idea per line. */
  easyReadWordsPerLine: 15,
} as const;

/**
 * The most bytes one character can take on the wire: a character outside the
 * Basic Multilingual Plane is 4 bytes of UTF-8, so 12 when a form
 * percent-encodes them, and two 6-byte \u escapes in JSON.
 */
const WIRE_BYTES_PER_CHARACTER = 12;

/**
 * Bytes in one request body to POST /api/responses: enough for the most
 * comments of the longest length in any script and any encoding, plus room
 * for everything else, so no response within the limits above is refused for its size.
 */
export const REQUEST_BYTES = LIMITS.commentsPerResponse * LIMITS.commentLength * WIRE_BYTES_PER_CHARACTER + 64 * 1024;

/** Seconds a limited client is asked to wait: the rate limiter counts in windows of this length. */
export const RETRY_AFTER_SECONDS = 60;

/**
 * The limits as message placeholders, formatted for the reader's locale:
 * once per locale, since formatting them for every request cost a fifth of a
 * simple request's time.
 */
export const limitParams: (locale: string) => Readonly<LimitParams> = remembered((locale: string) => Object.freeze(formatLimits(locale)));

/** Each limit by the name messages give it, formatted. */
export type LimitParams = ReturnType<typeof formatLimits>;

function formatLimits(locale: string) {
  const number = new Intl.NumberFormat(locale);
  return {
    maxLength: number.format(LIMITS.commentLength),
    maxComments: number.format(LIMITS.commentsPerResponse),
    maxOrganisation: number.format(LIMITS.organisationLength),
    minKey: number.format(LIMITS.idempotencyKeyMin),
    maxKey: number.format(LIMITS.idempotencyKeyMax),
    maxKilobytes: number.format(Math.ceil(REQUEST_BYTES / 1024)),
    maxReason: number.format(LIMITS.hideReasonLength),
    maxThemeName: number.format(LIMITS.themeNameLength),
    maxSearch: number.format(LIMITS.searchLength),
    maxReference: number.format(LIMITS.referenceFilterLength),
    maxTitle: number.format(LIMITS.feedbackTitleLength),
    maxFeedbackText: number.format(LIMITS.feedbackTextLength),
    maxParagraphs: number.format(LIMITS.paragraphsPerFeedback),
    maxSelection: number.format(LIMITS.commentsPerSelection),
    maxQuotes: number.format(LIMITS.quotesPerFeedback),
    maxQuote: number.format(LIMITS.quoteLength),
    maxReadingMark: number.format(LIMITS.commentsPerReadingMark),
    maxBulk: number.format(LIMITS.commentsPerBulkAction),
    maxSuggestionComments: number.format(LIMITS.commentsForSuggestions),
    maxKioskName: number.format(LIMITS.kioskNameLength),
    maxHelper: number.format(LIMITS.helperLength),
    maxBatch: number.format(LIMITS.paperBatchSize),
    maxPublicPrint: number.format(LIMITS.publicPrintSheets),
    maxPool: number.format(LIMITS.kioskReferencePool),
    maxOfficerName: number.format(LIMITS.officerNameLength),
    maxNote: number.format(LIMITS.officerNoteLength),
  };
}
