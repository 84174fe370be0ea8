/**
 * The engine's running state of one credit, and how it starts (R5–R9 before
 * the first simulated day).
 */

import { type CreditTypeRules, rulesOf } from "./creditTypes";
import { type ResolvedAssignment, type RestrictionIndex, resolveAssignment } from "./eligibility";
import type { Credit, Day, Model, Money } from "./model";
import type { CreditPlanStatus } from "./plan";
import { assignmentLimitFor, lastUsableDay } from "./validity";

/**
 * - `inactive`: never usable in the plan (Used, Expired, Not available, or
 *   validity ended before plan start).
 * - `live`: in the balance; usable on issueDay…lastUsable.
 * - `scheduled`: an Available credit whose Issue date is after plan start; it
 *   enters the balance on that day like a landing (R4, spec v3).
 * - `earning`: R7 threshold not reached yet; `earned`: reached, not landed.
 * - `to_redeem`: R9 coupon waiting for its redeem day.
 * - `lapsed`, `rejected`, `pending`: final states of offers and coupons.
 */
export type CreditPhase =
  | "inactive"
  | "live"
  | "scheduled"
  | "earning"
  | "earned"
  | "to_redeem"
  | "lapsed"
  | "rejected";

export interface CreditState {
  index: number;
  credit: Credit;
  phase: CreditPhase;
  /** Final status forced by the input (used, unavailable, expired) or by R9. */
  forcedStatus: CreditPlanStatus | null;
  /** Its type's rules, looked up once: the day loop reads them for every credit every day. */
  rules: CreditTypeRules;
  /** R4: Business Center credits form tier 1. */
  tier: 1 | 2;
  remaining: Money;
  remainingAtStart: Money;
  issued: Money;
  used: Money;
  expired: Money;
  /** R4 gate: what it would have paid on gate days, summed (see `blockedHeld`). */
  blocked: Money;
  /** R4 gate (spec v3): the most it held on a day it was blocked; caps `blocked`. */
  blockedHeld: Money;
  /** R4 gate: how many days it was blocked, and the first. */
  blockedDays: number;
  firstBlockedOn: Day | null;
  issueDay: Day | null;
  lastUsable: Day | null;
  depletedOn: Day | null;
  expiresOn: Day | null;
  /** Campaign indexes that may use it (ascending), or null for every campaign (R5). */
  eligible: Int32Array | null;
  assignment: ResolvedAssignment | null;
  assignmentLimit: number;
  /** The issue day the eligibility was last worked out for (R6 limit). */
  eligibilityDay: Day;
  /** R7/R5: first day whose out-of-pocket spend counts (≥ plan start). */
  countFrom: Day;
  /** R9: the day a coupon is to be redeemed. */
  redeemDay: Day | null;
  /** Conditional credits: whether the conditions held on a day it was usable. */
  conditionChecked: boolean;
  conditionMet: boolean;
  rejectedCode: "COUPON_EXPIRED" | "PROMOTION_CONFLICT" | null;
}

/** How the engine finds campaigns: by id (R6 lists) and by R5 restrictions. */
export interface CampaignLookup {
  campaignIndexById: ReadonlyMap<string, number>;
  restrictions: RestrictionIndex;
  eligibility: EligibilityMemo;
}

/** R5/R6: the campaigns that may use a credit, and how its assignment list resolved. */
interface Eligibility {
  eligible: Int32Array | null;
  assignment: ResolvedAssignment | null;
}

/**
 * R5/R6 eligibility by credit row and assignment limit, for one account's
 * campaigns. Every simulation of the account (R12 re-runs, R13 re-plans)
 * works it out again for each credit that lands, and the answer depends only
 * on the row (its list and restrictions) and the limit. The results are
 * shared between simulations and never modified.
 */
export class EligibilityMemo {
  private readonly byCredit = new WeakMap<Credit, Map<number, Eligibility>>();

  get(credit: Credit, limit: number, work: () => Eligibility): Eligibility {
    let byLimit = this.byCredit.get(credit);
    if (!byLimit) {
      byLimit = new Map();
      this.byCredit.set(credit, byLimit);
    }
    let found = byLimit.get(limit);
    if (!found) {
      found = work();
      byLimit.set(limit, found);
    }
    return found;
  }
}

/** R8 validity of a credit issued on `issueDay`. */
export function validityEnd(credit: Credit, issueDay: Day, model: Model): Day {
  return lastUsableDay(
    issueDay,
    credit.validUntil,
    credit.validityDays ?? model.account.creditValidityDays,
  );
}

/**
 * A copy of a credit's state (checkpoints, resumed runs), optionally for
 * another model's row of the same credit. Built field by field in the order
 * `initialCreditStates` builds them, so every state object of every run has
 * one shape: the day loop reads these fields for every credit every day, and
 * a spread copy (`{ ...state }`) takes a shape of its own.
 */
export function copyCreditState(s: CreditState, credit: Credit = s.credit): CreditState {
  return {
    index: s.index,
    credit,
    phase: s.phase,
    forcedStatus: s.forcedStatus,
    rules: s.rules,
    tier: s.tier,
    remaining: s.remaining,
    remainingAtStart: s.remainingAtStart,
    issued: s.issued,
    used: s.used,
    expired: s.expired,
    blocked: s.blocked,
    blockedHeld: s.blockedHeld,
    blockedDays: s.blockedDays,
    firstBlockedOn: s.firstBlockedOn,
    issueDay: s.issueDay,
    lastUsable: s.lastUsable,
    depletedOn: s.depletedOn,
    expiresOn: s.expiresOn,
    eligible: s.eligible,
    assignment: s.assignment,
    assignmentLimit: s.assignmentLimit,
    eligibilityDay: s.eligibilityDay,
    countFrom: s.countFrom,
    redeemDay: s.redeemDay,
    conditionChecked: s.conditionChecked,
    conditionMet: s.conditionMet,
    rejectedCode: s.rejectedCode,
  };
}

/** Builds the state of every credit at the start of the plan. */
export function initialCreditStates(model: Model, lookup: CampaignLookup): CreditState[] {
  const start = model.account.planStart;
  return model.credits.map((credit, index) => {
    const state: CreditState = {
      index,
      credit,
      phase: "inactive",
      forcedStatus: null,
      rules: rulesOf(credit),
      tier: rulesOf(credit).tier,
      remaining: 0,
      remainingAtStart: 0,
      issued: 0,
      used: 0,
      expired: 0,
      blocked: 0,
      blockedHeld: 0,
      blockedDays: 0,
      firstBlockedOn: null,
      issueDay: null,
      lastUsable: null,
      depletedOn: null,
      expiresOn: null,
      eligible: null,
      assignment: null,
      assignmentLimit: 0,
      eligibilityDay: start,
      countFrom: Math.max(start, credit.spendCountedFrom ?? start),
      redeemDay: null,
      conditionChecked: false,
      conditionMet: false,
      rejectedCode: null,
    };
    const left = Math.max(0, credit.amount - credit.used);
    // CONTRACT §5: history rows and expired credits still report the days their row gives.
    if (credit.issueDate !== null) state.issueDay = credit.issueDate;
    if (credit.issueDate !== null || credit.validUntil !== null) {
      state.lastUsable =
        credit.issueDate !== null
          ? validityEnd(credit, credit.issueDate, model)
          : credit.validUntil;
    }
    if (credit.status === "used") {
      state.forcedStatus = "used";
    } else if (credit.status === "not_available") {
      state.forcedStatus = "unavailable";
    } else if (credit.status === "expired") {
      state.forcedStatus = "expired";
    } else if (credit.validUntil !== null && credit.validUntil < start) {
      // R4 (spec v3): validity ended before plan start, whatever the input status:
      // already expired, books nothing, never issued or redeemed.
      state.forcedStatus = "expired";
    } else if (credit.status === "available") {
      // A missing issue date is an input error the reader reports; plan start is the safe guess.
      const issueDay = credit.issueDate ?? start;
      state.issueDay = issueDay;
      state.lastUsable = validityEnd(credit, issueDay, model);
      if (state.lastUsable < start) {
        // R4: validity ended before plan start: already expired, books nothing.
        state.forcedStatus = "expired";
      } else if (issueDay > start) {
        // R4 (spec v3): issued later, it counts as issued when it enters the balance.
        state.phase = "scheduled";
      } else {
        state.phase = "live";
        state.remaining = left;
        state.remainingAtStart = left;
      }
    } else if (credit.status === "earning") {
      state.phase = "earning";
      // Projected by R7 once earned.
      state.issueDay = null;
      state.lastUsable = null;
    } else {
      state.phase = "to_redeem";
      state.issueDay = null;
      state.lastUsable = null;
      // R9: default plan start; an earlier date moves to plan start.
      state.redeemDay = Math.max(start, credit.redeemOn ?? start);
      if (credit.redeemBy !== null && state.redeemDay > credit.redeemBy) {
        state.phase = "rejected";
        state.rejectedCode = "COUPON_EXPIRED";
      }
    }
    // R6: the limit uses the issue day; an offer not issued yet uses plan start
    // until it lands (the engine re-resolves then).
    setEligibility(state, model, lookup, state.issueDay ?? start);
    return state;
  });
}

/** R5/R6: which campaigns may use the credit, for a credit issued on `issueDay`. */
export function setEligibility(
  state: CreditState,
  model: Model,
  lookup: CampaignLookup,
  issueDay: Day,
): void {
  const { credit } = state;
  state.eligibilityDay = issueDay;
  const limit = assignmentLimitFor(issueDay, model.account.assignmentLimit);
  state.assignmentLimit = limit;
  const { eligible, assignment } = lookup.eligibility.get(credit, limit, () =>
    eligibilityOf(credit, model, lookup, limit),
  );
  state.eligible = eligible;
  state.assignment = assignment;
}

function eligibilityOf(
  credit: Credit,
  model: Model,
  lookup: CampaignLookup,
  limit: number,
): Eligibility {
  if (rulesOf(credit).assignable) {
    const assignment = resolveAssignment(
      credit.assignedCampaigns,
      lookup.campaignIndexById,
      model.campaigns,
      limit,
    );
    const indexes = lookup.restrictions.keepPassing(credit, assignment.campaigns);
    return { eligible: Int32Array.from(indexes.sort((a, b) => a - b)), assignment };
  }
  // R6: Business Center credits are not assignable; other types ignore the list.
  const restricted = credit.adProducts.length > 0 || credit.countries.length > 0;
  return { eligible: restricted ? lookup.restrictions.matching(credit) : null, assignment: null };
}
