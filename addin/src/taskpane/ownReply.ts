// The official's own automatic reply: when it is on but names nobody to turn to or never ends, a notice says so in the
// API's words and offers the municipality's template — return day, a colleague or Kontaktcenter — previewed, then set in
// one click. Not a modal: the notice sits in the pane, and the pane stays usable around it.
import type { Colleague, OwnAutomaticReply } from "../api/contracts";
import { getOwnAutomaticReply, previewOwnAutomaticReply, setOwnAutomaticReply } from "../api/endpoints";
import { day, field, focusHeading, h, mailFrame, replace, status } from "../ui";
import { colleagueSearch } from "./colleagueSearch";
import { clearFieldErrors, showFieldErrors } from "./fieldErrors";

/** The section, empty until the API answers; nothing shows while the reply is off or right (or the check fails). */
export function ownReplySection(): HTMLElement {
  const section = h("section", { id: "own-reply", "aria-labelledby": "own-reply-heading" });
  section.hidden = true;
  getOwnAutomaticReply().then((reply) => showNotice(section, reply), () => { /* the check is a help, not the pane's task */ });
  return section;
}

function showNotice(section: HTMLElement, reply: OwnAutomaticReply): void {
  if (!reply.enabled || reply.problems.length === 0) { section.hidden = true; return; }
  section.hidden = false;
  const open = h("button", { type: "button", class: "secondary", id: "own-reply-open", "aria-expanded": "false" }, "Rätta frånvaromeddelandet");
  open.addEventListener("click", () => {
    open.setAttribute("aria-expanded", "true");
    open.disabled = true;
    section.append(form(section, reply, () => { open.disabled = false; open.setAttribute("aria-expanded", "false"); open.focus(); }));
    focusHeading(document.getElementById("own-reply-form-heading"));
  });
  replace(section,
    h("div", { class: "message-bar", "data-tone": "warning", role: "status" },
      h("h2", { id: "own-reply-heading" }, "Ditt frånvaromeddelande behöver rättas"),
      h("ul", { id: "own-reply-problems" }, ...reply.problems.map((p) => h("li", {}, p))),
      h("p", {}, "Invånare som mejlar dig ska få veta när du är tillbaka och vart de kan vända sig under tiden.")),
    open);
}

function form(section: HTMLElement, reply: OwnAutomaticReply, closed: () => void): HTMLFormElement {
  const back = h("input", { type: "date", id: "own-reply-return", value: reply.suggestedReturnDate, max: reply.latestReturnDate, required: true });
  let cover: Colleague | null = null;
  const chosen = h("p", { class: "hint", id: "own-reply-cover-chosen", "aria-live": "polite" }, "Ingen kollega vald: meddelandet hänvisar till Kontaktcenter.");
  const search = colleagueSearch("own-reply-cover", "Hänvisa till en kollega (valfritt)", (c) => {
    cover = c;
    (document.getElementById("own-reply-cover") as HTMLInputElement).value = "";
    replace(chosen, `Hänvisar till ${c.name}${c.phone ? `, ${c.phone}` : ""}. `,
      h("button", { type: "button", class: "secondary", id: "own-reply-cover-clear", onclick: () => {
        cover = null;
        replace(chosen, "Ingen kollega vald: meddelandet hänvisar till Kontaktcenter.");
        document.getElementById("own-reply-cover")?.focus();
      } }, "Ta bort kollegan"));
    stale();
  }, "Sök på namn. Utan kollega hänvisar meddelandet till Kontaktcenter.");
  const preview = h("div", { id: "own-reply-preview" });
  const progress = status("", "own-reply-status");
  const problem = h("div", { id: "own-reply-problem" });
  const buttons = () => [...f.querySelectorAll("button")];
  const choice = () => ({ returnDate: back.value, coverId: cover?.email ?? null });
  const stale = () => replace(preview);
  const controlFor = (name: string): HTMLElement | null =>
    ({ returndate: back, start: back, coverid: document.getElementById("own-reply-cover") })[name.toLowerCase()] ?? null;

  const run = async (work: () => Promise<void>, doing: string) => {
    clearFieldErrors(f, problem);
    for (const b of buttons()) b.disabled = true;
    progress.textContent = doing;
    try {
      await work();
    } catch (error) {
      progress.textContent = "";
      showFieldErrors(error, controlFor, problem);
    } finally {
      for (const b of buttons()) b.disabled = false;
    }
  };

  const showPreview = () => run(async () => {
    const shown = await previewOwnAutomaticReply(choice());
    progress.textContent = `Förhandsgranskning: gäller från nu tills du är tillbaka ${day(back.value)}.`;
    replace(preview, h("h4", { class: "visually-hidden" }, "Förhandsgranskning"),
      mailFrame(shown.externalReplyMessage, "Förhandsgranskning av frånvaromeddelandet", "preview-frame"));
  }, "Fyller i mallen …");

  const use = () => run(async () => {
    const now = await setOwnAutomaticReply(choice());
    replace(section, confirmation(now, back.value));
    section.hidden = false;
    focusHeading(document.getElementById("own-reply-done"));
  }, "Sätter frånvaromeddelandet …");

  const f = h("form", { id: "own-reply-form", "aria-labelledby": "own-reply-form-heading", novalidate: true },
    h("h3", { id: "own-reply-form-heading" }, "Frånvaromeddelande efter kommunens mall"),
    field("Jag är tillbaka", back, "Meddelandet slutar när den dagen börjar."),
    search.field, search.hits, chosen,
    h("div", { class: "toolbar" },
      h("button", { type: "button", class: "secondary", id: "own-reply-preview-button", onclick: () => void showPreview() }, "Förhandsgranska"),
      h("button", { type: "submit", class: "primary" }, "Använd frånvaromeddelandet"),
      h("button", { type: "button", class: "secondary", onclick: () => { f.remove(); closed(); } }, "Avbryt")),
    progress, problem, preview);
  back.addEventListener("input", stale);
  f.addEventListener("submit", (event) => { event.preventDefault(); void use(); });
  return f;
}

function confirmation(reply: OwnAutomaticReply, returnDate: string): HTMLElement {
  const right = reply.problems.length === 0;
  return h("div", { class: "message-bar confirmation", "data-tone": right ? "success" : "warning", role: "status" },
    h("h2", { id: "own-reply-done", tabindex: "-1" }, right ? "Frånvaromeddelandet är på" : "Frånvaromeddelandet är satt men inte rätt"),
    h("p", {}, `Det slutar när du är tillbaka ${day(returnDate)}.`),
    !right && h("ul", {}, ...reply.problems.map((p) => h("li", {}, p))));
}
