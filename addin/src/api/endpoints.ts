// One typed function per endpoint, all through `callApi`: the views and the sandbox page never build a URL.
import { callApi, downloadApi } from "./client";
import type {
  AcknowledgementRequest, AcknowledgementResult, AnswerDates, CaseSuggestion, Colleague, CurrentOfficial, DraftReview, DraftReviewRequest,
  CoverRequest, HandoverRequest, OwnAutomaticReply, OwnAutomaticReplyPreview, OwnAutomaticReplyRequest, HandoverResult, Labels, MemberCover, PromiseReport, UnitCoverage, MessagePromise, MessageRegistration, NewSandboxMessage, ReceiptPreview, RegistrationInput,
  RegistrationRequestInput, RegistrationRequestView, RegistrationView, RequestDecision, RequestState, SandboxMessage, SandboxSent,
  SentAcknowledgement, Series, Worklist,
} from "./contracts";

/** A message and the mailbox it is in: a function (shared) mailbox's address, or null for the official's own. */
export interface MessageRef { id: string; mailbox: string | null }

/** `/api/messages/{id}/{action}`, with `?mailbox=` when the message is in a function mailbox (else the API opens the own). */
const message = ({ id, mailbox }: MessageRef, action: string) =>
  `/api/messages/${encodeURIComponent(id)}/${action}${mailbox ? `?mailbox=${encodeURIComponent(mailbox)}` : ""}`;
const post = (json: unknown, idempotencyKey?: string): RequestInit & { json: unknown } =>
  ({ method: "POST", json, headers: idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined });

let me: Promise<CurrentOfficial> | null = null;
/** The signed-in official, asked for once per pane load (the read view and the worklist both need them). */
export function getMe(): Promise<CurrentOfficial> {
  me ??= callApi<CurrentOfficial>("/api/me").catch((error: unknown) => { me = null; throw error; });
  return me;
}

/** Another official signed in (the sandbox's chooser on the coverage page): asked for again. */
export function forgetMe(): void { me = null; }

/** The official's opt-out of the watcher for their own inbox; the official asked for once (`getMe`) learns the answer. */
export async function setWatching(watched: boolean): Promise<boolean> {
  const answer = await callApi<{ watched: boolean }>("/api/me/watching", { method: "PUT", json: { watched } });
  const known = me;
  if (known) me = known.then((official) => ({ ...official, watchOwnMailbox: answer.watched }));
  return answer.watched;
}

let labels: Promise<Labels> | null = null;
/** The Swedish labels, asked for once per pane load (a failed answer is asked for again next time). */
export function getLabels(): Promise<Labels> {
  labels ??= callApi<Labels>("/api/labels").catch((error: unknown) => { labels = null; throw error; });
  return labels;
}

export const getAnswerDates = () => callApi<AnswerDates>("/api/answer-dates");

export const searchOfficials = (text: string) => callApi<Colleague[]>(`/api/officials?search=${encodeURIComponent(text)}`);

export const getPromise = (m: MessageRef) => callApi<MessagePromise>(message(m, "promise"));

/** The promise of the latest tracked message in a conversation: how a reply finds the message it answers. */
export const getConversationPromise = (conversationId: string) =>
  callApi<MessagePromise>(`/api/conversations/${encodeURIComponent(conversationId)}/promise`);

export const changeCategory = (m: MessageRef, category: string) =>
  callApi<MessagePromise>(message(m, "category"), { method: "PUT", json: { category } });

export const previewAcknowledgement = (m: MessageRef, receipt: AcknowledgementRequest) =>
  callApi<ReceiptPreview>(message(m, "acknowledgement/preview"), post(receipt));

export const sendAcknowledgement = (m: MessageRef, receipt: AcknowledgementRequest, idempotencyKey: string) =>
  callApi<AcknowledgementResult>(message(m, "acknowledgement"), post(receipt, idempotencyKey));

/** "Nytt besked": the citizen is told again when the promise moves. */
export const previewAcknowledgementUpdate = (m: MessageRef, receipt: AcknowledgementRequest) =>
  callApi<ReceiptPreview>(message(m, "acknowledgement/update/preview"), post(receipt));

export const sendAcknowledgementUpdate = (m: MessageRef, receipt: AcknowledgementRequest, idempotencyKey: string) =>
  callApi<AcknowledgementResult>(message(m, "acknowledgement/update"), post(receipt, idempotencyKey));

/** What was sent to the citizen about this message, oldest first. */
export const listAcknowledgements = (m: MessageRef) => callApi<SentAcknowledgement[]>(message(m, "acknowledgements"));

/** Forwards the mail to a colleague or another unit's function mailbox; the promise, due date and all, goes with it. */
export const handOver = (m: MessageRef, handover: HandoverRequest) => callApi<HandoverResult>(message(m, "handover"), post(handover));

/** Open citizen mail of the official's own mailbox and of the function mailboxes they watch, most urgent first. */
export const getWorklist = () => callApi<Worklist>("/api/worklist");

/**
 * The draft review. Only the fields of the contract are sent. `readReceiptRequested` is not among them: no Office.js
 * API tells a compose add-in whether the official asked for a read receipt (see office/outlook.ts), and a guessed
 * `false` would silence the rule `request.read-receipt`.
 */
export function reviewDraft(draft: DraftReviewRequest, timeoutMs?: number): Promise<DraftReview> {
  const { subject, bodyHtml, to, cc, bcc, attachments, isReply, citizenLanguage } = draft;
  return callApi<DraftReview>("/api/drafts/review", post({ subject, bodyHtml, to, cc, bcc, attachments, isReply, citizenLanguage }), timeoutMs);
}

// The official's own automatic reply.
/** Is my automatic reply on, and what is wrong with it. */
export const getOwnAutomaticReply = () => callApi<OwnAutomaticReply>("/api/me/automatic-reply");
/** The municipality's template filled in with my choices; nothing changes. */
export const previewOwnAutomaticReply = (choice: OwnAutomaticReplyRequest) =>
  callApi<OwnAutomaticReplyPreview>("/api/me/automatic-reply/preview", post(choice));
/** Sets my automatic reply after the template, from now until the day I am back; answers it as it now stands. */
export const setOwnAutomaticReply = (choice: OwnAutomaticReplyRequest) =>
  callApi<OwnAutomaticReply>("/api/me/automatic-reply", { method: "PUT", json: choice });

// Registration in Lex.
/** The mail's registration: its numbers once registered, the request, and for a registrar the suggestions and the prefill. */
/** A requested mail (`requestId`) is read in the requesting official's mailbox, through the request. */
export const getRegistration = (m: MessageRef, requestId?: string) => {
  const path = message(m, "registration");
  return callApi<MessageRegistration>(requestId ? `${path}${path.includes("?") ? "&" : "?"}requestId=${encodeURIComponent(requestId)}` : path);
};

/** Registers the mail (registrar): 201 new, 200 when it was registered before (the same numbers). */
export const register = (m: MessageRef, input: RegistrationInput) => callApi<RegistrationView>(message(m, "registration"), post(input));

/** An official asks the registrars to register the mail: it lands in "Att registrera" (202). */
export const requestRegistration = (m: MessageRef, input: RegistrationRequestInput) =>
  callApi<RegistrationRequestView>(message(m, "registration-request"), post(input));

/** "Att registrera": the officials' requests (registrar), oldest first. */
export const listRegistrationRequests = (state: RequestState | "all" = "pending") =>
  callApi<{ items: RegistrationRequestView[] }>(`/api/registration-requests?state=${encodeURIComponent(state)}`);

/** The registrar's decision that a requested mail need not be registered (OSL 5 kap. 1 §). */
export const decideRegistrationRequest = (id: string, decision: RequestDecision) =>
  callApi<RegistrationRequestView>(`/api/registration-requests/${encodeURIComponent(id)}/decision`, post(decision));

/** Sends a registration that waits for Lex again (registrar). */
export const retryRegistration = (id: string) => callApi<RegistrationView>(`/api/registrations/${encodeURIComponent(id)}/retry`, { method: "POST" });

/** The cases a conversation's mail is registered in: how a reply finds its case. */
export const getConversationCases = (conversationId: string) =>
  callApi<{ cases: CaseSuggestion[] }>(`/api/cases?conversationId=${encodeURIComponent(conversationId)}`);

let series: Promise<Series[]> | null = null;
/** The registry's series (diarieserier, from the API's configuration), asked for once per pane load. */
export function getSeries(): Promise<Series[]> {
  series ??= callApi<{ series: Series[] }>("/api/registry/series").then((answer) => answer.series, (error: unknown) => { series = null; throw error; });
  return series;
}

// The unit head's (Enhetschef) coverage and follow-up.
/** Who is away, their automatic replies, covers and open mail in the head's unit; gaps first. */
export const getUnitCoverage = () => callApi<UnitCoverage>("/api/units/mine/coverage");

/** Records who reads a member's mail from `from` to `to`; `coverId` null removes the cover. */
export const setMemberCover = (memberId: string, cover: CoverRequest) =>
  callApi<MemberCover>(`/api/units/mine/members/${encodeURIComponent(memberId)}/cover`, { method: "PUT", json: cover });

const reportPath = (from: string, to: string) => `/api/reports/promise?from=${encodeURIComponent(from)}&to=${encodeURIComponent(to)}`;
/** The follow-up of the contact promise for the head's unit, per ISO week from `from`'s to `to`'s. */
export const getPromiseReport = (from: string, to: string) => callApi<PromiseReport>(reportPath(from, to));
/** The same report as a CSV file (semicolons, UTF-8 with BOM) and the file name the API gives it. */
export const downloadPromiseReport = (from: string, to: string) => downloadApi(`${reportPath(from, to)}&format=csv`);

// The local sandbox's mailbox (only served in sandbox mode).
/** A sandbox mailbox's messages, newest first: a user's own (the default: the caller's) or a function mailbox. */
export const listSandboxMessages = (mailbox?: string) =>
  callApi<SandboxMessage[]>(`/api/sandbox/messages${mailbox ? `?mailbox=${encodeURIComponent(mailbox)}` : ""}`);
/** A mail arriving in a sandbox mailbox, as if a citizen had sent it. */
export const receiveInSandbox = (message: NewSandboxMessage) => callApi<{ id: string }>("/api/sandbox/messages", post(message));
export const listSandboxSent = () => callApi<SandboxSent[]>("/api/sandbox/sent");
/** Sends the reply: the draft saved before (`draftId`, as Outlook keeps a saved draft's id), else a new one. */
export const replyInSandbox = (id: string, bodyHtml: string, draftId: string | null = null) =>
  callApi<{ id: string }>(`/api/sandbox/messages/${encodeURIComponent(id)}/reply`, post({ bodyHtml, draftId }));
/** Saves a reply draft in the sandbox mailbox (Outlook's `saveAsync`): the same draft again when `draftId` is given. */
export const saveSandboxDraft = (id: string, draft: { subject: string; to: string; bodyHtml: string; draftId: string | null }) =>
  callApi<{ id: string }>(`/api/sandbox/messages/${encodeURIComponent(id)}/draft`, post(draft));
