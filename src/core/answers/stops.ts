/** R14 stops and resumes, read from the daily ledger of a plan. */
import type { Day, Money } from "../model";
import { type Ledger, SOURCE_CARD, SOURCE_UNDELIVERED } from "../plan";

/** R14: one run of consecutive days on which part of a campaign's demand went undelivered. */
export interface Stop {
  from: Day;
  /** The last stopped day (inclusive), at most the horizon's end. */
  to: Day;
}

/**
 * R14: per campaign, the maximal runs of consecutive days with undelivered
 * demand (gate days included: the engine books their demand as undelivered).
 * A day without demand has nothing undelivered, so it ends a run.
 */
export function stopsFromLedger(ledger: Ledger, campaigns: number): Stop[][] {
  const stops: Stop[][] = Array.from({ length: campaigns }, () => []);
  for (let r = 0; r < ledger.length; r++) {
    if (ledger.source[r] !== SOURCE_UNDELIVERED || ledger.amount[r] <= 0) continue;
    const day = ledger.day[r];
    const runs = stops[ledger.campaign[r]];
    const last = runs[runs.length - 1];
    if (last && last.to === day - 1) last.to = day;
    else if (!last || last.to < day) runs.push({ from: day, to: day });
  }
  return stops;
}

/**
 * R4 step 6: the first day on which the card's charges over the horizon reach
 * its `Card limit` (null without a limit, or when the limit is not reached).
 */
export function cardLimitReachedOn(ledger: Ledger, cardLimit: Money | null): Day | null {
  if (cardLimit === null) return null;
  let charged = 0;
  for (let r = 0; r < ledger.length; r++) {
    if (ledger.source[r] !== SOURCE_CARD) continue;
    charged += ledger.amount[r];
    if (charged >= cardLimit) return ledger.day[r];
  }
  return null;
}

/** R14: undelivered demand per day index, all campaigns together. */
export function undeliveredByDay(ledger: Ledger, start: Day, days: number): Float64Array {
  const byDay = new Float64Array(days);
  for (let r = 0; r < ledger.length; r++) {
    if (ledger.source[r] === SOURCE_UNDELIVERED) byDay[ledger.day[r] - start] += ledger.amount[r];
  }
  return byDay;
}
