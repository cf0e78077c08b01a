// What the citizen has been sent about this message: each receipt with when, to whom, subject, text and status, also
// when the pane is opened again later; and the confirmation that focus moves to right after sending.
import type { AcknowledgementResult, SentAcknowledgement } from "../api/contracts";
import { dateTime, day, h, mailFrame, type Tone } from "../ui";

const kinds: Record<SentAcknowledgement["kind"], string> = { first: "Mottagningsbevis", update: "Nytt besked" };

/** The confirmation right after sending; its heading takes focus (WCAG 2.4.3), so nobody is left at the top of the page. */
export function confirmation(result: AcknowledgementResult, kind: SentAcknowledgement["kind"]): HTMLElement {
  const what = kind === "first" ? "Mottagningsbeviset" : "Det nya beskedet";
  const [tone, heading, next]: [Tone, string, string] =
    result.status === "sent" ? ["success", `${what} är skickat`, ""]
    : result.status === "queued" ? ["warning", `${what} väntar på att skickas`, " Det skickas så snart Outlook kan nås; du behöver inte göra något mer."]
    : ["danger", `${what} kunde inte skickas`, " Se felet under Skickat till invånaren."];
  return h("section", { class: "message-bar confirmation", "data-tone": tone, "aria-labelledby": "confirmation" },
    h("h2", { id: "confirmation", tabindex: "-1" }, heading),
    h("p", {}, `Svar utlovat ${day(result.promisedDate)}. Kontaktperson: ${result.contactPerson.name}.${next}`));
}

export function sentReceipts(receipts: SentAcknowledgement[], reload: () => void): HTMLElement {
  return h("section", { "aria-labelledby": "sent-heading", id: "sent" },
    h("h2", { id: "sent-heading" }, "Skickat till invånaren"),
    h("ol", { class: "receipts" }, ...receipts.map((r, i) => receipt(r, i === receipts.length - 1, reload))));
}

function receipt(r: SentAcknowledgement, latest: boolean, reload: () => void): HTMLLIElement {
  const icon = (glyph: string) => h("span", { "aria-hidden": "true", class: "icon" }, glyph);
  return h("li", { class: "receipt", "data-status": r.status, "data-kind": r.kind },
    h("h3", {}, kinds[r.kind]),
    r.status === "sent" && h("p", { class: "standing", "data-tone": "success" }, icon("✓"), ` Skickat ${dateTime(r.sentAt ?? r.createdAt)}`),
    r.status === "queued" && h("div", { class: "standing", "data-tone": "warning" },
      h("p", {}, icon("…"), ` Väntar på att skickas (sparat ${dateTime(r.createdAt)})`),
      h("p", { class: "detail" }, "Kontaktlöfte skickar det så snart Outlook kan nås. Du behöver inte göra något."),
      r.error && h("p", { class: "detail" }, `Senaste försöket: ${r.error}`),
      h("button", { type: "button", class: "secondary", onclick: reload }, "Uppdatera")),
    r.status === "failed" && h("div", { class: "message-bar", "data-tone": "danger", role: "alert" },
      h("p", {}, icon("!"), h("strong", {}, ` Kunde inte skickas (${dateTime(r.createdAt)}): `), r.error ?? "okänt fel."),
      h("p", {}, "Gör det som felet säger. Skicka sedan igen med formuläret nedan (mottagningsbevis eller Nytt besked), eller svara invånaren direkt i Outlook.")),
    h("dl", { class: "facts" },
      h("dt", {}, "Till"), h("dd", {}, r.to),
      h("dt", {}, "Ämne"), h("dd", {}, r.subject),
      h("dt", {}, "Svar utlovat"), h("dd", {}, day(r.promisedDate)),
      h("dt", {}, "Kontaktperson"), h("dd", {}, r.contactPerson.name)),
    r.bodyHtml === null
      ? h("p", { class: "hint" }, "Texten finns inte kvar i Kontaktlöfte.")
      : h("details", { open: latest }, h("summary", {}, "Texten som skickades"),
        // The API's own HTML with every value encoded; still shown in a frame without scripts.
        mailFrame(r.bodyHtml, `${kinds[r.kind]}: texten som skickades`, "preview-frame")));
}
