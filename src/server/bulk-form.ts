/**
 * The officer pages' bulk forms as the bulk action's input (functions/officers/bulk.ts):
 * the same fields the API takes, read from a form. Blank choices are left out,
 * so the schema says what is missing rather than what is malformed.
 */

interface FormValues {
  get(name: string): string;
  all(name: string): string[];
}

const given = (value: string) => (value.trim() === "" ? undefined : value);

/** The comment list's form: the comments ticked, or (with which=filter) every comment its filters match, as given in its address (the bulk schema checks them). */
export function bulkFromListForm(form: FormValues, filters: Record<string, string>): Record<string, unknown> {
  const action = form.get("bulkAction");
  return {
    action,
    ...(form.get("which") === "filter" ? { filter: filters } : { commentIds: form.all("comment") }),
    ...(action === "tag" && { theme: given(form.get("bulkTheme")) }),
    ...(action === "hide" && { reason: form.get("bulkReason") }),
    ...(action === "answer" && { feedback: given(form.get("bulkFeedback")) }),
  };
}

/**
 * A suggested grouping's forms: "Make a theme" (intent=theme), with an
 * existing theme if one is chosen, otherwise the new theme's name (which the
 * page fills in from the grouping's words, so choosing a theme must not need
 * clearing it); or another action on all its comments (intent=act).
 */
export function bulkFromGroupingForm(form: FormValues): Record<string, unknown> {
  const commentIds = form.all("commentIds");
  if (form.get("intent") === "theme") {
    const theme = given(form.get("theme"));
    return { action: "tag", commentIds, ...(theme ? { theme } : { themeName: form.get("themeName") }) };
  }
  const action = form.get("groupAction");
  return {
    action,
    commentIds,
    ...(action === "hide" && { reason: form.get("groupReason") }),
    ...(action === "answer" && { feedback: given(form.get("groupFeedback")) }),
  };
}

/** The bulk action's field names as a form's own field ids: the first message for each. */
export function bulkFormErrors(errors: Record<string, string>, fieldIds: Record<string, string>, fallback: string): Record<string, string> {
  const byField: Record<string, string> = {};
  for (const [name, message] of Object.entries(errors)) byField[fieldIds[name.split(".")[0]!] ?? fallback] ??= message;
  return byField;
}
