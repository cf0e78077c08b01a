// Writing a reply: the draft review, grouped by severity, re-run after edits, with the days left on the message answered.
import { ApiError, describe } from "../api/client";
import type { DraftReview, Finding, Severity } from "../api/contracts";
import { getConversationPromise, getPromise, reviewDraft } from "../api/endpoints";
import { composeItem, onComposeChanged, type ComposeItem } from "../office/outlook";
import { alert, decimal, h, replace, status } from "../ui";
import { showReplyCase } from "./replyCase";
import { standingBar } from "./standing";

const groups: { severity: Severity; heading: string }[] = [
  { severity: "error", heading: "Måste rättas" },
  { severity: "warning", heading: "Bör ses över" },
  { severity: "info", heading: "Tips" },
];

const POLL_MS = 5000;

export async function showComposeView(root: HTMLElement): Promise<void> {
  const progress = status("Granskar utkastet …", "review-summary");
  const results = h("div", { id: "review" });
  const again = h("button", { type: "button", class: "secondary", id: "review-again" }, "Granska igen");
  const reply = h("div", { id: "reply-promise" });
  const replyCase = h("div", { id: "reply-case" });
  replace(root, h("h1", {}, "Kontaktlöfte – granskning"), reply, replyCase, progress, results, again);

  let citizenLanguage: Promise<string | undefined> | null = null;
  let last = "";
  // Reviews overlap (the poll, an edit, "Granska igen"): only the latest one started may show its answer, or a slow
  // answer about an older draft would replace the newer one's and stay, since the draft no longer looks changed.
  let started = 0;
  const review = async (force: boolean) => {
    let mine = started; // an error before this review began shows unless a newer one has started since
    try {
      const draft = await composeItem();
      // The citizen's language lets the API tell a Swedish reply to a Finnish mail (Lag 2009:724); asked for once.
      if (citizenLanguage === null && draft.isReply) void showReplyCase(replyCase, draft);
      citizenLanguage ??= draft.isReply ? showReplyPromise(reply, draft) : Promise.resolve(undefined);
      const fingerprint = JSON.stringify(draft);
      if (!force && fingerprint === last) return;
      last = fingerprint;
      mine = ++started;
      progress.textContent = "Granskar utkastet …";
      const result = await reviewDraft({ ...draft, citizenLanguage: await citizenLanguage });
      if (mine !== started) return;
      renderReview(results, result);
      progress.textContent = summary(result);
    } catch (error) {
      if (mine !== started) return;
      last = "";
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

function summary(review: DraftReview): string {
  const errors = review.findings.filter((f) => f.severity === "error").length;
  const warnings = review.findings.filter((f) => f.severity === "warning").length;
  if (review.verdict === "block") return `Mejlet kan inte skickas som det är: ${errors} ${errors === 1 ? "sak måste" : "saker måste"} rättas.`;
  // Nothing written yet is nothing to approve: the review has only the signature and the quoted mail to go on.
  if (review.metrics.words === 0) return "Skriv ditt svar, så granskas det.";
  if (review.verdict === "warn") return `Klart att skicka, men se över ${warnings} ${warnings === 1 ? "sak" : "saker"}.`;
  return "Inga anmärkningar. Klart att skicka.";
}

function readability({ lix, lixBand, words, sentences }: DraftReview["metrics"]): HTMLElement | null {
  if (words === 0) return null;
  const counts = `${words} ord, ${sentences} ${sentences === 1 ? "mening" : "meningar"}`;
  return h("p", { class: "metrics", id: "lix" }, lixBand === null
    ? `Texten är för kort för att mäta läsbarheten (${counts}).`
    : `LIX ${decimal(lix)} – ${lixBand} (${counts})`);
}

function renderReview(target: HTMLElement, review: DraftReview): void {
  replace(target,
    readability(review.metrics),
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

/** Shows the days left on the message answered and gives its language; a reply to an untracked message has neither. */
async function showReplyPromise(target: HTMLElement, draft: ComposeItem): Promise<string | undefined> {
  if (!draft.inReplyTo && !draft.conversationId) return undefined;
  try {
    const promise = await (draft.inReplyTo ? getPromise({ id: draft.inReplyTo, mailbox: draft.mailbox }) : getConversationPromise(draft.conversationId!));
    replace(target, standingBar(promise, "Meddelandet du svarar på: "));
    return promise.language;
  } catch (error) {
    // 404: the message answered is not a tracked citizen mail, so there is no promise to show.
    if (!(error instanceof ApiError && error.status === 404))
      replace(target, h("p", { class: "hint" }, `Svarstiden för meddelandet du svarar på kunde inte hämtas: ${describe(error)}`));
    return undefined;
  }
}
