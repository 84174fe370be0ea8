/**
 * R12: cheap scores that pick which campaign sets are worth a real re-run.
 * Scores only guide the search; every figure shown comes from `simulate`.
 */
import { canBeNewlyAssigned, type RestrictionIndex } from "../eligibility";
import type { Model } from "../model";
import { type Plan, SOURCE_CASH } from "../plan";

/** Per-campaign prefix sums over the horizon's day indexes (length days + 1). */
export interface SpendScores {
  /** Σ demand before day index d. */
  demandPrefix: Float64Array[];
  /**
   * Σ demand a newly assigned credit could pay, before day index d: what
   * neither a credit nor — when `Credits before cash` is No — the cash
   * balance paid in the base plan (R4 order: cash pays first then).
   */
  payablePrefix: Float64Array[];
}

/**
 * Builds demand and payable prefix sums from R3 demand and the base plan's
 * ledger. With cash first, what cash pays does not depend on the credits
 * (R4 step 5 comes before step 4), so a credit can never take it: scoring
 * it as free demand would send R12 to campaigns the credit cannot pay.
 */
export function spendScores(
  plan: Plan,
  demand: readonly Float64Array[],
  creditsBeforeCash: boolean,
): SpendScores {
  const days = plan.days;
  const taken = demand.map(() => new Float64Array(days));
  const { ledger } = plan;
  for (let r = 0; r < ledger.length; r++) {
    const source = ledger.source[r];
    if (source < 0 && (creditsBeforeCash || source !== SOURCE_CASH)) continue;
    const d = ledger.day[r] - plan.start;
    const row = taken[ledger.campaign[r]];
    if (row && d >= 0 && d < days) row[d] += ledger.amount[r];
  }
  const demandPrefix: Float64Array[] = [];
  const payablePrefix: Float64Array[] = [];
  demand.forEach((row, c) => {
    const all = new Float64Array(days + 1);
    const payable = new Float64Array(days + 1);
    const paid = taken[c];
    for (let d = 0; d < days; d++) {
      const amount = d < row.length ? row[d] : 0;
      all[d + 1] = all[d] + amount;
      payable[d + 1] = payable[d] + Math.max(0, amount - paid[d]);
    }
    demandPrefix.push(all);
    payablePrefix.push(payable);
  });
  return { demandPrefix, payablePrefix };
}

/** What each campaign received from each of some credits in the base plan: one pass over the ledger. */
export function paidByCredits(
  plan: Plan,
  creditIndexes: readonly number[],
  campaigns: number,
): Map<number, Float64Array> {
  const paid = new Map(creditIndexes.map((i) => [i, new Float64Array(campaigns)]));
  const { ledger } = plan;
  for (let r = 0; r < ledger.length; r++) {
    const row = paid.get(ledger.source[r]);
    if (row) row[ledger.campaign[r]] += ledger.amount[r];
  }
  return paid;
}

/** R6/R5: campaigns one credit may be newly assigned to, in sheet order. */
export function assignableCampaigns(
  model: Model,
  creditIndex: number,
  restrictions: RestrictionIndex,
): number[] {
  const credit = model.credits[creditIndex];
  return Array.from(restrictions.matching(credit)).filter((c) =>
    canBeNewlyAssigned(model.campaigns[c]),
  );
}

export interface CampaignScore {
  campaign: number;
  /** Demand inside the credit's validity window. */
  demand: number;
  /**
   * Of that, what this credit could pay under the account's order: what no
   * other credit (nor cash, when cash pays first) paid in the base plan.
   */
  payable: number;
}

/** Scores campaigns for one credit over its window [first, last] (day indexes, inclusive). */
export function scoreCampaigns(
  scores: SpendScores,
  campaigns: readonly number[],
  first: number,
  last: number,
  ownPaid: Float64Array,
): CampaignScore[] {
  return campaigns.map((c) => {
    const all = scores.demandPrefix[c];
    const payable = scores.payablePrefix[c];
    return {
      campaign: c,
      demand: all[last + 1] - all[first],
      // What this credit paid itself would be free again were it reassigned.
      payable: payable[last + 1] - payable[first] + ownPaid[c],
    };
  });
}

/**
 * Candidate sets (campaign indexes, ascending), most promising first, without
 * duplicates: a few covering sets, then every prefix of the campaigns by what
 * the credit could pay (1, 2, … up to the limit), then every single campaign.
 * The budget measures them in this order.
 */
export function heuristicCandidates(
  scored: readonly CampaignScore[],
  capacity: number,
  limit: number,
  current: readonly number[],
): number[][] {
  const useful = scored.filter((s) => s.demand > 0);
  const byFree = [...useful].sort(byPayable);
  const byDemand = [...useful].sort(
    (a, b) => b.demand - a.demand || b.payable - a.payable || a.campaign - b.campaign,
  );
  const candidates: number[][] = [];
  const seen = new Set<string>();
  const add = (set: number[]) => {
    if (set.length === 0 || set.length > limit) return;
    const sorted = [...new Set(set)].sort((a, b) => a - b);
    const key = sorted.join(",");
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push(sorted);
  };
  const top = (list: CampaignScore[], n: number) => list.slice(0, n).map((s) => s.campaign);
  const coverCount = (list: CampaignScore[], key: "payable" | "demand") => {
    let sum = 0;
    for (let n = 0; n < list.length && n < limit; n++) {
      sum += list[n][key];
      if (sum >= capacity) return n + 1;
    }
    return Math.min(limit, list.length);
  };
  // Most payable demand up to the limit: uses the credit while taking least from others.
  add(top(byFree, limit));
  // "Assign all eligible up to the limit by most demand in the window".
  add(top(byDemand, limit));
  // Fewest campaigns that cover the credit (ties prefer fewer campaigns), with one spare.
  const freeCover = coverCount(byFree, "payable");
  add(top(byFree, freeCover));
  add(top(byFree, freeCover + 1));
  add(top(byDemand, coverCount(byDemand, "demand")));
  // Keep today's still-assignable campaigns and fill up with the best of the rest.
  const kept = current.filter((c) => useful.some((s) => s.campaign === c));
  const fill = byFree.map((s) => s.campaign).filter((c) => !kept.includes(c));
  add([...kept, ...fill].slice(0, limit));
  // Every prefix by payable demand, then every single campaign (issue 16.13).
  for (let n = 1; n <= limit && n <= byFree.length; n++) add(top(byFree, n));
  for (const s of byFree) add([s.campaign]);
  return candidates;
}

/** Most payable demand first, then most demand, then sheet order. */
export function byPayable(a: CampaignScore, b: CampaignScore): number {
  return b.payable - a.payable || b.demand - a.demand || a.campaign - b.campaign;
}

/** Every non-empty subset of `campaigns` with at most `limit` members (exact search). */
export function allSubsets(campaigns: readonly number[], limit: number): number[][] {
  const subsets: number[][] = [];
  const n = campaigns.length;
  for (let mask = 1; mask < 1 << n; mask++) {
    const set: number[] = [];
    for (let j = 0; j < n; j++) if (mask & (1 << j)) set.push(campaigns[j]);
    if (set.length <= limit) subsets.push(set);
  }
  return subsets;
}
