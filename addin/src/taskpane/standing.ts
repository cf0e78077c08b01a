// Where a promise stands, in Swedish words, with a tone that is never the only signal (WCAG 1.4.1). The API counts
// the working days; this only puts its numbers into words.
import type { Address, MessagePromise } from "../api/contracts";
import { dateTime, day, h, type Tone } from "../ui";

export interface Standing { tone: Tone; icon: string; text: string }

export function standing(p: MessagePromise): Standing {
  if (p.state === "answered") return { tone: "neutral", icon: "✓", text: "Besvarat" };
  if (p.state === "handed-over") {
    const to = p.handedOverTo ? ` till ${whom(p.handedOverTo)}` : "";
    return { tone: "neutral", icon: "→", text: `Överlämnat${to}${p.handedOverAt ? ` ${dateTime(p.handedOverAt)}` : ""}` };
  }
  if (p.dueDate === null || p.workingDaysLeft === null) return { tone: "neutral", icon: "–", text: "Inget kontaktlöfte för det här meddelandet" };
  const until = p.promisedDate ?? p.dueDate;
  if (p.state === "overdue") return { tone: "danger", icon: "!", text: `Försenat: skulle ha besvarats senast ${day(until)}` };
  const left = p.workingDaysLeft;
  const words = daysInWords(left);
  const prefix = p.state === "acknowledged" ? `Bekräftat – svar utlovat ${day(until)}` : `Svara senast ${day(until)}`;
  return { tone: toneOf(false, left), icon: left <= 1 ? "!" : "✓", text: `${prefix}: ${words}` };
}

/** Who a hand-over went to or came from, in words: the name, else the address (the API gives no name for one typed in). */
export const whom = (a: Address) => (a.name as string | null)?.trim() || a.address;

const workingDays = (n: number) => (n === 1 ? "1 arbetsdag" : `${n} arbetsdagar`);

/** The API's working days left in words: "svara i dag", "1 arbetsdag kvar", "försenat 2 arbetsdagar" (negative: overdue). */
export function daysInWords(left: number): string {
  if (left < 0) return `försenat ${workingDays(-left)}`;
  return left === 0 ? "svara i dag" : `${workingDays(left)} kvar`;
}

/** The tone the pane gives a promise: overdue is danger, a day or less warning, more success (never the only signal). */
export const toneOf = (overdue: boolean, left: number): Tone => (overdue ? "danger" : left <= 1 ? "warning" : "success");

/** The standing as a message bar: glyph (hidden from screen readers) and words. */
export function standingBar(p: MessagePromise, prefix = "", id?: string): HTMLParagraphElement {
  const s = standing(p);
  return h("p", { class: "standing", "data-tone": s.tone, id }, h("span", { "aria-hidden": "true", class: "icon" }, s.icon), " ", prefix + s.text);
}
