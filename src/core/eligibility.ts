/** R5 restrictions and R6 assignment filtering. */
import type { Campaign, Credit } from "./model";

/** R3: only Active or Scheduled campaigns spend. */
const DELIVERING = new Set(["active", "scheduled"]);
/** R6: statuses that never appear in TikTok's assignment list. */
const NOT_ASSIGNABLE = new Set(["draft", "archived", "deleted", "completed"]);

function normalise(value: string): string {
  return value.trim().toUpperCase();
}

/**
 * R5: a listed Ad product must match the campaign's; every country of the
 * campaign must be listed (a campaign with no countries passes: unknown).
 */
export function passesRestrictions(credit: Credit, campaign: Campaign): boolean {
  if (credit.adProducts.length > 0) {
    if (campaign.adProduct === null) return false;
    const product = normalise(campaign.adProduct);
    if (!credit.adProducts.some((p) => normalise(p) === product)) return false;
  }
  if (credit.countries.length > 0 && campaign.countries.length > 0) {
    const allowed = credit.countries.map(normalise);
    if (!campaign.countries.every((c) => allowed.includes(normalise(c)))) return false;
  }
  return true;
}

export function hasRestrictions(credit: Credit): boolean {
  return credit.adProducts.length > 0 || credit.countries.length > 0;
}

/** R3: Active and Scheduled campaigns spend (Paused, Draft, … never do). */
export function isDelivering(status: Campaign["status"]): boolean {
  return DELIVERING.has(status);
}

/** R6: only Active or Scheduled campaigns can be newly assigned. */
export function canBeNewlyAssigned(campaign: Campaign): boolean {
  return isDelivering(campaign.status);
}

export interface ResolvedAssignment {
  /** Campaign indexes that hold a slot, in list order. */
  campaigns: number[];
  unknown: string[];
  ineligible: string[];
  overLimit: string[];
}

/**
 * R6: unknown and ineligible ids take no slot; Paused campaigns keep theirs;
 * ids beyond the limit are ignored in list order. Repeated ids count once.
 */
export function resolveAssignment(
  assigned: readonly string[],
  campaignIndexById: ReadonlyMap<string, number>,
  campaigns: readonly Campaign[],
  limit: number,
): ResolvedAssignment {
  const result: ResolvedAssignment = { campaigns: [], unknown: [], ineligible: [], overLimit: [] };
  const seen = new Set<string>();
  for (const id of assigned) {
    if (seen.has(id)) continue;
    seen.add(id);
    const index = campaignIndexById.get(id);
    if (index === undefined) result.unknown.push(id);
    else if (NOT_ASSIGNABLE.has(campaigns[index].status)) result.ineligible.push(id);
    else if (result.campaigns.length >= limit) result.overLimit.push(id);
    else result.campaigns.push(index);
  }
  return result;
}
