// "Enhetens bevakning" (Enhetschef): who in the unit is away, whether their automatic reply is right, who covers whom,
// the open mail of each member and function mailbox, and the follow-up of the contact promise. A closed section that
// loads when the head opens it; on the coverage page outside Outlook (/coverage) the same section, open from the start.
// Every flag, problem and order is the API's; the pane only shows them.
import { ApiError, describe } from "../api/client";
import type { CurrentOfficial, FunctionMailboxCoverage, MemberCoverage, UnitCoverage } from "../api/contracts";
import { getMe, getUnitCoverage } from "../api/endpoints";
import { alert, day, focusHeading, h, replace, status, stockholmDay } from "../ui";
import { coverForm } from "./coverForm";
import { promiseReport } from "./promiseReport";

export const UNIT_HEAD = "Enhetschef";

/** What an official without the role sees where the section would be (the API answers them 403). */
export function onlyForHeads(): HTMLElement {
  return h("div", { class: "message-bar", "data-tone": "warning", id: "coverage-forbidden", role: "alert" },
    h("p", {}, h("strong", {}, "Enhetens bevakning är bara för enhetschefer.")),
    h("p", {}, "Du är inloggad utan rollen Enhetschef i Kontaktlöfte. Är du enhetschef? Be IT-servicedesk ge dig rollen."));
}

/** `open`: the coverage page, where the section is the page's content: no disclosure, loaded at once. */
export function coverageSection(options: { open?: boolean } = {}): HTMLElement {
  const heading = h("h2", { id: "coverage-heading" });
  const result = h("div", { id: "coverage-result" });
  const tables = h("div", { id: "coverage-tables" }, status("Hämtar enhetens bevakning …"));
  const work = h("div", { id: "cover-work" });
  const progress = status("", "coverage-status");
  const refresh = h("button", { type: "button", class: "secondary", id: "coverage-refresh" }, "Uppdatera");
  const report = h("div", { id: "promise-report-part" });
  const body = h("div", { id: "coverage-body", hidden: true }, result, tables, work, h("div", { class: "toolbar" }, refresh), progress, report);
  const section = h("section", { id: "coverage", class: "coverage", "aria-labelledby": "coverage-heading" }, heading, body);

  let expanded = false;
  let loaded = false;
  const draw = () => {
    const toggle = h("button", { type: "button", class: "disclosure", id: "coverage-toggle", "aria-expanded": String(expanded), "aria-controls": "coverage-body" },
      h("span", { class: "chevron", "aria-hidden": "true" }, expanded ? "▾" : "▸"), " Enhetens bevakning");
    toggle.addEventListener("click", () => {
      expanded = !expanded;
      draw();
      document.getElementById("coverage-toggle")?.focus();
      if (expanded && !loaded) { loaded = true; void load(false); replace(report, promiseReport()); }
    });
    replace(heading, toggle);
    body.hidden = !expanded;
  };

  let latest = 0;
  const load = async (announce: boolean): Promise<boolean> => {
    const request = ++latest;
    if (announce) progress.textContent = "Uppdaterar …";
    try {
      const [coverage, me] = await Promise.all([getUnitCoverage(), getMe()]);
      if (request !== latest) return false;
      replace(work);
      replace(tables, membersTable(coverage, me, { work, saved }), mailboxTable(coverage.functionMailboxes));
      if (announce) progress.textContent = "Bevakningen är uppdaterad.";
      return true;
    } catch (error) {
      if (request !== latest) return false;
      progress.textContent = "";
      replace(tables, error instanceof ApiError && error.status === 403 ? onlyForHeads()
        : alert(`Enhetens bevakning kunde inte hämtas: ${describe(error)}`));
      return false;
    }
  };
  /** A cover saved or removed: the table as the API now sees it, and focus on what was done (WCAG 2.4.3). */
  const saved = async (message: string) => {
    const shown = h("p", { class: "message-bar", "data-tone": "success", id: "coverage-saved" }, message);
    replace(result, shown);
    await load(false);
    focusHeading(shown);
  };
  refresh.addEventListener("click", () => { replace(result); void load(true); });
  if (options.open) {
    replace(heading, "Medarbetare och funktionsbrevlådor");
    body.hidden = false;
    loaded = true;
    void load(false);
    replace(report, promiseReport());
  } else draw();
  return section;
}

interface Editing { work: HTMLElement; saved: (message: string) => Promise<void> }

/** Open / due today / overdue in one narrow cell; a screen reader hears the words. */
const counts = (c: { open: number; dueToday: number; overdue: number }) =>
  h("td", { class: "num counts" }, h("span", { "aria-hidden": "true" }, `${c.open} / ${c.dueToday} / ${c.overdue}`),
    h("span", { class: "visually-hidden" }, `${c.open} öppna, ${c.dueToday} i dag, ${c.overdue} försenade`));
/** The column of `counts`. */
const countsHeader = () => h("th", { scope: "col", class: "counts" }, "Öppna / i dag / för\u00ADsenade");

function membersTable(coverage: UnitCoverage, me: CurrentOfficial, editing: Editing): HTMLElement {
  const header = (text: string, className: string) => h("th", { scope: "col", class: className }, text);
  // Soft hyphens: a narrow pane breaks the long headers inside the word, not letter by letter.
  return h("table", { class: "data-table", id: "coverage-members" },
    h("caption", {}, "Medarbetare – luckor först"),
    h("thead", {}, h("tr", {}, header("Medar\u00ADbetare", "name"), header("Frånvaro", "away"),
      header("Ersättare", "cover"), countsHeader())),
    h("tbody", {}, ...coverage.members.map((m, i) => memberRow(m, i, coverage.members, me, editing))));
}

function memberRow(m: MemberCoverage, index: number, members: MemberCoverage[], me: CurrentOfficial, editing: Editing): HTMLTableRowElement {
  const nameId = `member-${index}-name`;
  const reply = m.autoReply;
  const away = reply.away ? `Borta${reply.end ? ` t.o.m. ${day(stockholmDay(reply.end))}` : ", inget slutdatum"}`
    : reply.enabled ? `Frånvaromeddelande${reply.start ? ` från ${day(stockholmDay(reply.start))}` : " på"}` : "På plats";
  // The API's flags start with the gap; the automatic reply's problems are listed with it.
  const notes = [...new Set([...m.flags, ...reply.problems])];
  const opener = h("button", { type: "button", class: "secondary small", "aria-describedby": nameId, "aria-expanded": "false", "aria-controls": editing.work.id },
    "Sätt ersättare");
  opener.addEventListener("click", () => {
    for (const b of document.querySelectorAll("#coverage-members button[aria-expanded]")) b.setAttribute("aria-expanded", String(b === opener));
    const form = coverForm({
      member: m, colleagues: [...members.filter((c) => c.id !== m.id).map((c) => ({ id: c.id, name: c.name })), { id: me.email.toLowerCase(), name: `${me.name} (du)` }],
      saved: editing.saved,
      cancel: () => { replace(editing.work); opener.setAttribute("aria-expanded", "false"); opener.focus(); },
    });
    replace(editing.work, form);
    focusHeading(form.querySelector("h3"));
  });
  return h("tr", { class: m.flagged ? "member flagged" : "member", "data-id": m.id, "data-flagged": String(m.flagged) },
    h("th", { scope: "row" }, h("span", { id: nameId }, m.name),
      m.flagged && h("span", { class: "standing badge flag", "data-tone": "danger" }, h("span", { class: "icon", "aria-hidden": "true" }, "!"), " Lucka"),
      opener),
    h("td", { class: "away" }, away, notes.length > 0 && h("ul", { class: "notes" }, ...notes.map((n) => h("li", {}, n)))),
    h("td", { class: "cover" }, h("span", { class: "cover-text" }, m.cover
      ? `Ersättare: ${m.cover.name}, t.o.m. ${day(m.cover.to)}${m.cover.today ? "" : ` (från ${day(m.cover.from)})`}` : "Ingen ersättare")),
    counts(m));
}

function mailboxTable(mailboxes: FunctionMailboxCoverage[]): HTMLElement {
  if (mailboxes.length === 0) return h("p", { id: "coverage-mailboxes-empty" }, "Enheten har inga funktionsbrevlådor som bevakas.");
  const header = (text: string, className: string) => h("th", { scope: "col", class: className }, text);
  return h("table", { class: "data-table", id: "coverage-mailboxes" },
    h("caption", {}, "Funktionsbrevlådor"),
    h("thead", {}, h("tr", {}, header("Brevlåda", "address"), header("Bevakas nu", "watched"), countsHeader())),
    h("tbody", {}, ...mailboxes.map((b) => h("tr", { "data-watched": String(b.watchedNow) },
      h("th", { scope: "row", class: "address" }, b.address, b.watchers.length > 0 && h("span", { class: "hint watchers" }, ` (${b.watchers.join(", ")})`)),
      h("td", {}, b.watchedNow ? "Ja" : h("strong", {}, "Nej")),
      counts(b)))));
}
