/**
 * Errors at the field, as GOV.UK shows them and the server-rendered forms do
 * (src/components/Field.astro): the message just above the field, with a
 * hidden "Error:" for screen readers, tied to the field by aria-describedby,
 * and the field marked aria-invalid. A summary may list them too; this is
 * where a person looking at the field finds what is wrong with it.
 */

const MARK = "data-field-error";

/** Takes every error this module put on the form away, restoring each field's own descriptions. */
export function clearFieldErrors(form) {
  for (const message of form.querySelectorAll(`[${MARK}]`)) {
    const field = form.querySelector(`[aria-describedby~="${message.id}"]`);
    if (field) {
      const rest = field.getAttribute("aria-describedby").split(" ").filter((id) => id && id !== message.id);
      rest.length > 0 ? field.setAttribute("aria-describedby", rest.join(" ")) : field.removeAttribute("aria-describedby");
      field.removeAttribute("aria-invalid");
    }
    message.remove();
  }
}

/** Puts `message` at `field` (a form control with an id); `prefix` is the page's "Error:". */
export function markFieldError(field, message, prefix) {
  const error = document.createElement("p");
  error.className = "error";
  error.id = `${field.id}-error`;
  error.setAttribute(MARK, "");
  const hidden = document.createElement("span");
  hidden.className = "visually-hidden";
  hidden.textContent = `${prefix} `;
  error.append(hidden, message);
  field.before(error);
  const described = (field.getAttribute("aria-describedby") || "").split(" ").filter(Boolean);
  field.setAttribute("aria-describedby", [...described, error.id].join(" "));
  field.setAttribute("aria-invalid", "true");
}
