// "Uppföljning av kontaktlöftet": the unit's last eight ISO weeks (this one included) from the API's report. A bar chart
// of the share answered or acknowledged within two working days (the promise, KS/2016:805), and the same numbers as a
// table: the chart is for the eye, the table for everyone (WCAG 1.1.1). The API counts; the pane only draws.
import { describe } from "../api/client";
import type { PromiseReportWeek } from "../api/contracts";
import { downloadPromiseReport, getPromiseReport } from "../api/endpoints";
import { alert, decimal, h, replace, status, stockholmDay } from "../ui";

const WEEKS = 8;
const percent = new Intl.NumberFormat("sv-SE", { style: "percent", maximumFractionDigits: 1 });
const share = (value: number | null) => (value === null ? "–" : percent.format(value));
/** "2026-W48" as "v. 48". */
const weekName = (week: string) => `v. ${Number(week.slice(week.indexOf("W") + 1))}`;

export function promiseReport(): HTMLElement {
  const to = stockholmDay(new Date());
  // Any day of a week names it: the API starts the report on from's Monday, seven weeks before this one.
  const from = stockholmDay(new Date(Date.parse(`${to}T12:00:00Z`) - (WEEKS - 1) * 7 * 86_400_000));
  const content = h("div", { id: "promise-report-content" }, status("Hämtar uppföljningen …"));
  const progress = status("", "promise-report-status");
  const download = h("button", { type: "button", class: "secondary", id: "promise-report-csv" }, "Ladda ner CSV");
  // A plain link cannot carry the token (or the sandbox's user): the file is fetched and saved from a Blob URL.
  download.addEventListener("click", () => void (async () => {
    download.disabled = true;
    progress.textContent = "Hämtar CSV-filen …";
    try {
      const { blob, name } = await downloadPromiseReport(from, to);
      const url = URL.createObjectURL(blob);
      const link = h("a", { href: url, download: name, hidden: true });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
      progress.textContent = `CSV-filen ${name} är nedladdad.`;
    } catch (error) {
      progress.textContent = "";
      replace(problem, alert(`CSV-filen kunde inte hämtas: ${describe(error)}`));
    } finally {
      download.disabled = false;
    }
  })());
  const problem = h("div", { id: "promise-report-problem" });
  const section = h("div", { id: "promise-report", role: "group", "aria-labelledby": "promise-report-heading" },
    h("h3", { id: "promise-report-heading" }, "Uppföljning av kontaktlöftet"),
    content, h("div", { class: "toolbar" }, download), progress, problem);

  void (async () => {
    try {
      const report = await getPromiseReport(from, to);
      replace(content,
        h("p", { class: "hint" }, `${report.unit}: andel besvarad eller bekräftad inom två arbetsdagar, per vecka.`),
        chart(report.weeks), table(report.weeks));
    } catch (error) {
      replace(content, alert(`Uppföljningen kunde inte hämtas: ${describe(error)}`));
    }
  })();
  return section;
}

const SVG = "http://www.w3.org/2000/svg";
function svg(tag: string, attributes: Record<string, string | number>, text?: string): SVGElement {
  const element = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) element.setAttribute(key, String(value));
  if (text !== undefined) element.textContent = text;
  return element;
}

/** Bars of the share within two working days, a line at 100 %; its label says the same in words. */
function chart(weeks: PromiseReportWeek[]): SVGElement {
  const [width, height, top, bottom] = [320, 150, 12, 20];
  const plot = height - top - bottom;
  const slot = width / Math.max(weeks.length, 1);
  const words = weeks.map((w) => `${weekName(w.week)} ${w.shareWithinTwoWorkingDays === null ? "ingen post" : share(w.shareWithinTwoWorkingDays)}`);
  const root = svg("svg", {
    viewBox: `0 0 ${width} ${height}`, role: "img", id: "promise-chart", class: "promise-chart",
    "aria-label": `Andel besvarad eller bekräftad inom två arbetsdagar: ${words.join(", ")}.`,
  });
  root.append(svg("line", { x1: 0, x2: width, y1: top, y2: top, class: "goal" }), svg("text", { x: width - 2, y: top - 3, "text-anchor": "end", class: "goal-label" }, "100 %"));
  weeks.forEach((w, i) => {
    const value = w.shareWithinTwoWorkingDays ?? 0;
    const bar = svg("rect", { x: i * slot + slot * 0.2, width: slot * 0.6, y: top + plot * (1 - value), height: plot * value, class: "bar" });
    bar.append(svg("title", {}, `${weekName(w.week)}: ${w.shareWithinTwoWorkingDays === null ? "ingen post" : share(w.shareWithinTwoWorkingDays)} inom två arbetsdagar (${w.received} mottagna)`));
    root.append(bar, svg("text", { x: i * slot + slot / 2, y: height - 5, "text-anchor": "middle", class: "axis" }, weekName(w.week)));
  });
  root.append(svg("line", { x1: 0, x2: width, y1: top + plot, y2: top + plot, class: "axis-line" }));
  return root;
}

function table(weeks: PromiseReportWeek[]): HTMLTableElement {
  const header = (text: string) => h("th", { scope: "col" }, text);
  return h("table", { class: "data-table", id: "promise-table" },
    h("caption", {}, "Kontaktlöftet per vecka"),
    h("thead", {}, h("tr", {}, header("Vecka"), header("Mot\u00ADtagna"), header("Inom 1 arbets\u00ADdag"),
      header("Inom 2 arbets\u00ADdagar"), header("Median arbets\u00ADdagar till svar"), header("För\u00ADsenade nu"))),
    h("tbody", {}, ...weeks.map((w) => h("tr", { "data-week": w.week },
      h("th", { scope: "row" }, weekName(w.week)),
      h("td", { class: "num" }, String(w.received)),
      h("td", { class: "num" }, share(w.shareWithinOneWorkingDay)),
      h("td", { class: "num" }, share(w.shareWithinTwoWorkingDays)),
      h("td", { class: "num" }, w.medianWorkingDaysToAnswer === null ? "–" : decimal(w.medianWorkingDaysToAnswer)),
      h("td", { class: "num" }, String(w.overdueNow))))));
}
