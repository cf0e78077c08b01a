// One typed function per endpoint, all through `callApi`: the views and the sandbox page never build a URL.
import { callApi } from "./client";
import type {
  AcknowledgementRequest, AcknowledgementResult, AnswerDates, Colleague, CurrentOfficial, DraftReview, DraftReviewRequest, Labels,
  MessagePromise, NewSandboxMessage, ReceiptPreview, SandboxMessage, SandboxSent, SentAcknowledgement, Worklist,
} from "./contracts";

const message = (id: string) => `/api/messages/${encodeURIComponent(id)}`;
const post = (json: unknown, idempotencyKey?: string): RequestInit & { json: unknown } =>
  ({ method: "POST", json, headers: idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined });

let me: Promise<CurrentOfficial> | null = null;
/** The signed-in official, asked for once per pane load (the read view and the worklist both need them). */
export function getMe(): Promise<CurrentOfficial> {
  me ??= callApi<CurrentOfficial>("/api/me").catch((error: unknown) => { me = null; throw error; });
  return me;
}

let labels: Promise<Labels> | null = null;
/** The Swedish labels, asked for once per pane load (a failed answer is asked for again next time). */
export function getLabels(): Promise<Labels> {
  labels ??= callApi<Labels>("/api/labels").catch((error: unknown) => { labels = null; throw error; });
  return labels;
}

export const getAnswerDates = () => callApi<AnswerDates>("/api/answer-dates");

export const searchOfficials = (text: string) => callApi<Colleague[]>(`/api/officials?search=${encodeURIComponent(text)}`);

export const getPromise = (id: string) => callApi<MessagePromise>(`${message(id)}/promise`);

/** The promise of the latest tracked message in a conversation: how a reply finds the message it answers. */
export const getConversationPromise = (conversationId: string) =>
  callApi<MessagePromise>(`/api/conversations/${encodeURIComponent(conversationId)}/promise`);

export const changeCategory = (id: string, category: string) =>
  callApi<MessagePromise>(`${message(id)}/category`, { method: "PUT", json: { category } });

export const previewAcknowledgement = (id: string, receipt: AcknowledgementRequest) =>
  callApi<ReceiptPreview>(`${message(id)}/acknowledgement/preview`, post(receipt));

export const sendAcknowledgement = (id: string, receipt: AcknowledgementRequest, idempotencyKey: string) =>
  callApi<AcknowledgementResult>(`${message(id)}/acknowledgement`, post(receipt, idempotencyKey));

/** "Nytt besked": the citizen is told again when the promise moves. */
export const previewAcknowledgementUpdate = (id: string, receipt: AcknowledgementRequest) =>
  callApi<ReceiptPreview>(`${message(id)}/acknowledgement/update/preview`, post(receipt));

export const sendAcknowledgementUpdate = (id: string, receipt: AcknowledgementRequest, idempotencyKey: string) =>
  callApi<AcknowledgementResult>(`${message(id)}/acknowledgement/update`, post(receipt, idempotencyKey));

/** What was sent to the citizen about this message, oldest first. */
export const listAcknowledgements = (id: string) => callApi<SentAcknowledgement[]>(`${message(id)}/acknowledgements`);

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

// The local sandbox's mailbox (only served in sandbox mode).
/** A sandbox mailbox's messages, newest first: a user's own (the default: the caller's) or a function mailbox. */
export const listSandboxMessages = (mailbox?: string) =>
  callApi<SandboxMessage[]>(`/api/sandbox/messages${mailbox ? `?mailbox=${encodeURIComponent(mailbox)}` : ""}`);
/** A mail arriving in a sandbox mailbox, as if a citizen had sent it. */
export const receiveInSandbox = (message: NewSandboxMessage) => callApi<{ id: string }>("/api/sandbox/messages", post(message));
export const listSandboxSent = () => callApi<SandboxSent[]>("/api/sandbox/sent");
export const replyInSandbox = (id: string, bodyHtml: string) =>
  callApi<{ id: string }>(`/api/sandbox/messages/${encodeURIComponent(id)}/reply`, post({ bodyHtml }));
