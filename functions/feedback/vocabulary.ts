/** The enumerated values of a feedback entry, as stored in D1 and named in the API, pages and open data. */

/** What the council did about what people said. */
export const OUTCOMES = ["changed", "partly", "not_changed", "under_review"] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** Only published entries are ever shown publicly. */
export const FEEDBACK_STATUSES = ["draft", "published"] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** The SQL condition every public read of feedback entries uses: drafts are for officers only. */
export const isPublished = (alias: string) => `${alias}.status = 'published'`;
