// Entry of the coverage page outside Outlook (/coverage): the pane's "Enhetens bevakning" for a unit head in a browser.
// Sign-in first (the sandbox's chosen user, or MSAL's redirect sign-in in production), then the section itself — the
// same modules as the pane's, nothing copied. An official without the role is told so, never shown an empty page.
import { ApiError, describe, loadConfig, useSandboxUser, useTokenSource, type AddinConfig } from "../api/client";
import { forgetMe, getMe } from "../api/endpoints";
import { sandboxUsers } from "../sandbox/users";
import { coverageSection, onlyForHeads, UNIT_HEAD } from "../taskpane/coverage";
import { alert, field, h, replace, status } from "../ui";

const content = document.getElementById("content")!;
const signedIn = document.getElementById("signed-in")!;

/** The section for a head, the refusal for anyone else; who is signed in in the page header. */
async function show(sandbox: boolean): Promise<void> {
  replace(content, status("Hämtar enhetens bevakning …"));
  try {
    const me = await getMe();
    if (!sandbox) replace(signedIn, h("p", { class: "who", id: "signed-in-as" }, `Inloggad som ${me.name} (${me.email})`));
    replace(content, me.roles.includes(UNIT_HEAD) ? coverageSection({ open: true }) : onlyForHeads());
  } catch (error) {
    replace(content, error instanceof ApiError && error.status === 403 ? onlyForHeads()
      : alert(`Kontaktlöfte kunde inte hämta vem du är: ${describe(error)}`));
  }
}

/** The sandbox: no tenant; the user is chosen as on the sandbox page. The unit head first, since the page is theirs. */
function sandboxSignIn(): void {
  const choice = h("select", { id: "sandbox-user" }, ...sandboxUsers.map((u) => h("option", { value: u }, u)));
  choice.value = sandboxUsers.find((u) => u.startsWith("enhetschef@")) ?? sandboxUsers[0];
  choice.addEventListener("change", () => { useSandboxUser(choice.value); forgetMe(); void show(true); });
  const chooser = field("Inloggad som", choice);
  chooser.classList.add("inline");
  replace(signedIn, h("span", { class: "tag" }, "sandlåda"), chooser);
  useSandboxUser(choice.value);
}

/** Production: MSAL's redirect sign-in (NAA exists only inside Office), lazily loaded; false while the page leaves for Entra. */
async function entraSignIn(config: AddinConfig): Promise<boolean> {
  const msal = await import("../api/msalRedirect");
  useTokenSource(msal.accessToken);
  return (await msal.signIn(config)) !== null;
}

async function start(): Promise<void> {
  const config = await loadConfig();
  if (config.sandbox) sandboxSignIn();
  else if (!(await entraSignIn(config))) { replace(content, status("Du skickas till inloggningen …")); return; }
  await show(config.sandbox);
}

start().catch((error: unknown) => {
  replace(content, alert(`Kontaktlöfte kunde inte starta: ${error instanceof Error ? error.message : String(error)}. Ladda om sidan.`));
});
