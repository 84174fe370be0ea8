/** R6–R9, R11: the warnings about each credit once the days are simulated. */
import { isoDate } from "../calendar";
import type { CreditState } from "../creditState";
import { rulesOf } from "../creditTypes";
import { hasRestrictions, isDelivering, passesRestrictions } from "../eligibility";
import type { Day, Money, Warning } from "../model";
import { formatMoney } from "../money";
import type { CreditResult } from "../plan";
import type { SimulationOutcome } from "../results";
import { assignmentWarnings } from "./assignment";
import { accountWarning, creditWarning } from "./warning";

/**
 * R11 (spec v3): whether the credit can pay in the horizon at all. History
 * rows, credits expired before plan start, refused coupons, lapsed offers and
 * credits issued after the horizon ask for no action on assignment,
 * restrictions, conditions or expiry: no action can make them pay.
 */
function canPayInHorizon(state: CreditState): boolean {
  return (
    state.forcedStatus === null &&
    state.phase !== "rejected" &&
    state.phase !== "lapsed" &&
    state.phase !== "scheduled"
  );
}

export function creditWarnings(
  outcome: SimulationOutcome,
  credits: CreditResult[],
  end: Day,
): Warning[] {
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
    if (!canPayInHorizon(state)) continue;
    for (const w of assignmentWarnings(outcome, state, money)) warnings.push(w);
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
    if (rulesOf(credit).conditional && state.conditionChecked && !state.conditionMet) {
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
    if (result.blocked > 0) {
      const days = state.blockedDays === 1 ? "1 day" : `${state.blockedDays} days`;
      warnings.push(
        accountWarning(
          "CREDIT_BLOCKED_BY_CASH",
          model,
          `${money(result.blocked)} of credit ${credit.id} could not pay on ${days} from ${isoDate(state.firstBlockedOn ?? start)} because the cash balance was not positive (Require positive cash balance); top up to let it be used.`,
          credit.id,
        ),
      );
    }
  }
  return warnings;
}
