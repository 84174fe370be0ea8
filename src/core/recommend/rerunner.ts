/** R12's re-runs: the plan with other assignments, resumed where nothing can differ yet. */
import type { SimulationBasis } from "../basis";
import { type Checkpoint, NEVER } from "../checkpoint";
import { horizonLength } from "../demand";
import { type CreditOutcome, Simulation } from "../engine";
import type { Model } from "../model";
import type { Plan } from "../plan";

/** A copy of the model with some credits' assigned campaigns replaced (credit index → ids). */
export function withAssignments(model: Model, changes: ReadonlyMap<number, string[]>): Model {
  return {
    ...model,
    credits: model.credits.map((credit, k) => {
      const ids = changes.get(k);
      return ids ? { ...credit, assignedCampaigns: ids } : credit;
    }),
  };
}

/**
 * R12's re-runs of one account with other assignments of some credits
 * ("watched"). The plan as it is runs once, keeping the simulation's state at
 * the start of each day a watched credit arrives. Until a credit first enters
 * the balance nothing reads its assignment, so a re-run that changes only
 * watched credits resumes at the latest kept day on or before the first day
 * any of them is in the balance, instead of at plan start. Each outcome is
 * the one a full `simulate` of the changed model gives (tested).
 */
export class Rerunner {
  /** The plan as it is: each credit's outcome, and the full plan when asked for. */
  readonly reference: CreditOutcome;
  readonly plan: Plan | null;
  private readonly checkpoints: Checkpoint[];
  /** Day index each credit first entered the balance in the reference run. */
  private readonly liveFrom: Int32Array;
  private readonly watched: ReadonlySet<number>;

  /**
   * Runs the plan as it is once. With `fullPlan` that run is the full
   * simulation and its plan is kept, so the plan and its R12 re-runs cost
   * one simulation, not two.
   */
  constructor(
    private readonly model: Model,
    private readonly basis: SimulationBasis,
    watched: Iterable<number>,
    options: { fullPlan?: boolean } = {},
  ) {
    this.watched = new Set(watched);
    const reference = new Simulation(model, basis, options.fullPlan === true);
    reference.keepCheckpointsFor(this.watched);
    reference.simulateDays();
    this.reference = reference.creditOutcome();
    this.plan = options.fullPlan ? reference.plan() : null;
    this.checkpoints = reference.checkpoints;
    this.liveFrom = reference.liveFrom;
  }

  /** The outcome of the plan with these assignments changed (credit index → campaign ids). */
  outcomeWith(changes: ReadonlyMap<number, string[]>): CreditOutcome {
    const from = this.resumePoint(changes);
    // Never in the balance: its assignment is never read, the plan is unchanged.
    if (from === "unchanged") return copyOutcome(this.reference);
    const changed = withAssignments(this.model, changes);
    const resume = from ? { checkpoint: from, changed: [...changes.keys()] } : undefined;
    return new Simulation(changed, this.basis, false, resume).outcome();
  }

  /** How many days `outcomeWith(changes)` simulates (0 when the plan cannot change). */
  daysToSimulate(changes: ReadonlyMap<number, string[]>): number {
    const from = this.resumePoint(changes);
    if (from === "unchanged") return 0;
    return horizonLength(this.model) - (from?.dayIndex ?? 0);
  }

  /** The latest checkpoint on or before the first day a changed credit is in the balance (null: plan start). */
  private resumePoint(changes: ReadonlyMap<number, string[]>): Checkpoint | null | "unchanged" {
    let firstLive = NEVER;
    for (const k of changes.keys()) {
      if (!this.watched.has(k)) throw new Error(`credit ${k} is not watched`);
      firstLive = Math.min(firstLive, this.liveFrom[k]);
    }
    if (firstLive === NEVER) return "unchanged";
    let resumeAt: Checkpoint | null = null;
    for (const checkpoint of this.checkpoints) {
      if (checkpoint.dayIndex <= firstLive) resumeAt = checkpoint;
    }
    return resumeAt;
  }
}

function copyOutcome(outcome: CreditOutcome): CreditOutcome {
  return {
    used: outcome.used.slice(),
    expired: outcome.expired.slice(),
    totalExpired: outcome.totalExpired,
  };
}
