/** Turns the simulation's final state into the Plan, with R6–R11 warnings. */

import { isoDate } from "./calendar";
import type { CreditState } from "./creditState";
import { hasRestrictions, isDelivering, passesRestrictions } from "./eligibility";
import type { Day, Model, Money, Warning } from "./model";
import { formatMoney } from "./money";
import type { CampaignResult, CreditPlanStatus, CreditResult, Ledger, Plan } from "./plan";
import { accountWarning, creditWarning } from "./warnings";

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
  const campaigns: CampaignResult[] = model.campaigns.map((campaign, c) => {
    const spend = tally.creditFunded[c] + tally.cashFunded[c] + tally.cardFunded[c];
    return {
      id: campaign.id,
      name: campaign.name,
      demand: tally.demand[c],
      spend,
      creditFunded: tally.creditFunded[c],
      cashFunded: tally.cashFunded[c],
      cardFunded: tally.cardFunded[c],
      undelivered: tally.undelivered[c],
      cashFallbackOn: tally.cashFallbackOn[c],
      stoppedOn: tally.stoppedOn[c],
    };
  });
  const sum = (pick: (x: CampaignResult) => number) =>
    campaigns.reduce((total, c) => total + pick(c), 0);
  const totals = {
    spend: sum((c) => c.spend),
    creditFunded: sum((c) => c.creditFunded),
    cashFunded: sum((c) => c.cashFunded),
    cardFunded: sum((c) => c.cardFunded),
    undelivered: sum((c) => c.undelivered),
    creditExpired: credits.reduce((total, c) => total + c.expired, 0),
    creditBlocked: credits.reduce((total, c) => total + c.blocked, 0),
  };
  const warnings = [
    ...outcome.demandWarnings,
    ...creditWarnings(outcome, credits, end),
    ...cashWarnings(outcome, campaigns),
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
    account: {
      cashAtStart: model.account.cashBalance,
      cashAtEnd: outcome.cashAtEnd,
      cashRunsOutOn: outcome.cashRunsOutOn,
      cardCharged: outcome.cardCharged,
    },
    warnings,
    recommendations: [],
    creditUpperBound: 0,
    ledger: outcome.ledger,
    balances: outcome.balances,
    cashByDay: outcome.cashByDay,
  };
}

function creditResult(state: CreditState, model: Model, start: Day, end: Day): CreditResult {
  const { credit } = state;
  const everUsable = state.phase === "live";
  const expiresOn =
    everUsable && state.lastUsable !== null && state.lastUsable + 1 <= end
      ? state.lastUsable + 1
      : null;
  return {
    id: credit.id,
    name: credit.name,
    type: credit.type,
    status: planStatus(state),
    amount: credit.amount,
    remainingAtStart: state.remainingAtStart,
    issued: state.issued,
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
    blocked: state.blocked,
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
    case "to_redeem":
      return "pending";
    case "live":
      if (state.expired > 0) return "expired";
      return state.remaining === 0 ? "depleted" : "available";
    default:
      return "expired";
  }
}

/** Whether a credit takes part in the plan at all (not history, not refused). */
function isInPlay(state: CreditState): boolean {
  return state.forcedStatus === null && state.phase !== "rejected";
}

function creditWarnings(outcome: SimulationOutcome, credits: CreditResult[], end: Day): Warning[] {
  const { model, states, start } = outcome;
  const money = (amount: Money) =>
    formatMoney(amount, model.account.currency, model.account.minorUnits);
  const warnings: Warning[] = [];
  for (const state of states) {
    const { credit } = state;
    const result = credits[state.index];
    if (state.rejectedCode === "COUPON_EXPIRED") {
      warnings.push(
        creditWarning(
          "COUPON_EXPIRED",
          credit,
          ["redeemBy", "redeemOn"],
          `Coupon ${credit.id} is planned to be redeemed on ${isoDate(state.redeemDay ?? start)}, after its code expires (${credit.redeemBy === null ? "" : isoDate(credit.redeemBy)}); it is left out of the plan.`,
        ),
      );
    } else if (state.rejectedCode === "PROMOTION_CONFLICT") {
      warnings.push(
        creditWarning(
          "PROMOTION_CONFLICT",
          credit,
          ["redeemOn"],
          `Coupon ${credit.id} cannot be redeemed on ${isoDate(state.redeemDay ?? start)}: a spend-match promotion is active and TikTok allows one promotion at a time.`,
        ),
      );
    }
    if (!isInPlay(state)) continue;
    warnings.push(...assignmentWarnings(outcome, state, money));
    if (
      hasRestrictions(credit) &&
      !model.campaigns.some((c) => isDelivering(c.status) && passesRestrictions(credit, c))
    ) {
      warnings.push(
        creditWarning(
          "RESTRICTION_MATCHES_NOTHING",
          credit,
          credit.adProducts.length > 0 ? ["adProducts", "countries"] : ["countries", "adProducts"],
          `No active or scheduled campaign meets the restrictions of credit ${credit.id}; it cannot be used.`,
        ),
      );
    }
    if (credit.type === "conditional" && state.conditionChecked && !state.conditionMet) {
      const thresholdFirst = credit.spendThreshold !== null;
      warnings.push(
        creditWarning(
          "CONDITION_NEVER_MET",
          credit,
          thresholdFirst
            ? ["spendThreshold", "minCashBalance"]
            : ["minCashBalance", "spendThreshold"],
          `The conditions of credit ${credit.id} are never met while it is valid; its ${money(state.remainingAtStart + state.issued)} is never used.`,
        ),
      );
    }
    if (result.expired > 0) {
      warnings.push(
        creditWarning(
          "CREDIT_EXPIRES_UNUSED",
          credit,
          ["validUntil", "validityDays", "issueDate"],
          `${money(result.expired)} of credit ${credit.id} expires unused on ${isoDate(result.expiresOn ?? end)}.`,
        ),
      );
    }
    if (state.blocked > 0) {
      warnings.push(
        accountWarning(
          "CREDIT_BLOCKED_BY_CASH",
          model,
          `${money(state.blocked)} of credit ${credit.id} could not pay because the cash balance was not positive (Require positive cash balance); top up to let it be used.`,
          credit.id,
        ),
      );
    }
    if (state.phase === "lapsed") {
      warnings.push(
        creditWarning(
          "OFFER_LAPSES",
          credit,
          ["earnBy", "spendThreshold"],
          `The offer ${credit.id} lapses: its spend threshold of ${money(credit.spendThreshold ?? 0)} is not reached by ${credit.earnBy === null ? "" : isoDate(credit.earnBy)}.`,
        ),
      );
    }
  }
  return warnings;
}

/** R6: unknown, ineligible, over-limit, BC, unassigned and idle assignments. */
function assignmentWarnings(
  outcome: SimulationOutcome,
  state: CreditState,
  money: (amount: Money) => string,
): Warning[] {
  const { model, start, days } = outcome;
  const { credit } = state;
  const warnings: Warning[] = [];
  const cell = ["assignedCampaigns"];
  if (credit.type === "business_center" && credit.assignedCampaigns.length > 0) {
    warnings.push(
      creditWarning(
        "BC_CREDIT_ASSIGNED",
        credit,
        cell,
        `Business Center credit ${credit.id} is not assignable: it pays every eligible campaign first, so its assignment is ignored.`,
      ),
    );
  }
  const assignment = state.assignment;
  if (credit.type !== "assignable" || !assignment) return warnings;
  for (const id of assignment.unknown) {
    warnings.push(
      creditWarning(
        "UNKNOWN_CAMPAIGN",
        credit,
        cell,
        `Credit ${credit.id} is assigned to campaign ${id}, which is not in the Campaigns sheet.`,
        id,
      ),
    );
  }
  for (const id of assignment.ineligible) {
    warnings.push(
      creditWarning(
        "ASSIGNED_CAMPAIGN_NOT_ELIGIBLE",
        credit,
        cell,
        `Campaign ${id} cannot be assigned credit ${credit.id}: only Active or Scheduled campaigns can be; the assignment is ignored.`,
        id,
      ),
    );
  }
  if (assignment.overLimit.length > 0) {
    warnings.push(
      creditWarning(
        "ASSIGNMENT_LIMIT_EXCEEDED",
        credit,
        cell,
        `Credit ${credit.id} can be assigned to at most ${state.assignmentLimit} campaigns; these are ignored: ${assignment.overLimit.join(", ")}.`,
      ),
    );
  }
  const value = state.remainingAtStart + state.issued;
  const lastUsable = state.lastUsable;
  if (assignment.campaigns.length === 0) {
    const when =
      lastUsable !== null && state.phase === "live"
        ? ` and is lost after ${isoDate(lastUsable)}`
        : "";
    warnings.push(
      creditWarning(
        "UNASSIGNED_CREDIT",
        credit,
        cell,
        `Assignable credit ${credit.id}${value > 0 ? ` (${money(value)})` : ""} is not assigned to any campaign that can use it: it is never consumed${when}.`,
      ),
    );
    return warnings;
  }
  // Only credits that are in the balance during the horizon can be checked for delivery.
  if (state.phase !== "live" || state.issueDay === null || lastUsable === null) return warnings;
  const from = Math.max(state.issueDay, start) - start;
  const to = Math.min(lastUsable, start + days - 1) - start;
  for (const c of assignment.campaigns) {
    const row = outcome.demand[c];
    let delivers = false;
    for (let i = from; i <= to && !delivers; i++) delivers = row[i] > 0;
    if (!delivers) {
      const campaign = model.campaigns[c];
      warnings.push(
        creditWarning(
          "ASSIGNED_CAMPAIGN_NOT_DELIVERING",
          credit,
          cell,
          `Campaign ${campaign.id} is assigned credit ${credit.id} but is not planned to spend while the credit is valid; the credit is consumed only when the campaign actually runs.`,
          campaign.id,
        ),
      );
    }
  }
  return warnings;
}

/** R10: one CASH_RUNS_OUT on the account when any campaign stops for lack of money. */
function cashWarnings(outcome: SimulationOutcome, campaigns: CampaignResult[]): Warning[] {
  const stopDays = campaigns.map((c) => c.stoppedOn).filter((d): d is Day => d !== null);
  if (stopDays.length === 0) return [];
  const first = Math.min(...stopDays);
  const stopped = campaigns.filter((c) => c.stoppedOn !== null).length;
  return [
    accountWarning(
      "CASH_RUNS_OUT",
      outcome.model,
      `Money runs out on ${isoDate(first)}: ${stopped} campaign${stopped === 1 ? "" : "s"} stop delivering for lack of cash or card. Top up or set a card as fallback.`,
    ),
  ];
}
