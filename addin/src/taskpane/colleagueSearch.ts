// Colleagues found in the organisation's directory, as the official types: a search field and its hits. The receipt
// form names one contact person with it, the hand-over its recipient.
import { describe } from "../api/client";
import type { Colleague } from "../api/contracts";
import { searchOfficials } from "../api/endpoints";
import { field, h, replace } from "../ui";

export interface ColleagueSearch { field: HTMLElement; hits: HTMLElement }

export function colleagueSearch(id: string, label: string, chosen: (colleague: Colleague) => void, hint?: string): ColleagueSearch {
  const search = h("input", { id, type: "search", autocomplete: "off" });
  const hits = h("ul", { class: "hits", "aria-label": "Sökträffar" });
  const choose = (c: Colleague) => { replace(hits); chosen(c); };
  let searching = 0;
  search.addEventListener("input", () => {
    clearTimeout(searching);
    searching = window.setTimeout(async () => {
      const text = search.value.trim();
      if (text.length < 2) { replace(hits); return; }
      try {
        const found = await searchOfficials(text);
        replace(hits, ...(found.length ? found.map((c) => h("li", {}, h("button", { type: "button", class: "secondary", onclick: () => choose(c) },
          [c.name, c.title].filter(Boolean).join(", ")))) : [h("li", {}, "Ingen träff. Skriv in uppgifterna själv.")]));
      } catch (error) {
        replace(hits, h("li", { role: "alert" }, describe(error)));
      }
    }, 250);
  });
  return { field: field(label, search, hint), hits };
}
