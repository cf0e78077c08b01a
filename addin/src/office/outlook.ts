// The ONLY module that touches Office.js. It turns Outlook's item into plain objects; nothing else sees `Office`.
import type { Address, DraftReviewRequest } from "../api/contracts";

export interface ReadItem {
  /** REST id (Graph accepts it; the API answers with the immutable id). */
  id: string;
  /** The function (shared) mailbox or shared folder's owner the item is in; null for the official's own mailbox. */
  mailbox: string | null;
  subject: string;
  from: Address;
  receivedAt: string;
}

/** The draft: what the review reads, and how to find the message it answers. */
export interface ComposeItem extends DraftReviewRequest {
  /** The id of the message being answered, where the host can tell it (the sandbox can). */
  inReplyTo: string | null;
  /** The conversation, through which the API finds the message a reply answers. */
  conversationId: string | null;
  /** The function (shared) mailbox the draft is in, where the message answered is too; null for the own mailbox. */
  mailbox: string | null;
}

export type Mode = "read" | "compose";

export interface Host {
  mode: Mode;
  /** The sandbox user, when the pane runs in the local sandbox instead of Outlook. */
  sandboxUser: string | null;
}

const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

/**
 * Office.js from Microsoft's CDN; in the local sandbox (a page of ours around the pane) the sandbox's stub instead,
 * so that nothing is fetched from the internet.
 */
async function loadOffice(): Promise<void> {
  const global = window as unknown as { Office?: unknown; parent: { kontaktlofteSandbox?: { office(): unknown } } };
  if (global.Office) return;
  const sandbox = new URLSearchParams(location.search).get("host") === "sandbox" && window.parent !== window
    ? global.parent.kontaktlofteSandbox : undefined;
  if (sandbox) { global.Office = sandbox.office(); return; }
  await new Promise<void>((resolve, reject) => {
    const script = Object.assign(document.createElement("script"), { src: OFFICE_JS, onload: () => resolve(), onerror: reject });
    document.head.append(script);
  });
}

/** Waits for Office and tells whether the pane is beside a message being read or written. */
export async function ready(): Promise<Host | null> {
  await loadOffice();
  const info = await Office.onReady();
  if (info.host !== Office.HostType.Outlook || !Office.context.mailbox?.item) return null;
  const item = Office.context.mailbox.item as Office.MessageRead | Office.MessageCompose;
  const mode: Mode = typeof (item as Office.MessageRead).subject === "string" ? "read" : "compose";
  const sandbox = (Office.context as unknown as { kontaktlofteSandbox?: { user: string } }).kontaktlofteSandbox;
  return { mode, sandboxUser: sandbox?.user ?? null };
}

export async function readItem(): Promise<ReadItem> {
  const item = Office.context.mailbox.item as Office.MessageRead;
  return {
    id: restId(item.itemId),
    mailbox: await sharedMailbox(item),
    subject: item.subject,
    from: { name: item.from?.displayName ?? "", address: item.from?.emailAddress ?? "" },
    receivedAt: (item.dateTimeCreated ?? new Date()).toISOString(),
  };
}

/**
 * Whose mailbox the item is in, when it is not the official's own: a function mailbox (shared mailbox, Mailbox 1.13) or
 * a colleague's folder shared with them (Mailbox 1.8), from `getSharedPropertiesAsync`. `owner` is documented as the
 * owner's e-mail address; `targetMailbox` is "a location that may differ by client", so it serves only when `owner` is
 * missing. null where the host lacks the API or refuses it (an item of the own mailbox fails): the API then works in
 * the official's own mailbox, as before shared folders were supported.
 */
async function sharedMailbox(item: Office.MessageRead | Office.MessageCompose): Promise<string | null> {
  const shared = item as { getSharedPropertiesAsync?: (done: (result: Office.AsyncResult<Office.SharedProperties>) => void) => void };
  if (typeof shared.getSharedPropertiesAsync !== "function" || !Office.context.requirements.isSetSupported("Mailbox", "1.8")) return null;
  try {
    const properties = await call<Office.SharedProperties>((done) => shared.getSharedPropertiesAsync!(done));
    const address = (properties.owner || properties.targetMailbox || "").trim();
    const own = Office.context.mailbox.userProfile?.emailAddress ?? "";
    return address && address.toLowerCase() !== own.toLowerCase() ? address : null;
  } catch {
    return null;
  }
}

/**
 * Graph knows ids in REST form; Office.js gives EWS form ("/" and "+"). `convertToRestId` (Mailbox 1.3, also for a
 * conversation id) converts where the client has it; elsewhere the API converts, so the id is sent as it is.
 */
function restId(id: string): string {
  try {
    return Office.context.mailbox.convertToRestId(id, Office.MailboxEnums.RestVersion.v2_0);
  } catch {
    return id;
  }
}

/**
 * Opens a message of the worklist: in Outlook's own message form where the client can (`displayMessageForm` takes an
 * EWS id, and `convertToEwsId` needs Mailbox 1.3), else Outlook on the web's link in a new window. A message in a
 * function mailbox the client has not added may refuse the form, hence the link. False when neither is possible.
 */
export function openMessage(id: string, webLink: string | null): boolean {
  try {
    if (!Office.context.requirements.isSetSupported("Mailbox", "1.3")) throw new Error("Mailbox 1.3 saknas");
    Office.context.mailbox.displayMessageForm(Office.context.mailbox.convertToEwsId(id, Office.MailboxEnums.RestVersion.v2_0));
    return true;
  } catch {
    // Only Outlook on the web's own https address: the link is data, never a script URL.
    if (!webLink || !/^https:\/\//i.test(webLink)) return false;
    window.open(webLink, "_blank", "noopener");
    return true;
  }
}

function call<T>(start: (done: (result: Office.AsyncResult<T>) => void) => void): Promise<T> {
  return new Promise((resolve, reject) => start((result) =>
    result.status === Office.AsyncResultStatus.Succeeded ? resolve(result.value) : reject(new Error(result.error?.message ?? "Outlook svarade inte"))));
}

const toAddresses = (list: Office.EmailAddressDetails[]): Address[] =>
  list.map((a) => ({ name: a.displayName ?? "", address: a.emailAddress ?? "" }));

/**
 * The draft as the review needs it. Whether the official asked for a read or delivery receipt is not part of it:
 * no Office.js API tells a compose add-in (Mailbox 1.1–1.15 have no such property; `item.internetHeaders` in
 * compose returns only the custom headers an add-in set itself, and `Disposition-Notification-To` is written
 * when Exchange turns the item into MIME, after send; `getAllInternetHeadersAsync` is read mode only). The draft's
 * `isReadReceiptRequested` is on the Graph message, which the API could read given the saved draft's id
 * (`getItemIdAsync`, Mailbox 1.8; in classic Outlook's cached mode only once the draft has synced).
 */
export async function composeItem(): Promise<ComposeItem> {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  const [subject, bodyHtml, to, cc, bcc, attachments, composeType, mailbox] = await Promise.all([
    call<string>((done) => item.subject.getAsync(done)),
    call<string>((done) => item.body.getAsync(Office.CoercionType.Html, done)),
    call<Office.EmailAddressDetails[]>((done) => item.to.getAsync(done)),
    call<Office.EmailAddressDetails[]>((done) => item.cc.getAsync(done)),
    call<Office.EmailAddressDetails[]>((done) => item.bcc.getAsync(done)),
    call<Office.AttachmentDetailsCompose[]>((done) => item.getAttachmentsAsync(done)).catch(() => []),
    call<{ composeType: string }>((done) => item.getComposeTypeAsync(done)).catch(() => ({ composeType: "newMail" })),
    sharedMailbox(item),
  ]);
  const sandbox = item as unknown as { kontaktlofteInReplyTo?: string };
  return {
    subject, bodyHtml, to: toAddresses(to), cc: toAddresses(cc), bcc: toAddresses(bcc),
    attachments: attachments.map((a) => ({ name: a.name, size: a.size, isInline: a.isInline })),
    isReply: composeType.composeType === "reply",
    inReplyTo: sandbox.kontaktlofteInReplyTo ?? null,
    conversationId: item.conversationId ? restId(item.conversationId) : null,
    mailbox,
  };
}

/**
 * Saves the draft being written and gives its id in REST form, so that the API can find it (a registration request for
 * a reply). `saveAsync` (Mailbox 1.3) gives an EWS id; in classic Outlook's cached mode the id reaches the server only
 * once the draft has synced, so the API may not find it at once.
 */
export async function saveDraft(): Promise<string> {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  return restId(await call<string>((done) => item.saveAsync(done)));
}

/** Calls back when recipients or attachments change (Outlook has no event for body edits: the view also polls). */
export function onComposeChanged(callback: () => void): void {
  const item = Office.context.mailbox.item as Office.MessageCompose;
  for (const type of [Office.EventType.RecipientsChanged, Office.EventType.AttachmentsChanged])
    item.addHandlerAsync?.(type, callback);
}

export interface SendOutcome { allow: boolean; message?: string; markdown?: string; promptUser?: boolean }

/** Registers the Smart Alerts handler: every path ends in event.completed. */
export function associateSendHandler(name: string, decide: () => Promise<SendOutcome>): void {
  Office.actions.associate(name, (event: Office.AddinCommands.Event) => {
    decide().then((outcome) => {
      const canPrompt = Office.context.requirements.isSetSupported("Mailbox", "1.14");
      // Without 1.14 the official cannot be asked, and an unreachable review must not stop the mail.
      if (outcome.allow || (outcome.promptUser && !canPrompt)) { event.completed({ allowEvent: true }); return; }
      const options: Record<string, unknown> = { allowEvent: false, errorMessage: outcome.message };
      if (outcome.markdown && Office.context.requirements.isSetSupported("Mailbox", "1.15")) options.errorMessageMarkdown = outcome.markdown;
      if (outcome.promptUser)
        options.sendModeOverride = Office.MailboxEnums.SendModeOverride.PromptUser;
      event.completed(options as Office.SmartAlertsEventCompletedOptions);
    }, () => event.completed({ allowEvent: true }));
  });
}
