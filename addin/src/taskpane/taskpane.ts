// Entry: wait for Office, check the host, pick the view. Nothing else happens here.
import { useSandboxUser } from "../api/client";
import { readItem, ready } from "../office/outlook";
import { showComposeView } from "./composeView";
import { h, replace } from "./dom";
import { showReadView } from "./readView";


async function start(): Promise<void> {
  const root = document.getElementById("app")!;
  const host = await ready();
  if (!host) {
    replace(root, h("h1", {}, "Kontaktlöfte"), h("p", {}, "Öppna Kontaktlöfte från ett mejl i Outlook."));
    return;
  }
  useSandboxUser(host.sandboxUser);
  if (host.mode === "compose") { await showComposeView(root); return; }
  await showReadView(root, readItem());
  // The ribbon's "Registrera i Lex" opens the pane on the registration part.
  if (new URLSearchParams(location.search).get("view") === "register") {
    const heading = document.getElementById("registration-heading");
    heading?.setAttribute("tabindex", "-1");
    heading?.focus();
  }
}

void start();
