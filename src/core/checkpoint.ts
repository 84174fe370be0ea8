/**
 * Checkpoint and resume for R12's re-runs (`recommend/rerunner.ts`): the
 * simulation's state at the start of a day, copied so later days leave it
 * as it was, and resumed by a run of the same account with other
 * assignments of some credits.
 */
import type { SimulationBasis } from "./basis";
import { type CreditState, copyCreditState, setEligibility } from "./creditState";
import type { Day, Model, Money } from "./model";

/** A day index no simulation reaches: the credit never entered the balance. */
export const NEVER = 2 ** 31 - 1;

/** What the day loop carries from one day to the next, at the start of day `dayIndex`. */
export interface SimulationState {
  dayIndex: number;
  states: CreditState[];
  arrivals: Map<number, number[]>;
  outOfPocketBefore: Float64Array;
  cash: Money;
  cardCharged: Money;
  cashRunsOutOn: Day | null;
  live: number[];
  earning: number[];
}

/** The simulation's state at the start of a day, before its top-ups; never changed. */
export interface Checkpoint {
  readonly dayIndex: number;
  readonly states: readonly CreditState[];
  readonly arrivals: ReadonlyMap<number, readonly number[]>;
  readonly outOfPocketBefore: Float64Array;
  readonly cash: Money;
  readonly cardCharged: Money;
  readonly cashRunsOutOn: Day | null;
  readonly live: readonly number[];
  readonly earning: readonly number[];
}

/** A copy of the state at the start of its day, so later days leave it unchanged. */
export function takeCheckpoint(state: Checkpoint): Checkpoint {
  return copyState(state, (credit) => copyCreditState(credit));
}

/**
 * The state of a checkpoint for a run of `model` (the same account, other
 * assignments): the credits take this model's rows, and the changed credits'
 * eligibility is worked out again for the same issue day (R5/R6). The
 * campaign tally of the skipped days is not part of it: a resumed run
 * reports credits only.
 */
export function resumeState(
  checkpoint: Checkpoint,
  model: Model,
  basis: SimulationBasis,
  changed: readonly number[],
): SimulationState {
  const state = copyState(checkpoint, (credit) =>
    copyCreditState(credit, model.credits[credit.index]),
  );
  for (const k of changed) {
    const credit = state.states[k];
    setEligibility(credit, model, basis.lookup, credit.eligibilityDay);
  }
  return state;
}

function copyState(
  state: Checkpoint,
  copyCredit: (credit: CreditState) => CreditState,
): SimulationState {
  const arrivals = new Map<number, number[]>();
  for (const [day, list] of state.arrivals) {
    if (day >= state.dayIndex) arrivals.set(day, [...list]);
  }
  return {
    dayIndex: state.dayIndex,
    states: state.states.map(copyCredit),
    arrivals,
    outOfPocketBefore: state.outOfPocketBefore.slice(),
    cash: state.cash,
    cardCharged: state.cardCharged,
    cashRunsOutOn: state.cashRunsOutOn,
    live: [...state.live],
    earning: [...state.earning],
  };
}
