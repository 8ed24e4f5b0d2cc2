/** Blank means missing: an empty or all-space form field, query value or setting counts as not given. */

/** For zod's preprocess: "" or "  " becomes undefined, anything else passes as it is. */
export const blankAsMissing = (value: unknown) => (typeof value === "string" && value.trim() === "" ? undefined : value);

/** A setting as given, trimmed, or undefined when it is blank or absent. */
export const givenSetting = (raw: string | undefined): string | undefined => raw?.trim() || undefined;
