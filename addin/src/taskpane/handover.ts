// "Lämna över": a citizen's mail that belongs elsewhere is forwarded to a colleague or another unit's function mailbox,
// and the promise goes with it (the API keeps the received date, so the due date stays: FL 22 §). The form opens from a
// button, so the read view stays short for the common case.
import { describeEach } from "../api/client";
import type { HandoverRequest, HandoverResult } from "../api/contracts";
import { day, field, h, replace, status } from "../ui";
import { colleagueSearch } from "./colleagueSearch";
import { whom } from "./standing";

/** The API refuses a longer note; the field stops there first. */
const NOTE_MAX = 500;

export interface HandoverOptions {
  send(handover: HandoverRequest): Promise<HandoverResult>;
  handedOver(result: HandoverResult): void;
}

export function handoverSection(o: HandoverOptions): HTMLElement {
  const name = h("input", { id: "handover-name", type: "text", autocomplete: "off" });
  const address = h("input", { id: "handover-address", type: "email", required: true, autocomplete: "off" });
  const search = colleagueSearch("handover-search", "Sök mottagare", (c) => { name.value = c.name; address.value = c.email; address.focus(); },
    "Eller skriv in adressen nedan, till exempel en annan enhets funktionsbrevlåda.");
  const note = h("textarea", { id: "handover-note", rows: 3, maxlength: NOTE_MAX });
  const notify = h("input", { id: "handover-notify", type: "checkbox", checked: true });
  const submit = h("button", { type: "submit", class: "primary" }, "Lämna över mejlet");
  const progress = status("", "handover-status");
  const problem = h("div", { id: "handover-problem" });

  const toggle = h("button", { type: "button", class: "secondary", id: "handover-toggle", "aria-expanded": "false", "aria-controls": "handover-form" }, "Lämna över");
  const open = (on: boolean) => {
    form.hidden = !on;
    toggle.setAttribute("aria-expanded", String(on));
    (on ? search.field.querySelector("input")! : toggle).focus();
  };
  toggle.addEventListener("click", () => open(toggle.getAttribute("aria-expanded") !== "true"));

  const send = async (event: Event) => {
    event.preventDefault();
    submit.disabled = true;
    replace(problem);
    progress.textContent = "Lämnar över mejlet …";
    const to = address.value.trim();
    try {
      const result = await o.send({ to: { name: name.value.trim(), address: to }, note: note.value.trim() || null, notifyCitizen: notify.checked });
      progress.textContent = "";
      o.handedOver(result);
    } catch (error) {
      progress.textContent = "";
      const lines = describeEach(error);
      replace(problem, h("div", { role: "alert", class: "message-bar", "data-tone": "danger" },
        h("p", {}, h("strong", {}, "Mejlet lämnades inte över. ")),
        lines.length === 1 ? h("p", {}, lines[0]) : h("ul", {}, ...lines.map((line) => h("li", {}, line)))));
      submit.disabled = false;
    }
  };

  const form: HTMLFormElement = h("form", { id: "handover-form", hidden: true, onsubmit: send, "aria-labelledby": "handover-heading" },
    search.field, search.hits,
    field("Mottagarens namn", name),
    field("Mottagarens e-post", address, "En kollega eller en funktionsbrevlåda i kommunen."),
    field("Anteckning till mottagaren (valfri)", note, `Högst ${NOTE_MAX} tecken. Skriv inga personnummer: anteckningen följer med mejlet.`),
    h("div", { class: "check" }, notify, h("label", { for: "handover-notify" }, "Meddela invånaren vem som är ny kontaktperson")),
    problem,
    h("div", { class: "actions" }, submit, h("button", { type: "button", class: "secondary", onclick: () => open(false) }, "Avbryt")),
    progress);

  return h("section", { "aria-labelledby": "handover-heading", id: "handover" },
    h("h2", { id: "handover-heading" }, "Lämna över till någon annan"),
    h("p", { class: "hint" }, "Ska någon annan svara? Mejlet skickas vidare och svarsdatumet följer med."),
    h("div", { class: "toolbar" }, toggle),
    form);
}

/** Right after the hand-over: to whom, and the due date, which stays as it was. Its heading takes focus (WCAG 2.4.3). */
export function handoverConfirmation(result: HandoverResult): HTMLElement {
  return h("section", { class: "message-bar confirmation", "data-tone": "success", "aria-labelledby": "confirmation" },
    h("h2", { id: "confirmation", tabindex: "-1" }, `Överlämnat till ${whom(result.handedOverTo)} — svara senast ${day(result.dueDate)}`),
    h("p", {}, "Mejlet är vidareskickat och svarsdatumet följer med. Nu är det mottagarens att svara."));
}
