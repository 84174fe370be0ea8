/**
 * R12: cheap scores that pick which campaign sets are worth a real re-run.
 * Scores only guide the search; every figure shown comes from `simulate`.
 */
import { canBeNewlyAssigned, type RestrictionIndex } from "../eligibility";
import type { Model } from "../model";
import type { Plan } from "../plan";

/** Per-campaign prefix sums over the horizon's day indexes (length days + 1). */
export interface SpendScores {
  /** Σ demand before day index d. */
  demandPrefix: Float64Array[];
  /** Σ demand not paid by any credit in the base plan, before day index d. */
  creditFreePrefix: Float64Array[];
}

/** Builds demand and credit-free prefix sums from R3 demand and the base plan's ledger. */
export function spendScores(plan: Plan, demand: readonly Float64Array[]): SpendScores {
  const days = plan.days;
  const creditPaid = demand.map(() => new Float64Array(days));
  const { ledger } = plan;
  for (let r = 0; r < ledger.length; r++) {
    if (ledger.source[r] < 0) continue;
    const d = ledger.day[r] - plan.start;
    const row = creditPaid[ledger.campaign[r]];
    if (row && d >= 0 && d < days) row[d] += ledger.amount[r];
  }
  const demandPrefix: Float64Array[] = [];
  const creditFreePrefix: Float64Array[] = [];
  demand.forEach((row, c) => {
    const all = new Float64Array(days + 1);
    const free = new Float64Array(days + 1);
    const paid = creditPaid[c];
    for (let d = 0; d < days; d++) {
      const amount = d < row.length ? row[d] : 0;
      all[d + 1] = all[d] + amount;
      free[d + 1] = free[d] + Math.max(0, amount - paid[d]);
    }
    demandPrefix.push(all);
    creditFreePrefix.push(free);
  });
  return { demandPrefix, creditFreePrefix };
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
  /** Of that, what no other credit paid in the base plan (what this credit can take without harm). */
  creditFree: number;
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
    const free = scores.creditFreePrefix[c];
    return {
      campaign: c,
      demand: all[last + 1] - all[first],
      // What this credit paid itself would be free again were it reassigned.
      creditFree: free[last + 1] - free[first] + ownPaid[c],
    };
  });
}

/** Candidate sets (campaign indexes, ascending), most promising first, without duplicates. */
export function heuristicCandidates(
  scored: readonly CampaignScore[],
  capacity: number,
  limit: number,
  current: readonly number[],
): number[][] {
  const useful = scored.filter((s) => s.demand > 0);
  const byFree = [...useful].sort(
    (a, b) => b.creditFree - a.creditFree || b.demand - a.demand || a.campaign - b.campaign,
  );
  const byDemand = [...useful].sort(
    (a, b) => b.demand - a.demand || b.creditFree - a.creditFree || a.campaign - b.campaign,
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
  const coverCount = (list: CampaignScore[], key: "creditFree" | "demand") => {
    let sum = 0;
    for (let n = 0; n < list.length && n < limit; n++) {
      sum += list[n][key];
      if (sum >= capacity) return n + 1;
    }
    return Math.min(limit, list.length);
  };
  // Most credit-free demand up to the limit: uses the credit while taking least from others.
  add(top(byFree, limit));
  // "Assign all eligible up to the limit by most demand in the window".
  add(top(byDemand, limit));
  // Fewest campaigns that cover the credit (ties prefer fewer campaigns), with one spare.
  const freeCover = coverCount(byFree, "creditFree");
  add(top(byFree, freeCover));
  add(top(byFree, freeCover + 1));
  add(top(byDemand, coverCount(byDemand, "demand")));
  // Keep today's still-assignable campaigns and fill up with the best of the rest.
  const kept = current.filter((c) => useful.some((s) => s.campaign === c));
  const fill = byFree.map((s) => s.campaign).filter((c) => !kept.includes(c));
  add([...kept, ...fill].slice(0, limit));
  return candidates;
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
