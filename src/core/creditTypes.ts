/**
 * What each credit type means to the rules, in one table (issue 10 item 3).
 * Typed `Record<CreditType, …>`: a type added to the model union is a compile
 * error here until it has its row, and the sheets' `CREDIT_TYPE_TABLE` (labels,
 * spellings, dropdowns, custom-function aliases) errors the same way. The rule
 * code asks this table, never `credit.type === "…"`, so a new type is its row
 * here, its row there, and only the rule code that is new.
 */
import type { Credit, CreditType } from "./model";

export interface CreditTypeRules {
  /** R4: tier 1 (Business Center) pays before every tier-2 credit. */
  tier: 1 | 2;
  /** R6: pays only the campaigns assigned to it, within the assignment limit. */
  assignable: boolean;
  /** R6, R11: an assignment written on the row is ignored with `BC_CREDIT_ASSIGNED`. */
  assignmentIgnored: boolean;
  /** R5: usable only on days its conditions (minimum cash, spend threshold) hold. */
  conditional: boolean;
  /**
   * R7: how the issue delay of an earned credit is counted when the row gives
   * none: calendar days (at least 1) or business days from the day after, by
   * account tier.
   */
  issueDelay:
    | { unit: "calendar"; days: number }
    | { unit: "business"; standardDays: number; highTierDays: number };
  /** R9: counts as the one active promotion while earning or holding money. */
  isPromotion: boolean;
  /** R12: watched for landing while no campaign can spend it (`SPEND_MATCH_LANDS_IDLE`). */
  watchLanding: boolean;
  /** R9: may have the input status To redeem. */
  redeemable: boolean;
}

const TIER_2 = {
  tier: 2,
  assignable: false,
  assignmentIgnored: false,
  conditional: false,
} as const;
const BUSINESS_DAYS = { unit: "business", standardDays: 7, highTierDays: 0 } as const;
const NO_PROMOTION = { isPromotion: false, watchLanding: false, redeemable: false } as const;

export const CREDIT_TYPES: Readonly<Record<CreditType, CreditTypeRules>> = {
  free: { ...TIER_2, issueDelay: BUSINESS_DAYS, ...NO_PROMOTION },
  assignable: { ...TIER_2, assignable: true, issueDelay: BUSINESS_DAYS, ...NO_PROMOTION },
  conditional: { ...TIER_2, conditional: true, issueDelay: BUSINESS_DAYS, ...NO_PROMOTION },
  business_center: {
    ...TIER_2,
    tier: 1,
    assignmentIgnored: true,
    issueDelay: BUSINESS_DAYS,
    ...NO_PROMOTION,
  },
  spend_match: {
    ...TIER_2,
    issueDelay: { unit: "calendar", days: 2 },
    isPromotion: true,
    watchLanding: true,
    redeemable: false,
  },
  coupon: { ...TIER_2, issueDelay: BUSINESS_DAYS, ...NO_PROMOTION, redeemable: true },
};

/** The rules of a credit's type. */
export function rulesOf(credit: Pick<Credit, "type">): CreditTypeRules {
  return CREDIT_TYPES[credit.type];
}
