/** R3: what each campaign wants to spend on each planned day. */

import { isDelivering } from "./eligibility";
import type { Campaign, Day, Model, Money, Warning } from "./model";
import { divideRounded, roundHalfAwayFromZero } from "./money";
import { campaignWarning } from "./warnings";

export interface DemandResult {
  /** `demand[campaignIndex][day - planStart]` in minor units. */
  demand: Float64Array[];
  warnings: Warning[];
}

const RUN_RATE_DAYS = 7;
const PPM = 1_000_000;

/** R3: demand of every campaign over the horizon, fixed before the simulation. */
export function computeDemand(model: Model): DemandResult {
  const { account } = model;
  const start = account.planStart;
  const days = horizonLength(model);
  const history = recentSpendByCampaign(model);
  const warnings: Warning[] = [];
  const demand = model.campaigns.map((campaign) => {
    const row = new Float64Array(days);
    // R3: only Active or Scheduled campaigns spend (a paused one consumes nothing).
    if (!isDelivering(campaign.status)) return row;
    const from = Math.max(start, campaign.startDate ?? start);
    const to = Math.min(start + days - 1, campaign.endDate ?? start + days - 1);
    if (campaign.budgetMode === "lifetime") {
      fillLifetime(row, campaign, model, warnings);
      return row;
    }
    if (campaign.budgetMode !== "no_limit" && campaign.budget <= 0) return row;
    const daily = dailyAmount(campaign, model, history.get(campaign.id));
    if (daily === null) {
      if (from <= to) {
        warnings.push(
          campaignWarning(
            "NO_SPEND_ESTIMATE",
            campaign,
            ["budgetMode"],
            `Campaign ${campaign.id} has no budget limit and no spend estimate: fill in Expected daily spend or add Spend history, or it is planned to spend nothing.`,
          ),
        );
      }
      return row;
    }
    for (let day = from; day <= to; day++) row[day - start] = daily;
    return row;
  });
  return { demand, warnings };
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
  const ratePpm = Math.round(model.account.deliveryRate * PPM);
  return divideRounded(campaign.budget * ratePpm, PPM);
}

/**
 * R3 Lifetime: what is left of the total spread evenly over the remaining
 * scheduled days (left-over minor units to the earliest days), or the
 * expected daily spend capped by what is left.
 */
function fillLifetime(row: Float64Array, campaign: Campaign, model: Model, warnings: Warning[]) {
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
    return;
  }
  if (campaign.budget <= 0) return;
  let left = campaign.budget - campaign.spentToDate;
  if (left <= 0) return;
  const from: Day = Math.max(start, campaign.startDate ?? start);
  const to: Day = campaign.endDate;
  const count = to - from + 1;
  if (count <= 0) return;
  const base = Math.floor(left / count);
  const extra = left - base * count;
  for (let day = from; day <= to; day++) {
    let amount: Money;
    if (campaign.expectedDailySpend !== null) {
      amount = Math.min(campaign.expectedDailySpend, left);
      left -= amount;
    } else {
      amount = base + (day - from < extra ? 1 : 0);
    }
    const index = day - start;
    if (index >= row.length) break;
    if (index >= 0) row[index] = amount;
  }
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
