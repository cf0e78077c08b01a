// "Att registrera": the officials' requests waiting for a registrar, oldest first as the API gives them. Each can be
// opened, registered (the form posts for the message in the official's mailbox, with the request) or decided "behöver
// inte registreras" with a reason (OSL 5 kap. 1 §).
import { describe } from "../api/client";
import type { NotRegisteredReason, RegistrationPrefill, RegistrationRequestView } from "../api/contracts";
import { decideRegistrationRequest, getRegistration, listRegistrationRequests, register } from "../api/endpoints";
import { openMessage } from "../office/outlook";
import { alert, dateTime, field, focusHeading, h, replace, status } from "../ui";
import { clearFieldErrors, showFieldErrors } from "./fieldErrors";
import { reasonNames } from "./registration";
import { registrationForm } from "./registrationForm";

export function registrationQueue(): HTMLElement {
  const heading = h("h2", { id: "queue-heading" }, "Att registrera");
  const done = h("div", { id: "queue-done" });
  const list = h("div", { id: "queue-items" }, status("Hämtar begärandena …"));
  const progress = status("", "queue-status");
  const refresh = h("button", { type: "button", class: "secondary", id: "queue-refresh" }, "Uppdatera kön");
  const section = h("section", { id: "registration-queue", "aria-labelledby": "queue-heading" },
    heading, done, list, h("div", { class: "toolbar" }, refresh), progress);

  let latest = 0;
  const load = async (announce: boolean) => {
    const request = ++latest;
    if (announce) progress.textContent = "Uppdaterar …";
    try {
      const { items } = await listRegistrationRequests("pending");
      if (request !== latest) return;
      replace(heading, `Att registrera${items.length ? ` (${items.length})` : ""}`);
      replace(list, items.length === 0
        ? h("p", { id: "queue-empty" }, "Inga begäranden väntar.")
        : h("ol", { class: "worklist-items", "aria-labelledby": "queue-heading" }, ...items.map((item, i) => entry(item, i, finished))));
      if (announce) progress.textContent = items.length === 0 ? "Kön är uppdaterad: inga begäranden väntar." : `Kön är uppdaterad: ${items.length} väntar.`;
    } catch (error) {
      if (request !== latest) return;
      progress.textContent = "";
      replace(list, alert(`Kön kunde inte hämtas: ${describe(error)}`));
    }
  };
  /** A request dealt with: what became of it first, with focus, and the queue without it. */
  const finished = (message: string) => {
    const shown = h("p", { class: "message-bar", "data-tone": "success", id: "queue-result" }, message);
    replace(done, shown);
    focusHeading(shown);
    void load(false);
  };
  refresh.addEventListener("click", () => void load(true));
  void load(false);
  return section;
}

function entry(request: RegistrationRequestView, index: number, finished: (message: string) => void): HTMLLIElement {
  const p = `queue-${index}`;
  // OSL: a sensitive mail's request keeps neither subject nor sender.
  const subject = request.subject ?? "Känsligt innehåll";
  const titleId = `${p}-title`;
  const work = h("div", { id: `${p}-work` });
  const problem = h("div", { id: `${p}-problem` });
  const buttons: HTMLButtonElement[] = [];
  const button = (label: string, className: string, onclick: (b: HTMLButtonElement) => void) => {
    const b = h("button", { type: "button", class: className, "aria-describedby": titleId }, label);
    b.addEventListener("click", () => onclick(b));
    buttons.push(b);
    return b;
  };
  /** One piece of work at a time per request: the button that opened it says so (aria-expanded). */
  const open = (opener: HTMLButtonElement | null, content: HTMLElement | null) => {
    for (const b of buttons) if (b.hasAttribute("aria-expanded")) b.setAttribute("aria-expanded", String(b === opener && content !== null));
    replace(work, content);
  };
  const close = (opener: HTMLButtonElement) => { open(null, null); opener.focus(); };

  const registerButton = button("Registrera", "primary", (b) => void startRegistration(b));
  const decideButton = button("Behöver inte registreras", "secondary", (b) => open(b, decisionForm(p, request, () => close(b), finished)));
  registerButton.setAttribute("aria-expanded", "false");
  decideButton.setAttribute("aria-expanded", "false");
  registerButton.setAttribute("aria-controls", work.id);
  decideButton.setAttribute("aria-controls", work.id);

  const startRegistration = async (opener: HTMLButtonElement) => {
    open(opener, status("Hämtar mejlet …"));
    try {
      // The mail is in the official's mailbox: no ?mailbox=, and the request goes with the registration.
      const message = { id: request.messageId, mailbox: null };
      const answer = await getRegistration(message, request.id);
      if (answer.registration && answer.registration.state !== "refused") {
        finished(`Mejlet är redan registrerat: ${answer.registration.caseNumber ?? answer.registration.stateText}.`);
        return;
      }
      const form = registrationForm({
        prefix: `${p}-reg`, heading: `Registrera: ${subject}`, prefill: answer.prefill ?? prefillOf(request), suggestions: answer.suggestions,
        caseNumber: request.caseNumber, requestId: request.id,
        send: (input) => register(message, input),
        registered: (view) => finished(`Registrerat: ${view.caseNumber ?? view.stateText}${view.documentNumber ? `, handling ${view.documentNumber}` : ""} (${subject}).`),
        cancel: () => close(opener),
      });
      open(opener, form);
      focusHeading(form.querySelector("h3"));
    } catch (error) {
      open(opener, alert(`Mejlet kunde inte hämtas för registrering: ${describe(error)}`));
    }
  };

  return h("li", { class: "work-item queue-item", "data-id": request.id },
    h("h3", { id: titleId }, subject),
    h("dl", { class: "facts" },
      request.from && h("dt", {}, "Från"), request.from && h("dd", {}, request.from.name ? `${request.from.name} <${request.from.address}>` : request.from.address),
      h("dt", {}, "Mottaget"), h("dd", {}, dateTime(request.receivedAt)),
      h("dt", {}, "Begärt av"), h("dd", { class: "requested-by" }, `${request.requestedBy.name || request.requestedBy.address}, ${dateTime(request.requestedAt)}`),
      request.caseNumber && h("dt", {}, "Ärende"), request.caseNumber && h("dd", { class: "case" }, request.caseNumber),
      request.note && h("dt", {}, "Anteckning"), request.note && h("dd", { class: "note" }, request.note)),
    h("div", { class: "toolbar" },
      button("Öppna mejlet", "secondary", () => {
        replace(problem);
        if (!openMessage(request.messageId, request.webLink))
          replace(problem, alert(`Mejlet kunde inte öppnas härifrån. Det ligger i ${request.mailbox}, mottaget ${dateTime(request.receivedAt)}.`));
      }),
      registerButton, decideButton),
    problem, work);
}

/**
 * What the form starts from when the API cannot read the mail for the registrar (it is in the official's mailbox):
 * the request's own facts. The API decides anyway; this only fills the fields.
 */
function prefillOf(request: RegistrationRequestView): RegistrationPrefill {
  return {
    direction: "incoming", title: request.subject ?? "", from: request.from ?? { name: "", address: "" },
    date: request.receivedAt.slice(0, 10), sensitive: request.sensitive, attachments: [],
  };
}

/** "Behöver inte registreras": the reason (OSL 5 kap. 1 §) and a note to the official. */
function decisionForm(p: string, request: RegistrationRequestView, cancel: () => void, finished: (message: string) => void): HTMLElement {
  const reasons = (Object.keys(reasonNames) as NotRegisteredReason[]).map((r, i) =>
    h("input", { type: "radio", name: `${p}-reason`, id: `${p}-reason-${i}`, value: r, checked: i === 0 }));
  const note = h("textarea", { id: `${p}-decision-note`, rows: 3, maxlength: 500 });
  const submit = h("button", { type: "submit", class: "primary" }, "Spara beslutet");
  const progress = status("", `${p}-decision-status`);
  const problem = h("div", { id: `${p}-decision-problem` });
  const headingId = `${p}-decision-heading`;
  const form = h("form", { "aria-labelledby": headingId, class: "decision-form" },
    h("h3", { id: headingId }, "Behöver inte registreras"),
    h("fieldset", {}, h("legend", {}, "Skäl (OSL 5 kap. 1 §)"),
      ...reasons.map((r) => h("div", { class: "check" }, r, h("label", { for: r.id }, reasonNames[r.value])))),
    field("Anteckning till handläggaren (valfri)", note),
    h("div", { class: "toolbar" }, submit, h("button", { type: "button", class: "secondary", onclick: cancel }, "Avbryt")),
    progress, problem);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      clearFieldErrors(form, problem);
      submit.disabled = true;
      progress.textContent = "Sparar beslutet …";
      try {
        const reason = reasons.find((r) => r.checked)!.value as NotRegisteredReason;
        await decideRegistrationRequest(request.id, { decision: "not-registered", reason, note: note.value.trim() || null });
        finished(`Sparat: ${request.subject ?? "mejlet"} behöver inte registreras. Handläggaren ser beslutet.`);
      } catch (error) {
        progress.textContent = "";
        showFieldErrors(error, (name) => name.toLowerCase() === "note" ? note : name.toLowerCase() === "reason" ? reasons[0] : null, problem);
      } finally {
        submit.disabled = false;
      }
    })();
  });
  queueMicrotask(() => reasons[0].focus());
  return form;
}
