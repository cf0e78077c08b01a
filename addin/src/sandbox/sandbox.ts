// The sandbox: a minimal Outlook-like page (mailbox list, reading pane, reply editor, sent items) with the real
// task pane beside it and an Office stub wired to this page, so that `dotnet run` shows the whole product.
import { describe, useSandboxUser } from "../api/client";
import type { SandboxMessage as Message, SandboxSent as Sent } from "../api/contracts";
import { listSandboxMessages, listSandboxSent, replyInSandbox } from "../api/endpoints";
import { alert, dateTime, field, h, mailFrame, replace } from "../ui";
import { createOfficeStub, type StubDraft } from "./officeStub";

interface SendOutcome { allowEvent: boolean; errorMessage?: string; sendModeOverride?: string }

const users = ["handlaggare@sandbox.botkyrka.se", "registrator@sandbox.botkyrka.se", "enhetschef@sandbox.botkyrka.se"];
const signature = "Med vänlig hälsning\nHanna Lindqvist\nHandläggare, Bygglovsenheten\nBotkyrka kommun\nTelefon: 08-530 612 34\nE-post: handlaggare@sandbox.botkyrka.se";

let user = users[0];
useSandboxUser(user);
let selected: Message | null = null;
let draft: StubDraft | null = null;
let sendHandler: ((event: unknown) => void) | null = null;
const changeHandlers: (() => void)[] = [];

const stub = () => createOfficeStub({
  user: () => user, read: () => selected, draft: () => draft, changeHandlers,
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

async function showInbox(): Promise<void> {
  draft = null;
  const messages = await listSandboxMessages();
  replace(list, h("h2", { id: "list-heading" }, "Inkorg"), h("ul", { "aria-labelledby": "list-heading" }, ...messages.map((m) =>
    h("li", {}, h("button", { type: "button", class: "message", "data-id": m.id, "aria-current": selected?.id === m.id ? "true" : undefined, onclick: () => select(m) },
      h("span", { class: "from" }, m.from.name || m.from.address), h("span", { class: "subject" }, m.subject),
      h("span", { class: "when" }, dateTime(m.receivedAt)))))));
  if (!selected && messages[0]) select(messages[0]);
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
    draft = { subject: subject.value, to: addresses(to.value), cc: addresses(cc.value), inReplyTo: message.id, bodyHtml: toHtml(text.value, message) };
  };
  // Outlook raises no event for typing; the sandbox tells the pane soon after, so that its review keeps up.
  let typing = 0;
  for (const input of [subject, to, cc, text]) input.addEventListener("input", () => {
    update();
    clearTimeout(typing);
    typing = window.setTimeout(() => changeHandlers.forEach((c) => c()), 600);
  });
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
    dialog.showModal();
    return;
  }
  await deliver(message);
}

async function deliver(message: Message): Promise<void> {
  await replyInSandbox(message.id, draft!.bodyHtml);
  notice.textContent = `Svaret till ${message.from.address} är skickat.`;
  select(message);
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
userSelect.addEventListener("change", () => { user = userSelect.value; useSandboxUser(user); if (selected) select(selected); });
document.getElementById("show-inbox")!.addEventListener("click", () => shown(showInbox()));
document.getElementById("show-sent")!.addEventListener("click", () => shown(showSent()));

// The send handler runs in this page's own context, with the same stub, as Outlook's event runtime would.
(window as unknown as { Office: unknown }).Office = stub();
document.head.append(Object.assign(document.createElement("script"), { src: "/addin/launchevent-sandbox.js" }));
shown(showInbox());
