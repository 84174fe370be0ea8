/**
 * What-if edits: a campaign's budget or status, or a credit's assignments.
 * They are sent with `getPlan(whatIf)` and never written to the sheets.
 */

import type { CampaignStatus, PlanJson } from "../sheets/planJson";
import type { WhatIfChange } from "../sheets/whatIf";
import { type Child, h, replaceChildren } from "./dom";

export function describeChange(change: WhatIfChange, currency: string): string {
  switch (change.kind) {
    case "budget":
      return `Budget of campaign ${change.campaign} → ${change.budget} ${currency}`;
    case "status":
      return `Status of campaign ${change.campaign} → ${change.status}`;
    case "assign":
      return `Credit ${change.credit} assigned to ${change.campaigns.join(", ") || "no campaign"}`;
  }
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

/** Parses the assignment field: ids separated by comma, semicolon or new line (SHEETS.md lists). */
export function parseIdList(text: string): string[] {
  return text
    .split(/[,;\n]/)
    .map((id) => id.trim())
    .filter((id) => id !== "");
}

export interface WhatIfPanel {
  element: HTMLElement;
  update(plan: PlanJson): void;
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

export function createWhatIfPanel(onChange: (changes: WhatIfChange[]) => void): WhatIfPanel {
  let changes: WhatIfChange[] = [];
  let plan: PlanJson | null = null;

  const kind = h(
    "select",
    { attrs: { id: "wi-kind" } },
    h("option", { attrs: { value: "budget" } }, "Campaign budget"),
    h("option", { attrs: { value: "status" } }, "Campaign status"),
    h("option", { attrs: { value: "assign" } }, "Credit assignments"),
  );
  const campaignList = h("datalist", { attrs: { id: "wi-campaign-ids" } });
  const creditList = h("datalist", { attrs: { id: "wi-credit-ids" } });
  const campaign = h("input", {
    attrs: { id: "wi-campaign", type: "text", list: "wi-campaign-ids", autocomplete: "off" },
  });
  const budget = h("input", {
    attrs: { id: "wi-budget", type: "number", min: "0", step: "any", inputmode: "decimal" },
  });
  // The choices come with the plan, spelled as the Campaigns sheet spells them.
  const status = h("select", { attrs: { id: "wi-status" } });
  const credit = h("input", {
    attrs: { id: "wi-credit", type: "text", list: "wi-credit-ids", autocomplete: "off" },
  });
  const assigned = h("input", {
    attrs: { id: "wi-assign", type: "text", autocomplete: "off", placeholder: "e.g. 123, 456" },
  });
  const budgetLabel = h("span", null, "New budget");
  const budgetField = field(budgetLabel, budget);
  const campaignField = field("Campaign ID", campaign);
  const statusField = field("New status", status);
  const creditField = field("Credit ID", credit);
  const assignField = field("Assign to campaign IDs (comma-separated)", assigned);
  const problem = h("p", { className: "field-error", attrs: { role: "alert" } });
  const add = h(
    "button",
    { className: "primary", attrs: { type: "submit", id: "wi-add" } },
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
    campaignList,
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

  const prefill = () => {
    if (!plan) return;
    const found = plan.credits.find((c) => c.id === credit.value.trim());
    if (found && assigned.value.trim() === "") assigned.value = found.assignedCampaigns.join(", ");
  };
  credit.addEventListener("change", prefill);

  const drawList = () => {
    const currency = plan?.currency ?? "";
    replaceChildren(
      list,
      ...changes.map((change, index) =>
        h(
          "li",
          null,
          h("span", null, describeChange(change, currency)),
          h(
            "button",
            {
              className: "link",
              attrs: {
                type: "button",
                "aria-label": `Remove: ${describeChange(change, currency)}`,
              },
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
      const creditId = credit.value.trim();
      if (!plan.credits.some((c) => c.id === creditId))
        return "Pick a credit ID from the Credits sheet.";
      const ids = parseIdList(assigned.value);
      return { kind: "assign", credit: creditId, campaigns: ids };
    }
    const campaignId = campaign.value.trim();
    if (!plan.campaigns.some((c) => c.id === campaignId))
      return "Pick a campaign ID from the Campaigns sheet.";
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
    update(next) {
      const changedIds =
        !plan ||
        plan.campaigns.length !== next.campaigns.length ||
        plan.credits.length !== next.credits.length;
      plan = next;
      budgetLabel.textContent = `New budget (${next.currency})`;
      if (status.childElementCount === 0 && next.campaignStatuses) {
        replaceChildren(
          status,
          ...next.campaignStatuses.map((s) => h("option", { attrs: { value: s.value } }, s.label)),
        );
      }
      if (changedIds) {
        replaceChildren(
          campaignList,
          ...next.campaigns.map((c) => h("option", { attrs: { value: c.id } }, c.name)),
        );
        replaceChildren(
          creditList,
          ...next.credits
            .filter((c) => c.type === "assignable")
            .map((c) => h("option", { attrs: { value: c.id } }, c.type)),
        );
      }
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
