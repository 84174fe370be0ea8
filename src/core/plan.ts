/**
 * The one plan object (CONTRACT.md §1) in engine units: money in minor units,
 * days as integers. Every face (custom functions, sidebar, sheets, CLI)
 * renders this; none recomputes a rule.
 */
import type { AlertDigest } from "./alerts";
import type { TopUpAdvice } from "./answers/advice";
import type { Stop } from "./answers/stops";
import type { CreditType, Day, InputCounts, Money, Warning } from "./model";

export type { AdvisedTopUp, TopUpAdvice } from "./answers/advice";
export type { Stop } from "./answers/stops";

export type CreditPlanStatus =
  | "used"
  | "unavailable"
  | "rejected"
  | "lapsed"
  | "pending"
  | "depleted"
  | "expired"
  | "available";

export interface CreditResult {
  id: string;
  name: string;
  type: CreditType;
  status: CreditPlanStatus;
  amount: Money;
  remainingAtStart: Money;
  issued: Money;
  /** Credit this credit offers in the horizon: `remainingAtStart + issued`. */
  available: Money;
  /**
   * What the advertiser would lose if the plan holds: the amount projected to
   * expire unused in the horizon (`expired`, R4/R8), or the whole amount of an
   * offer that lapses or a coupon that is rejected (it never becomes usable
   * credit, R7/R9). Zero for history rows and for credit that is used or
   * still usable at the horizon's end. Every face's "at risk" is this.
   */
  atRisk: Money;
  issuedOn: Day | null;
  lastUsableDay: Day | null;
  used: Money;
  expired: Money;
  remainingAtEnd: Money;
  depletedOn: Day | null;
  expiresOn: Day | null;
  /** Effective assignment after R6 filtering (assignable credits only). */
  assignedCampaigns: string[];
  /** Credit that would have paid on gate days (R4 step 3). */
  blocked: Money;
}

/**
 * Where a campaign's R3 demand comes from (spec v3): its own Budget (steps 3
 * and Lifetime), its Expected daily spend (step 1), its Spend history run
 * rate (step 2), or its ad groups' budgets and schedules.
 */
export type DemandSource = "budget" | "expected" | "history" | "adGroups";

export interface CampaignResult {
  id: string;
  name: string;
  demand: Money;
  /** Null when the campaign plans no spend for want of a status or estimate (R3). */
  demandFrom: DemandSource | null;
  spend: Money;
  creditFunded: Money;
  cashFunded: Money;
  cardFunded: Money;
  undelivered: Money;
  cashFallbackOn: Day | null;
  /** R10: the first stop's first day. */
  stoppedOn: Day | null;
  /** R14: every stop, in day order. */
  stops: Stop[];
}

export interface AccountResult {
  cashAtStart: Money;
  cashAtEnd: Money;
  cashRunsOutOn: Day | null;
  cardCharged: Money;
  /** R4 step 6: the Account `Card limit` when a card is the fallback (null: no card, or no limit). */
  cardLimit: Money | null;
  /** R4 step 6: the day the card's charges reach its Card limit (null: no limit, or not reached). */
  cardLimitReachedOn: Day | null;
}

export interface Totals {
  spend: Money;
  creditFunded: Money;
  cashFunded: Money;
  cardFunded: Money;
  undelivered: Money;
  creditExpired: Money;
  creditBlocked: Money;
  /** R13: what cash and card must pay for every demand to be delivered (cash + card + undelivered). */
  moneyNeeded: Money;
  /** Σ credits' `remainingAtStart`: credit usable on plan start. */
  creditAtStart: Money;
  /** Σ credits' `issued`: credit that lands inside the horizon. */
  creditIssued: Money;
  /** Σ credits' `available` (= creditAtStart + creditIssued): the headline credit. */
  creditAvailable: Money;
  /** Σ credits' `atRisk`. */
  creditAtRisk: Money;
  /** Spend paid out of pocket: `cashFunded + cardFunded` (R4 steps 5–6). */
  outOfPocket: Money;
  /** First day money expires unused (the earliest `expiresOn` of a credit with `expired` > 0). */
  firstExpiryOn: Day | null;
  /** First cash-fallback day of any campaign (R10). */
  firstFallbackOn: Day | null;
}

/** R13: the top-ups that keep every campaign delivering (empty when nothing stops). */
export type Advice = TopUpAdvice;

export interface Recommendation {
  credit: string;
  /** The full recommended list of campaign ids. */
  assign: string[];
  expiredBefore: Money;
  expiredAfter: Money;
  /** Credit that no longer expires unused: `expiredBefore − expiredAfter`. */
  expirySaved: Money;
  /** One line a person understands. */
  reason: string;
}

/** Ledger source codes besides credit indexes (which are ≥ 0). */
export const SOURCE_CASH = -1;
export const SOURCE_CARD = -2;
export const SOURCE_UNDELIVERED = -3;

/**
 * Who paid what, per campaign and day, in columns so that a 7-million
 * campaign-day plan stays small. `source` is a credit index into
 * `Plan.credits`, or one of the SOURCE_* codes. Rows are in day order.
 */
export interface Ledger {
  length: number;
  day: Int32Array;
  campaign: Int32Array;
  source: Int32Array;
  amount: Float64Array;
}

export interface Plan {
  currency: string;
  minorUnits: number;
  start: Day;
  /** Last simulated day, inclusive. */
  end: Day;
  days: number;
  totals: Totals;
  credits: CreditResult[];
  campaigns: CampaignResult[];
  account: AccountResult;
  warnings: Warning[];
  recommendations: Recommendation[];
  creditUpperBound: Money;
  /** R13 top-up advice. */
  advice: Advice;
  /** R16: rows read, planned and skipped per input sheet. */
  inputs: InputCounts;
  /** R16: true when no input row was skipped. */
  complete: boolean;
  /** R15 digest; null where R12 was left out (the digest needs its recommendations). */
  alerts: AlertDigest | null;
  ledger: Ledger;
  /** End-of-day remaining per credit: index `day * credits.length + credit`. */
  balances: Float64Array;
  /** End-of-day cash balance per day. */
  cashByDay: Float64Array;
  /** R14: demand not delivered per day (the chart's stop band). */
  undeliveredByDay: Float64Array;
  /** The Top-ups sheet's top-ups inside the horizon, by day (R4). */
  listedTopUps: { day: Day; amount: Money }[];
  /** Credits that land or are redeemed inside the horizon (R7, R9): day, credit id, amount. */
  landings: { day: Day; credit: string; amount: Money }[];
}

/** Plan statuses of credits that are never usable in the horizon (history, refused, not issued). */
export const NEVER_USABLE: ReadonlySet<CreditPlanStatus> = new Set([
  "used",
  "unavailable",
  "rejected",
  "lapsed",
  "pending",
]);
