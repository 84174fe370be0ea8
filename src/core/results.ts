/** Turns the simulation's final state into the Plan; its R6–R11 warnings come from `warnings/`. */

import { inputCounts, isComplete } from "./answers/inputs";
import { readLedger } from "./answers/stops";
import type { CreditState } from "./creditState";
import type { Day, Model, Money, Warning } from "./model";
import type {
  AccountResult,
  CampaignResult,
  CreditPlanStatus,
  CreditResult,
  DemandSource,
  Ledger,
  Plan,
  Totals,
} from "./plan";
import { cashWarnings, creditWarnings } from "./warnings";

/** Per-campaign running totals kept by the simulation. */
export interface CampaignTally {
  demand: Float64Array;
  creditFunded: Float64Array;
  cashFunded: Float64Array;
  cardFunded: Float64Array;
  undelivered: Float64Array;
  cashFallbackOn: (Day | null)[];
  stoppedOn: (Day | null)[];
}

export interface SimulationOutcome {
  model: Model;
  start: Day;
  days: number;
  states: CreditState[];
  demand: Float64Array[];
  /** R3: where each campaign's demand comes from, by campaign index. */
  demandFrom: readonly (DemandSource | null)[];
  demandWarnings: Warning[];
  tally: CampaignTally;
  ledger: Ledger;
  balances: Float64Array;
  cashByDay: Float64Array;
  cashAtEnd: Money;
  cardCharged: Money;
  cashRunsOutOn: Day | null;
  holidays: ReadonlySet<Day>;
}

export function assemblePlan(outcome: SimulationOutcome): Plan {
  const { model, start, days, states, tally } = outcome;
  const end = start + days - 1;
  const credits = states.map((state) => creditResult(state, model, start, end));
  const card = model.account.fallbackPayment === "card";
  const { stops, undeliveredByDay, cardLimitReachedOn } = readLedger(
    outcome.ledger,
    model.campaigns.length,
    start,
    days,
    card ? model.account.cardLimit : null,
  );
  const campaigns: CampaignResult[] = model.campaigns.map((campaign, c) => {
    const spend = tally.creditFunded[c] + tally.cashFunded[c] + tally.cardFunded[c];
    return {
      id: campaign.id,
      name: campaign.name,
      demand: tally.demand[c],
      demandFrom: outcome.demandFrom[c] ?? null,
      spend,
      creditFunded: tally.creditFunded[c],
      cashFunded: tally.cashFunded[c],
      cardFunded: tally.cardFunded[c],
      undelivered: tally.undelivered[c],
      cashFallbackOn: tally.cashFallbackOn[c],
      stoppedOn: tally.stoppedOn[c],
      stops: stops[c],
    };
  });
  const totals = planTotals(credits, campaigns);
  const inputs = inputCounts(model);
  const account: AccountResult = {
    cashAtStart: model.account.cashBalance,
    cashAtEnd: outcome.cashAtEnd,
    cashRunsOutOn: outcome.cashRunsOutOn,
    cardCharged: outcome.cardCharged,
    cardLimit: card ? model.account.cardLimit : null,
    cardLimitReachedOn,
  };
  const warnings = [
    ...outcome.demandWarnings,
    ...creditWarnings(outcome, credits, end),
    ...cashWarnings(outcome, campaigns, account),
  ];
  return {
    currency: model.account.currency,
    minorUnits: model.account.minorUnits,
    start,
    end,
    days,
    totals,
    credits,
    campaigns,
    account,
    warnings,
    recommendations: [],
    creditUpperBound: 0,
    // R13 is worked out by `buildPlan`: a bare simulation advises nothing.
    advice: { topUps: [], total: 0, cardPaysWithAdvice: outcome.cardCharged, replans: 0 },
    inputs,
    complete: isComplete(inputs),
    alerts: null,
    ledger: outcome.ledger,
    balances: outcome.balances,
    cashByDay: outcome.cashByDay,
    undeliveredByDay,
    listedTopUps: listedTopUps(model, start, end),
    landings: credits.flatMap((c) =>
      c.issued > 0 && c.issuedOn !== null && c.issuedOn >= start && c.issuedOn <= end
        ? [{ day: c.issuedOn, credit: c.id, amount: c.issued }]
        : [],
    ),
  };
}

/** R4: the sheet's top-ups that land inside the horizon, one per day, in day order. */
function listedTopUps(model: Model, start: Day, end: Day): { day: Day; amount: Money }[] {
  const byDay = new Map<Day, Money>();
  for (const t of model.topUps) {
    if (t.day >= start && t.day <= end) byDay.set(t.day, (byDay.get(t.day) ?? 0) + t.amount);
  }
  return [...byDay].sort((a, b) => a[0] - b[0]).map(([day, amount]) => ({ day, amount }));
}

/** Every total a face shows, summed here once (CONTRACT §5): one pass over campaigns, one over credits. */
function planTotals(credits: CreditResult[], campaigns: CampaignResult[]): Totals {
  let spend = 0;
  let creditFunded = 0;
  let cashFunded = 0;
  let cardFunded = 0;
  let undelivered = 0;
  let firstFallbackOn: Day | null = null;
  for (const c of campaigns) {
    spend += c.spend;
    creditFunded += c.creditFunded;
    cashFunded += c.cashFunded;
    cardFunded += c.cardFunded;
    undelivered += c.undelivered;
    firstFallbackOn = earlier(firstFallbackOn, c.cashFallbackOn);
  }
  let creditExpired = 0;
  let creditBlocked = 0;
  let creditAtStart = 0;
  let creditIssued = 0;
  let creditAtRisk = 0;
  let firstExpiryOn: Day | null = null;
  for (const c of credits) {
    creditExpired += c.expired;
    creditBlocked += c.blocked;
    creditAtStart += c.remainingAtStart;
    creditIssued += c.issued;
    creditAtRisk += c.atRisk;
    firstExpiryOn = earlier(firstExpiryOn, c.expired > 0 ? c.expiresOn : null);
  }
  return {
    spend,
    creditFunded,
    cashFunded,
    cardFunded,
    undelivered,
    creditExpired,
    creditBlocked,
    creditAtStart,
    creditIssued,
    creditAvailable: creditAtStart + creditIssued,
    creditAtRisk,
    outOfPocket: cashFunded + cardFunded,
    // R13: all that credit does not pay, whether cash and card pay it or not.
    moneyNeeded: cashFunded + cardFunded + undelivered,
    firstExpiryOn,
    firstFallbackOn,
  };
}

/** The earlier of two days, either possibly missing. */
function earlier(first: Day | null, day: Day | null): Day | null {
  return day !== null && (first === null || day < first) ? day : first;
}

/** See `CreditResult.atRisk`: expiring credit, or the whole of an offer that will not become credit. */
function atRiskOf(status: CreditPlanStatus, amount: Money, expired: Money): Money {
  if (status === "lapsed" || status === "rejected") return amount;
  return expired;
}

function creditResult(state: CreditState, model: Model, start: Day, end: Day): CreditResult {
  const { credit } = state;
  const everUsable = state.phase === "live";
  const expiresOn =
    everUsable && state.lastUsable !== null && state.lastUsable + 1 <= end
      ? state.lastUsable + 1
      : null;
  const status = planStatus(state);
  return {
    id: credit.id,
    name: credit.name,
    type: credit.type,
    status,
    amount: credit.amount,
    remainingAtStart: state.remainingAtStart,
    issued: state.issued,
    available: state.remainingAtStart + state.issued,
    atRisk: atRiskOf(status, credit.amount, state.expired),
    issuedOn: state.issueDay,
    lastUsableDay: state.lastUsable,
    used: state.used,
    expired: state.expired,
    remainingAtEnd: state.remaining,
    depletedOn: state.depletedOn,
    expiresOn: expiresOn !== null && expiresOn > start ? expiresOn : null,
    assignedCampaigns: state.assignment
      ? state.assignment.campaigns.map((c) => model.campaigns[c].id)
      : [],
    // R4 (spec v3): never more than the credit held on its gate days.
    blocked: Math.min(state.blocked, state.blockedHeld),
  };
}

/** CONTRACT §1: the first status that applies, at plan end. */
function planStatus(state: CreditState): CreditPlanStatus {
  if (state.forcedStatus) return state.forcedStatus;
  switch (state.phase) {
    case "rejected":
      return "rejected";
    case "lapsed":
      return "lapsed";
    case "earning":
    case "earned":
    case "scheduled":
    case "to_redeem":
      return "pending";
    case "live":
      if (state.expired > 0) return "expired";
      return state.remaining === 0 ? "depleted" : "available";
    default:
      return "expired";
  }
}
