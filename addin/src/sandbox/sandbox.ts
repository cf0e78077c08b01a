// The sandbox: a minimal Outlook-like page (mailbox list, reading pane, reply editor, sent items) with the real
// task pane beside it and an Office stub wired to this page, so that `dotnet run` shows the whole product.
import { describe, useSandboxUser } from "../api/client";
import type { SandboxMessage as Message, SandboxSent as Sent } from "../api/contracts";
import { listSandboxMessages, listSandboxSent, receiveInSandbox, replyInSandbox, saveSandboxDraft } from "../api/endpoints";
import { alert, dateTime, field, h, mailFrame, replace } from "../ui";
import { createOfficeStub, type StubDraft } from "./officeStub";
import { sandboxUsers as users } from "./users";

interface SendOutcome { allowEvent: boolean; errorMessage?: string; sendModeOverride?: string }

/** The sandbox's function mailboxes (funktionsbrevlådor), which the watcher follows for those who watch them. */
const functionMailboxes = [
  { address: "bygglov@sandbox.botkyrka.se", name: "Bygglov" },
  { address: "kontaktcenter@sandbox.botkyrka.se", name: "Kontaktcenter" },
];
const signature = "Med vänlig hälsning\nHanna Lindqvist\nHandläggare, Bygglovsenheten\nBotkyrka kommun\nTelefon: 08-530 612 34\nE-post: handlaggare@sandbox.botkyrka.se";

let user = users[0];
useSandboxUser(user);
/** The mailbox shown: "" is the signed-in user's own, else a function mailbox's address. */
let mailbox = "";
let selected: Message | null = null;
/** What the inbox list shows now, to redraw it only when the watcher or a new mail changed something. */
let listed = "";
let draft: StubDraft | null = null;
/** The draft's id once saved (Outlook's `saveAsync`): sending sends that draft, as Outlook keeps its id. */
let draftId: string | null = null;
let sendHandler: ((event: unknown) => void) | null = null;
const changeHandlers: (() => void)[] = [];

const stub = () => createOfficeStub({
  user: () => user, read: () => selected, draft: () => draft, changeHandlers,
  open: (id) => shown(openMessage(id)),
  save: saveDraft,
  onAssociate: (_name, handler) => { sendHandler = handler; },
});
(window as unknown as { kontaktlofteSandbox: unknown }).kontaktlofteSandbox = { office: stub };

const list = document.getElementById("message-list")!;
const reading = document.getElementById("reading-pane")!;
const pane = document.getElementById("task-pane") as HTMLIFrameElement;
const notice = document.getElementById("notice")!;

/** The sandbox page's own errors (its mailbox calls) are shown in the reading pane, never dropped. */
function shown(work: Promise<unknown>): void {
  work.catch((error: unknown) => reading.prepend(alert(describe(error))));
}

function openPane(): void { pane.src = `/addin/taskpane.html?host=sandbox&t=${Date.now()}`; }

const mailboxAddress = () => mailbox || user;

/**
 * Outlook's colours for the master categories the watcher sets; the category's name is always written out beside
 * the colour (WCAG 1.4.1). Any other category (the official's own) is grey.
 */
const categoryColours: Record<string, string> = {
  "Kontaktlöfte: försenat": "red", "Kontaktlöfte: svara i dag": "orange", "Kontaktlöfte: öppet": "yellow",
  "Kontaktlöfte: bekräftat": "blue", "Kontaktlöfte: besvarat": "green",
};

function categoryTags(categories: string[], id: string): HTMLElement | null {
  if (categories.length === 0) return null;
  return h("span", { class: "categories", id }, h("span", { class: "visually-hidden" }, "Kategorier: "),
    ...categories.map((c) => h("span", { class: "category", "data-colour": categoryColours[c] ?? "grey" }, h("span", { class: "swatch", "aria-hidden": "true" }), c)));
}

async function showInbox(): Promise<void> {
  draft = null;
  const messages = await listSandboxMessages(mailboxAddress());
  listed = JSON.stringify(messages);
  drawInbox(messages);
  if (!selected && messages[0]) select(messages[0]);
}

function drawInbox(messages: Message[]): void {
  // A redraw keeps the keyboard where it was: on the same message's button.
  const focused = list.contains(document.activeElement) ? document.activeElement?.getAttribute("data-id") : null;
  replace(list, h("h2", { id: "list-heading" }, `Inkorg – ${mailboxAddress()}`), h("ul", { "aria-labelledby": "list-heading", id: "inbox-list" }, ...messages.map((m) =>
    // The categories describe the button rather than name it: its name stays sender, subject and time, as Outlook's.
    h("li", { class: "message-row" }, h("button", { type: "button", class: "message", "data-id": m.id, "aria-current": selected?.id === m.id ? "true" : undefined,
      "aria-describedby": m.categories.length ? `categories-${m.id}` : undefined, onclick: () => select(m) },
      h("span", { class: "from" }, m.from.name || m.from.address), h("span", { class: "subject" }, m.subject),
      h("span", { class: "when" }, dateTime(m.receivedAt))), categoryTags(m.categories, `categories-${m.id}`)))));
  if (focused) list.querySelector<HTMLElement>(`button.message[data-id="${CSS.escape(focused)}"]`)?.focus();
}

/** As Outlook's list follows the mailbox: new mail and the watcher's categories show up without a click. */
async function followInbox(): Promise<void> {
  if (!document.getElementById("inbox-list") || document.visibilityState !== "visible") return;
  const shownFor = mailboxAddress();
  const messages = await listSandboxMessages(shownFor);
  const fingerprint = JSON.stringify(messages);
  if (fingerprint === listed || shownFor !== mailboxAddress() || !document.getElementById("inbox-list")) return;
  listed = fingerprint;
  drawInbox(messages);
}

/** `displayMessageForm` from the pane (the worklist): the message is looked for in every mailbox the page shows. */
async function openMessage(id: string): Promise<void> {
  const candidates = [mailbox, "", ...functionMailboxes.map((f) => f.address)].filter((m, i, all) => all.indexOf(m) === i);
  for (const candidate of candidates) {
    const messages = await listSandboxMessages(candidate || user);
    const message = messages.find((m) => m.id === id);
    if (!message) continue;
    mailbox = candidate;
    mailboxSelect.value = candidate;
    selected = message;
    await showInbox();
    select(message);
    document.querySelector<HTMLElement>(`button.message[data-id="${CSS.escape(id)}"]`)?.focus();
    return;
  }
  notice.textContent = "Meddelandet finns inte i någon av sandlådans brevlådor.";
}

function select(message: Message): void {
  selected = message;
  draft = null;
  for (const b of list.querySelectorAll("button.message")) {
    if (b.getAttribute("data-id") === message.id) b.setAttribute("aria-current", "true");
    else b.removeAttribute("aria-current");
  }
  const body = message.bodyHtml
    ? mailFrame(message.bodyHtml, "Meddelandets innehåll", "mail-body")
    : h("div", { class: "mail-body text" }, message.bodyText ?? "");
  replace(reading,
    h("h2", { id: "reading-subject" }, message.subject),
    h("p", { class: "mail-from" }, `${message.from.name} <${message.from.address}>`),
    h("p", { class: "mail-to" }, `Till: ${message.mailbox}`),
    h("p", { class: "mail-when" }, dateTime(message.receivedAt)),
    h("div", { class: "toolbar" }, h("button", { type: "button", class: "primary", onclick: () => reply(message) }, "Svara")),
    body);
  openPane();
}

function reply(message: Message): void {
  const subject = h("input", { id: "draft-subject", value: `SV: ${message.subject}` });
  const to = h("input", { id: "draft-to", value: message.from.address });
  const cc = h("input", { id: "draft-cc", value: "" });
  const text = h("textarea", { id: "draft-body", rows: 12 });
  text.value = `Hej ${message.from.name.split(" ")[0]}!\n\n\n\n${signature}`;
  const update = () => {
    const addresses = (value: string) => value.split(/[;,]/).map((a) => a.trim()).filter(Boolean).map((a) => ({ name: "", address: a }));
    draft = { subject: subject.value, to: addresses(to.value), cc: addresses(cc.value), inReplyTo: message.id, mailbox: message.mailbox,
      conversationId: message.conversationId, bodyHtml: toHtml(text.value, message) };
  };
  // Outlook raises no event for typing; the sandbox tells the pane soon after, so that its review keeps up.
  let typing = 0;
  for (const input of [subject, to, cc, text]) input.addEventListener("input", () => {
    update();
    clearTimeout(typing);
    typing = window.setTimeout(() => changeHandlers.forEach((c) => c()), 600);
  });
  draftId = null;
  update();
  replace(reading,
    h("h2", {}, "Svar"),
    field("Till", to), field("Kopia", cc), field("Ämne", subject), field("Meddelande", text),
    h("div", { class: "toolbar" },
      h("button", { type: "button", class: "primary", id: "send", onclick: () => shown(send(message)) }, "Skicka"),
      h("button", { type: "button", class: "secondary", onclick: () => select(message) }, "Ta bort utkastet")));
  changeHandlers.length = 0;
  openPane();
  text.focus();
}

/** The reply as Outlook on the web would write it: own text, the signature block, then the quoted history. */
function toHtml(text: string, original: Message): string {
  const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
  const [own, sig] = text.includes(signature.split("\n")[0]) ? [text.slice(0, text.indexOf(signature.split("\n")[0])), text.slice(text.indexOf(signature.split("\n")[0]))] : [text, ""];
  const paragraphs = own.split("\n").map((line) => `<div>${escape(line) || "<br>"}</div>`).join("");
  const signatureBlock = sig ? `<div id="Signature">${sig.split("\n").map((l) => `<div>${escape(l)}</div>`).join("")}</div>` : "";
  const quoted = `<div id="appendonsend"></div><hr><div id="divRplyFwdMsg"><b>Från:</b> ${escape(original.from.name)} &lt;${escape(original.from.address)}&gt;<br><b>Ämne:</b> ${escape(original.subject)}</div><div>${escape(original.bodyText ?? "")}</div>`;
  return `<html><body>${paragraphs}${signatureBlock}${quoted}</body></html>`;
}

/** Send runs the add-in's OnMessageSend handler first, as Outlook does with Smart Alerts. */
async function send(message: Message): Promise<void> {
  const outcome = await new Promise<SendOutcome>((resolve) => {
    if (!sendHandler) { resolve({ allowEvent: true }); return; }
    sendHandler({ completed: (options: SendOutcome) => resolve(options) });
  });
  if (!outcome.allowEvent) {
    const dialog = document.getElementById("send-dialog") as HTMLDialogElement;
    replace(document.getElementById("send-dialog-text")!, ...(outcome.errorMessage ?? "").split("\n").map((l) => h("p", {}, l)));
    const anyway = document.getElementById("send-anyway") as HTMLButtonElement;
    anyway.hidden = outcome.sendModeOverride !== "promptUser";
    anyway.onclick = () => { dialog.close(); shown(deliver(message)); };
    // Wired here, not inline in the page: the Content-Security-Policy allows no inline handler.
    (document.getElementById("send-dialog-close") as HTMLButtonElement).onclick = () => dialog.close();
    dialog.showModal();
    return;
  }
  await deliver(message);
}

/** `saveAsync` from the pane: the reply being written is saved as a draft in the sandbox mailbox (the same one again). */
async function saveDraft(): Promise<string> {
  if (!draft?.inReplyTo) throw new Error("Det finns inget svar att spara.");
  const saved = await saveSandboxDraft(draft.inReplyTo, { subject: draft.subject, to: draft.to[0]?.address ?? "", bodyHtml: draft.bodyHtml, draftId });
  draftId = saved.id;
  return saved.id;
}

async function deliver(message: Message): Promise<void> {
  await replyInSandbox(message.id, draft!.bodyHtml, draftId);
  draftId = null;
  notice.textContent = `Svaret till ${message.from.address} är skickat.`;
  select(message);
}

/** A citizen's mail arriving in the mailbox shown (a function mailbox too): the watcher tracks it without anybody opening it. */
function showReceiveForm(): void {
  draft = null;
  const input = (id: string, type = "text") => h("input", { id, type, required: true });
  const name = input("receive-name"), address = input("receive-address", "email"), subject = input("receive-subject");
  const text = h("textarea", { id: "receive-body", rows: 8, required: true });
  const to = mailboxAddress();
  const receive = async (event: Event) => {
    event.preventDefault();
    const { id } = await receiveInSandbox({ mailbox: to, from: { name: name.value, address: address.value }, subject: subject.value, bodyText: text.value });
    notice.textContent = `Mejlet har kommit in i ${to}.`;
    const message = (await listSandboxMessages(to)).find((m) => m.id === id);
    if (to === mailboxAddress()) { selected = message ?? null; await showInbox(); if (message) select(message); }
  };
  replace(reading,
    h("h2", { id: "receive-heading" }, "Ta emot ett mejl"),
    h("p", { class: "hint" }, `Som om en invånare skrev till ${to}.`),
    h("form", { "aria-labelledby": "receive-heading", onsubmit: (event: Event) => shown(receive(event)) },
      field("Avsändarens namn", name), field("Avsändarens e-post", address), field("Ämne", subject), field("Meddelande", text),
      h("div", { class: "toolbar" }, h("button", { type: "submit", class: "primary" }, "Ta emot"))));
  pane.removeAttribute("src");
  name.focus();
}

async function showSent(): Promise<void> {
  draft = null;
  selected = null;
  const sent = await listSandboxSent();
  replace(list, h("h2", { id: "list-heading" }, "Skickat"), h("ul", { "aria-labelledby": "list-heading", id: "sent-list" }, ...sent.map((s) =>
    h("li", {}, h("button", { type: "button", class: "message", onclick: () => showSentMessage(s) },
      h("span", { class: "from" }, s.to), h("span", { class: "subject" }, s.subject), h("span", { class: "when" }, s.sentAt ? dateTime(s.sentAt) : "väntar"))))));
  replace(reading, h("p", {}, sent.length ? "Välj ett skickat meddelande." : "Inga skickade meddelanden ännu."));
  pane.removeAttribute("src");
}

function showSentMessage(s: Sent): void {
  replace(reading, h("h2", {}, s.subject), h("p", { class: "mail-from" }, `Till: ${s.to}`),
    mailFrame(s.bodyHtml, "Det skickade meddelandets innehåll", "mail-body"));
}

const userSelect = document.getElementById("sandbox-user") as HTMLSelectElement;
userSelect.append(...users.map((u) => h("option", { value: u }, u)));
const mailboxSelect = document.getElementById("sandbox-mailbox") as HTMLSelectElement;
const ownOption = h("option", { value: "" });
const drawMailboxes = () => { ownOption.textContent = `Min brevlåda (${user})`; };
drawMailboxes();
mailboxSelect.append(ownOption, ...functionMailboxes.map((f) => h("option", { value: f.address }, `${f.name} (${f.address})`)));
userSelect.addEventListener("change", () => {
  user = userSelect.value;
  useSandboxUser(user);
  drawMailboxes();
  // Another user's own mailbox is another inbox; a function mailbox stays, its message now read by the new user.
  if (mailbox === "") { selected = null; shown(showInbox()); } else if (selected) select(selected);
});
mailboxSelect.addEventListener("change", () => { mailbox = mailboxSelect.value; selected = null; shown(showInbox()); });
document.getElementById("show-inbox")!.addEventListener("click", () => shown(showInbox()));
document.getElementById("show-sent")!.addEventListener("click", () => shown(showSent()));
document.getElementById("receive")!.addEventListener("click", showReceiveForm);

// The send handler runs in this page's own context, with the same stub, as Outlook's event runtime would.
(window as unknown as { Office: unknown }).Office = stub();
document.head.append(Object.assign(document.createElement("script"), { src: "/addin/launchevent-sandbox.js" }));
shown(showInbox());
// One notice, replaced each time, rather than an alert every five seconds while the API is away.
window.setInterval(() => followInbox().catch((error: unknown) => { notice.textContent = `Inkorgen kunde inte uppdateras: ${describe(error)}`; }), 5000);
