// Reading a citizen's message: its category, due date and state, and the one-click acknowledgement.
import { callApi, describe } from "../api/client";
import type { AcknowledgementResult, ContactPerson, DayOff, Me, Promise_, ReceiptPreview } from "../api/contracts";
import type { ReadItem } from "../office/outlook";
import { alert, h, replace, status } from "./dom";
import { categories, dateTime, day, standing, states } from "./format";

const languages: Record<string, string> = { sv: "Svenska", fi: "Finska (suomi)", en: "Engelska" };

export async function showReadView(root: HTMLElement, item: ReadItem): Promise<void> {
  const progress = status("Hämtar kontaktlöftet …");
  replace(root, h("h1", {}, "Kontaktlöfte"), progress);
  try {
    const id = encodeURIComponent(item.id);
    const today = new Date().toISOString().slice(0, 10);
    const until = new Date(Date.now() + 60 * 86400000).toISOString().slice(0, 10);
    const [promise, me, daysOff] = await Promise.all([
      callApi<Promise_>(`/api/messages/${id}/promise`),
      callApi<Me>("/api/me"),
      callApi<DayOff[]>(`/api/calendar?from=${today}&to=${until}`),
    ]);
    render(root, item, promise, me, workingDays(today, until, daysOff));
  } catch (error) {
    replace(root, h("h1", {}, "Kontaktlöfte"), alert(describe(error)),
      h("button", { type: "button", class: "secondary", onclick: () => void showReadView(root, item) }, "Försök igen"));
  }
}

function workingDays(from: string, to: string, daysOff: DayOff[]): string[] {
  const off = new Set(daysOff.map((d) => d.date));
  const days: string[] = [];
  for (let d = new Date(`${from}T00:00:00Z`); d.toISOString().slice(0, 10) <= to; d.setUTCDate(d.getUTCDate() + 1)) {
    const iso = d.toISOString().slice(0, 10);
    if (!off.has(iso)) days.push(iso);
  }
  return days;
}

function render(root: HTMLElement, item: ReadItem, promise: Promise_, me: Me, days: string[]): void {
  const s = standing(promise);
  const category = h("select", { id: "category", onchange: () => void changeCategory(root, item, category.value) },
    ...Object.entries(categories).map(([value, label]) => h("option", { value, selected: value === promise.category }, label)));

  replace(root,
    h("h1", {}, "Kontaktlöfte"),
    h("section", { "aria-labelledby": "promise-heading" },
      h("h2", { id: "promise-heading" }, "Svarstid"),
      h("p", { class: "standing", "data-tone": s.tone, id: "standing" }, h("span", { "aria-hidden": "true", class: "icon" }, s.icon), " ", s.text),
      h("dl", { class: "facts" },
        h("dt", {}, "Mottaget"), h("dd", {}, dateTime(promise.receivedAt)),
        promise.dueDate && h("dt", {}, "Svara senast"), promise.dueDate && h("dd", { id: "due-date" }, day(promise.dueDate)),
        h("dt", {}, "Läge"), h("dd", { id: "state" }, states[promise.state] ?? promise.state),
        promise.contactPerson && h("dt", {}, "Kontaktperson"), promise.contactPerson && h("dd", {}, promise.contactPerson.name),
        promise.promisedDate && h("dt", {}, "Utlovat svar"), promise.promisedDate && h("dd", {}, day(promise.promisedDate))),
      h("div", { class: "field" }, h("label", { for: "category" }, "Kategori"), category),
      promise.reasons.length > 0 && h("details", {}, h("summary", {}, "Varför den här kategorin?"),
        h("ul", {}, ...promise.reasons.map((r) => h("li", {}, r))))),
    promise.sensitive && h("div", { role: "alert", class: "message-bar", "data-tone": "warning" },
      h("strong", {}, "Känsliga uppgifter. "),
      "Meddelandet innehåller uppgifter som kan omfattas av sekretess. Registrera det i Lex och ta bort det ur brevlådan efter registreringen. Svara inte med uppgifterna i mejl."),
    promise.dueDate && promise.state !== "answered" && !promise.contactPerson && acknowledgementForm(root, item, promise, me, days),
    h("section", { "aria-labelledby": "registration-heading" },
      h("h2", { id: "registration-heading" }, "Registrering i Lex"),
      h("p", { class: "hint" }, "Allmänna handlingar ska registreras. Registrering direkt härifrån kommer i nästa version; tills vidare skickar du mejlet till registratorn.")));
}

async function changeCategory(root: HTMLElement, item: ReadItem, category: string): Promise<void> {
  try {
    await callApi(`/api/messages/${encodeURIComponent(item.id)}/category`, { method: "PUT", json: { category } });
    await showReadView(root, item);
  } catch (error) {
    root.append(alert(describe(error)));
  }
}

function acknowledgementForm(root: HTMLElement, item: ReadItem, promise: Promise_, me: Me, days: string[]): HTMLElement {
  const due = promise.dueDate!;
  const defaultDay = days.find((d) => d >= due) ?? days[0];
  const who = h("select", { id: "contact" },
    h("option", { value: "me" }, `Jag (${me.name})`),
    h("option", { value: "colleague" }, "En kollega"));
  const colleague = {
    name: h("input", { id: "colleague-name", autocomplete: "name" }),
    title: h("input", { id: "colleague-title", autocomplete: "organization-title" }),
    phone: h("input", { id: "colleague-phone", type: "tel", autocomplete: "tel" }),
    email: h("input", { id: "colleague-email", type: "email", autocomplete: "email" }),
  };
  const search = h("input", { id: "colleague-search", type: "search", autocomplete: "off" });
  const hits = h("ul", { class: "hits", "aria-label": "Sökträffar" });
  let searching = 0;
  search.addEventListener("input", () => {
    clearTimeout(searching);
    searching = window.setTimeout(async () => {
      if (search.value.trim().length < 2) { replace(hits); return; }
      try {
        const found = await callApi<ContactPerson[]>(`/api/officials?search=${encodeURIComponent(search.value.trim())}`);
        replace(hits, ...(found.length ? found.map((c) => h("li", {}, h("button", { type: "button", class: "secondary", onclick: () => {
          colleague.name.value = c.name; colleague.title.value = c.title ?? ""; colleague.phone.value = c.phone ?? ""; colleague.email.value = c.email;
          replace(hits); colleague.name.focus();
        } }, [c.name, c.title].filter(Boolean).join(", ")))) : [h("li", {}, "Ingen träff. Skriv in uppgifterna själv.")]));
      } catch (error) {
        replace(hits, h("li", {}, describe(error)));
      }
    }, 250);
  });
  const colleagueFields = h("fieldset", { hidden: true, id: "colleague" },
    h("legend", {}, "Kollegans uppgifter"),
    h("div", { class: "field" }, h("label", { for: "colleague-search" }, "Sök kollega"), search), hits,
    ...(["name", "title", "phone", "email"] as const).map((k) => h("div", { class: "field" },
      h("label", { for: `colleague-${k}` }, { name: "Namn", title: "Titel", phone: "Telefon", email: "E-post" }[k]), colleague[k])));
  who.addEventListener("change", () => { colleagueFields.hidden = who.value !== "colleague"; });
  const date = h("select", { id: "promised-date" }, ...days.map((d) => h("option", { value: d, selected: d === defaultDay }, day(d))));
  const language = h("select", { id: "language" },
    ...Object.entries(languages).map(([v, label]) => h("option", { value: v, selected: v === promise.language }, label)));
  const personal = h("textarea", { id: "personal-line", rows: 2, maxlength: 500 });
  const preview = h("div", { class: "preview" });
  const result = status();
  let key = crypto.randomUUID(); // one Idempotency-Key per receipt: a double click sends once

  const body = () => {
    const contactPerson: ContactPerson | null = who.value === "me" ? null : {
      name: colleague.name.value, title: colleague.title.value, phone: colleague.phone.value, email: colleague.email.value,
    };
    return { contactPerson, promisedDate: date.value, language: language.value, personalLine: personal.value || null };
  };
  const path = `/api/messages/${encodeURIComponent(item.id)}/acknowledgement`;

  const showPreview = async () => {
    result.textContent = "Förbereder förhandsgranskning …";
    try {
      const receipt = await callApi<ReceiptPreview>(`${path}/preview`, { method: "POST", json: body() });
      // The receipt is the API's own HTML with every value encoded; still shown in a sandbox without scripts.
      const frame = h("iframe", { sandbox: "", title: "Förhandsgranskning av mottagningsbeviset", class: "preview-frame" });
      frame.srcdoc = receipt.bodyHtml;
      replace(preview, h("p", {}, h("strong", {}, "Till: "), receipt.to), h("p", {}, h("strong", {}, "Ämne: "), receipt.subject), frame);
      result.textContent = "Förhandsgranskningen visas nedanför knapparna.";
    } catch (error) {
      result.textContent = describe(error);
    }
  };

  const send = async (event: Event) => {
    event.preventDefault();
    const button = form.querySelector<HTMLButtonElement>("button[type=submit]")!;
    button.disabled = true;
    result.textContent = "Skickar mottagningsbeviset …";
    try {
      const sent = await callApi<AcknowledgementResult>(path, { method: "POST", json: body(), headers: { "Idempotency-Key": key } });
      key = crypto.randomUUID();
      result.textContent = sent.status === "sent"
        ? `Mottagningsbeviset är skickat. Kontaktperson: ${sent.contactPerson.name}. Svar utlovat ${day(sent.promisedDate)}.`
        : `Mottagningsbeviset är sparat och skickas så snart Outlook kan nås. Svar utlovat ${day(sent.promisedDate)}.`;
      setTimeout(() => void showReadView(root, item), 1500);
    } catch (error) {
      result.textContent = describe(error);
      button.disabled = false;
    }
  };

  const form = h("form", { onsubmit: send, "aria-labelledby": "ack-heading" },
    h("div", { class: "field" }, h("label", { for: "contact" }, "Kontaktperson"), who),
    colleagueFields,
    h("div", { class: "field" }, h("label", { for: "promised-date" }, "Svar senast"), date,
      h("p", { class: "hint" }, "Bara arbetsdagar visas.")),
    h("div", { class: "field" }, h("label", { for: "language" }, "Språk"), language),
    h("div", { class: "field" }, h("label", { for: "personal-line" }, "Egen rad (valfri)"), personal),
    h("div", { class: "actions" },
      h("button", { type: "button", class: "secondary", onclick: () => void showPreview() }, "Förhandsgranska"),
      h("button", { type: "submit", class: "primary" }, "Skicka mottagningsbevis")),
    result);
  return h("section", { "aria-labelledby": "ack-heading" },
    h("h2", { id: "ack-heading" }, "Bekräfta och tilldela kontaktperson"),
    h("p", { class: "hint" }, "Tar svaret längre tid än två arbetsdagar? Skicka ett mottagningsbevis med svarsdatum och kontaktperson."),
    form, preview);
}
