// The registrar's form: a mail registered as a public record in Lex, in a suggested, an existing or a new case. The form
// only gathers the registrar's choices; every rule (series, case number, secrecy ground, what is kept apart) is the API's,
// and its Swedish refusal is shown at the field it names, which gets focus.
import { describe } from "../api/client";
import type { CaseSuggestion, Direction, RegistrationInput, RegistrationPrefill, RegistrationView } from "../api/contracts";
import { getSeries } from "../api/endpoints";
import { day, field, h, replace, status } from "../ui";
import { clearFieldErrors, showFieldErrors } from "./fieldErrors";

export interface RegistrationFormOptions {
  /** Prefix of the form's ids: the read view's form and the queue's may be on the page together. */
  prefix: string;
  heading: string;
  prefill: RegistrationPrefill;
  suggestions: CaseSuggestion[];
  /** The case the official named in a request (a reply in a registered case). */
  caseNumber: string | null;
  /** The request in "Att registrera" this registration answers. */
  requestId: string | null;
  send(input: RegistrationInput): Promise<RegistrationView>;
  registered(view: RegistrationView): void;
  cancel?: () => void;
}

const directions: { id: Direction; name: string }[] = [
  { id: "incoming", name: "Inkommande" }, { id: "outgoing", name: "Utgående" }, { id: "internal", name: "Upprättad" },
];

/** Common document types; the registrar may write any other. */
const documentTypes = ["Skrivelse", "Ansökan", "Överklagande", "Klagomål", "Begäran om allmän handling", "Svar", "Beslut"];

const why = { conversation: "samma konversation", sender: "samma avsändare" } as const;

export function registrationForm(o: RegistrationFormOptions): HTMLElement {
  const p = o.prefix;
  const { prefill } = o;
  const headingId = `${p}-form-heading`;

  const direction = directions.map((d) => h("input", { type: "radio", name: `${p}-direction`, id: `${p}-direction-${d.id}`, value: d.id, checked: d.id === prefill.direction }));
  const directionSet = h("fieldset", { id: `${p}-direction` }, h("legend", {}, "Riktning"),
    ...directions.map((d, i) => h("div", { class: "check" }, direction[i], h("label", { for: direction[i].id }, d.name))));

  const title = h("input", { id: `${p}-title`, type: "text", value: prefill.title, maxlength: 500 });
  const titleHint = h("p", { class: "hint", id: `${p}-title-hint` }, "Från mejlets ämnesrad. Ändra om den inte beskriver handlingen.");

  // The case: a suggestion (same conversation or sender) first, else a number the registrar knows, else a new case.
  const caseName = `${p}-case`;
  const suggestionRadios = o.suggestions.map((s, i) => h("input", { type: "radio", name: caseName, id: `${p}-case-${i}`, value: s.caseNumber }));
  const existingRadio = h("input", { type: "radio", name: caseName, id: `${p}-case-existing`, value: "existing" });
  const newRadio = h("input", { type: "radio", name: caseName, id: `${p}-case-new`, value: "new" });
  const caseNumber = h("input", { id: `${p}-case-number`, type: "text", placeholder: "KS/2026:17", autocomplete: "off", value: o.caseNumber ?? "" });
  const caseTitle = h("input", { id: `${p}-case-title`, type: "text", maxlength: 500 });
  const seriesHolder = h("div", {}, status("Hämtar diarieserierna …"));
  let series: HTMLInputElement | HTMLSelectElement = h("input", { id: `${p}-series`, type: "text" });
  const existingFields = h("div", { class: "nested", id: `${p}-existing-fields` },
    field("Diarienummer", caseNumber, h("p", { class: "hint", id: `${p}-case-number-hint` }, "Till exempel KS/2026:17.")));
  const newFields = h("div", { class: "nested", id: `${p}-new-fields` }, seriesHolder,
    field("Ärendemening", caseTitle, h("p", { class: "hint", id: `${p}-case-title-hint` }, "Så som ärendet ska heta i det offentliga diariet.")));
  const caseSet = h("fieldset", { id: `${p}-case` }, h("legend", {}, "Ärende"),
    ...o.suggestions.map((s, i) => h("div", { class: "check" }, suggestionRadios[i],
      h("label", { for: suggestionRadios[i].id }, `${s.caseNumber}${s.caseTitle ? ` – ${s.caseTitle}` : ""} (${why[s.why]})`))),
    h("div", { class: "check" }, existingRadio, h("label", { for: existingRadio.id }, o.suggestions.length ? "Annat befintligt ärende" : "Befintligt ärende")),
    existingFields,
    h("div", { class: "check" }, newRadio, h("label", { for: newRadio.id }, "Nytt ärende")),
    newFields);
  const chosen = o.caseNumber && !o.suggestions.some((s) => s.caseNumber === o.caseNumber) ? existingRadio
    : suggestionRadios.find((r) => r.value === o.caseNumber) ?? suggestionRadios[0] ?? newRadio;
  chosen.checked = true;
  const caseRadios = [...suggestionRadios, existingRadio, newRadio];
  const showCaseFields = () => {
    existingFields.hidden = !existingRadio.checked;
    newFields.hidden = !newRadio.checked;
    caseKeptApartField.hidden = !newRadio.checked;
  };

  const documentType = h("input", { id: `${p}-document-type`, type: "text", list: `${p}-document-types`, required: true, maxlength: 100, autocomplete: "off" });
  const typeList = h("datalist", { id: `${p}-document-types` }, ...documentTypes.map((t) => h("option", { value: t })));
  const classification = h("input", { id: `${p}-classification`, type: "text", inputmode: "decimal", autocomplete: "off" });
  const officer = h("input", { id: `${p}-officer`, type: "email", autocomplete: "off" });

  // OSL 5 kap. 2 §: a secret record is registered too, but its public entry leaves out the sender and the revealing part
  // of the title; those parts are kept apart.
  const secret = h("input", { id: `${p}-secret`, type: "checkbox", checked: prefill.sensitive, "aria-controls": `${p}-secret-fields` });
  const ground = h("input", { id: `${p}-ground`, type: "text", placeholder: "OSL 26 kap. 1 §", required: true, autocomplete: "off" });
  const titleKeptApart = h("input", { id: `${p}-title-kept-apart`, type: "text", maxlength: 500 });
  const caseTitleKeptApart = h("input", { id: `${p}-case-title-kept-apart`, type: "text", maxlength: 500 });
  const caseKeptApartField = field("Ärendemening som hålls isär", caseTitleKeptApart,
    h("p", { class: "hint", id: `${p}-case-title-kept-apart-hint` }, "Den del av ärendemeningen som röjer det sekretessen skyddar."));
  const secretFields = h("div", { class: "nested", id: `${p}-secret-fields` },
    h("p", { class: "hint", id: `${p}-secret-explained` },
      "Handlingen registreras, men den offentliga posten visar varken avsändaren eller den del av rubriken som röjer det sekretessen skyddar (OSL 5 kap. 2 §). De delarna hålls isär."),
    field("Sekretessgrund", ground, h("p", { class: "hint", id: `${p}-ground-hint` }, "Kapitel och paragraf i offentlighets- och sekretesslagen.")),
    field("Rubrik som hålls isär", titleKeptApart, h("p", { class: "hint", id: `${p}-title-kept-apart-hint` }, "Från mejlets ämnesrad; visas inte i den offentliga posten.")),
    caseKeptApartField);
  const titleLabel = h("label", { for: title.id }, "Rubrik");
  // A secret record's public title is the registrar's or the document type alone: the subject moves to what is kept apart.
  const showSecret = (moved: boolean) => {
    secretFields.hidden = !secret.checked;
    titleLabel.textContent = secret.checked ? "Offentlig rubrik (valfri)" : "Rubrik";
    titleHint.textContent = secret.checked ? "Lämna tom så blir handlingstypen rubrik." : "Från mejlets ämnesrad. Ändra om den inte beskriver handlingen.";
    if (!moved) return;
    if (secret.checked && title.value === prefill.title) { titleKeptApart.value ||= prefill.title; title.value = ""; }
    else if (!secret.checked && title.value === "" && titleKeptApart.value === prefill.title) { title.value = prefill.title; titleKeptApart.value = ""; }
  };

  const submit = h("button", { type: "submit", class: "primary" }, "Registrera mejlet");
  const progress = status("", `${p}-status`);
  const problem = h("div", { id: `${p}-problem` });
  const form = h("form", { class: "registration-form", "aria-labelledby": headingId, novalidate: true },
    h("h3", { id: headingId }, o.heading),
    h("dl", { class: "facts" },
      h("dt", {}, "Från"), h("dd", {}, prefill.from.name ? `${prefill.from.name} <${prefill.from.address}>` : prefill.from.address),
      h("dt", {}, "Datum"), h("dd", {}, day(prefill.date)),
      prefill.attachments.length > 0 && h("dt", {}, "Bilagor"),
      prefill.attachments.length > 0 && h("dd", {}, h("ul", { class: "plain" }, ...prefill.attachments.map((a) => h("li", {}, a))))),
    directionSet,
    h("div", { class: "field" }, titleLabel, title, titleHint),
    caseSet,
    field("Handlingstyp", documentType, h("p", { class: "hint", id: `${p}-document-type-hint` }, "Till exempel Skrivelse, Ansökan eller Klagomål.")), typeList,
    field("Klassificeringskod (valfri)", classification, h("p", { class: "hint", id: `${p}-classification-hint` }, "Enligt klassificeringsstrukturen, till exempel 2.3.1.")),
    field("Handläggare (valfri)", officer, h("p", { class: "hint", id: `${p}-officer-hint` }, "E-postadressen till den som handlägger ärendet.")),
    h("div", { class: "check" }, secret, h("label", { for: secret.id }, "Sekretess")),
    secretFields,
    h("div", { class: "toolbar" }, submit,
      o.cancel && h("button", { type: "button", class: "secondary", onclick: () => o.cancel?.() }, "Avbryt")),
    progress, problem);
  title.setAttribute("aria-describedby", titleHint.id);
  for (const r of caseRadios) r.addEventListener("change", showCaseFields);
  secret.addEventListener("change", () => showSecret(true));
  showCaseFields();
  showSecret(prefill.sensitive);

  // The series are the API's; should the list not come, the registrar can still write the code.
  void getSeries().then((list) => {
    series = h("select", { id: `${p}-series`, required: true }, h("option", { value: "" }, "Välj diarieserie"),
      ...list.map((s) => h("option", { value: s.code }, `${s.code} – ${s.name}`)));
    replace(seriesHolder, field("Diarieserie", series));
  }, (error: unknown) => {
    series = h("input", { id: `${p}-series`, type: "text", required: true, autocomplete: "off", maxlength: 10 });
    replace(seriesHolder, field("Diarieserie", series, h("p", { class: "hint", id: `${p}-series-hint` }, `Listan över diarieserier kunde inte hämtas (${describe(error)}). Skriv seriens kod, till exempel KS.`)));
  });

  const text = (input: HTMLInputElement | HTMLSelectElement) => input.value.trim() || null;
  const gather = (): RegistrationInput => {
    const suggestion = suggestionRadios.find((r) => r.checked);
    const isNew = newRadio.checked;
    return {
      direction: (direction.find((r) => r.checked)?.value ?? prefill.direction) as Direction,
      caseNumber: suggestion ? suggestion.value : existingRadio.checked ? text(caseNumber) : null,
      series: isNew ? text(series) : null,
      caseTitle: isNew ? text(caseTitle) : null,
      caseTitleKeptApart: isNew && secret.checked ? text(caseTitleKeptApart) : null,
      documentType: documentType.value.trim(),
      classificationCode: text(classification),
      secret: secret.checked,
      secrecyGround: secret.checked ? text(ground) : null,
      officer: text(officer),
      documentTitle: text(title),
      titleKeptApart: secret.checked ? text(titleKeptApart) : null,
      requestId: o.requestId,
    };
  };

  /** The control the API's field name points to, with what must be open for it to be seen. */
  const controlFor = (name: string): HTMLElement | null => {
    switch (name.toLowerCase()) {
      case "direction": return direction.find((r) => r.checked) ?? direction[0];
      case "casenumber": case "series":
        if (existingRadio.checked || name.toLowerCase() === "casenumber") { existingRadio.checked = true; showCaseFields(); return caseNumber; }
        return series;
      case "casetitle": newRadio.checked = true; showCaseFields(); return caseTitle;
      case "casetitlekeptapart": return caseTitleKeptApart;
      case "documenttype": return documentType;
      case "classificationcode": return classification;
      case "secret": case "secrecyground": return ground;
      case "officer": return officer;
      case "documenttitle": return title;
      case "titlekeptapart": return titleKeptApart;
      default: return null;
    }
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    void (async () => {
      clearFieldErrors(form, problem);
      submit.disabled = true;
      progress.textContent = "Registrerar …";
      try {
        const view = await o.send(gather());
        progress.textContent = "";
        o.registered(view);
      } catch (error) {
        progress.textContent = "Registreringen gick inte igenom.";
        showFieldErrors(error, controlFor, problem);
      } finally {
        submit.disabled = false;
      }
    })();
  });
  return form;
}
