// OnMessageSend (Smart Alerts): review the draft; block on errors with a Swedish message naming each problem;
// allow otherwise; if the API cannot be reached in time, let the official send and say so. No UI, no imports at
// run time: esbuild bundles this into one classic script, as classic Outlook on Windows requires.
import { useSandboxUser } from "../api/client";
import { reviewDraft } from "../api/endpoints";
import { associateSendHandler, composeItem, ready, type SendOutcome } from "../office/outlook";

/** Outlook shows "taking longer" after 5 s: answer well before. */
const REVIEW_TIMEOUT_MS = 4000;

export async function decide(): Promise<SendOutcome> {
  try {
    const host = await ready();
    useSandboxUser(host?.sandboxUser ?? null);
    const draft = await composeItem();
    const review = await reviewDraft(draft, REVIEW_TIMEOUT_MS);
    const errors = review.findings.filter((f) => f.severity === "error");
    if (errors.length === 0) return { allow: true };
    const lines = errors.map((f) => `• ${f.message}${f.suggestion ? ` ${f.suggestion}` : ""}`);
    return {
      allow: false,
      message: `Kontaktlöfte stoppade mejlet:\n${lines.join("\n")}`,
      markdown: `**Kontaktlöfte stoppade mejlet**\n\n${errors.map((f) => `- ${f.message}${f.suggestion ? ` *${f.suggestion}*` : ""}`).join("\n")}`,
    };
  } catch {
    return { allow: false, promptUser: true, message: "Kontaktlöfte kunde inte granska mejlet i tid. Du kan skicka ändå." };
  }
}

associateSendHandler("onMessageSendHandler", decide);
