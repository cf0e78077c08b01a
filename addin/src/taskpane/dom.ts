// Tiny DOM helpers. Text goes in as text, never as HTML: mail content is untrusted.

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
export function status(text = ""): HTMLParagraphElement {
  return h("p", { role: "status", "aria-live": "polite", class: "status-line" }, text);
}

export function alert(text: string): HTMLDivElement {
  return h("div", { role: "alert", class: "message-bar", "data-tone": "danger" }, text);
}
