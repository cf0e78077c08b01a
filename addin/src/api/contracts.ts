// The API's answers, as the views use them (see Swagger at /swagger for every field).

export type Severity = "error" | "warning" | "info";
export interface Finding { rule: string; severity: Severity; part: string; start: number; length: number; excerpt: string; message: string; suggestion?: string }
export interface DraftReview { verdict: "block" | "warn" | "ok"; findings: Finding[]; metrics: { lix: number; words: number; sentences: number; longWords: number } }

export interface ContactPerson { name: string; title?: string; phone?: string; email: string }
export type Category = "question" | "opinion" | "fault-report" | "document-request" | "callback" | "internal" | "automatic";
export interface Promise_ {
  category: Category; language: string; receivedAt: string; dueDate: string | null; workingDaysLeft: number | null;
  state: "open" | "acknowledged" | "answered" | "overdue"; contactPerson: ContactPerson | null; promisedDate: string | null;
  sensitive: boolean; categoryChosenByOfficial: boolean; reasons: string[];
}
export interface Me { email: string; name: string; title: string; phone: string; roles: string[] }
export interface DayOff { date: string; name: string }
export interface ReceiptPreview { to: string; subject: string; bodyHtml: string; language: string; promisedDate: string; contactPerson: ContactPerson }
export interface AcknowledgementResult { acknowledgementId: string; status: "queued" | "sent"; promisedDate: string; contactPerson: ContactPerson }
