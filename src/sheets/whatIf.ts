/**
 * What-if edits from the sidebar: change a campaign's budget or status, or a
 * credit's assignment, and re-plan without touching the sheets. Pure: the
 * model given is never mutated; a new one is returned.
 *
 * Unknown campaign or credit ids throw an Error naming the id: a what-if comes
 * from the sidebar's own lists, so an unknown id means the sheet changed under
 * it, and silently planning something else would mislead.
 */
import type { CampaignStatus, Model } from "../core";
import { moneyFormat, readMoney } from "./cells";
import { CAMPAIGN_STATUSES } from "./labels";

export type WhatIfChange =
  | { kind: "budget"; campaign: string /** Major units. */; budget: number }
  | { kind: "status"; campaign: string; status: CampaignStatus }
  | { kind: "assign"; credit: string; campaigns: string[] };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(value: unknown, what: string): string {
  if (typeof value === "string" && value.trim() !== "") return value.trim();
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  throw new Error(`What-if: ${what} must be a non-empty text`);
}

/**
 * Checks a what-if list that crossed `google.script.run` (or HTTP in the
 * preview): null/undefined mean "no change"; anything malformed throws.
 */
export function parseWhatIf(value: unknown): WhatIfChange[] {
  if (value === null || value === undefined) return [];
  if (!Array.isArray(value)) throw new Error("What-if: expected a list of changes");
  return value.map((entry, i): WhatIfChange => {
    if (!isRecord(entry)) throw new Error(`What-if: change ${i + 1} is not an object`);
    if (entry.kind === "budget") {
      const budget = entry.budget;
      if (typeof budget !== "number" || !Number.isFinite(budget) || budget < 0) {
        throw new Error(`What-if: change ${i + 1} needs a budget that is a number ≥ 0`);
      }
      return { kind: "budget", campaign: text(entry.campaign, "campaign"), budget };
    }
    if (entry.kind === "status") {
      const status = typeof entry.status === "string" ? entry.status.toLowerCase() : "";
      if (!(CAMPAIGN_STATUSES as readonly string[]).includes(status)) {
        throw new Error(`What-if: change ${i + 1} has an unknown status '${String(entry.status)}'`);
      }
      return {
        kind: "status",
        campaign: text(entry.campaign, "campaign"),
        status: status as CampaignStatus,
      };
    }
    if (entry.kind === "assign") {
      if (!Array.isArray(entry.campaigns)) {
        throw new Error(`What-if: change ${i + 1} needs a list of campaigns`);
      }
      return {
        kind: "assign",
        credit: text(entry.credit, "credit"),
        campaigns: entry.campaigns.map((c) => text(c, "campaign")),
      };
    }
    throw new Error(`What-if: change ${i + 1} has an unknown kind '${String(entry.kind)}'`);
  });
}

/** Applies the changes in order to a copy of the model (R2: budgets to minor units). */
export function applyWhatIf(model: Model, changes: readonly WhatIfChange[]): Model {
  if (changes.length === 0) return model;
  const campaigns = model.campaigns.slice();
  const credits = model.credits.slice();
  const campaignIndex = new Map(campaigns.map((c, i) => [c.id, i]));
  const creditIndex = new Map(credits.map((c, i) => [c.id, i]));
  const money = moneyFormat(model.account.currency, model.account.minorUnits);

  const campaignAt = (id: string): number => {
    const index = campaignIndex.get(id);
    if (index === undefined) throw new Error(`What-if: campaign '${id}' is not in the plan`);
    return index;
  };

  for (const change of changes) {
    if (change.kind === "budget") {
      const i = campaignAt(change.campaign);
      // R2: major units in, integer minor units inside, read as a Budget cell is (at most 2^53).
      const budget = readMoney(change.budget, money);
      if (!budget.ok) {
        throw new Error(
          `What-if: the budget ${change.budget} of campaign '${change.campaign}' ${budget.problem}`,
        );
      }
      campaigns[i] = { ...campaigns[i], budget: budget.value };
    } else if (change.kind === "status") {
      const i = campaignAt(change.campaign);
      campaigns[i] = { ...campaigns[i], status: change.status };
    } else {
      const i = creditIndex.get(change.credit);
      if (i === undefined) throw new Error(`What-if: credit '${change.credit}' is not in the plan`);
      credits[i] = { ...credits[i], assignedCampaigns: [...change.campaigns] };
    }
  }
  return { ...model, campaigns, credits };
}
