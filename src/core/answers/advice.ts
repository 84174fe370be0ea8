/**
 * R13 top-up advice: the cash top-ups that keep every campaign delivering,
 * each dated as late and as small as possible, found by re-planning.
 *
 * Every re-plan resumes at the stop day from the simulation's state at the
 * start of that day (a checkpoint) and simulates only the advice's window,
 * stopping at the first undelivered day; the plan before the stop day is
 * the same whatever is topped up on it.
 */
import type { SimulationBasis } from "../basis";
import type { Checkpoint } from "../checkpoint";
import { Simulation } from "../engine";
import type { Day, Model, Money, TopUp } from "../model";
import type { Plan } from "../plan";

/** One advised top-up: `amount` on `day` keeps every campaign delivering through `until`. */
export interface AdvisedTopUp {
  day: Day;
  amount: Money;
  /** The window's last day: the day before the next listed top-up, or the horizon's end. */
  until: Day;
  /** What the card pays in the window with this top-up (Card fallback, R13: the card pays after cash). */
  cardPays: Money;
}

export interface TopUpAdvice {
  topUps: AdvisedTopUp[];
  /** The advised amounts added up. */
  total: Money;
  /** What the card pays over the horizon once the advice is topped up. */
  cardPaysWithAdvice: Money;
  /** How many windows were re-planned to find the advice (a measure of its cost). */
  replans: number;
}

/** Probes read off a working run before plain bisection (see `amountAt`). */
const GUIDED_PROBES = 4;

/** Days between the snapshots kept while looking for the next stop. */
const SNAPSHOT_EVERY = 8;

/**
 * R13: walking forward from the first stop day of `plan`, the plan as it
 * is of `model` (nothing stops: no advice). At each stop day d of the plan
 * with the Top-ups sheet plus the advice so far, the smallest amount with
 * which no demand goes undelivered from d through the day before the next
 * listed top-up after d (or the horizon's end).
 */
export function topUpAdvice(model: Model, basis: SimulationBasis, plan: Plan): TopUpAdvice {
  // A loop, not Math.min(...days): a spread of every campaign overflows the stack (issue 16).
  let firstStop = Number.POSITIVE_INFINITY;
  for (const c of plan.campaigns) {
    if (c.stoppedOn !== null && c.stoppedOn < firstStop) firstStop = c.stoppedOn;
  }
  if (firstStop === Number.POSITIVE_INFINITY) {
    return { topUps: [], total: 0, cardPaysWithAdvice: plan.account.cardCharged, replans: 0 };
  }
  const start = model.account.planStart;
  const search = new AdviceSearch(model, basis);
  // The plan before the first stop is the plan as it is: run it to that day once.
  const reference = new Simulation(model, basis, false);
  reference.simulateUntil(firstStop - start, false);
  let at: Checkpoint | null = reference.snapshot();
  const topUps: AdvisedTopUp[] = [];
  while (at !== null) {
    const found = search.amountAt(at, topUps, plan.undeliveredByDay);
    if (found === null) break;
    topUps.push(found.topUp);
    at = search.nextStop(found.run, topUps);
  }
  return {
    topUps,
    total: topUps.reduce((sum, t) => sum + t.amount, 0),
    cardPaysWithAdvice: search.cardCharged,
    replans: search.replans,
  };
}

function sumOver(values: ArrayLike<number>, from: number, to: number): number {
  let total = 0;
  for (let i = from; i <= to; i++) total += values[i];
  return total;
}

/** A re-plan of one window: whether it delivered everything, and the run to continue. */
interface Trial {
  works: boolean;
  run: Simulation;
}

class AdviceSearch {
  replans = 0;
  /** What the card has paid through the horizon's end once the advice is topped up. */
  cardCharged: Money = 0;
  private readonly start: Day;
  private readonly days: number;
  /** Day indexes of the listed top-ups inside the horizon, ascending (R13 windows). */
  private readonly listed: number[];

  constructor(
    private readonly model: Model,
    private readonly basis: SimulationBasis,
  ) {
    this.start = model.account.planStart;
    this.days = basis.spendersFrom.length - 1;
    const inHorizon = model.topUps
      .map((t) => t.day - this.start)
      .filter((i) => i >= 0 && i < this.days);
    this.listed = [...new Set(inHorizon)].sort((a, b) => a - b);
  }

  /**
   * The advised top-up at the stop day of checkpoint `at`. The first amount
   * probed is what the plan as it is leaves undelivered in the window; after
   * each amount that works, the next probe is read off that run's cash (the
   * least the window's demand days leave), else one unit less. A few such
   * guided probes settle the usual case in two re-plans; bisection between
   * "lo fails" and "hi works" takes over where credits that a larger balance
   * unlocks make the guesses wrong. The search ends with hi working and
   * hi − 1 failing, so the advice is an amount that works while one minor
   * unit less does not (R13), the least of those found.
   */
  amountAt(
    at: Checkpoint,
    advice: readonly AdvisedTopUp[],
    undelivered: ArrayLike<number>,
  ): { topUp: AdvisedTopUp; run: Simulation } | null {
    const d = at.dayIndex;
    const end = this.windowEnd(d);
    // Enough cash for all of the window's demand always works, whatever credit pays.
    const enough = this.windowDemand(d, end) + Math.max(0, -at.cash);
    let lo = 0;
    let hi = enough + 1;
    let best: Simulation | null = null;
    let guided = GUIDED_PROBES;
    let probe = Math.min(enough, Math.max(1, sumOver(undelivered, d, end)));
    while (hi - lo > 1) {
      const trial = this.trial(at, advice, d, probe, end);
      if (trial.works) {
        hi = probe;
        best = trial.run;
      } else {
        lo = probe;
      }
      if (hi - lo <= 1) break;
      if (best === null) {
        probe = enough;
      } else if (trial.works && guided-- > 0) {
        const guess = this.guess(trial.run, at, d, end, probe);
        probe = guess > lo && guess < hi ? guess : hi - 1;
      } else {
        probe = lo + Math.floor((hi - lo) / 2);
      }
    }
    if (best === null) return null;
    const cardPays = best.cardChargedSoFar - at.cardCharged;
    return {
      topUp: { day: this.start + d, amount: hi, until: this.start + end, cardPays },
      run: best,
    };
  }

  /**
   * The stop day after a working window, as a checkpoint at its start (null
   * when nothing stops any more). The run continues past the window keeping
   * a snapshot every few days; the stop day is reached again from the last
   * snapshot before it, since a stop shows only once its day is simulated.
   */
  nextStop(run: Simulation, advice: readonly AdvisedTopUp[]): Checkpoint | null {
    let snapshot = run.snapshot();
    for (;;) {
      if (run.nextDayIndex >= this.days) {
        this.cardCharged = run.cardChargedSoFar;
        return null;
      }
      const stop = run.simulateUntil(run.nextDayIndex + SNAPSHOT_EVERY, true);
      if (stop >= 0) {
        const again = this.resumed(snapshot, advice);
        again.simulateUntil(stop, false);
        return again.snapshot();
      }
      snapshot = run.snapshot();
    }
  }

  /** Re-plans the window `d`…`end` from `at` with `amount` more topped up on `d`. */
  private trial(
    at: Checkpoint,
    advice: readonly AdvisedTopUp[],
    d: number,
    amount: Money,
    end: number,
  ): Trial {
    this.replans++;
    const run = this.resumed(at, [
      ...advice,
      { day: this.start + d, amount, until: this.start + end, cardPays: 0 },
    ]);
    return { works: run.simulateUntil(end + 1, true) < 0, run };
  }

  private resumed(at: Checkpoint, advice: readonly AdvisedTopUp[]): Simulation {
    const topUps: TopUp[] = [
      ...this.model.topUps,
      ...advice.map((t) => ({ day: t.day, amount: t.amount })),
    ];
    const model = { ...this.model, topUps };
    return new Simulation(model, this.basis, false, { checkpoint: at, changed: [] });
  }

  /** R13: the day before the next listed top-up strictly after `d`, or the horizon's last day. */
  private windowEnd(d: number): number {
    const next = this.listed.find((i) => i > d);
    return next === undefined ? this.days - 1 : next - 1;
  }

  private windowDemand(d: number, end: number): Money {
    const { spendersFrom, spenderDemand } = this.basis;
    let total = 0;
    for (let j = spendersFrom[d]; j < spendersFrom[end + 1]; j++) total += spenderDemand[j];
    return total;
  }

  /**
   * An amount to probe, from a run with `hi` where everything is paid:
   * `hi` less the least cash the window's demand days leave (less the card's
   * room when a card pays after cash). Only a starting point: the probes
   * around it re-plan, and bisection takes over when credits that a larger
   * balance unlocks make it wrong.
   */
  private guess(run: Simulation, at: Checkpoint, d: number, end: number, hi: Money): Money {
    const { account } = this.model;
    const { spendersFrom } = this.basis;
    const gated = account.requirePositiveCash && account.fallbackPayment !== "card";
    let slack = Number.POSITIVE_INFINITY;
    let cashAtStart = at.cash + run.topUpOn(d);
    for (let i = d; i <= end; i++) {
      if (i > d) cashAtStart = run.cashAtEndOf(i - 1) + run.topUpOn(i);
      if (spendersFrom[i + 1] === spendersFrom[i]) continue;
      slack = Math.min(slack, run.cashAtEndOf(i));
      // R4 gate: a demand day needs a positive balance at its start.
      if (gated) slack = Math.min(slack, cashAtStart - 1);
    }
    let cardRoom = 0;
    if (account.fallbackPayment === "card" && account.cardLimit !== null) {
      cardRoom = Math.max(0, account.cardLimit - at.cardCharged);
    }
    return hi - Math.max(0, slack) - cardRoom;
  }
}
