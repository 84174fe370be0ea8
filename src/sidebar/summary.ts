/** The summary figures at the top of the sidebar: plan-carried totals, never recomputed. */
import type { PlanJson } from "../sheets/planJson";

export interface Summary {
  /** Credit the horizon offers: remaining at start plus issued (totals.creditAvailable). */
  creditAvailable: number;
  creditAtStart: number;
  creditIssued: number;
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
  /** R13: what cash and card must pay for every campaign to deliver (cash + card + undelivered). */
  moneyNeeded: number;
  /** R13: the advised top-ups added up (0 when nothing stops). */
  topUpsAdvised: number;
  topUpCount: number;
  /** The first advised top-up's day, null when none is advised. */
  firstTopUpOn: string | null;
}

export function summarize(plan: PlanJson): Summary {
  const { totals } = plan;
  return {
    creditAvailable: totals.creditAvailable,
    creditAtStart: totals.creditAtStart,
    creditIssued: totals.creditIssued,
    willBeUsed: totals.creditFunded,
    willExpire: totals.creditExpired,
    firstExpiryOn: totals.firstExpiryOn,
    cashNeeded: totals.outOfPocket,
    cashFunded: totals.cashFunded,
    cardFunded: totals.cardFunded,
    firstFallbackOn: totals.firstFallbackOn,
    cashRunsOutOn: plan.account.cashRunsOutOn,
    undelivered: totals.undelivered,
    moneyNeeded: totals.moneyNeeded,
    topUpsAdvised: plan.advice.total,
    topUpCount: plan.advice.topUps.length,
    firstTopUpOn: plan.advice.topUps[0]?.date ?? null,
  };
}
