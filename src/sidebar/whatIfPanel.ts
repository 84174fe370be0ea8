/**
 * What-if edits: a campaign's budget or status, or a credit's assignments,
 * picked by name (a searchable list; ids work too). They are sent with
 * `getPlan(whatIf)` and never written to the sheets.
 */

import type { CampaignStatus, PlanJson } from "../sheets/planJson";
import type { WhatIfChange } from "../sheets/whatIf";
import { type Child, h, replaceChildren } from "./dom";
import { campaignList, creditLabel } from "./sections";
import { inlineName, moneyText } from "./values";

/** One pickable thing: its id, its name, and the text the search list shows. */
export interface Pick {
  id: string;
  name: string;
  label: string;
}

/** `Brand search (101)`; just the id when there is no name. */
export function pickLabel(id: string, name: string | undefined): string {
  return name && name.trim() !== "" && name !== id ? `${name} (${id})` : id;
}

export function picks(items: readonly { id: string; name?: string }[]): Pick[] {
  return items.map((item) => ({
    id: item.id,
    name: item.name ?? "",
    label: pickLabel(item.id, item.name),
  }));
}

/**
 * What the user typed or picked, resolved to one id: the list's label, the
 * id itself, or a name that only one item has (case and spaces ignored).
 * Null when nothing or more than one thing matches.
 */
export function resolvePick(text: string, items: readonly Pick[]): string | null {
  const typed = text.trim();
  if (typed === "") return null;
  const byLabel = items.find((p) => p.label === typed);
  if (byLabel) return byLabel.id;
  const byId = items.find((p) => p.id === typed);
  if (byId) return byId.id;
  const wanted = typed.toLowerCase().replace(/\s+/g, " ");
  const byName = items.filter((p) => p.name.trim().toLowerCase().replace(/\s+/g, " ") === wanted);
  return byName.length === 1 ? byName[0].id : null;
}

/** Items whose name or id contains every word typed, in sheet order, at most `limit`. */
export function searchPicks(query: string, items: readonly Pick[], limit: number): Pick[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const found: Pick[] = [];
  for (const item of items) {
    const haystack = `${item.name} ${item.id}`.toLowerCase();
    if (words.every((w) => haystack.includes(w))) {
      found.push(item);
      if (found.length >= limit) break;
    }
  }
  return found;
}

/** Same target, same kind: the newer change replaces the older one. */
function sameTarget(a: WhatIfChange, b: WhatIfChange): boolean {
  if (a.kind === "assign" && b.kind === "assign") return a.credit === b.credit;
  if (a.kind === "budget" && b.kind === "budget") return a.campaign === b.campaign;
  if (a.kind === "status" && b.kind === "status") return a.campaign === b.campaign;
  return false;
}

export function withChange(changes: readonly WhatIfChange[], change: WhatIfChange): WhatIfChange[] {
  return [...changes.filter((c) => !sameTarget(c, change)), change];
}

/** Parses a typed list of ids: separated by comma, semicolon or new line (SHEETS.md lists). */
export function parseIdList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

/**
 * One change as a person reads it, names first: the thing changed, then what
 * it was (from the plan as saved, where the plan carries it) → what it becomes.
 */
export function describeChange(change: WhatIfChange, saved: PlanJson): Child[] {
  const names = new Map(saved.campaigns.map((c) => [c.id, c.name]));
  switch (change.kind) {
    case "budget":
      return [
        "Budget of ",
        inlineName(names.get(change.campaign), change.campaign),
        " → ",
        moneyText(change.budget, saved, "after"),
      ];
    case "status":
      return [
        "Status of ",
        inlineName(names.get(change.campaign), change.campaign),
        " → ",
        h(
          "span",
          { className: "after" },
          saved.campaignStatuses?.find((s) => s.value === change.status)?.label ?? change.status,
        ),
      ];
    case "assign": {
      const before = saved.credits.find((c) => c.id === change.credit)?.assignedCampaigns ?? [];
      return [
        creditLabel(saved, change.credit),
        ": ",
        h("span", { className: "before" }, campaignList(saved, before)),
        " → ",
        h("span", { className: "after" }, campaignList(saved, change.campaigns)),
      ];
    }
  }
}

export interface WhatIfPanel {
  element: HTMLElement;
  /** The plan now shown, and the plan as saved (no what-if) for the "before" side. */
  update(plan: PlanJson, saved: PlanJson): void;
  changes(): WhatIfChange[];
  reset(): void;
}

let fieldCounter = 0;

function field(label: Child, control: HTMLElement): HTMLElement {
  fieldCounter += 1;
  const id = control.id || `wi-field-${fieldCounter}`;
  control.id = id;
  return h("div", { className: "field" }, h("label", { attrs: { for: id } }, label), control);
}

const MATCHES_SHOWN = 30;

export function createWhatIfPanel(onChange: (changes: WhatIfChange[]) => void): WhatIfPanel {
  let changes: WhatIfChange[] = [];
  let plan: PlanJson | null = null;
  let saved: PlanJson | null = null;
  let campaignPicks: Pick[] = [];
  let creditPicks: Pick[] = [];
  /** The assignment being built, in the order picked. */
  let chosen: string[] = [];

  const kind = h(
    "select",
    { attrs: { id: "wi-kind" } },
    h("option", { attrs: { value: "budget" } }, "Campaign budget"),
    h("option", { attrs: { value: "status" } }, "Campaign status"),
    h("option", { attrs: { value: "assign" } }, "Credit assignment"),
  );
  const campaignList_ = h("datalist", { attrs: { id: "wi-campaign-list" } });
  const creditList = h("datalist", { attrs: { id: "wi-credit-list" } });
  const campaign = h("input", {
    attrs: {
      id: "wi-campaign",
      type: "search",
      list: "wi-campaign-list",
      autocomplete: "off",
      placeholder: "Type a name or ID",
    },
  });
  const budget = h("input", {
    attrs: { id: "wi-budget", type: "number", min: "0", step: "any", inputmode: "decimal" },
  });
  // The choices come with the plan, spelled as the Campaigns sheet spells them.
  const status = h("select", { attrs: { id: "wi-status" } });
  const credit = h("input", {
    attrs: {
      id: "wi-credit",
      type: "search",
      list: "wi-credit-list",
      autocomplete: "off",
      placeholder: "Type a name or ID",
    },
  });
  const search = h("input", {
    attrs: { id: "wi-assign-search", type: "search", autocomplete: "off", placeholder: "Filter" },
  });
  const matches = h("ul", { className: "checklist", attrs: { id: "wi-assign-matches" } });
  const chosenBox = h("p", { className: "chosen", attrs: { id: "wi-assign-chosen" } });
  const budgetLabel = h("span", null, "New daily or lifetime budget");
  const budgetField = field(budgetLabel, budget);
  const campaignField = field("Campaign", campaign);
  const statusField = field("New status", status);
  const creditField = field("Credit", credit);
  const assignField = h(
    "div",
    { className: "field" },
    field("Campaigns to assign", search),
    chosenBox,
    matches,
  );
  const problem = h("p", { className: "field-error", attrs: { role: "alert" } });
  const add = h(
    "button",
    { className: "action", attrs: { type: "submit", id: "wi-add" } },
    "Re-plan with this change",
  );
  const form = h(
    "form",
    { className: "whatif-form" },
    field("Change", kind),
    campaignField,
    budgetField,
    statusField,
    creditField,
    assignField,
    campaignList_,
    creditList,
    problem,
    add,
  );
  const list = h("ul", { className: "changes", attrs: { "aria-label": "What-if changes" } });
  const element = h("div", null, form, list);

  const showFields = () => {
    const k = kind.value;
    campaignField.hidden = k === "assign";
    budgetField.hidden = k !== "budget";
    statusField.hidden = k !== "status";
    creditField.hidden = k !== "assign";
    assignField.hidden = k !== "assign";
  };
  kind.addEventListener("change", showFields);
  showFields();

  const drawChosen = () => {
    if (!saved) return;
    replaceChildren(
      chosenBox,
      h("span", { className: "label" }, `${chosen.length} chosen: `),
      campaignList(saved, chosen),
    );
  };
  const drawMatches = () => {
    const found = searchPicks(search.value, campaignPicks, MATCHES_SHOWN);
    replaceChildren(
      matches,
      found.map((p) => {
        const box = h("input", {
          attrs: { type: "checkbox", value: p.id, "data-id": p.id },
        });
        box.checked = chosen.includes(p.id);
        box.addEventListener("change", () => {
          chosen = box.checked ? [...chosen, p.id] : chosen.filter((id) => id !== p.id);
          drawChosen();
        });
        return h("li", null, h("label", null, box, " ", inlineName(p.name, p.id)));
      }),
      campaignPicks.length > found.length &&
        h(
          "li",
          { className: "note" },
          found.length === 0 ? "No campaign matches." : "Type to find more campaigns.",
        ),
    );
  };
  search.addEventListener("input", drawMatches);

  const prefill = () => {
    if (!saved) return;
    const id = resolvePick(credit.value, creditPicks);
    const found = saved.credits.find((c) => c.id === id);
    chosen = found ? [...found.assignedCampaigns] : [];
    drawChosen();
    drawMatches();
  };
  credit.addEventListener("change", prefill);

  const drawList = () => {
    const base = saved;
    if (!base) return;
    replaceChildren(
      list,
      changes.map((change, index) =>
        h(
          "li",
          null,
          h("span", { className: "change-text" }, describeChange(change, base)),
          h(
            "button",
            {
              className: "link",
              attrs: { type: "button", "aria-label": `Remove change ${index + 1}` },
              onClick: () => {
                changes = changes.filter((_, i) => i !== index);
                drawList();
                onChange(changes);
              },
            },
            "Remove",
          ),
        ),
      ),
    );
  };

  const readChange = (): WhatIfChange | string => {
    if (!plan) return "Wait for the plan to load.";
    if (kind.value === "assign") {
      const creditId = resolvePick(credit.value, creditPicks);
      if (creditId === null) return "Pick a credit from the list.";
      return { kind: "assign", credit: creditId, campaigns: [...chosen] };
    }
    const campaignId = resolvePick(campaign.value, campaignPicks);
    if (campaignId === null) return "Pick a campaign from the list.";
    if (kind.value === "status")
      return { kind: "status", campaign: campaignId, status: status.value as CampaignStatus };
    const amount = Number(budget.value);
    if (budget.value.trim() === "" || !Number.isFinite(amount) || amount < 0) {
      return "Enter a budget of zero or more.";
    }
    return { kind: "budget", campaign: campaignId, budget: amount };
  };

  form.addEventListener("submit", (event) => {
    event.preventDefault();
    const change = readChange();
    if (typeof change === "string") {
      problem.textContent = change;
      return;
    }
    problem.textContent = "";
    changes = withChange(changes, change);
    drawList();
    onChange(changes);
  });

  return {
    element,
    update(next, savedPlan) {
      const changedIds =
        !saved ||
        saved.campaigns.length !== savedPlan.campaigns.length ||
        saved.credits.length !== savedPlan.credits.length;
      plan = next;
      saved = savedPlan;
      budgetLabel.textContent = `New daily or lifetime budget (${next.currency})`;
      if (status.childElementCount === 0 && next.campaignStatuses) {
        replaceChildren(
          status,
          next.campaignStatuses.map((s) => h("option", { attrs: { value: s.value } }, s.label)),
        );
      }
      if (changedIds) {
        campaignPicks = picks(savedPlan.campaigns);
        creditPicks = picks(savedPlan.credits.filter((c) => c.type === "assignable"));
        replaceChildren(
          campaignList_,
          campaignPicks.map((p) => h("option", { attrs: { value: p.label } })),
        );
        replaceChildren(
          creditList,
          creditPicks.map((p) => h("option", { attrs: { value: p.label } })),
        );
        drawMatches();
      }
      drawChosen();
      drawList();
    },
    changes: () => changes,
    reset() {
      changes = [];
      drawList();
      onChange(changes);
    },
  };
}
