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
  return passesNormalised(
    credit.adProducts.map(normalise),
    credit.countries.map(normalise),
    campaign.adProduct === null ? null : normalise(campaign.adProduct),
    campaign.countries.map(normalise),
  );
}

/** R5 on normalised values: the one definition `passesRestrictions` and `RestrictionIndex` share. */
function passesNormalised(
  products: readonly string[],
  countries: readonly string[],
  campaignProduct: string | null,
  campaignCountries: readonly string[],
): boolean {
  if (products.length > 0) {
    if (campaignProduct === null || !products.includes(campaignProduct)) return false;
  }
  if (countries.length > 0 && campaignCountries.length > 0) {
    if (!campaignCountries.every((c) => countries.includes(c))) return false;
  }
  return true;
}

/**
 * R5 for many credits over one campaign list: campaigns are grouped by their
 * (Ad product, countries) profile once, so a restricted credit is checked
 * against each distinct profile rather than each campaign.
 */
export class RestrictionIndex {
  private readonly profileOf: Int32Array;
  private readonly profiles: { product: string | null; countries: string[] }[] = [];

  constructor(campaigns: readonly Campaign[]) {
    const byKey = new Map<string, number>();
    this.profileOf = new Int32Array(campaigns.length);
    campaigns.forEach((campaign, c) => {
      const product = campaign.adProduct === null ? null : normalise(campaign.adProduct);
      const countries = campaign.countries.map(normalise);
      const key = JSON.stringify([product, countries]);
      let profile = byKey.get(key);
      if (profile === undefined) {
        profile = this.profiles.length;
        byKey.set(key, profile);
        this.profiles.push({ product, countries });
      }
      this.profileOf[c] = profile;
    });
  }

  /** Results by restriction lists: many credits (and every R12 re-run) share a few. */
  private readonly matches = new Map<string, Int32Array>();

  /** Ascending indexes of the campaigns that pass the credit's restrictions (shared, do not modify). */
  matching(credit: Credit): Int32Array {
    const key = JSON.stringify([credit.adProducts, credit.countries]);
    let result = this.matches.get(key);
    if (!result) {
      const passes = this.profilePasses(credit);
      const indexes: number[] = [];
      for (let c = 0; c < this.profileOf.length; c++)
        if (passes[this.profileOf[c]]) indexes.push(c);
      result = Int32Array.from(indexes);
      this.matches.set(key, result);
    }
    return result;
  }

  /** The given campaign indexes that pass the credit's restrictions, in the same order. */
  keepPassing(credit: Credit, indexes: readonly number[]): number[] {
    const passes = this.profilePasses(credit);
    return indexes.filter((c) => passes[this.profileOf[c]]);
  }

  private profilePasses(credit: Credit): boolean[] {
    const products = credit.adProducts.map(normalise);
    const countries = credit.countries.map(normalise);
    return this.profiles.map((p) => passesNormalised(products, countries, p.product, p.countries));
  }
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
