// The official's choice whether the watcher follows their own inbox. Off, only mail they open in the pane is tracked;
// function mailboxes are the unit head's to configure, not this.
import { describe } from "../api/client";
import type { CurrentOfficial } from "../api/contracts";
import { setWatching } from "../api/endpoints";
import { alert, h, replace, status } from "../ui";

export function watchSetting(me: CurrentOfficial): HTMLElement {
  const box = h("input", { id: "watch-own", type: "checkbox", checked: me.watchOwnMailbox !== false, "aria-describedby": "watch-own-hint" });
  const progress = status("", "watch-status");
  const problem = h("div", { id: "watch-problem" });
  box.addEventListener("change", async () => {
    const wanted = box.checked;
    box.disabled = true; // one change at a time: the answer says what holds
    replace(problem);
    progress.textContent = "Sparar …";
    try {
      box.checked = await setWatching(wanted);
      progress.textContent = box.checked ? "Sparat: din inkorg bevakas." : "Sparat: din inkorg bevakas inte längre.";
    } catch (error) {
      box.checked = !wanted;
      progress.textContent = "";
      replace(problem, alert(`Inställningen sparades inte: ${describe(error)}`));
    }
    box.disabled = false;
    box.focus(); // a disabled control loses focus; the keyboard stays where it was
  });
  return h("section", { "aria-labelledby": "settings-heading", id: "settings" },
    h("h2", { id: "settings-heading" }, "Inställningar"),
    h("div", { class: "check" }, box,
      h("label", { for: "watch-own" }, "Bevaka min inkorg: nya mejl från invånare får svarsdatum och kategori när de kommer")),
    h("p", { class: "hint", id: "watch-own-hint" },
      "Stänger du av bevakningen följs bara de mejl som du öppnar i Kontaktlöfte."),
    problem, progress);
}
