// The receipt form: the first acknowledgement and every "nytt besked" after it. Contact person (me, the one named
// before, or a colleague found by search), an answer date from the days the API offers, language, an own line;
// preview (with the API's warnings) and send.
import { describe } from "../api/client";
import type { AcknowledgementRequest, AcknowledgementResult, Colleague, ContactPerson, CurrentOfficial, ReceiptPreview } from "../api/contracts";
import { day, field, h, mailFrame, replace, status } from "../ui";
import { colleagueSearch } from "./colleagueSearch";

// The languages a receipt is written in: Swedish, Finnish (Botkyrka is a Finnish administrative area, Lag 2009:724), English.
const languages: Record<string, string> = { sv: "Svenska", fi: "Finska (suomi)", en: "Engelska" };

export interface ReceiptFormOptions {
  heading: string;
  hint: string;
  submit: string;
  me: CurrentOfficial;
  /** The contact person named in the last receipt, offered first when it is somebody else. */
  previous: ContactPerson | null;
  language: string;
  /** The working days the API accepts, and the one to start from. */
  dates: string[];
  date: string;
  preview(receipt: AcknowledgementRequest): Promise<ReceiptPreview>;
  send(receipt: AcknowledgementRequest, idempotencyKey: string): Promise<AcknowledgementResult>;
  sent(result: AcknowledgementResult): void;
}

export function receiptForm(o: ReceiptFormOptions): HTMLElement {
  const other = o.previous && o.previous.email.toLowerCase() !== o.me.email.toLowerCase() ? o.previous : null;
  const who = h("select", { id: "contact" },
    other && h("option", { value: "previous", selected: true }, `Samma som förut (${other.name})`),
    h("option", { value: "me" }, `Jag (${o.me.name})`),
    h("option", { value: "colleague" }, "En kollega"));
  const colleague = colleagueFields();
  who.addEventListener("change", () => { colleague.fieldset.hidden = who.value !== "colleague"; });
  const date = h("select", { id: "promised-date" }, ...o.dates.map((d) => h("option", { value: d, selected: d === o.date }, day(d))));
  const language = h("select", { id: "language" },
    ...Object.entries(languages).map(([v, label]) => h("option", { value: v, selected: v === o.language }, label)));
  const personal = h("textarea", { id: "personal-line", rows: 2, maxlength: 500 });
  const preview = h("div", { class: "preview", id: "preview" });
  const result = status("", "receipt-status");

  const receipt = (): AcknowledgementRequest => ({
    contactPerson: who.value === "colleague" ? colleague.person() : who.value === "previous" ? other : null,
    promisedDate: date.value, language: language.value, personalLine: personal.value.trim() || null,
  });

  // The API's warnings go above the send button, where they are read before sending; the receipt itself below.
  const warnings = h("div", { id: "receipt-warnings-area" });
  const showPreview = async () => {
    result.textContent = "Förbereder förhandsgranskning …";
    try {
      const shown = await o.preview(receipt());
      const count = shown.warnings.length;
      replace(warnings, count > 0 && h("div", { class: "message-bar", "data-tone": "warning", id: "receipt-warnings" },
        h("h3", {}, "Kontrollera innan du skickar"),
        h("ul", {}, ...shown.warnings.map((w) => h("li", { "data-code": w.code }, w.message)))));
      replace(preview,
        h("p", {}, h("strong", {}, "Till: "), shown.to), h("p", {}, h("strong", {}, "Ämne: "), shown.subject),
        // The receipt is the API's own HTML with every value encoded; still shown in a sandbox without scripts.
        mailFrame(shown.bodyHtml, "Förhandsgranskning av beskedet", "preview-frame"));
      result.textContent = (count > 0 ? `Kontrollera ${count === 1 ? "en sak" : `${count} saker`} ovanför knapparna innan du skickar. ` : "")
        + "Förhandsgranskningen visas nedanför knapparna.";
    } catch (error) {
      result.textContent = describe(error);
    }
  };

  // One Idempotency-Key per receipt sent: a new one for each click that sends something new, the same one when the
  // official tries again after an error with the same content (the first try may have reached the API after all).
  let attempt: { key: string; content: string } | null = null;
  const send = async (event: Event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    const content = receipt();
    const json = JSON.stringify(content);
    if (attempt?.content !== json) attempt = { key: crypto.randomUUID(), content: json };
    button.disabled = true;
    result.textContent = "Skickar …";
    try {
      const sent = await o.send(content, attempt.key);
      attempt = null;
      o.sent(sent);
    } catch (error) {
      result.textContent = describe(error);
      button.disabled = false;
    }
  };

  const form = h("form", { onsubmit: send, "aria-labelledby": "receipt-heading" },
    field("Kontaktperson", who),
    colleague.fieldset,
    field("Svar senast", date, "Bara arbetsdagar visas."),
    field("Språk", language),
    field("Egen rad (valfri)", personal),
    warnings,
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: () => void showPreview() }, "Förhandsgranska"),
      h("button", { type: "submit", class: "primary" }, o.submit)),
    result);
  // A preview shows what was chosen then: once anything changes it is out of date, so it goes.
  form.addEventListener("input", () => { if (preview.hasChildNodes() || warnings.hasChildNodes()) { replace(preview); replace(warnings); result.textContent = ""; } });
  return h("section", { "aria-labelledby": "receipt-heading" },
    h("h2", { id: "receipt-heading" }, o.heading),
    h("p", { class: "hint" }, o.hint),
    form, preview);
}

/** A colleague as contact person: search the directory, or type the details in. */
function colleagueFields() {
  const input = (id: string, type: string, autocomplete: string) => h("input", { id: `colleague-${id}`, type, autocomplete });
  const name = input("name", "text", "name"), title = input("title", "text", "organization-title");
  const phone = input("phone", "tel", "tel"), email = input("email", "email", "email");
  const search = colleagueSearch("colleague-search", "Sök kollega", (c: Colleague) => {
    name.value = c.name; title.value = c.title ?? ""; phone.value = c.phone ?? ""; email.value = c.email;
    name.focus();
  });
  const fieldset = h("fieldset", { hidden: true, id: "colleague" },
    h("legend", {}, "Kollegans uppgifter"),
    search.field, search.hits,
    field("Namn", name), field("Titel", title), field("Telefon", phone), field("E-post", email));
  const person = (): ContactPerson => ({ name: name.value, title: title.value, phone: phone.value, email: email.value });
  return { fieldset, person };
}
