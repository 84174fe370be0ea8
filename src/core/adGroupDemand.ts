/**
 * R3 with the optional Ad groups sheet (SHEETS.md "Real exports (spec v3)"):
 * in the Business API a campaign's schedule lives on its ad groups, and a
 * No-limit campaign's budgets do too ("budgets then live on ad groups").
 */
import { isDelivering } from "./eligibility";
import type { AdGroup, Campaign, Day, Model, Money, Warning } from "./model";
import { divideRounded } from "./money";
import { severityOf } from "./warnings";

const PPM = 1_000_000;

/** R3 step 3: a daily budget × Account `Delivery rate`, rounded half away from zero. */
export function deliveredDaily(budget: Money, deliveryRate: number): Money {
  return divideRounded(budget * Math.round(deliveryRate * PPM), PPM);
}

/**
 * R3 Lifetime: `left` spread evenly over the days `from…to`, the minor units
 * left over one each to the earliest days: the amount of `day`.
 */
export function evenShare(left: Money, from: Day, to: Day, day: Day): Money {
  const count = to - from + 1;
  const base = Math.floor(left / count);
  return base + (day - from < left - base * count ? 1 : 0);
}

/** Each campaign's ad groups in sheet order, by campaign id; empty without an Ad groups sheet. */
export function adGroupsByCampaign(model: Model): Map<string, AdGroup[]> {
  const byCampaign = new Map<string, AdGroup[]>();
  for (const group of model.adGroups ?? []) {
    const list = byCampaign.get(group.campaignId);
    if (list) list.push(group);
    else byCampaign.set(group.campaignId, [group]);
  }
  return byCampaign;
}

/** The ad groups that can spend (R3: Active or Scheduled). */
export function deliveringGroups(groups: readonly AdGroup[]): AdGroup[] {
  return groups.filter((group) => isDelivering(group.status));
}

/**
 * Spec v3: a campaign's blank dates come from its delivering ad groups: a
 * blank Start date is the earliest ad-group start, a blank End date the
 * latest ad-group end (a Lifetime campaign without an End date takes it
 * too). An ad group without a start (or end) leaves the campaign's open as
 * well: it runs from plan start (or without end). The spec speaks of "a
 * campaign without dates"; each date is taken on its own, which is the
 * same for an undated campaign and what a half-dated one would expect.
 */
export function scheduleFromAdGroups(campaign: Campaign, delivering: readonly AdGroup[]): Campaign {
  if (delivering.length === 0) return campaign;
  if (campaign.startDate !== null && campaign.endDate !== null) return campaign;
  let earliest: Day | null = delivering[0].startDate;
  let latest: Day | null = delivering[0].endDate;
  for (const group of delivering) {
    if (earliest !== null)
      earliest = group.startDate === null ? null : Math.min(earliest, group.startDate);
    if (latest !== null) latest = group.endDate === null ? null : Math.max(latest, group.endDate);
  }
  return {
    ...campaign,
    startDate: campaign.startDate ?? earliest,
    endDate: campaign.endDate ?? latest,
  };
}

/**
 * Spec v3: a No-limit campaign, or one whose campaign budget is 0 (as the
 * API writes a campaign budgeted per ad group), wants what its ad groups want.
 */
export function isBudgetedByAdGroups(campaign: Campaign): boolean {
  return campaign.budgetMode === "no_limit" || campaign.budget <= 0;
}

/**
 * Spec v3: adds to `row` each delivering ad group's R3 demand inside its own
 * schedule and the campaign's: Daily and Dynamic daily budget × Delivery
 * rate each day, Lifetime (budget − Spent to date) spread evenly over its
 * remaining days from max(plan start, start) to its end. A No-limit ad group
 * has no budget to read: it adds nothing, with a NO_SPEND_ESTIMATE on its
 * row. Returns false when no ad group has a budget (the campaign's own R3
 * steps 2 and 4 then apply).
 */
export function fillFromAdGroups(
  row: Float64Array,
  campaign: Campaign,
  delivering: readonly AdGroup[],
  model: Model,
  warnings: Warning[],
): boolean {
  const start = model.account.planStart;
  const last = start + row.length - 1;
  const unbudgeted: AdGroup[] = [];
  for (const group of delivering) {
    if (group.budgetMode === "no_limit") {
      unbudgeted.push(group);
      continue;
    }
    // Days the ad group and its campaign both run, inside the horizon.
    const from = Math.max(start, group.startDate ?? start, campaign.startDate ?? start);
    const to = Math.min(last, group.endDate ?? last, campaign.endDate ?? last);
    if (group.budgetMode === "lifetime") {
      const left = group.budget - group.spentToDate;
      // The reader requires a Lifetime ad group's End date.
      if (group.endDate === null || left <= 0) continue;
      const spreadFrom = Math.max(start, group.startDate ?? start);
      if (group.endDate < spreadFrom) continue;
      for (let day = from; day <= to; day++) {
        row[day - start] += evenShare(left, spreadFrom, group.endDate, day);
      }
    } else if (group.budget > 0) {
      const daily = deliveredDaily(group.budget, model.account.deliveryRate);
      for (let day = from; day <= to; day++) row[day - start] += daily;
    }
  }
  const budgeted = unbudgeted.length < delivering.length;
  if (budgeted) {
    for (const group of unbudgeted) warnings.push(unbudgetedGroupWarning(group, campaign));
  }
  return budgeted;
}

/** NO_SPEND_ESTIMATE on a No-limit ad group of a campaign planned from its ad groups. */
function unbudgetedGroupWarning(group: AdGroup, campaign: Campaign): Warning {
  const cells = group.source?.cells;
  return {
    code: "NO_SPEND_ESTIMATE",
    severity: severityOf("NO_SPEND_ESTIMATE"),
    message: `Ad group ${group.id} of campaign ${campaign.id} has no budget limit: it adds nothing to the campaign's planned spend; give the ad group a budget, or fill in the campaign's Expected daily spend.`,
    sheet: group.source?.sheet ?? "Ad groups",
    cell: cells?.budgetMode ?? cells?.id ?? null,
    credit: null,
    campaign: campaign.id,
  };
}
