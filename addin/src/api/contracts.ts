// The API's requests and answers, one name per thing, as Swagger (/swagger) documents them. Dates are yyyy-MM-dd,
// moments ISO 8601; every word a person reads (labels, help, warnings, errors) comes from the API in Swedish.

export interface Address { name: string; address: string }

/** A named contact person in a receipt (name and e-mail always; title and phone when known). */
export interface ContactPerson { name: string; title?: string | null; phone?: string | null; email: string }

/** A colleague found by search, who can be named contact person. */
export interface Colleague { name: string; title: string; phone: string; email: string }

/** The signed-in official. */
export interface CurrentOfficial {
  email: string; name: string; title: string; phone: string; roles: string[];
  /** Whether the watcher follows their own inbox (else only mail opened in the pane is tracked). */
  watchOwnMailbox: boolean;
}

export type Category = "question" | "opinion" | "fault-report" | "document-request" | "callback" | "internal" | "automatic";
/** `handed-over`: this copy was handed over to somebody else, whose copy now carries the promise. */
export type PromiseState = "open" | "acknowledged" | "answered" | "overdue" | "handed-over";

/** The kontaktlöfte of one message (`Promise` in C#, a name JavaScript keeps for itself). */
export interface MessagePromise {
  category: Category; language: string; receivedAt: string; dueDate: string | null; workingDaysLeft: number | null;
  state: PromiseState; contactPerson: ContactPerson | null; promisedDate: string | null;
  sensitive: boolean; categoryChosenByOfficial: boolean; reasons: string[];
  /** This copy came by a hand-over: the colleague who handed it over. */
  handedOverBy: Address | null;
  /** This copy was handed over (state `handed-over`): to whom, and when. */
  handedOverTo: Address | null;
  handedOverAt: string | null;
}

/** The Swedish names of categories (with what the promise is for each) and of states. */
export interface Labels {
  categories: { id: Category; name: string; help: string }[];
  states: { id: PromiseState; name: string }[];
}

/** The working days the API accepts as an answer date, from today in Stockholm. */
export interface AnswerDates { today: string; dates: string[] }

/** What a receipt says: the first one and every "nytt besked" take the same fields. */
export interface AcknowledgementRequest {
  /** null: the signed-in official. */
  contactPerson: ContactPerson | null;
  promisedDate: string;
  language: string;
  personalLine: string | null;
}

/** Something the official should look at before sending, e.g. a public-records request promised late. */
export interface ReceiptWarning { code: string; message: string }

export interface ReceiptPreview {
  to: string; subject: string; bodyHtml: string; language: string; promisedDate: string; contactPerson: ContactPerson;
  warnings: ReceiptWarning[];
}

export type OutboxStatus = "queued" | "sent" | "failed";

/** A hand-over: the mail is forwarded to a colleague or another unit's function mailbox, and the promise goes with it. */
export interface HandoverRequest {
  to: Address;
  /** To the new holder, at most 500 characters; no personal identity numbers. */
  note: string | null;
  /** Whether the citizen is told who their new contact person is. */
  notifyCitizen: boolean;
}

/** The due date is the same as before the hand-over: the promise keeps its received date. */
export interface HandoverResult { handedOverTo: Address; dueDate: string }

export interface AcknowledgementResult { acknowledgementId: string; status: OutboxStatus; promisedDate: string; contactPerson: ContactPerson }

/** A receipt as it was sent (or is about to be): the first one, or an update ("nytt besked"). */
export interface SentAcknowledgement {
  acknowledgementId: string; kind: "first" | "update"; status: OutboxStatus; createdAt: string; sentAt: string | null;
  to: string; subject: string; bodyHtml: string | null; promisedDate: string; contactPerson: ContactPerson;
  /** Why it could not be sent (failed) or is being tried again (queued), in Swedish. */
  error: string | null;
}

export interface DraftReviewRequest {
  subject: string; bodyHtml: string; to: Address[]; cc: Address[]; bcc: Address[];
  attachments: { name: string; size: number; isInline: boolean }[];
  isReply: boolean;
  /** The language of the citizen's mail (the promise's `language`), when the reply's promise is known. */
  citizenLanguage?: string;
}

export type Severity = "error" | "warning" | "info";
export interface Finding { rule: string; severity: Severity; part: string; start: number; length: number; excerpt: string; message: string; suggestion?: string }
export interface DraftReview {
  verdict: "block" | "warn" | "ok"; findings: Finding[];
  /** `lixBand` is null when the text is too short for LIX to mean anything. */
  metrics: { lix: number; lixBand: string | null; words: number; sentences: number; longWords: number };
}

/** One open citizen mail in the worklist: the official's own mailbox or a function mailbox they watch. */
export interface WorklistItem {
  messageId: string;
  /** The mailbox it is in: the official's own address, or a function mailbox's (funktionsbrevlåda). */
  mailbox: string;
  /** null for a mail flagged sensitive: nothing of it is kept (OSL). */
  from: Address | null;
  subject: string | null;
  receivedAt: string; category: Category; dueDate: string;
  /** Working days left to the promised date, else the due date; negative when overdue. */
  workingDaysLeft: number;
  state: Exclude<PromiseState, "answered" | "handed-over">;
  contactPerson: ContactPerson | null;
  /** It came by a hand-over: the colleague who handed it over. */
  handedOverBy: Address | null;
  /** Where Outlook on the web opens it; null in the sandbox. */
  webLink: string | null;
}

/** Open citizen mail, most urgent first (overdue, then due today, then by due date): the API's order is kept. */
export interface Worklist { items: WorklistItem[] }

/** The sandbox's mailboxes (local only): each message with its Outlook categories. */
export interface SandboxMessage {
  id: string; mailbox: string;
  /** Outlook's conversation id: a reply drafted in the sandbox belongs to it. */
  conversationId: string; subject: string; from: Address; receivedAt: string; bodyText: string | null; bodyHtml: string | null;
  categories: string[];
}
export interface NewSandboxMessage { mailbox: string; from: Address; subject: string; bodyText: string }
export interface SandboxSent { id: string; inReplyTo: string; to: string; subject: string; bodyHtml: string; sentAt: string | null }

// Registration in Lex (v2): the registrar registers a mail as a public record; officials ask for it.
export type Direction = "incoming" | "outgoing" | "internal";
/** `queued`: waiting for the registry (Lex); `refused`: the registry said no, `problem` says why. */
export type RegistrationState = "queued" | "registered" | "handed-to-lex" | "refused";

/** A register entry as the public register shows it (OSL 5 kap. 2 §): a secret record's without party or revealing title. */
export interface PublicEntry {
  caseNumber: string | null; caseTitle: string | null; documentNumber: number | null; registeredAt: string | null; direction: Direction;
  documentType: string; classificationCode: string | null; title: string; party: Address | null; date: string; attachments: string[];
  secret: boolean; secrecyGround: string | null; officer: string | null;
}

/** What a secret record keeps apart: for a registrar looking at this one entry. */
export interface KeptApartParts { caseTitle: string | null; title: string | null; party: Address | null; attachments: string[] }

export interface RegistrationView {
  id: string; messageId: string; state: RegistrationState;
  /** In Swedish, e.g. "Registrerad", "Väntar på Lex". */
  stateText: string;
  caseNumber: string | null; documentNumber: number | null; registeredAt: string | null; direction: Direction;
  publicEntry: PublicEntry; keptApart: KeptApartParts | null;
  /** Why it waits or was refused, in Swedish. */
  problem: string | null;
}

/** A case to suggest: another mail of the same conversation, or of the same sender, is registered in it. */
export interface CaseSuggestion { caseNumber: string; caseTitle: string | null; why: "conversation" | "sender" }

/** What the registrar's form starts from: the direction from the folder, the title from the subject, the sender, the day. */
export interface RegistrationPrefill { direction: Direction; title: string; from: Address; date: string; sensitive: boolean; attachments: string[] }

export type RequestState = "pending" | "registered" | "not-registered";
export type NotRegisteredReason = "ringa-betydelse" | "hålls-ordnad";

/** An official's request in "Att registrera". Subject and sender only while it waits, never for a sensitive mail. */
export interface RegistrationRequestView {
  id: string; messageId: string; mailbox: string; requestedBy: Address; requestedAt: string; note: string | null;
  caseNumber: string | null; subject: string | null; from: Address | null; receivedAt: string; sensitive: boolean; webLink: string | null;
  state: RequestState; stateText: string; reason: NotRegisteredReason | null;
  /** The reason in Swedish. */
  reasonText: string | null;
  decisionNote: string | null; registration: PublicEntry | null;
}

/** A mail's registration as the pane asks for it: suggestions and prefill only for registrars. */
export interface MessageRegistration {
  registration: RegistrationView | null; request: RegistrationRequestView | null; suggestions: CaseSuggestion[]; prefill: RegistrationPrefill | null;
}

/** The registrar's form. `caseNumber` for an existing case, else `series` and `caseTitle` open a new one. */
export interface RegistrationInput {
  direction: Direction; caseNumber: string | null; series: string | null; caseTitle: string | null; caseTitleKeptApart: string | null;
  documentType: string; classificationCode: string | null; secret: boolean; secrecyGround: string | null; officer: string | null;
  documentTitle: string | null; titleKeptApart: string | null; requestId: string | null;
}

export interface RegistrationRequestInput { note: string | null; caseNumber: string | null }
export interface RequestDecision { decision: "not-registered"; reason: NotRegisteredReason; note: string | null }

/** A registry series (diarieserie): an administration's code and name. */
export interface Series { code: string; name: string }

// The unit head's coverage (Enhetschef): `/api/units/mine/coverage` and the follow-up `/api/reports/promise`.
/** A member's automatic reply as Exchange tells it now; `problems` in Swedish, empty when it is right or off. */
export interface AutoReplyStatus {
  enabled: boolean; start: string | null; end: string | null; namesContact: boolean; away: boolean; problems: string[];
}
/** A cover the head recorded; `today` when today is inside the period. */
export interface CoverStatus { id: string; name: string; email: string; from: string; to: string; today: boolean }
/** One member: `flagged` when away with open mail and no cover today; `flags` says what to look at, in Swedish. */
export interface MemberCoverage {
  id: string; name: string; email: string; autoReply: AutoReplyStatus; cover: CoverStatus | null;
  open: number; dueToday: number; overdue: number; flagged: boolean; flags: string[];
}
export interface FunctionMailboxCoverage { address: string; watchers: string[]; watchedNow: boolean; open: number; dueToday: number; overdue: number }
/** Members in the API's order: gaps first. */
export interface UnitCoverage { members: MemberCoverage[]; functionMailboxes: FunctionMailboxCoverage[] }
/** `coverId` null removes the cover. */
export interface CoverRequest { coverId: string | null; from: string; to: string }
export interface MemberCover { memberId: string; cover: CoverStatus | null }

/** One ISO week of the follow-up; shares 0–1, null for a week with no mail. */
export interface PromiseReportWeek {
  week: string; monday: string; sunday: string; unit: string; received: number;
  withinOneWorkingDay: number; shareWithinOneWorkingDay: number | null;
  withinTwoWorkingDays: number; shareWithinTwoWorkingDays: number | null;
  answered: number; medianWorkingDaysToAnswer: number | null; overdueNow: number;
}
export interface PromiseReport { unit: string; from: string; to: string; today: string; weeks: PromiseReportWeek[] }

/** The official's own automatic reply (frånvaromeddelande), checked by the unit head's routine. */
export interface OwnAutomaticReply {
  enabled: boolean; status: "disabled" | "alwaysEnabled" | "scheduled"; start: string | null; end: string | null;
  namesContact: boolean;
  /** What is wrong with it, in Swedish; empty when it is right or off. */
  problems: string[];
  /** The return date the form offers first, and the latest the API accepts (yyyy-MM-dd). */
  suggestedReturnDate: string; latestReturnDate: string;
}

/** The municipality's template with the official's choices: the day back, and a colleague (else Kontaktcenter alone). */
export interface OwnAutomaticReplyRequest { returnDate: string; coverId: string | null; start?: string | null }

/** The template filled in, as it would be set. */
export interface OwnAutomaticReplyPreview {
  internalReplyMessage: string; externalReplyMessage: string; start: string; end: string;
  cover: { id: string; name: string; phone: string; email: string } | null;
}
