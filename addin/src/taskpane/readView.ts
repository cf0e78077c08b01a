// Reading a citizen's message: its category, due date and state, what was sent to the citizen, the receipt form (the
// first acknowledgement, then "nytt besked"), the hand-over, and the official's own settings. Every date, label and rule
// comes from the API; a message in a function mailbox says so, and every call names that mailbox.
import { describe } from "../api/client";
import type { AcknowledgementResult, CurrentOfficial, Labels, MessagePromise, SentAcknowledgement } from "../api/contracts";
import {
  changeCategory, getAnswerDates, getLabels, getMe, getPromise, handOver, listAcknowledgements, previewAcknowledgement,
  previewAcknowledgementUpdate, sendAcknowledgement, sendAcknowledgementUpdate,
} from "../api/endpoints";
import type { ReadItem } from "../office/outlook";
import { alert, dateTime, day, field, focusHeading, h, replace, status } from "../ui";
import { handoverConfirmation, handoverSection } from "./handover";
import { receiptForm } from "./receiptForm";
import { REGISTRAR, registrationSection } from "./registration";
import { registrationQueue } from "./registrationQueue";
import { coverageSection, UNIT_HEAD } from "./coverage";
import { ownReplySection } from "./ownReply";
import { confirmation, sentReceipts } from "./sentReceipts";
import { standing, standingBar, whom } from "./standing";
import { watchSetting } from "./watchSetting";
import { worklistSection, type WorklistSection } from "./worklist";

interface View {
  root: HTMLElement; item: ReadItem; promise: MessagePromise; me: CurrentOfficial; labels: Labels;
  /** The working days the API accepts as an answer date, from today in Stockholm. */
  dates: string[];
  receipts: SentAcknowledgement[];
  /** "Att besvara", kept across re-renders so that it is fetched once and stays open or closed as the official left it. */
  worklist: WorklistSection;
  /** "Registrering i Lex" and, for registrars, "Att registrera": fetched once, kept across re-renders like the worklist. */
  registration: HTMLElement;
  queue: HTMLElement | null;
  /** "Enhetens bevakning", for a unit head only: closed until opened, kept across re-renders like the queue. */
  coverage: HTMLElement | null;
  /** The official's own automatic reply when it needs fixing: asked for once, kept across re-renders like the worklist. */
  ownReply: HTMLElement;
}

/** The heading, and whose mailbox the message is in when it is not the official's own. */
const heading = (item: ReadItem) => [
  h("h1", {}, "Kontaktlöfte"),
  item.mailbox && h("p", { class: "mailbox-line", id: "mailbox" }, h("strong", {}, "Funktionsbrevlåda: "), item.mailbox),
];

/**
 * Shows the message's promise. `done` is what was just done (a receipt sent, a hand-over), shown first with focus on its
 * heading, so that nobody is left at the top of the page.
 */
export async function showReadView(root: HTMLElement, item: ReadItem, done?: HTMLElement): Promise<void> {
  if (!done) replace(root, ...heading(item), status("Hämtar kontaktlöftet …"));
  const worklist = worklistSection();
  try {
    const [promise, me, labels, answerDates, receipts] = await Promise.all([
      getPromise(item), getMe(), getLabels(), getAnswerDates(), listAcknowledgements(item),
    ]);
    const registration = registrationSection(item, me);
    const queue = me.roles.includes(REGISTRAR) ? registrationQueue() : null;
    const coverage = me.roles.includes(UNIT_HEAD) ? coverageSection() : null;
    render({ root, item, promise, me, labels, dates: answerDates.dates, receipts, worklist, registration, queue, coverage, ownReply: ownReplySection() }, done);
  } catch (error) {
    worklist.show(true);
    replace(root, ...heading(item), done, alert(describe(error)),
      h("button", { type: "button", class: "secondary", onclick: () => void showReadView(root, item) }, "Försök igen"), worklist.element);
  }
  if (done) focusHeading(document.getElementById("confirmation"));
}

function render(v: View, done?: HTMLElement): void {
  const { promise, labels } = v;
  const category = h("select", { id: "category", onchange: () => void recategorise(v, category.value) },
    ...labels.categories.map((c) => h("option", { value: c.id, selected: c.id === promise.category }, c.name)));
  const help = labels.categories.find((c) => c.id === promise.category)?.help;
  // Answered, or handed over to somebody else whose copy now carries the promise: nothing more to do here.
  const open = promise.state !== "answered" && promise.state !== "handed-over";
  // Internal or automatic mail has no promise: what waits for an answer elsewhere is then what the pane is for.
  const noPromise = promise.dueDate === null;
  v.worklist.show(noPromise);

  replace(v.root,
    ...heading(v.item),
    done,
    v.ownReply,
    noPromise && v.worklist.element,
    h("section", { "aria-labelledby": "promise-heading" },
      h("h2", { id: "promise-heading" }, "Svarstid"),
      standingBar(promise, "", "standing"),
      promise.handedOverBy && h("p", { class: "handed-over", id: "handed-over-by" },
        `Överlämnat av ${whom(promise.handedOverBy)}${promise.dueDate ? ` · svara senast ${day(promise.dueDate)}` : ""}`),
      h("dl", { class: "facts" },
        h("dt", {}, "Mottaget"), h("dd", {}, dateTime(promise.receivedAt)),
        promise.dueDate && h("dt", {}, "Svara senast"), promise.dueDate && h("dd", { id: "due-date" }, day(promise.dueDate)),
        h("dt", {}, "Läge"), h("dd", { id: "state" }, labels.states.find((s) => s.id === promise.state)?.name ?? promise.state),
        promise.contactPerson && h("dt", {}, "Kontaktperson"), promise.contactPerson && h("dd", {}, promise.contactPerson.name),
        promise.promisedDate && h("dt", {}, "Utlovat svar"), promise.promisedDate && h("dd", {}, day(promise.promisedDate))),
      field("Kategori", category, help && h("p", { class: "hint", id: "category-help" }, help)),
      status("", "category-status"),
      promise.reasons.length > 0 && h("details", { id: "reasons" }, h("summary", {}, "Varför den här kategorin?"),
        h("ul", {}, ...promise.reasons.map((r) => h("li", {}, r))))),
    promise.sensitive && h("div", { role: "alert", class: "message-bar", "data-tone": "warning" },
      h("strong", {}, "Känsliga uppgifter. "),
      "Meddelandet innehåller uppgifter som kan omfattas av sekretess. Registrera det i Lex och ta bort det ur brevlådan efter registreringen. Svara inte med uppgifterna i mejl."),
    v.receipts.length > 0 && sentReceipts(v.receipts, () => void showReadView(v.root, v.item)),
    v.receipts.length > 0 ? open && updateForm(v) : open && promise.dueDate && firstForm(v),
    open && !noPromise && handoverSection({
      send: (handover) => handOver(v.item, handover),
      handedOver: (result) => void showReadView(v.root, v.item, handoverConfirmation(result)),
    }),
    v.registration,
    v.queue,
    v.coverage,
    !noPromise && v.worklist.element,
    watchSetting(v.me));
}

let latestChange = 0;

/** The API answers a category change with the promise as it now stands: a new due date, new reasons. */
async function recategorise(v: View, category: string): Promise<void> {
  const change = ++latestChange; // arrow keys on a closed select change it once per press: the last answer counts
  try {
    const promise = await changeCategory(v.item, category);
    if (change !== latestChange) return;
    render({ ...v, promise });
    document.getElementById("category")?.focus();
    const name = v.labels.categories.find((c) => c.id === promise.category)?.name ?? promise.category;
    document.getElementById("category-status")!.textContent = `Kategorin är nu ${name.toLowerCase()}. ${standing(promise).text}.`;
  } catch (error) {
    if (change === latestChange) replace(document.getElementById("category-status")!, describe(error));
  }
}

const after = (v: View, kind: SentAcknowledgement["kind"]) => (result: AcknowledgementResult) =>
  void showReadView(v.root, v.item, confirmation(result, kind));

/** The first day offered on or after the wanted one (the API's due date or the date promised before). */
const dayFrom = (dates: string[], wanted: string | null) => dates.find((d) => wanted !== null && d >= wanted) ?? dates[0];

function firstForm(v: View): HTMLElement {
  return receiptForm({
    heading: "Bekräfta och tilldela kontaktperson",
    hint: "Kan du inte svara i tid? Skicka ett mottagningsbevis med svarsdatum och kontaktperson.",
    submit: "Skicka mottagningsbevis",
    me: v.me, previous: null, language: v.promise.language, dates: v.dates, date: dayFrom(v.dates, v.promise.dueDate),
    preview: (receipt) => previewAcknowledgement(v.item, receipt),
    send: (receipt, key) => sendAcknowledgement(v.item, receipt, key),
    sent: after(v, "first"),
  });
}

function updateForm(v: View): HTMLElement {
  const last = v.receipts[v.receipts.length - 1];
  return receiptForm({
    heading: "Nytt besked",
    hint: "Flyttas svarsdatumet, eller byts kontaktpersonen? Skicka ett nytt besked till invånaren.",
    submit: "Skicka nytt besked",
    me: v.me, previous: last.contactPerson, language: v.promise.language, dates: v.dates,
    date: dayFrom(v.dates, v.promise.promisedDate ?? last.promisedDate),
    preview: (receipt) => previewAcknowledgementUpdate(v.item, receipt),
    send: (receipt, key) => sendAcknowledgementUpdate(v.item, receipt, key),
    sent: after(v, "update"),
  });
}
