// The UI helpers the task pane's views and the sandbox page share: elements from text (never from HTML: mail content
// is untrusted), form fields with their labels, mail HTML in a sandboxed frame, and Swedish dates and numbers.

type Child = Node | string | null | undefined | false;
type Props = Record<string, string | boolean | number | EventListener | undefined>;

export function h<K extends keyof HTMLElementTagNameMap>(tag: K, props: Props = {}, ...children: Child[]): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === false) continue;
    if (typeof value === "function") element.addEventListener(key.replace(/^on/, ""), value);
    else if (value === true) element.setAttribute(key, "");
    else element.setAttribute(key, String(value));
  }
  for (const child of children) if (child) element.append(typeof child === "string" ? document.createTextNode(child) : child);
  return element;
}

export function replace(target: Element, ...children: Child[]): void {
  target.replaceChildren(...children.filter((c): c is Node | string => !!c));
}

/** A live region that reads progress and results aloud without moving focus. */
export function status(text = "", id?: string): HTMLParagraphElement {
  return h("p", { role: "status", "aria-live": "polite", class: "status-line", id }, text);
}

export type Tone = "danger" | "warning" | "success" | "neutral";

export function alert(text: string): HTMLDivElement {
  return h("div", { role: "alert", class: "message-bar", "data-tone": "danger" }, text);
}

/** A labelled control, with an optional hint that the control points to (aria-describedby). */
export function field(label: string, control: HTMLElement, hint?: string | HTMLElement): HTMLDivElement {
  const hintElement = typeof hint === "string" ? h("p", { class: "hint" }, hint) : hint;
  if (hintElement) {
    hintElement.id ||= `${control.id}-hint`;
    control.setAttribute("aria-describedby", hintElement.id);
  }
  return h("div", { class: "field" }, h("label", { for: control.id }, label), control, hintElement);
}

/** Mail HTML (a citizen's mail, a receipt) in a frame that runs no script and reaches nothing of ours. */
export function mailFrame(html: string, title: string, className: string): HTMLIFrameElement {
  const frame = h("iframe", { sandbox: "", title, class: className });
  frame.srcdoc = html;
  return frame;
}

/** Moves focus to a heading (WCAG 2.4.3): a screen reader reads it, and Tab goes on from there, not from the top. */
export function focusHeading(heading: HTMLElement | null): void {
  heading?.setAttribute("tabindex", "-1");
  heading?.focus();
}

const longDay = new Intl.DateTimeFormat("sv-SE", { weekday: "long", day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
const moment = new Intl.DateTimeFormat("sv-SE", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Stockholm" });
const decimals = new Intl.NumberFormat("sv-SE", { maximumFractionDigits: 1 });

/** A date of the API (yyyy-MM-dd) in words: "tisdag 1 december 2026". */
export const day = (iso: string) => longDay.format(new Date(`${iso}T00:00:00Z`));
/** A moment in Swedish time: "30 november 2026 kl. 10:15". */
export const dateTime = (iso: string) => moment.format(new Date(iso));
/** A number as Swedish text writes it: "59,3". */
export const decimal = (n: number) => decimals.format(n);
/** An instant as the day it falls on in Stockholm (yyyy-MM-dd): today, or an automatic reply's last day. */
export const stockholmDay = (instant: Date | string) =>
  new Intl.DateTimeFormat("sv-SE", { timeZone: "Europe/Stockholm", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(instant));
