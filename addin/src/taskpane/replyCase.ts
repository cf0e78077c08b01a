// A reply in a conversation whose mail is registered belongs to the same case: the official asks the registrar to
// register the reply there. The draft is saved first, so that the API can find it by its id.
import { ApiError, describe } from "../api/client";
import type { CaseSuggestion } from "../api/contracts";
import { getConversationCases, requestRegistration } from "../api/endpoints";
import { saveDraft, type ComposeItem } from "../office/outlook";
import { alert, focusHeading, h, replace, status } from "../ui";

export async function showReplyCase(target: HTMLElement, draft: ComposeItem): Promise<void> {
  if (!draft.conversationId) return;
  let cases: CaseSuggestion[];
  try {
    cases = (await getConversationCases(draft.conversationId)).cases;
  } catch (error) {
    replace(target, h("p", { class: "hint" }, `Ärendet för konversationen kunde inte hämtas: ${describe(error)}`));
    return;
  }
  if (cases.length === 0) return;
  // The latest case of the conversation first; another one may be chosen where the conversation has several.
  const choices = cases.map((c, i) => h("input", { type: "radio", name: "reply-case", id: `reply-case-${i}`, value: c.caseNumber, checked: i === 0 }));
  const chosen = () => choices.find((c) => c.checked)?.value ?? cases[0].caseNumber;
  const named = (c: CaseSuggestion) => `${c.caseNumber}${c.caseTitle ? ` – ${c.caseTitle}` : ""}`;
  const button = h("button", { type: "button", class: "secondary", id: "reply-case-request" }, "Registrera svaret i samma ärende");
  const progress = status("", "reply-case-status");
  const problem = h("div", { id: "reply-case-problem" });
  button.addEventListener("click", () => void (async () => {
    button.disabled = true;
    replace(problem);
    progress.textContent = "Sparar utkastet och skickar begäran …";
    try {
      const id = await saveDraft();
      const caseNumber = chosen();
      await requestRegistration({ id, mailbox: draft.mailbox }, { caseNumber, note: "Svar i samma ärende" });
      progress.textContent = `Begäran skickad: registratorn registrerar svaret i ärende ${caseNumber}.`;
      // Asked once: the button goes, and focus moves to what was done rather than to the page's top.
      button.closest(".toolbar")?.remove();
      focusHeading(progress);
    } catch (error) {
      button.disabled = false;
      progress.textContent = "";
      replace(problem, alert(error instanceof ApiError ? `Begäran kunde inte skickas: ${describe(error)}`
        : `Utkastet kunde inte sparas eller begäran skickas: ${error instanceof Error ? error.message : describe(error)}`));
    }
  })());
  replace(target,
    h("section", { "aria-labelledby": "reply-case-heading", class: "reply-case" },
      h("h2", { id: "reply-case-heading" }, cases.length === 1 ? `Svaret hör till ärende ${named(cases[0])}` : "Svaret hör till ett registrerat ärende"),
      cases.length > 1 && h("fieldset", {}, h("legend", {}, "Ärende"),
        ...cases.map((c, i) => h("div", { class: "check" }, choices[i], h("label", { for: choices[i].id }, named(c))))),
      h("div", { class: "toolbar" }, button), progress, problem));
}
