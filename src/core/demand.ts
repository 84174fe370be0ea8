/** R3: what each campaign wants to spend on each planned day. */

import {
  adGroupsByCampaign,
  deliveredDaily,
  deliveringGroups,
  evenShare,
  fillFromAdGroups,
  isBudgetedByAdGroups,
  scheduleFromAdGroups,
} from "./adGroupDemand";
import { isDelivering } from "./eligibility";
import type { Campaign, Day, Model, Money, Warning } from "./model";
import { roundHalfAwayFromZero } from "./money";
import type { DemandSource } from "./plan";
import { campaignWarning } from "./warnings";

export interface DemandResult {
  /** `demand[campaignIndex][day - planStart]` in minor units. */
  demand: Float64Array[];
  /** Where each campaign's demand comes from (spec v3), by campaign index. */
  demandFrom: (DemandSource | null)[];
  warnings: Warning[];
}

const RUN_RATE_DAYS = 7;

/** R3: demand of every campaign over the horizon, fixed before the simulation. */
export function computeDemand(model: Model): DemandResult {
  const { account } = model;
  const start = account.planStart;
  const days = horizonLength(model);
  const history = recentSpendByCampaign(model);
  const groupsOf = adGroupsByCampaign(model);
  const warnings: Warning[] = [];
  const demandFrom: (DemandSource | null)[] = new Array(model.campaigns.length).fill(null);
  // One buffer for all rows: a single allocation instead of one per campaign.
  const buffer = new ArrayBuffer(model.campaigns.length * days * Float64Array.BYTES_PER_ELEMENT);
  const demand = model.campaigns.map((given, c) => {
    const row = new Float64Array(buffer, c * days * Float64Array.BYTES_PER_ELEMENT, days);
    // R3: only Active or Scheduled campaigns spend (a paused one consumes nothing).
    if (!isDelivering(given.status)) return row;
    let campaign = given;
    const groups = groupsOf.get(given.id);
    if (groups !== undefined) {
      const delivering = deliveringGroups(groups);
      // Spec v3 (silent on it): a campaign delivers through its ad groups, so
      // one whose ad groups are all paused, deleted or done spends nothing.
      if (delivering.length === 0) {
        demandFrom[c] = "adGroups";
        return row;
      }
      campaign = scheduleFromAdGroups(given, delivering);
      if (isBudgetedByAdGroups(campaign)) {
        // Its budget lives on its ad groups: otherwise it is a No-limit campaign
        // (R3 steps 1, 2 or 4), whatever its own mode says.
        campaign = { ...campaign, budgetMode: "no_limit" };
        // R3 step 1 (Expected daily spend) and step 2 under `Recent spend` still come first.
        const fromGroups =
          campaign.expectedDailySpend === null &&
          !(account.forecastFrom === "recent_spend" && history.has(campaign.id));
        if (fromGroups && fillFromAdGroups(row, campaign, delivering, model, warnings)) {
          demandFrom[c] = "adGroups";
          return row;
        }
      }
    }
    const from = Math.max(start, campaign.startDate ?? start);
    const to = Math.min(start + days - 1, campaign.endDate ?? start + days - 1);
    if (campaign.budgetMode === "lifetime") {
      if (fillLifetime(row, campaign, model, warnings)) {
        demandFrom[c] = campaign.expectedDailySpend !== null ? "expected" : "budget";
      }
      return row;
    }
    if (campaign.budgetMode !== "no_limit" && campaign.budget <= 0) {
      demandFrom[c] = "budget";
      return row;
    }
    const daily = dailyAmount(campaign, model, history.get(campaign.id));
    if (daily === null) {
      if (from <= to) {
        warnings.push(
          campaignWarning(
            "NO_SPEND_ESTIMATE",
            campaign,
            ["budgetMode"],
            `Campaign ${campaign.id} has no budget limit and no spend estimate: fill in Expected daily spend, add Spend history or list its ad groups, or it is planned to spend nothing.`,
          ),
        );
      }
      return row;
    }
    demandFrom[c] = dailySource(campaign, model, history.has(campaign.id));
    row.fill(daily, from - start, to - start + 1);
    return row;
  });
  return { demand, demandFrom, warnings };
}

/** Which of R3 steps 1–3 `dailyAmount` took. */
function dailySource(campaign: Campaign, model: Model, hasHistory: boolean): DemandSource {
  if (campaign.expectedDailySpend !== null) return "expected";
  const useHistory =
    campaign.budgetMode === "no_limit" || model.account.forecastFrom === "recent_spend";
  return useHistory && hasHistory ? "history" : "budget";
}

/** Horizon in days, clamped to 1…3650 (SHEETS.md). */
export function horizonLength(model: Model): number {
  const days = Math.trunc(model.account.horizonDays);
  return Number.isFinite(days) ? Math.min(3650, Math.max(1, days)) : 90;
}

/** R3 steps 1–4 for Daily, Dynamic daily and No limit; null is step 4 (no estimate). */
function dailyAmount(
  campaign: Campaign,
  model: Model,
  recentTotal: Money | undefined,
): Money | null {
  if (campaign.expectedDailySpend !== null) return campaign.expectedDailySpend;
  const isNoLimit = campaign.budgetMode === "no_limit";
  const useHistory = isNoLimit || model.account.forecastFrom === "recent_spend";
  if (useHistory && recentTotal !== undefined) {
    const runRate = roundHalfAwayFromZero(recentTotal / RUN_RATE_DAYS);
    return isNoLimit ? runRate : Math.min(runRate, campaign.budget);
  }
  if (isNoLimit) return null;
  return deliveredDaily(campaign.budget, model.account.deliveryRate);
}

/**
 * R3 Lifetime: what is left of the total spread evenly over the remaining
 * scheduled days (left-over minor units to the earliest days), or the
 * expected daily spend capped by what is left. False when it cannot be
 * planned for want of an End date.
 */
function fillLifetime(
  row: Float64Array,
  campaign: Campaign,
  model: Model,
  warnings: Warning[],
): boolean {
  const start = model.account.planStart;
  if (campaign.endDate === null) {
    warnings.push(
      campaignWarning(
        "INVALID_VALUE",
        campaign,
        ["endDate", "budgetMode"],
        `Campaign ${campaign.id} has a lifetime budget but no End date; it is left out of the plan.`,
      ),
    );
    return false;
  }
  if (campaign.budget <= 0) return true;
  let left = campaign.budget - campaign.spentToDate;
  if (left <= 0) return true;
  const from: Day = Math.max(start, campaign.startDate ?? start);
  const to: Day = campaign.endDate;
  if (to < from) return true;
  const total = left;
  for (let day = from; day <= to; day++) {
    let amount: Money;
    if (campaign.expectedDailySpend !== null) {
      amount = Math.min(campaign.expectedDailySpend, left);
      left -= amount;
    } else {
      amount = evenShare(total, from, to, day);
    }
    const index = day - start;
    if (index >= row.length) break;
    if (index >= 0) row[index] = amount;
  }
  return true;
}

/** R3 step 2: total spend per campaign over the 7 days before plan start. */
function recentSpendByCampaign(model: Model): Map<string, Money> {
  const start = model.account.planStart;
  const totals = new Map<string, Money>();
  for (const record of model.spendHistory) {
    if (record.day < start - RUN_RATE_DAYS || record.day >= start) continue;
    totals.set(record.campaignId, (totals.get(record.campaignId) ?? 0) + record.amount);
  }
  return totals;
}
