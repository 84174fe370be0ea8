/**
 * R12: cheap scores that pick which campaign sets are worth a real re-run.
 * Scores only guide the search; every figure shown comes from `simulate`.
 */
import type { SimulationBasis } from "../basis";
import { canBeNewlyAssigned, type RestrictionIndex } from "../eligibility";
import type { Day, Model } from "../model";
import type { Ledger, Plan } from "../plan";
import { SOURCE_CASH } from "../plan";

/**
 * Per-campaign sums over windows of the horizon's day indexes: demand, and
 * what a newly assigned credit could pay of it — what neither a credit nor,
 * when `Credits before cash` is No, the cash balance paid in the base plan
 * (R4 order: cash pays first then). The running sums of every campaign are
 * kept only on the days that start or end one of the windows asked for (a
 * few dozen on L), so the days in between cost only their spenders.
 */
export interface SpendScores {
  /** Campaigns in the account: a kept day's sums of all campaigns start at slot · campaigns. */
  campaigns: number;
  /** Slot of each kept day index. */
  slotOfDay: ReadonlyMap<number, number>;
  /** Σ demand of campaign c before a kept day index, at slot · campaigns + c. */
  demandPrefix: Float64Array;
  /** Σ payable demand of campaign c before a kept day index, at slot · campaigns + c. */
  payablePrefix: Float64Array;
}

/** A window of day indexes, inclusive. */
export interface DayWindow {
  first: number;
  last: number;
}

/**
 * Builds the scores for the given windows from R3 demand (the basis lists
 * each day's spenders) and the base plan's ledger (in day order). With cash
 * first, what cash pays does not depend on the credits (R4 step 5 comes
 * before step 4), so a credit can never take it: scoring it as free demand
 * would send R12 to campaigns the credit cannot pay.
 */
export function spendScores(
  plan: Plan,
  basis: Pick<SimulationBasis, "demand" | "spenders" | "spenderDemand" | "spendersFrom">,
  creditsBeforeCash: boolean,
  windows: readonly DayWindow[],
): SpendScores {
  const n = basis.demand.demand.length;
  const kept = [...new Set(windows.flatMap((w) => [w.first, w.last + 1]))].sort((a, b) => a - b);
  const slotOfDay = new Map(kept.map((d, slot) => [d, slot]));
  const demandPrefix = new Float64Array(kept.length * n);
  const payablePrefix = new Float64Array(kept.length * n);
  const demandSoFar = new Float64Array(n);
  const payableSoFar = new Float64Array(n);
  // What the base plan paid that a new credit cannot take, by campaign, one day at a time.
  const taken = new Float64Array(n);
  const days = Math.min(plan.days, basis.spendersFrom.length - 1);
  let row = 0;
  let slot = 0;
  for (let d = 0; slot < kept.length; d++) {
    // (A window starting before day 0 or after the horizon takes the sums of its nearest day.)
    for (; slot < kept.length && kept[slot] <= d; slot++) {
      demandPrefix.set(demandSoFar, slot * n);
      payablePrefix.set(payableSoFar, slot * n);
    }
    if (d >= days) continue;
    const end = addTaken(plan.ledger, row, plan.start + d, creditsBeforeCash, taken);
    const from = basis.spendersFrom[d];
    const to = basis.spendersFrom[d + 1];
    addUpDay(basis.spenders, basis.spenderDemand, from, to, taken, demandSoFar, payableSoFar);
    clearTaken(plan.ledger.campaign, row, end, taken);
    row = end;
  }
  return { campaigns: n, slotOfDay, demandPrefix, payablePrefix };
}

/**
 * Adds to `taken` the ledger rows from `row` on that are of `day` and paid by
 * a credit (or by cash when it pays first); returns the first row after them.
 */
function addTaken(
  ledger: Ledger,
  row: number,
  day: Day,
  creditsBeforeCash: boolean,
  taken: Float64Array,
): number {
  const { source, campaign, amount } = ledger;
  let r = row;
  for (; r < ledger.length && ledger.day[r] === day; r++) {
    const from = source[r];
    if (from < 0 && (creditsBeforeCash || from !== SOURCE_CASH)) continue;
    const c = campaign[r];
    if (c >= 0 && c < taken.length) taken[c] += amount[r];
  }
  if (r < ledger.length && ledger.day[r] < day) throw new Error("ledger rows out of day order");
  return r;
}

/** Clears what `addTaken` added for the ledger rows from … to − 1 (a leaf: the caller's loop runs once). */
function clearTaken(campaign: Int32Array, from: number, to: number, taken: Float64Array): void {
  for (let r = from; r < to; r++) taken[campaign[r]] = 0;
}

/** One day's spenders added to the running sums (`taken`: what of it a new credit cannot take). */
function addUpDay(
  spenders: Int32Array,
  spenderDemand: Float64Array,
  from: number,
  to: number,
  taken: Float64Array,
  demandSoFar: Float64Array,
  payableSoFar: Float64Array,
): void {
  for (let j = from; j < to; j++) {
    const c = spenders[j];
    const amount = spenderDemand[j];
    demandSoFar[c] += amount;
    payableSoFar[c] += Math.max(0, amount - taken[c]);
  }
}

/** What each campaign received from each of some credits in the base plan: one pass over the ledger. */
export function paidByCredits(
  plan: Plan,
  creditIndexes: readonly number[],
  campaigns: number,
): Map<number, Float64Array> {
  const paid = new Map(creditIndexes.map((i) => [i, new Float64Array(campaigns)]));
  // Rows by credit index: a typed lookup per ledger row rather than a Map's.
  const rowOfCredit: (Float64Array | undefined)[] = [];
  for (const [i, row] of paid) if (Number.isInteger(i) && i >= 0) rowOfCredit[i] = row;
  const { ledger } = plan;
  const { source, campaign, amount } = ledger;
  for (let r = 0; r < ledger.length; r++) {
    const from = source[r];
    if (from < 0 || from >= rowOfCredit.length) continue;
    const row = rowOfCredit[from];
    if (row) row[campaign[r]] += amount[r];
  }
  return paid;
}

/** R6/R5: campaigns one credit may be newly assigned to, in sheet order. */
export function assignableCampaigns(
  model: Model,
  creditIndex: number,
  restrictions: RestrictionIndex,
): number[] {
  const matching = restrictions.matching(model.credits[creditIndex]);
  const assignable: number[] = [];
  for (let j = 0; j < matching.length; j++) {
    if (canBeNewlyAssigned(model.campaigns[matching[j]])) assignable.push(matching[j]);
  }
  return assignable;
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
  const { campaigns: n, slotOfDay, demandPrefix, payablePrefix } = scores;
  const firstSlot = slotOfDay.get(first);
  const endSlot = slotOfDay.get(last + 1);
  if (firstSlot === undefined || endSlot === undefined) {
    throw new Error(`no spend scores kept for days ${first}–${last}`);
  }
  const from = firstSlot * n;
  const to = endSlot * n;
  const scored: CampaignScore[] = [];
  for (const c of campaigns) {
    scored.push({
      campaign: c,
      demand: demandPrefix[to + c] - demandPrefix[from + c],
      // What this credit paid itself would be free again were it reassigned.
      payable: payablePrefix[to + c] - payablePrefix[from + c] + ownPaid[c],
    });
  }
  return scored;
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
  const byFree = useful.slice().sort(byPayable);
  // Only the first `limit` by demand are ever read.
  const byDemand = firstInOrder(useful, limit, byDemandThenPayable);
  const candidates: number[][] = [];
  const seen = new Set<string>();
  const seenSingle = new Set<number>();
  const add = (set: number[]) => {
    if (set.length === 0 || set.length > limit) return;
    if (set.length === 1) return addSingle(set[0]);
    addSorted([...new Set(set)].sort((a, b) => a - b));
  };
  /** Adds a set already ascending and without repeats. */
  const addSorted = (sorted: number[]) => {
    if (sorted.length === 1) return addSingle(sorted[0]);
    const key = sorted.join(",");
    if (seen.has(key)) return;
    seen.add(key);
    candidates.push(sorted);
  };
  // A one-campaign set is keyed by its campaign (a longer one's key has a comma).
  const addSingle = (campaign: number) => {
    if (seenSingle.has(campaign)) return;
    seenSingle.add(campaign);
    candidates.push([campaign]);
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
  const usefulCampaigns = new Set(useful.map((s) => s.campaign));
  const kept = current.filter((c) => usefulCampaigns.has(c));
  const keep = [...kept];
  for (let n = 0; n < byFree.length && keep.length < limit; n++) {
    const c = byFree[n].campaign;
    if (!kept.includes(c)) keep.push(c);
  }
  add(keep.slice(0, limit));
  // Every prefix by payable demand, then every single campaign (issue 16.13).
  const prefix: number[] = [];
  for (let n = 1; n <= limit && n <= byFree.length; n++) {
    // Each prefix is the one before plus one campaign: kept ascending as it grows.
    insertAscending(prefix, byFree[n - 1].campaign);
    addSorted(prefix.slice());
  }
  if (limit >= 1) for (const s of byFree) addSingle(s.campaign);
  return candidates;
}

/** Inserts a value into an ascending list unless it is there already. */
function insertAscending(list: number[], value: number): void {
  let at = list.length;
  while (at > 0 && list[at - 1] > value) at--;
  if (at > 0 && list[at - 1] === value) return;
  list.splice(at, 0, value);
}

function byDemandThenPayable(a: CampaignScore, b: CampaignScore): number {
  return b.demand - a.demand || b.payable - a.payable || a.campaign - b.campaign;
}

/** The first `n` items of a stable sort by `order`, without sorting them all. */
function firstInOrder<T>(items: readonly T[], n: number, order: (a: T, b: T) => number): T[] {
  if (n >= items.length) return items.slice().sort(order);
  const first: T[] = [];
  if (n <= 0) return first;
  for (const item of items) {
    if (first.length === n && order(item, first[n - 1]) >= 0) continue;
    // After every item it does not precede: equal items keep their input order.
    let at = first.length;
    while (at > 0 && order(item, first[at - 1]) < 0) at--;
    first.splice(at, 0, item);
    if (first.length > n) first.pop();
  }
  return first;
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
