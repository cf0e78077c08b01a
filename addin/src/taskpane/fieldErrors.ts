// The API's refusal (a 400 with `errors: { field: [Swedish message] }`) shown where it belongs (WCAG 3.3.1, 3.3.3): at the
// control the field names, which gets aria-invalid, is described by the message and takes focus. A message for no
// control of the form is shown as an alert in `elsewhere`.
import { ApiError, describe } from "../api/client";
import { alert, h, replace } from "../ui";

/** Takes away the messages of the last try. */
export function clearFieldErrors(form: HTMLElement, elsewhere: HTMLElement): void {
  for (const error of form.querySelectorAll(".field-error")) error.remove();
  for (const invalid of form.querySelectorAll("[aria-invalid]")) {
    invalid.removeAttribute("aria-invalid");
    const ids = (invalid.getAttribute("aria-describedby") ?? "").split(" ").filter((id) => id && !id.endsWith("-error"));
    if (ids.length) invalid.setAttribute("aria-describedby", ids.join(" ")); else invalid.removeAttribute("aria-describedby");
  }
  replace(elsewhere);
}

/** Shows each message of `error`; `controlFor` finds (and opens) the control of an API field name, or null. */
export function showFieldErrors(error: unknown, controlFor: (field: string) => HTMLElement | null, elsewhere: HTMLElement): void {
  const errors = error instanceof ApiError && error.status === 400 ? Object.entries(error.problem.errors ?? {}) : [];
  let first: HTMLElement | null = null;
  const other: string[] = [];
  for (const [name, messages] of errors) {
    const control = controlFor(name);
    if (!control) { other.push(...messages); continue; }
    const message = h("p", { class: "field-error", id: `${control.id}-error` }, messages.join(" "));
    control.setAttribute("aria-invalid", "true");
    control.setAttribute("aria-describedby", [control.getAttribute("aria-describedby"), message.id].filter(Boolean).join(" "));
    // A radio group's message goes under its legend; any other control's under the control's field.
    const group = (control as HTMLInputElement).type === "radio" ? control.closest("fieldset")?.querySelector("legend") : null;
    (group ?? control.closest(".field") ?? control).after(message);
    first ??= control;
  }
  if (errors.length === 0) other.push(describe(error));
  if (other.length) replace(elsewhere, alert(other.join(" ")));
  first?.focus();
}
