/**
 * R12: recommendations beyond what TikTok shows — the best campaign set for
 * each assignable credit, the credit upper bound, spend-match readiness.
 *
 * Search: exact over every subset when a credit has few assignable campaigns
 * and the re-run budget allows it; otherwise a handful of candidate sets
 * picked by cheap scores (demand in the credit's window that no other credit
 * pays) and then a small local search (drop / add one campaign). Candidates
 * are always judged by re-running the simulation (`Rerunner`: resumed where
 * nothing can differ yet, equal to a full `simulate`), so `expiredBefore`
 * and `expiredAfter` are measured, never estimated.
 */

import { type SimulationBasis, simulationBasis } from "../basis";
import { rulesOf } from "../creditTypes";
import type { RestrictionIndex } from "../eligibility";
import type { CreditOutcome } from "../engine";
import type { Model, Money, Warning } from "../model";
import { NEVER_USABLE, type Plan, type Recommendation } from "../plan";
import { assignmentLimitFor } from "../validity";
import {
  allSubsets,
  assignableCampaigns,
  byPayable,
  type CampaignScore,
  heuristicCandidates,
  paidByCredits,
  type SpendScores,
  scoreCampaigns,
  spendScores,
} from "./recommendCandidates";
import { moneyText, nameList, recommendationReason } from "./recommendReason";
import { Rerunner, withAssignments } from "./rerunner";
import { spendMatchReadiness } from "./spendMatchReadiness";
import { creditUpperBound } from "./upperBound";

export interface R12Result {
  recommendations: Recommendation[];
  creditUpperBound: Money;
  warnings: Warning[];
}

export interface RecommendOptions {
  /**
   * Re-runs in all, as full-horizon re-runs' worth of simulated days: a
   * resumed re-run counts the days it simulates; the last may overshoot
   * (default: scaled to the model's size).
   */
  maxReruns?: number;
  /** Exact search when a credit has at most this many assignable campaigns (default 8). */
  exhaustiveUpTo?: number;
}

/**
 * The whole of R12 for one plan made by `simulate`. `basis` and `rerunner`,
 * when given, must come from the same model (the rerunner watching at least
 * its assignable credits); otherwise they are made here.
 */
export function recommend(
  model: Model,
  plan: Plan,
  options: RecommendOptions = {},
  basis: SimulationBasis = simulationBasis(model),
  rerunner?: Rerunner,
): R12Result {
  const { demand } = basis.demand;
  return {
    recommendations: recommendAssignments(model, plan, basis, options, rerunner),
    creditUpperBound: creditUpperBound(model, plan, demand, basis.lookup.restrictions),
    warnings: spendMatchReadiness(model, plan),
  };
}

/**
 * How many full-horizon re-runs' worth of days the search may simulate. A
 * day costs about (campaigns + credits) of work; small accounts get enough
 * for an exact search, large ones a fixed dozen: a full re-run of L (2,000 ×
 * 300 × 365) measures ≈ 20–25 ms, and its target credits arrive on average
 * mid-horizon, so 13 buy about 20 re-runs (one full re-run's worth is kept
 * for the joint effect) and keep the whole `credit-planner plan L --json`
 * within its 1 s goal.
 */
const RERUN_WORK_BUDGET = 4e6;
const MIN_RERUNS = 13;
const MAX_RERUNS = 5000;

export function defaultRerunBudget(model: Model, days: number): number {
  const work = Math.max(1, (model.campaigns.length + model.credits.length) * days);
  return Math.max(MIN_RERUNS, Math.min(MAX_RERUNS, Math.floor(RERUN_WORK_BUDGET / work)));
}

/** One measured assignment of one credit. */
interface Trial {
  /** Campaign indexes, ascending (sheet order). */
  set: number[];
  ownExpired: Money;
  totalExpired: Money;
  outcome: CreditOutcome;
}

/** R12 ties: least of that credit expires, then least in total, then fewest campaigns, then sheet order. */
function compareTrials(a: Trial, b: Trial): number {
  return (
    a.ownExpired - b.ownExpired ||
    a.totalExpired - b.totalExpired ||
    a.set.length - b.set.length ||
    compareSheetOrder(a.set, b.set)
  );
}

function compareSheetOrder(a: readonly number[], b: readonly number[]): number {
  for (let j = 0; j < Math.min(a.length, b.length); j++) if (a[j] !== b[j]) return a[j] - b[j];
  return a.length - b.length;
}

/** A copy of the model with one credit's assigned campaigns replaced. */
export function withAssignment(model: Model, creditIndex: number, campaignIds: string[]): Model {
  return withAssignments(model, new Map([[creditIndex, campaignIds]]));
}

/**
 * The re-run budget, counted in simulated days: `runs` full-horizon re-runs'
 * worth. Every re-run goes through one `Rerunner`, which resumes where the
 * changed credits cannot have mattered yet (the outcome is that of a full
 * re-run), so a credit that arrives late in the horizon costs only the days
 * after its arrival, and more credits get a measured recommendation in the
 * same time.
 */
class RerunBudget {
  private usedDays = 0;
  constructor(
    readonly runs: number,
    private readonly days: number,
    private readonly rerunner: Rerunner,
  ) {}
  /** Full-horizon re-runs' worth still left (may be fractional). */
  get left(): number {
    return this.runs - this.usedDays / this.days;
  }
  run(changes: ReadonlyMap<number, string[]>): CreditOutcome {
    // At least one day, so a run that changes nothing still counts.
    this.usedDays += Math.max(1, this.rerunner.daysToSimulate(changes));
    return this.rerunner.outcomeWith(changes);
  }
}

interface Target {
  creditIndex: number;
  first: number;
  last: number;
  capacity: Money;
  limit: number;
  eligible: number[];
}

/** Assignable credits that are usable in the horizon and leave something to expire. */
function targetsOf(model: Model, plan: Plan, restrictions: RestrictionIndex): Target[] {
  const targets: Target[] = [];
  model.credits.forEach((credit, i) => {
    const projected = plan.credits[i];
    if (!rulesOf(credit).assignable || !projected || NEVER_USABLE.has(projected.status)) return;
    const capacity = projected.remainingAtStart + projected.issued;
    // Nothing expires: no assignment can leave less (R12 recommends only a gain).
    if (capacity <= 0 || projected.expired <= 0) return;
    const firstDay = Math.max(projected.issuedOn ?? plan.start, plan.start);
    const lastDay = Math.min(projected.lastUsableDay ?? plan.end, plan.end);
    if (firstDay > lastDay) return;
    // R6: an Earning credit's limit uses its projected issue day, else plan start.
    const limitDay = projected.issuedOn ?? credit.issueDate ?? plan.start;
    const limit = assignmentLimitFor(limitDay, model.account.assignmentLimit);
    const eligible = assignableCampaigns(model, i, restrictions);
    if (limit <= 0 || eligible.length === 0) return;
    targets.push({
      creditIndex: i,
      first: firstDay - plan.start,
      last: lastDay - plan.start,
      capacity,
      limit,
      eligible,
    });
  });
  // Most money at risk first, so a tight budget goes where it matters.
  targets.sort(
    (a, b) =>
      plan.credits[b.creditIndex].expired - plan.credits[a.creditIndex].expired ||
      a.creditIndex - b.creditIndex,
  );
  return targets;
}

/** R12: per-credit recommendations, each measured against the plan as it is. */
export function recommendAssignments(
  model: Model,
  plan: Plan,
  basis: SimulationBasis,
  options: RecommendOptions = {},
  given?: Rerunner,
): Recommendation[] {
  const targets = targetsOf(model, plan, basis.lookup.restrictions);
  if (targets.length === 0) return [];
  const rerunner =
    given ??
    new Rerunner(
      model,
      basis,
      targets.map((t) => t.creditIndex),
    );
  const budget = new RerunBudget(
    options.maxReruns ?? defaultRerunBudget(model, plan.days),
    plan.days,
    rerunner,
  );
  const exhaustiveUpTo = options.exhaustiveUpTo ?? 8;
  const fairShare = Math.floor(budget.runs / targets.length);
  // Scores guide only the searches that are not exact: made on first need.
  let scores: SpendScores | null = null;
  const { campaignIndexById } = basis.lookup;
  const paidByTarget = paidByCredits(
    plan,
    targets.map((t) => t.creditIndex),
    model.campaigns.length,
  );

  const searches = targets.map((target) => {
    const i = target.creditIndex;
    const subsets =
      target.eligible.length <= exhaustiveUpTo ? allSubsets(target.eligible, target.limit) : null;
    if (subsets && subsets.length <= fairShare) {
      return new CreditSearch(model, i, budget, subsets, null, target.limit);
    }
    const own = paidByTarget.get(i) ?? new Float64Array(model.campaigns.length);
    scores ??= spendScores(plan, basis, model.account.creditsBeforeCash, targets);
    const scored = scoreCampaigns(scores, target.eligible, target.first, target.last, own);
    const current = plan.credits[i].assignedCampaigns
      .map((id) => campaignIndexById.get(id))
      .filter((c): c is number => c !== undefined);
    const candidates = heuristicCandidates(scored, target.capacity, target.limit, current);
    return new CreditSearch(model, i, budget, candidates, scored, target.limit);
  });

  // Round robin in order of money at risk: every credit gets its most promising
  // candidate measured before any credit gets a second one. One full re-run's
  // worth of days stays in reserve for the joint effect.
  const reserve = targets.length > 1 && budget.runs >= 2 ? 1 : 0;
  let active = searches;
  while (active.length > 0 && budget.left > reserve) {
    active = active.filter((search) => budget.left > reserve && search.step());
  }

  const found: { target: Target; best: Trial }[] = [];
  targets.forEach((target, k) => {
    const best = searches[k].best;
    if (best && best.ownExpired < plan.credits[target.creditIndex].expired) {
      found.push({ target, best });
    }
  });
  const recommendations = found.map(({ target, best }) =>
    toRecommendation(model, plan, target, best),
  );
  addJointEffects(model, plan, found, recommendations, budget);
  return recommendations;
}

/**
 * The measured trials of one credit: a queue of candidate sets, then a small
 * local search around the best (drop the weakest campaign — fewer campaigns
 * win ties — or add the strongest missing one while some credit still
 * expires), stopping at the first round that does not improve.
 */
class CreditSearch {
  best: Trial | null = null;
  private readonly trials = new Map<string, Trial>();
  private readonly pending: number[][];
  private readonly byStrength: number[];
  private readonly rank: Map<number, number>;
  private refinedFrom: Trial | null = null;
  private refineSteps = 0;

  constructor(
    private readonly model: Model,
    private readonly creditIndex: number,
    private readonly budget: RerunBudget,
    candidates: number[][],
    scored: readonly CampaignScore[] | null,
    private readonly limit: number,
  ) {
    this.pending = [...candidates];
    this.byStrength = (scored ?? [])
      .filter((s) => s.demand > 0)
      .sort(byPayable)
      .map((s) => s.campaign);
    this.rank = new Map(this.byStrength.map((c, r) => [c, r]));
  }

  /** Runs one more re-run; false when this credit's search is finished or the budget is spent. */
  step(): boolean {
    for (;;) {
      if (this.budget.left <= 0) return false;
      const next = this.pending.shift();
      if (next) {
        if (this.measure(next)) return true;
        continue;
      }
      if (!this.planRefinement()) return false;
    }
  }

  /** Re-runs a set (campaign indexes, ascending) unless already known; true when it re-ran. */
  private measure(set: number[]): boolean {
    const key = set.join(",");
    let trial = this.trials.get(key);
    const fresh = trial === undefined;
    if (!trial) {
      const ids = set.map((c) => this.model.campaigns[c].id);
      const after = this.budget.run(new Map([[this.creditIndex, ids]]));
      trial = {
        set,
        ownExpired: after.expired[this.creditIndex],
        totalExpired: after.totalExpired,
        outcome: after,
      };
      this.trials.set(key, trial);
    }
    if (this.best === null || compareTrials(trial, this.best) < 0) this.best = trial;
    return fresh;
  }

  private planRefinement(): boolean {
    const best = this.best;
    if (!best || this.byStrength.length === 0 || this.refinedFrom === best) return false;
    if (this.refineSteps++ >= this.limit) return false;
    this.refinedFrom = best;
    const rankOf = (c: number) => this.rank.get(c) ?? Number.MAX_SAFE_INTEGER;
    if (best.set.length > 1) {
      const weakest = best.set.reduce((w, c) => (rankOf(c) >= rankOf(w) ? c : w));
      this.pending.push(best.set.filter((c) => c !== weakest));
    }
    if (best.ownExpired > 0 && best.set.length < this.limit) {
      const next = this.byStrength.find((c) => !best.set.includes(c));
      if (next !== undefined) this.pending.push([...best.set, next].sort((a, b) => a - b));
    }
    return this.pending.length > 0;
  }
}

function toRecommendation(model: Model, plan: Plan, target: Target, best: Trial): Recommendation {
  const i = target.creditIndex;

  const currentIds = new Set(plan.credits[i].assignedCampaigns);
  const reason = recommendationReason({
    model,
    recommended: best.set.map((c) => model.campaigns[c]),
    current: model.campaigns.filter((c) => currentIds.has(c.id)),
    usedAfter: best.outcome.used[i],
    expiredBefore: plan.credits[i].expired,
    expiredAfter: best.ownExpired,
    lastDay: plan.start + target.last,
  });
  return {
    credit: model.credits[i].id,
    assign: best.set.map((c) => model.campaigns[c].id),
    expiredBefore: plan.credits[i].expired,
    expiredAfter: best.ownExpired,
    expirySaved: plan.credits[i].expired - best.ownExpired,
    reason,
  };
}

/**
 * R12 joint effect. Each recommendation is measured alone against the plan
 * as it is; when several recommended sets share campaigns the credits
 * compete, so the group is re-run with all of its changes applied and the
 * measured combined expiry is added to each member's reason. The entries
 * stay one per real credit (CONTRACT §1 fields unchanged, Apply works per
 * credit); the joint figure lives in `reason`.
 */
function addJointEffects(
  model: Model,
  plan: Plan,
  found: { target: Target; best: Trial }[],
  recommendations: Recommendation[],
  budget: RerunBudget,
): void {
  const parent = found.map((_, k) => k);
  const root = (k: number): number => {
    let r = k;
    while (parent[r] !== r) r = parent[r];
    return r;
  };
  for (let a = 0; a < found.length; a++) {
    for (let b = a + 1; b < found.length; b++) {
      if (found[a].best.set.some((c) => found[b].best.set.includes(c))) {
        parent[root(b)] = root(a);
      }
    }
  }
  const groups = new Map<number, number[]>();
  found.forEach((_, k) => {
    groups.set(root(k), [...(groups.get(root(k)) ?? []), k]);
  });
  for (const members of groups.values()) {
    if (members.length < 2) continue;
    if (budget.left <= 0) return;
    const changes = new Map(
      members.map((k) => [
        found[k].target.creditIndex,
        found[k].best.set.map((c) => model.campaigns[c].id),
      ]),
    );
    const joint = budget.run(changes);
    let before = 0;
    let after = 0;
    for (const k of members) {
      const i = found[k].target.creditIndex;
      before += plan.credits[i].expired;
      after += joint.expired[i];
    }
    const names = nameList(members.map((k) => model.credits[found[k].target.creditIndex].id));
    for (const k of members) {
      recommendations[k].reason +=
        `. They share campaigns: applying all of ${names} together leaves ` +
        `${moneyText(model, after)} of them to expire instead of ${moneyText(model, before)}`;
    }
  }
}
