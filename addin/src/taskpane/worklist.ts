// "Att besvara": the open citizen mail of the official's own mailbox and of the function mailboxes they watch, in the
// API's order (overdue first, then due today, then by due date). Shown first when the mail being read has no promise
// (internal or automatic mail), else as a section of its own below that the official opens.
import { describe } from "../api/client";
import type { Labels, WorklistItem } from "../api/contracts";
import { getLabels, getMe, getWorklist } from "../api/endpoints";
import { openMessage } from "../office/outlook";
import { alert, dateTime, day, h, replace, status } from "../ui";
import { daysInWords, toneOf, whom } from "./standing";

/** The watcher follows new mail on its own; a pane left open looks again this often. */
const REFRESH_MS = 60_000;

export interface WorklistSection {
  element: HTMLElement;
  /** Prominent: open, with a plain heading. Otherwise a heading button that opens and closes the list (closed at first). */
  show(prominent: boolean): void;
}

export function worklistSection(): WorklistSection {
  const heading = h("h2", { id: "worklist-heading" });
  const list = h("div", { id: "worklist-items" }, status("Hämtar det som väntar på svar …"));
  const problem = h("div", { id: "worklist-problem" });
  const progress = status("", "worklist-status");
  const refresh = h("button", { type: "button", class: "secondary", id: "worklist-refresh" }, "Uppdatera listan");
  const body = h("div", { id: "worklist-body" }, list, problem, h("div", { class: "toolbar" }, refresh), progress);
  const element = h("section", { id: "worklist", class: "worklist", "aria-labelledby": "worklist-heading" }, heading, body);

  let prominent = true;
  let expanded = false;
  let counted = "";
  const title = () => `Att besvara${counted}`;
  const draw = () => {
    if (prominent) {
      replace(heading, title());
      body.hidden = false;
      return;
    }
    const toggle = h("button", { type: "button", class: "disclosure", id: "worklist-toggle", "aria-expanded": String(expanded), "aria-controls": "worklist-body" },
      h("span", { class: "chevron", "aria-hidden": "true" }, expanded ? "▾" : "▸"), " ", title());
    toggle.addEventListener("click", () => { expanded = !expanded; draw(); document.getElementById("worklist-toggle")?.focus(); });
    replace(heading, toggle);
    body.hidden = !expanded;
  };

  let latest = 0;
  const load = async (announce: boolean) => {
    const request = ++latest;
    if (announce) progress.textContent = "Uppdaterar …";
    try {
      const [worklist, me, labels] = await Promise.all([getWorklist(), getMe(), getLabels()]);
      if (request !== latest) return;
      const items = worklist.items;
      const overdue = items.filter((i) => i.state === "overdue").length;
      counted = items.length === 0 ? "" : ` (${items.length}${overdue > 0 ? `, ${overdue} ${overdue === 1 ? "försenat" : "försenade"}` : ""})`;
      // A refresh must not throw the keyboard back to the top: focus stays on the same message's button.
      const focused = document.activeElement?.closest<HTMLElement>(".work-item")?.dataset.id;
      replace(list, items.length === 0
        ? h("p", { id: "worklist-empty" }, "Inget att besvara just nu.")
        : h("ol", { class: "worklist-items", "aria-labelledby": "worklist-heading" },
          ...items.map((item, index) => entry(item, index, me.email, labels, problem))));
      if (focused) list.querySelector<HTMLElement>(`.work-item[data-id="${CSS.escape(focused)}"] button`)?.focus();
      replace(problem);
      draw();
      if (announce) progress.textContent = items.length === 0 ? "Listan är uppdaterad: inget att besvara." : `Listan är uppdaterad: ${items.length} att besvara.`;
    } catch (error) {
      if (request !== latest) return;
      progress.textContent = "";
      replace(problem, alert(`Listan över det som väntar på svar kunde inte hämtas: ${describe(error)}`));
    }
  };
  refresh.addEventListener("click", () => void load(true));
  const timer = window.setInterval(() => {
    if (!element.isConnected) { clearInterval(timer); return; }
    if (document.visibilityState === "visible") void load(false);
  }, REFRESH_MS);
  void load(false);

  return { element, show(on: boolean) { prominent = on; draw(); } };
}

function entry(item: WorklistItem, index: number, ownMailbox: string, labels: Labels, problem: HTMLElement): HTMLLIElement {
  const overdue = item.state === "overdue";
  // The API counts working days to the promised date (after a receipt), else to the due date; negative when overdue.
  const words = overdue && item.workingDaysLeft >= 0 ? "försenat" : daysInWords(item.workingDaysLeft);
  const prefix = item.state === "acknowledged" ? `${labels.states.find((s) => s.id === "acknowledged")?.name ?? "Bekräftat"}: ` : "";
  const text = prefix + (prefix ? words : words[0].toUpperCase() + words.slice(1));
  const tone = toneOf(overdue, item.workingDaysLeft);
  const standingId = `worklist-${index}-standing`;
  // OSL: a mail flagged sensitive keeps neither sender nor subject, so the official opens it in Outlook to see it.
  const subject = item.subject ?? "Känsligt meddelande – öppna det i Outlook";
  const functionMailbox = item.mailbox.toLowerCase() !== ownMailbox.toLowerCase();
  const open = () => {
    replace(problem);
    if (!openMessage(item.messageId, item.webLink))
      replace(problem, alert(`Meddelandet kunde inte öppnas härifrån. Leta upp det i ${functionMailbox ? `brevlådan ${item.mailbox}` : "din inkorg"}, mottaget ${dateTime(item.receivedAt)}.`));
  };
  return h("li", { class: "work-item", "data-id": item.messageId, "data-state": item.state },
    h("h3", {}, h("button", { type: "button", class: "work-open", "aria-describedby": standingId, onclick: open }, subject)),
    h("p", { class: "standing badge", "data-tone": tone, id: standingId },
      h("span", { "aria-hidden": "true", class: "icon" }, tone === "success" ? "✓" : "!"), " ", text),
    h("dl", { class: "facts" },
      item.from && h("dt", {}, "Från"), item.from && h("dd", {}, item.from.name ? `${item.from.name} <${item.from.address}>` : item.from.address),
      // After a receipt the days count to the date promised; the due date is then the promise's own last day.
      h("dt", {}, item.state === "acknowledged" ? "Kontaktlöftets sista dag" : "Svara senast"), h("dd", { class: "due" }, day(item.dueDate)),
      functionMailbox && h("dt", {}, "Brevlåda"), functionMailbox && h("dd", { class: "mailbox" }, item.mailbox),
      // It came by a hand-over: the due date above is the one the colleague had, kept.
      item.handedOverBy && h("dt", {}, "Överlämnat av"), item.handedOverBy && h("dd", { class: "handed-over-by" }, whom(item.handedOverBy)),
      item.contactPerson && h("dt", {}, "Kontaktperson"), item.contactPerson && h("dd", {}, item.contactPerson.name)));
}
