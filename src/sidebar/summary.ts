/** The summary figures at the top of the sidebar, read from the plan (never recomputed rules). */
import type { PlanJson } from "../sheets/planJson";

export interface Summary {
  /** Credit usable now: what is left of every credit at plan start. */
  creditLeftNow: number;
  /** Credit the plan spends in the horizon. */
  willBeUsed: number;
  /** Credit lost at expiry in the horizon, and the first day such a loss is booked. */
  willExpire: number;
  firstExpiryOn: string | null;
  /** Out-of-pocket spend: cash plus card (R4 steps 5–6). */
  cashNeeded: number;
  cashFunded: number;
  cardFunded: number;
  /** R10: the first day any campaign falls back to cash or card. */
  firstFallbackOn: string | null;
  /** R10: the account's cash run-out day. */
  cashRunsOutOn: string | null;
  undelivered: number;
}

function earliest(dates: Iterable<string | null>): string | null {
  let first: string | null = null;
  for (const date of dates) {
    // ISO dates compare correctly as strings.
    if (date !== null && (first === null || date < first)) first = date;
  }
  return first;
}

function* map<T, U>(items: readonly T[], fn: (item: T) => U): Iterable<U> {
  for (const item of items) yield fn(item);
}

/** Adds major-unit amounts without drifting (sums in hundredths of a minor unit). */
function sum(values: Iterable<number>): number {
  let total = 0;
  for (const value of values) total += Math.round(value * 10_000);
  return total / 10_000;
}

export function summarize(plan: PlanJson): Summary {
  return {
    creditLeftNow: sum(map(plan.credits, (c) => c.remainingAtStart)),
    willBeUsed: plan.totals.creditFunded,
    willExpire: plan.totals.creditExpired,
    firstExpiryOn: earliest(map(plan.credits, (c) => (c.expired > 0 ? c.expiresOn : null))),
    cashNeeded: sum([plan.totals.cashFunded, plan.totals.cardFunded]),
    cashFunded: plan.totals.cashFunded,
    cardFunded: plan.totals.cardFunded,
    firstFallbackOn: earliest(map(plan.campaigns, (c) => c.cashFallbackOn)),
    cashRunsOutOn: plan.account.cashRunsOutOn,
    undelivered: plan.totals.undelivered,
  };
}
