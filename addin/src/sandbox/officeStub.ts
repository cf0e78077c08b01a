// A stand-in for Office.js in the local sandbox: the subset the add-in uses, wired to the sandbox mailbox page.
// It is given to the task pane's iframe and to the send handler; Outlook itself is never involved.

/** `mailbox`: the sandbox mailbox the message is in (the user's own, or a function mailbox). */
export interface StubMessage { id: string; mailbox: string; subject: string; from: { name: string; address: string }; receivedAt: string }

export interface StubDraft {
  subject: string; bodyHtml: string; to: { name: string; address: string }[]; cc: { name: string; address: string }[];
  inReplyTo: string | null;
  /** The conversation of the message answered: a reply belongs to it, as in Outlook. */
  conversationId: string | null;
  /** The mailbox the reply is written in: the one the message answered is in. */
  mailbox: string;
}

type Done<T> = (result: { status: string; value: T; error?: { message: string } }) => void;

const ok = <T>(value: T) => ({ status: "succeeded", value });

/**
 * `getSharedPropertiesAsync` as Outlook has it: only on an item of a mailbox other than the user's own (a function
 * mailbox), with the owner's address; an item of the own mailbox has no such method in the sandbox.
 */
const sharedProperties = (mailbox: string, user: string) => mailbox.toLowerCase() === user.toLowerCase() ? {} : {
  getSharedPropertiesAsync: (done: Done<unknown>) => done(ok({ owner: mailbox, targetMailbox: mailbox, targetRestUrl: "", delegatePermissions: 3 })),
};

export function createOfficeStub(options: {
  user: () => string;
  read: () => StubMessage | null;
  draft: () => StubDraft | null;
  /** `displayMessageForm`: the sandbox page selects that message, as Outlook opens it. */
  open?: (id: string) => void;
  /** `saveAsync`: the sandbox page saves the draft in the sandbox mailbox and gives its id. */
  save?: () => Promise<string>;
  onAssociate?: (name: string, handler: (event: unknown) => void) => void;
  changeHandlers?: (() => void)[];
}): unknown {
  const draftItem = () => {
    const draft = options.draft()!;
    const recipients = (list: StubDraft["to"]) => ({
      getAsync: (done: Done<unknown>) => done(ok(list.map((a) => ({ displayName: a.name, emailAddress: a.address })))),
    });
    return {
      subject: { getAsync: (done: Done<string>) => done(ok(draft.subject)) },
      body: { getAsync: (_type: string, done: Done<string>) => done(ok(draft.bodyHtml)) },
      to: recipients(draft.to), cc: recipients(draft.cc), bcc: recipients([]),
      getAttachmentsAsync: (done: Done<unknown[]>) => done(ok([])),
      getComposeTypeAsync: (done: Done<{ composeType: string }>) => done(ok({ composeType: draft.inReplyTo ? "reply" : "newMail" })),
      addHandlerAsync: (_type: string, handler: () => void) => options.changeHandlers?.push(handler),
      kontaktlofteInReplyTo: draft.inReplyTo,
      conversationId: draft.conversationId ?? undefined,
      saveAsync: (done: Done<string>) => {
        if (!options.save) { done({ status: "failed", value: "", error: { message: "Utkastet kan inte sparas här." } }); return; }
        options.save().then((id) => done(ok(id)), (error: unknown) =>
          done({ status: "failed", value: "", error: { message: error instanceof Error ? error.message : String(error) } }));
      },
      ...sharedProperties(draft.mailbox, options.user()),
    };
  };
  const readItem = () => {
    const m = options.read()!;
    return {
      itemId: m.id, subject: m.subject, from: { displayName: m.from.name, emailAddress: m.from.address }, dateTimeCreated: new Date(m.receivedAt),
      ...sharedProperties(m.mailbox, options.user()),
    };
  };
  return {
    HostType: { Outlook: "Outlook" },
    AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
    CoercionType: { Html: "html", Text: "text" },
    EventType: { RecipientsChanged: "recipientsChanged", AttachmentsChanged: "attachmentsChanged" },
    MailboxEnums: { RestVersion: { v2_0: "v2.0" }, SendModeOverride: { PromptUser: "promptUser" } },
    onReady: () => Promise.resolve({ host: "Outlook", platform: "OfficeOnline" }),
    actions: { associate: (name: string, handler: (event: unknown) => void) => options.onAssociate?.(name, handler) },
    context: {
      get kontaktlofteSandbox() { return { user: options.user() }; },
      requirements: { isSetSupported: () => true },
      mailbox: {
        get item() { return options.draft() ? draftItem() : options.read() ? readItem() : null; },
        convertToRestId: (id: string) => id,
        convertToEwsId: (id: string) => id,
        displayMessageForm: (id: string) => options.open?.(id),
        userProfile: { get emailAddress() { return options.user(); } },
      },
    },
  };
}
