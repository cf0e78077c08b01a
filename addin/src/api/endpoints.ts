// One typed function per endpoint, all through `callApi`: the views and the sandbox page never build a URL.
import { callApi } from "./client";
import type {
  AcknowledgementRequest, AcknowledgementResult, AnswerDates, Colleague, CurrentOfficial, DraftReview, DraftReviewRequest,
  HandoverRequest, HandoverResult, Labels, MessagePromise, NewSandboxMessage, ReceiptPreview, SandboxMessage, SandboxSent,
  SentAcknowledgement, Worklist,
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

// The local sandbox's mailbox (only served in sandbox mode).
/** A sandbox mailbox's messages, newest first: a user's own (the default: the caller's) or a function mailbox. */
export const listSandboxMessages = (mailbox?: string) =>
  callApi<SandboxMessage[]>(`/api/sandbox/messages${mailbox ? `?mailbox=${encodeURIComponent(mailbox)}` : ""}`);
/** A mail arriving in a sandbox mailbox, as if a citizen had sent it. */
export const receiveInSandbox = (message: NewSandboxMessage) => callApi<{ id: string }>("/api/sandbox/messages", post(message));
export const listSandboxSent = () => callApi<SandboxSent[]>("/api/sandbox/sent");
export const replyInSandbox = (id: string, bodyHtml: string) =>
  callApi<{ id: string }>(`/api/sandbox/messages/${encodeURIComponent(id)}/reply`, post({ bodyHtml }));
