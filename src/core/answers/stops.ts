/** R14 stops and resumes, read from the daily ledger of a plan. */
import type { Day, Money } from "../model";
import { type Ledger, SOURCE_CARD, SOURCE_UNDELIVERED } from "../plan";

/** R14: one run of consecutive days on which part of a campaign's demand went undelivered. */
export interface Stop {
  from: Day;
  /** The last stopped day (inclusive), at most the horizon's end. */
  to: Day;
}

/** What `assemblePlan` reads off the ledger, in one pass over its rows. */
export interface LedgerReadings {
  /**
   * R14: per campaign, the maximal runs of consecutive days with undelivered
   * demand (gate days included: the engine books their demand as undelivered).
   * A day without demand has nothing undelivered, so it ends a run.
   */
  stops: Stop[][];
  /** R14: undelivered demand per day index, all campaigns together. */
  undeliveredByDay: Float64Array;
  /**
   * R4 step 6: the first day on which the card's charges over the horizon
   * reach its `Card limit` (null without a limit, or when it is not reached).
   */
  cardLimitReachedOn: Day | null;
}

export function readLedger(
  ledger: Ledger,
  campaigns: number,
  start: Day,
  days: number,
  cardLimit: Money | null,
): LedgerReadings {
  const stops: Stop[][] = Array.from({ length: campaigns }, () => []);
  const undeliveredByDay = new Float64Array(days);
  let cardLimitReachedOn: Day | null = null;
  let charged = 0;
  const { source, amount, day, campaign } = ledger;
  for (let r = 0; r < ledger.length; r++) {
    if (source[r] === SOURCE_UNDELIVERED) {
      undeliveredByDay[day[r] - start] += amount[r];
      if (amount[r] > 0) extendStops(stops[campaign[r]], day[r]);
    } else if (source[r] === SOURCE_CARD && cardLimit !== null && cardLimitReachedOn === null) {
      charged += amount[r];
      if (charged >= cardLimit) cardLimitReachedOn = day[r];
    }
  }
  return { stops, undeliveredByDay, cardLimitReachedOn };
}

/** Adds a stopped day to a campaign's runs (days come in order). */
function extendStops(runs: Stop[], day: Day): void {
  const last = runs[runs.length - 1];
  if (last && last.to === day - 1) last.to = day;
  else if (!last || last.to < day) runs.push({ from: day, to: day });
}
