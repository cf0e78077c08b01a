// Entry: wait for Office, check the host, pick the view. Nothing else happens here.
import { useSandboxUser } from "../api/client";
import { readItem, ready } from "../office/outlook";
import { showComposeView } from "./composeView";
import { showReadView } from "./readView";
import { alert, focusHeading, h, replace } from "../ui";

async function start(): Promise<void> {
  const root = document.getElementById("app")!;
  const host = await ready();
  if (!host) {
    replace(root, h("h1", {}, "Kontaktlöfte"), h("p", {}, "Öppna Kontaktlöfte från ett mejl i Outlook."));
    return;
  }
  useSandboxUser(host.sandboxUser);
  if (host.mode === "compose") { await showComposeView(root); return; }
  await showReadView(root, await readItem());
  // The ribbon's "Registrera i Lex" opens the pane on the registration part.
  if (new URLSearchParams(location.search).get("view") === "register") {
    focusHeading(document.getElementById("registration-heading"));
  }
}

start().catch((error: unknown) => {
  // Office.js that does not load, or an item Outlook cannot read: say so instead of "Startar …" for ever.
  replace(document.getElementById("app")!, h("h1", {}, "Kontaktlöfte"),
    alert(`Kontaktlöfte kunde inte starta: ${error instanceof Error ? error.message : String(error)}. Stäng fönstret och öppna det igen.`));
});
