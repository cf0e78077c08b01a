// "Sätt ersättare": who reads a member's mail, from and to which day. The API checks the colleague and the period and
// answers a refusal per field in Swedish, shown at that field.
import type { MemberCoverage } from "../api/contracts";
import { setMemberCover } from "../api/endpoints";
import { field, h, status, stockholmDay } from "../ui";
import { clearFieldErrors, showFieldErrors } from "./fieldErrors";

export interface CoverFormOptions {
  member: MemberCoverage;
  /** Who may cover: the other members and the head. */
  colleagues: { id: string; name: string }[];
  saved: (message: string) => Promise<void>;
  cancel: () => void;
}

export function coverForm({ member, colleagues, saved, cancel }: CoverFormOptions): HTMLFormElement {
  const today = stockholmDay(new Date());
  // The period the automatic reply gives, else the cover recorded before, else today.
  const replyEnd = member.autoReply.end ? stockholmDay(member.autoReply.end) : null;
  const from = h("input", { type: "date", id: "cover-from", value: member.cover?.from ?? today });
  const to = h("input", { type: "date", id: "cover-to", value: replyEnd && replyEnd >= today ? replyEnd : member.cover?.to ?? today });
  const cover = h("select", { id: "cover-colleague" },
    ...colleagues.map((c) => h("option", { value: c.id, selected: c.id === member.cover?.id }, c.name)));
  const submit = h("button", { type: "submit", class: "primary" }, "Spara");
  const progress = status("", "cover-status");
  const problem = h("div", { id: "cover-problem" });
  const headingId = "cover-form-heading";

  const send = async (coverId: string | null) => {
    clearFieldErrors(form, problem);
    for (const b of form.querySelectorAll("button")) b.disabled = true;
    progress.textContent = coverId ? "Sparar ersättaren …" : "Tar bort ersättaren …";
    try {
      const answer = await setMemberCover(member.id, { coverId, from: from.value, to: to.value });
      progress.textContent = "";
      await saved(answer.cover
        ? `Sparat: ${answer.cover.name} läser ${member.name}s post ${day2(answer.cover.from)}–${day2(answer.cover.to)}.`
        : `Ersättaren för ${member.name} är borttagen.`);
    } catch (error) {
      progress.textContent = "";
      const controls: Record<string, HTMLElement> = { coverid: cover, from, to };
      showFieldErrors(error, (name) => controls[name.toLowerCase()] ?? null, problem);
    } finally {
      for (const b of form.querySelectorAll("button")) b.disabled = false;
    }
  };

  const form = h("form", { class: "cover-form", "aria-labelledby": headingId, novalidate: true },
    h("h3", { id: headingId }, `Ersättare för ${member.name}`),
    field("Ersättare", cover),
    field("Från och med", from),
    field("Till och med", to, member.autoReply.end ? "Förvalt: frånvaromeddelandets slutdatum." : undefined),
    h("div", { class: "toolbar" }, submit,
      member.cover && h("button", { type: "button", class: "secondary", id: "cover-remove", onclick: () => void send(null) }, "Ta bort ersättare"),
      h("button", { type: "button", class: "secondary", onclick: cancel }, "Avbryt")),
    progress, problem);
  form.addEventListener("submit", (event) => { event.preventDefault(); void send(cover.value); });
  return form;
}

/** A yyyy-MM-dd as "1 december": short enough for the confirmation. */
const day2 = (iso: string) => new Intl.DateTimeFormat("sv-SE", { day: "numeric", month: "long", timeZone: "UTC" }).format(new Date(`${iso}T00:00:00Z`));
