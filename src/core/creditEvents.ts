/**
 * When each credit enters the balance (R4 step 2): future issue dates, R7
 * offers earned and landing, R9 coupons redeemed. The day loop asks for the
 * day's arrivals and, at the end of each day, checks the offers' thresholds.
 */
import type { SimulationBasis } from "./basis";
import { type CreditState, setEligibility, validityEnd } from "./creditState";
import type { Day, Model, Money } from "./model";
import { earnedIssueDay } from "./validity";

/** Puts credit `k` in the balance the day loop pays from, on day index `i`. */
export type EnterBalance = (k: number, i: number) => void;

export class CreditEvents {
  /** Credits whose arrival (landing, redemption, future issue date) is due on a day index. */
  arrivals = new Map<number, number[]>();
  /** Offers still earning (R7), by credit index. */
  earning: number[] = [];
  private readonly start: Day;

  constructor(
    private readonly model: Model,
    private readonly basis: SimulationBasis,
    private readonly days: number,
    private readonly enter: EnterBalance,
  ) {
    this.start = model.account.planStart;
  }

  /** Puts a credit where the day loop will find it. */
  schedule(state: CreditState): void {
    if (state.phase === "live") {
      this.enter(state.index, 0);
    } else if (state.phase === "scheduled" && state.issueDay !== null) {
      this.arrive(state.issueDay, state.index);
    } else if (state.phase === "earning") {
      this.earning.push(state.index);
      this.checkOfferAtStart(state);
    } else if (state.phase === "to_redeem" && state.redeemDay !== null) {
      this.arrive(state.redeemDay, state.index);
    }
  }

  /** Whether a credit arrives on day index `i`, one of `watched` (R12 checkpoints). */
  arrivesOn(i: number, watched: ReadonlySet<number>): boolean {
    const arriving = this.arrivals.get(i);
    return arriving?.some((k) => watched.has(k)) === true;
  }

  /** R4 step 2: issue earned credits and future-dated ones, then redeem coupons (R9). */
  issue(states: readonly CreditState[], i: number, day: Day): void {
    const arriving = this.arrivals.get(i);
    if (!arriving) return;
    const coupons: CreditState[] = [];
    for (const k of arriving) {
      const state = states[k];
      if (state.phase === "to_redeem") coupons.push(state);
      else if (state.phase === "earned" || state.phase === "scheduled") this.land(state, day);
    }
    for (const state of coupons) this.redeem(states, state, i, day);
  }

  /** R7: at the end of day t, offers whose running total reached the threshold are earned. */
  checkThresholds(
    states: readonly CreditState[],
    i: number,
    day: Day,
    outOfPocketBefore: Float64Array,
  ): void {
    if (this.earning.length === 0) return;
    let kept = 0;
    for (const k of this.earning) {
      const state = states[k];
      if (state.phase === "earning") {
        const threshold = state.credit.spendThreshold ?? 0;
        if (spendProgress(state, this.start, outOfPocketBefore, i + 1) >= threshold) {
          this.earn(state, day);
        } else if (state.credit.earnBy !== null && day >= state.credit.earnBy) {
          state.phase = "lapsed";
        }
      }
      if (state.phase === "earning") this.earning[kept++] = k;
    }
    this.earning.length = kept;
  }

  private arrive(day: Day, index: number): void {
    const i = day - this.start;
    if (i < 0 || i >= this.days) return;
    const list = this.arrivals.get(i);
    if (list) list.push(index);
    else this.arrivals.set(i, [index]);
  }

  /** R7: `Spend so far` alone may reach the threshold (t = the day before plan start). */
  private checkOfferAtStart(state: CreditState): void {
    const threshold = state.credit.spendThreshold ?? 0;
    if (state.credit.spendSoFar >= threshold) {
      this.earn(state, this.start - 1);
    } else if (state.credit.earnBy !== null && state.credit.earnBy < this.start) {
      state.phase = "lapsed";
    }
  }

  /** R7: the threshold is reached at the end of `thresholdDay`; the credit lands on its issue day. */
  private earn(state: CreditState, thresholdDay: Day): void {
    const { credit } = state;
    const issueDay = earnedIssueDay(
      thresholdDay,
      credit.type,
      credit.issueDelay,
      this.model.account.accountTier,
      this.basis.holidays,
    );
    state.phase = "earned";
    state.issueDay = issueDay;
    state.lastUsable = validityEnd(credit, issueDay, this.model);
    this.arrive(issueDay, state.index);
  }

  /** R7: an earned credit lands (or an Available one reaches its Issue date, R4); its validity starts on its issue day. */
  private land(state: CreditState, day: Day): void {
    const { credit } = state;
    const amount = Math.max(0, credit.amount - credit.used);
    state.phase = "live";
    state.remaining = amount;
    state.issued = amount;
    // R6: an Earning credit's assignment limit uses its issue day.
    setEligibility(state, this.model, this.basis.lookup, day);
    this.enter(state.index, day - this.start);
  }

  /** R9: redeem a coupon unless another promotion is active. */
  private redeem(states: readonly CreditState[], state: CreditState, i: number, day: Day): void {
    if (this.model.account.onePromotionAtATime && promotionActive(states, day)) {
      state.phase = "rejected";
      state.rejectedCode = "PROMOTION_CONFLICT";
      return;
    }
    const { credit } = state;
    const amount = Math.max(0, credit.amount - credit.used);
    state.phase = "live";
    state.issueDay = day;
    state.lastUsable = validityEnd(credit, day, this.model);
    state.remaining = amount;
    state.issued = amount;
    this.enter(state.index, i);
  }
}

/** R5/R7: out-of-pocket spend counted toward a threshold, before day index `i`. */
export function spendProgress(
  state: CreditState,
  start: Day,
  outOfPocketBefore: Float64Array,
  i: number,
): Money {
  const from = state.countFrom - start;
  const counted = i > from ? outOfPocketBefore[i] - outOfPocketBefore[from] : 0;
  return state.credit.spendSoFar + counted;
}

/**
 * R9: a spend-match offer still Earning or earned but not landed, or a
 * spend-match credit with amount left.
 */
function promotionActive(states: readonly CreditState[], day: Day): boolean {
  for (const state of states) {
    if (!state.rules.isPromotion) continue;
    if (state.phase === "earning" || state.phase === "earned") return true;
    if (
      state.phase === "live" &&
      state.remaining > 0 &&
      state.lastUsable !== null &&
      state.lastUsable >= day
    ) {
      return true;
    }
  }
  return false;
}
