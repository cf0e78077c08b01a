// Dates and promise states in Swedish words, with a tone that is never the only signal (WCAG 1.4.1).
import type { Promise_ } from "../api/contracts";

const longDay = new Intl.DateTimeFormat("sv-SE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const moment = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" });

export const day = (iso: string) => longDay.format(new Date(`${iso}T00:00:00Z`));
export const dateTime = (iso: string) => moment.format(new Date(iso));

export type Tone = "danger" | "warning" | "success" | "neutral";

export interface Standing { tone: Tone; icon: string; text: string }

export function standing(p: Promise_): Standing {
  if (p.state === "answered") return { tone: "neutral", icon: "✓", text: "Besvarat" };
  if (p.dueDate === null || p.workingDaysLeft === null) return { tone: "neutral", icon: "–", text: "Inget kontaktlöfte för det här meddelandet" };
  const until = p.promisedDate ?? p.dueDate;
  if (p.state === "overdue") return { tone: "danger", icon: "!", text: `Försenat: skulle ha besvarats senast ${day(until)}` };
  const left = p.workingDaysLeft;
  const words = left === 0 ? "svara i dag" : left === 1 ? "1 arbetsdag kvar" : `${left} arbetsdagar kvar`;
  const prefix = p.state === "acknowledged" ? `Bekräftat – svar utlovat ${day(until)}` : `Svara senast ${day(until)}`;
  return { tone: left <= 1 ? "warning" : "success", icon: left <= 1 ? "!" : "✓", text: `${prefix}: ${words}` };
}

export const categories: Record<string, string> = {
  question: "Fråga",
  opinion: "Synpunkt eller klagomål",
  "fault-report": "Felanmälan",
  "document-request": "Begäran om allmän handling",
  callback: "Återuppringning",
  internal: "Internt",
  automatic: "Automatiskt meddelande",
};

export const states: Record<string, string> = { open: "Öppet", acknowledged: "Bekräftat", answered: "Besvarat", overdue: "Försenat" };

/** LIX bands of lix.se, in words (the API flags LIX over 45). */
export function lixBand(lix: number): string {
  if (lix < 30) return "mycket lättläst";
  if (lix < 40) return "lättläst";
  if (lix < 50) return "medelsvår, som en dagstidning";
  if (lix < 60) return "svår, som en myndighetstext";
  return "mycket svår, byråkratisk";
}
