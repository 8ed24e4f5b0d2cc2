/** The enumerated values of a response, as stored in D1 and named in the API, exports and filters. */

/** How a response reached us. */
export const CHANNELS = ["online", "kiosk", "paper"] as const;
export type Channel = (typeof CHANNELS)[number];

/** A comment's moderation status: hidden comments are never shown publicly. */
export const COMMENT_STATUSES = ["received", "hidden"] as const;
export type CommentStatus = (typeof COMMENT_STATUSES)[number];

export const RESPONDENT_TYPES = ["individual", "organisation"] as const;
export type RespondentType = (typeof RESPONDENT_TYPES)[number];

/** A response's respondent type as officers count and filter it: "unknown" when the person did not say. */
export const RESPONDENT_KINDS = [...RESPONDENT_TYPES, "unknown"] as const;
export type RespondentKind = (typeof RESPONDENT_KINDS)[number];
