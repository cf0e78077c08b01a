// Writing a reply: the draft review, grouped by severity, re-run after edits, with the days left on the message answered.
import { callApi, describe } from "../api/client";
import type { DraftReview, Finding, Promise_, Severity } from "../api/contracts";
import { composeItem, onComposeChanged, type ComposeItem } from "../office/outlook";
import { alert, h, replace, status } from "./dom";
import { lixBand, standing } from "./format";

const groups: { severity: Severity; heading: string }[] = [
  { severity: "error", heading: "Måste rättas" },
  { severity: "warning", heading: "Bör ses över" },
  { severity: "info", heading: "Tips" },
];

const POLL_MS = 5000;

export async function showComposeView(root: HTMLElement): Promise<void> {
  const progress = status("Granskar utkastet …");
  const results = h("div", { id: "review" });
  const again = h("button", { type: "button", class: "secondary", id: "review-again" }, "Granska igen");
  const reply = h("div", { id: "reply-promise" });
  replace(root, h("h1", {}, "Kontaktlöfte – granskning"), reply, progress, results, again);

  let last = "";
  const review = async (force: boolean) => {
    try {
      const draft = await composeItem();
      const fingerprint = JSON.stringify(draft);
      if (!force && fingerprint === last) return;
      last = fingerprint;
      progress.textContent = "Granskar utkastet …";
      const result = await callApi<DraftReview>("/api/drafts/review", { method: "POST", json: toRequest(draft) });
      renderReview(results, result);
      progress.textContent = summary(result);
      if (draft.isReply && !reply.hasChildNodes()) void showReplyPromise(reply, draft);
    } catch (error) {
      progress.textContent = "";
      replace(results, alert(describe(error)));
    }
  };
  again.addEventListener("click", () => void review(true));
  onComposeChanged(() => void review(false));
  // Outlook has no event for edits in the body: look again every few seconds while the pane is visible.
  setInterval(() => { if (document.visibilityState === "visible") void review(false); }, POLL_MS);
  await review(true);
}

function toRequest(d: ComposeItem) {
  return { subject: d.subject, bodyHtml: d.bodyHtml, to: d.to, cc: d.cc, bcc: d.bcc, attachments: d.attachments, isReply: d.isReply, readReceiptRequested: false };
}

function summary(review: DraftReview): string {
  const errors = review.findings.filter((f) => f.severity === "error").length;
  const warnings = review.findings.filter((f) => f.severity === "warning").length;
  if (review.verdict === "block") return `Mejlet kan inte skickas som det är: ${errors} ${errors === 1 ? "sak måste" : "saker måste"} rättas.`;
  if (review.verdict === "warn") return `Klart att skicka, men se över ${warnings} ${warnings === 1 ? "sak" : "saker"}.`;
  return "Inga anmärkningar. Klart att skicka.";
}

function renderReview(target: HTMLElement, review: DraftReview): void {
  const m = review.metrics;
  replace(target,
    h("p", { class: "metrics", id: "lix" }, `LIX ${m.lix.toLocaleString("sv-SE")} – ${lixBand(m.lix)} (${m.words} ord, ${m.sentences} ${m.sentences === 1 ? "mening" : "meningar"})`),
    ...groups.map(({ severity, heading }) => {
      const found = review.findings.filter((f) => f.severity === severity);
      if (found.length === 0) return null;
      return h("section", { class: "findings", "data-severity": severity, "aria-labelledby": `h-${severity}` },
        h("h2", { id: `h-${severity}` }, `${heading} (${found.length})`),
        h("ul", {}, ...found.map(findingItem)));
    }));
}

function findingItem(f: Finding): HTMLLIElement {
  return h("li", { class: "finding", "data-rule": f.rule },
    h("p", { class: "finding-message" }, f.message),
    f.excerpt && h("p", { class: "excerpt" }, h("span", { class: "visually-hidden" }, "Utdrag: "), h("q", {}, f.excerpt)),
    f.suggestion && h("p", { class: "suggestion" }, f.suggestion));
}

async function showReplyPromise(target: HTMLElement, draft: ComposeItem): Promise<void> {
  const path = draft.inReplyTo ? `/api/messages/${encodeURIComponent(draft.inReplyTo)}/promise`
    : draft.conversationId ? `/api/conversations/${encodeURIComponent(draft.conversationId)}/promise` : null;
  if (!path) return;
  try {
    const promise = await callApi<Promise_>(path);
    const s = standing(promise);
    replace(target, h("p", { class: "standing", "data-tone": s.tone }, h("span", { "aria-hidden": "true", class: "icon" }, s.icon), " ",
      `Meddelandet du svarar på: ${s.text}`));
  } catch {
    // The days left are a courtesy here: the review matters more than a missing promise.
  }
}
