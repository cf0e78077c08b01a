// "Registrering i Lex" beside a mail being read. Registered: its numbers and state. A registrar: the registration form,
// prefilled by the API. An official: "Be registratorn registrera", then where the request stands. What is shown and
// what may be done is the API's answer (GET /api/messages/{id}/registration); the pane only draws it.
import { describe } from "../api/client";
import type { CurrentOfficial, MessageRegistration, PublicEntry, RegistrationRequestView, RegistrationView } from "../api/contracts";
import { getRegistration, register, requestRegistration, retryRegistration, type MessageRef } from "../api/endpoints";
import { alert, dateTime, field, focusHeading, h, replace, status } from "../ui";
import { clearFieldErrors, showFieldErrors } from "./fieldErrors";
import { registrationForm } from "./registrationForm";

export const REGISTRAR = "Registrator";

/**
 * The reasons a mail need not be registered (OSL 5 kap. 1 §), as the decision form offers them; a decided request
 * carries the API's own `reasonText`.
 */
export const reasonNames: Record<string, string> = {
  "ringa-betydelse": "Av ringa betydelse för verksamheten",
  "hålls-ordnad": "Hålls ordnad så att det lätt kan fastställas om den kommit in",
};
export const reasonText = (r: RegistrationRequestView) => r.reasonText ?? (r.reason ? `${reasonNames[r.reason] ?? r.reason} (OSL 5 kap. 1 §)` : "");

/** The section, fetched once per pane load and kept across the read view's re-renders. */
export function registrationSection(item: MessageRef, me: CurrentOfficial): HTMLElement {
  const body = h("div", { id: "registration-body" }, status("Hämtar registreringen …"));
  const section = h("section", { id: "registration", "aria-labelledby": "registration-heading" },
    h("h2", { id: "registration-heading" }, "Registrering i Lex"), body);
  const registrar = me.roles.includes(REGISTRAR);

  const load = async (done?: HTMLElement) => {
    try {
      draw(await getRegistration(item), done);
    } catch (error) {
      replace(body, alert(`Registreringen kunde inte hämtas: ${describe(error)}`),
        h("button", { type: "button", class: "secondary", onclick: () => void load() }, "Försök igen"));
    }
  };

  const draw = (answer: MessageRegistration, done?: HTMLElement) => {
    const { registration, request } = answer;
    if (registration && registration.state !== "refused") {
      replace(body, done, ...registered(registration, registrar ? () => retry(registration) : null));
    } else if (registrar && answer.prefill) {
      // A request in the queue for this very message: the registration answers it.
      const asked = request?.state === "pending" && request.messageId === item.id ? request : null;
      replace(body, done,
        registration && alert(`Diariet avvisade registreringen: ${registration.problem ?? registration.stateText}. Registrera mejlet igen.`),
        asked && requestLine(asked),
        registrationForm({
          prefix: "reg", heading: "Uppgifter till diariet", prefill: answer.prefill, suggestions: answer.suggestions,
          caseNumber: asked?.caseNumber ?? null, requestId: asked?.id ?? null,
          send: (input) => register(item, input),
          registered: (view) => void load(result(view)),
        }));
    } else if (request) {
      replace(body, done, ...requested(request));
    } else if (registrar) {
      replace(body, done, h("p", { class: "hint" }, "Mejlet kunde inte läsas för registrering."));
    } else {
      replace(body, done, ...requestForm(item, () => void load(h("p", { class: "message-bar", "data-tone": "success", id: "registration-result" },
        "Begäran är skickad. Registratorn registrerar mejlet eller ger besked här."))));
    }
    if (done) focusHeading(done);
  };

  const retry = async (registration: RegistrationView) => {
    const progress = document.getElementById("registration-retry-status");
    if (progress) progress.textContent = "Skickar registreringen till Lex igen …";
    try {
      await retryRegistration(registration.id);
      await load(h("p", { role: "status", id: "registration-result" }, "Registreringen är skickad till Lex igen."));
    } catch (error) {
      if (progress) progress.textContent = `Det gick inte att försöka igen: ${describe(error)}`;
    }
  };

  void load();
  return section;
}

/** What the registrar just did: the number, first, with focus. */
function result(view: RegistrationView): HTMLElement {
  const numbers = view.caseNumber ? `${view.caseNumber}, handling ${view.documentNumber ?? "–"}` : view.stateText;
  return h("p", { class: "message-bar", "data-tone": "success", id: "registration-result" }, `Registrerat: ${numbers}.`);
}

/** A registration's numbers and state; one that waits for Lex says why, and a registrar may send it again. */
function registered(view: RegistrationView, retry: (() => void) | null): HTMLElement[] {
  const waiting = view.state === "queued" && view.problem;
  return [
    entryFacts(view.publicEntry, view.stateText),
    waiting ? h("div", { class: "message-bar", "data-tone": "warning", id: "registration-waiting" },
      h("p", {}, h("strong", {}, "Väntar på Lex. "), view.problem!),
      retry && h("div", { class: "toolbar" }, h("button", { type: "button", class: "secondary", id: "registration-retry", onclick: retry }, "Försök igen")),
      status("", "registration-retry-status")) : null,
  ].filter((e): e is HTMLElement => e !== null);
}

export function entryFacts(entry: PublicEntry, stateText: string, prefix = "registration"): HTMLElement {
  return h("dl", { class: "facts", id: `${prefix}-facts` },
    h("dt", {}, "Diarienummer"), h("dd", { id: `${prefix}-case-number` }, entry.caseNumber ?? "Inte klart än"),
    h("dt", {}, "Handling"), h("dd", { id: `${prefix}-document-number` }, entry.documentNumber === null ? "Inte klart än" : String(entry.documentNumber)),
    entry.caseTitle && h("dt", {}, "Ärende"), entry.caseTitle && h("dd", {}, entry.caseTitle),
    h("dt", {}, "Läge"), h("dd", { id: `${prefix}-state` }, stateText),
    entry.registeredAt && h("dt", {}, "Registrerat"), entry.registeredAt && h("dd", {}, dateTime(entry.registeredAt)),
    entry.secret && h("dt", {}, "Sekretess"), entry.secret && h("dd", {}, entry.secrecyGround ?? "Ja"));
}

/** Who asked for the registration, and their note to the registrar. */
function requestLine(request: RegistrationRequestView): HTMLElement {
  return h("p", { class: "hint", id: "registration-requested-by" },
    `${request.requestedBy.name || request.requestedBy.address} bad om registrering ${dateTime(request.requestedAt)}`,
    request.caseNumber ? ` (ärende ${request.caseNumber})` : "", request.note ? `: ”${request.note}”` : ".");
}

/** Where an official's request stands: waiting, registered (the numbers), or need not be registered (the reason). */
function requested(request: RegistrationRequestView): HTMLElement[] {
  if (request.state === "registered" && request.registration) return [entryFacts(request.registration, request.stateText)];
  if (request.state === "not-registered")
    return [h("div", { class: "message-bar", "data-tone": "neutral", id: "registration-decision" },
      h("p", {}, h("strong", {}, `${request.stateText}: `), reasonText(request)),
      request.decisionNote && h("p", {}, `Registratorns anteckning: ${request.decisionNote}`))];
  return [h("p", { class: "standing", "data-tone": "neutral", id: "registration-request-state" }, request.stateText),
    h("p", { class: "hint" }, `Du bad om registrering ${dateTime(request.requestedAt)}. Diarienumret visas här när mejlet är registrerat.`)];
}

/** "Be registratorn registrera": a button that opens a short form with an optional note. */
function requestForm(item: MessageRef, sent: () => void): HTMLElement[] {
  const note = h("textarea", { id: "registration-note", rows: 3, maxlength: 500 });
  const submit = h("button", { type: "submit", class: "primary" }, "Skicka begäran");
  const progress = status("", "registration-request-status");
  const problem = h("div", { id: "registration-request-problem" });
  const form = h("form", { id: "registration-request-form", "aria-label": "Be registratorn registrera", hidden: true },
    field("Meddelande till registratorn (valfritt)", note, "Till exempel vilket ärende mejlet hör till. Skriv inga personnummer."),
    h("div", { class: "toolbar" }, submit), progress, problem);
  const toggle = h("button", { type: "button", class: "secondary", id: "registration-request-toggle", "aria-expanded": "false", "aria-controls": form.id },
    "Be registratorn registrera");
  toggle.addEventListener("click", () => {
    const open = toggle.getAttribute("aria-expanded") !== "true";
    form.hidden = !open;
    toggle.setAttribute("aria-expanded", String(open));
    if (open) note.focus();
  });
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      clearFieldErrors(form, problem);
      submit.disabled = true;
      progress.textContent = "Skickar begäran …";
      try {
        await requestRegistration(item, { note: note.value.trim() || null, caseNumber: null });
        sent();
      } catch (error) {
        progress.textContent = "";
        showFieldErrors(error, (name) => name.toLowerCase() === "note" ? note : null, problem);
      } finally {
        submit.disabled = false;
      }
    })();
  });
  return [h("p", { class: "hint" }, "Allmänna handlingar ska registreras. Registratorn registrerar mejlet i Lex."), h("div", { class: "toolbar" }, toggle), form];
}
