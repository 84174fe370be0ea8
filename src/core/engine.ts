/**
 * The daily waterfall (R4) over the whole horizon: expiry, issuance, the cash
 * gate, credits in two tiers, cash, card, and what goes undelivered. Credits
 * enter the balance through `creditEvents.ts` (R7, R9); R12's re-runs resume
 * from `checkpoint.ts`. `README.md` in this folder walks through a day.
 */
import { type SimulationBasis, simulationBasis } from "./basis";
import {
  type Checkpoint,
  NEVER,
  resumeState,
  type SimulationState,
  takeCheckpoint,
} from "./checkpoint";
import { CreditEvents, spendProgress } from "./creditEvents";
import { type CreditState, initialCreditStates } from "./creditState";
import { horizonLength } from "./demand";
import { LedgerBuilder } from "./ledger";
import type { Day, Model, Money } from "./model";
import { Apportioner } from "./money";
import type { Plan } from "./plan";
import { SOURCE_CARD, SOURCE_CASH, SOURCE_UNDELIVERED } from "./plan";
import { assemblePlan, type CampaignTally } from "./results";

/** R1–R11: the day-by-day projection, without R12. Never throws on a well-typed model. */
export function simulate(model: Model, basis: SimulationBasis = simulationBasis(model)): Plan {
  return new Simulation(model, basis, true).run();
}

/**
 * Per credit (sheet order): what it paid and what it left to expire in the
 * horizon. R12 measures a candidate assignment by this much of a re-run: the
 * same simulation, day for day, without the ledger, the daily balances and
 * the assembled plan that a re-run never shows.
 */
export interface CreditOutcome {
  used: Float64Array;
  expired: Float64Array;
  totalExpired: Money;
}

/** One run of the daily waterfall; `simulate` and the R12 `Rerunner` drive it. */
export class Simulation {
  private readonly start: Day;
  private readonly days: number;
  private readonly demand: Float64Array[];
  private states: CreditState[];
  /** What each campaign got from whom; null in a lean run, which reports credits only. */
  private readonly tally: CampaignTally | null;
  /** Null when only the credit outcome is wanted. */
  private readonly ledger: LedgerBuilder | null;
  /** When credits enter the balance: issue dates, R7 offers, R9 coupons. */
  private readonly events: CreditEvents;
  /** Out-of-pocket spend (cash + card) before day index i: prefix sums. */
  private outOfPocketBefore: Float64Array;
  private readonly balances: Float64Array | null;
  private readonly cashByDay: Float64Array;
  private readonly topUpByDay: Float64Array;
  private readonly unpaid: Float64Array;
  private readonly dryUnpaid: Float64Array;
  private cash: Money;
  private cardCharged: Money = 0;
  private cashRunsOutOn: Day | null = null;
  /** Credits in the balance, by credit index. */
  private live: number[] = [];
  /** Campaigns with demand today, sheet order (a view of the basis). */
  private today: Int32Array = new Int32Array(0);
  /**
   * Today's demand by campaign index, zero for campaigns without demand today
   * (a row of the basis's `denseDemand`, or, without one, a row this run
   * writes on the first lookup of a day, clearing the last written day's).
   * Lookups read one small row instead of each campaign's own row, which
   * misses the cache on every lookup. Days without a lookup write nothing.
   */
  private todayRow: Float64Array | null = null;
  private todayIndex = 0;
  private todayFrom = 0;
  private todayTo = 0;
  private readonly writtenRow: Float64Array | null;
  private writtenFrom = 0;
  private writtenTo = 0;
  /** Scratch for one split: the campaigns still unpaid, their amounts, and the sum. */
  private readonly splitIds: Int32Array;
  private readonly splitWeights: Float64Array;
  private splitWanted: Money = 0;
  private splitLargest: Money = 0;
  private readonly apportioner = new Apportioner();
  /**
   * A lean run keeps `unpaid` lazily: a campaign's entry counts only when
   * stamped with the current `unpaidEpoch`; an unstamped campaign still wants
   * its whole demand of the day, or nothing once `allPaid`. On most days a
   * credit for every campaign or the cash pays all that is unpaid (R4), and
   * then no pass over the spending campaigns fills or clears their entries.
   * A full run, which books each campaign's part, keeps them eagerly.
   */
  private readonly lazy: boolean;
  private readonly unpaidStamp: Int32Array;
  private unpaidEpoch = 0;
  private allPaid = false;
  /**
   * Lean runs: whether `unpaid` still tells each campaign's unpaid part, or
   * only `unpaidTotal` is kept for the rest of the day. Only a credit with a
   * campaign list reads the parts (R5/R6); once none is left in today's order,
   * a source that pays part of the rest needs no R2 split, because a lean run
   * books nothing per campaign, and the parts are dropped until the next day.
   */
  private partsKnown = true;
  /** Each day's total demand (lean runs). */
  private readonly demandTotals: Float64Array | null;
  /** What today's campaigns still want paid: the sum of `unpaid` over `today`. */
  private unpaidTotal: Money = 0;
  /** The next day index the loop simulates (plan start, or the resumed day). */
  private next = 0;
  /** Whether the day just simulated left part of its demand undelivered (R10/R14). */
  private undeliveredToday = false;
  /** Scratch for ordering the day's credits (R4 step 4): the list, and per credit its campaign count and the day counted. */
  private readonly usable: CreditState[] = [];
  private orderDay = -1;
  private readonly countedOn: Int32Array;
  private readonly campaignsToday: Int32Array;
  /** Day index each credit first entered the balance (NEVER if it did not). */
  readonly liveFrom: Int32Array;
  /** Credits whose arrival days get a checkpoint, and the checkpoints kept. */
  private watched: ReadonlySet<number> = new Set();
  readonly checkpoints: Checkpoint[] = [];

  /**
   * A full simulation keeps the ledger and balances for the plan; a lean one
   * only the credit outcome. A lean one may resume at a checkpoint of the
   * same account instead of starting at plan start.
   */
  constructor(
    private readonly model: Model,
    private readonly basis: SimulationBasis,
    full: boolean,
    resume?: { checkpoint: Checkpoint; changed: readonly number[] },
  ) {
    const { source } = basis;
    // Top-ups do not enter the basis: R13's advice re-plans with more of them.
    if (
      source.account !== model.account ||
      source.campaigns !== model.campaigns ||
      source.spendHistory !== model.spendHistory ||
      source.adGroups !== model.adGroups
    ) {
      throw new Error("simulation basis made from another account");
    }
    const { account, campaigns } = model;
    this.start = account.planStart;
    this.days = horizonLength(model);
    this.demand = basis.demand.demand;
    this.ledger = full ? new LedgerBuilder(estimateLedgerRows(basis)) : null;
    this.states = resume ? [] : initialCreditStates(model, basis.lookup);
    this.tally = full ? emptyTally(campaigns.length) : null;
    this.outOfPocketBefore = new Float64Array(this.days + 1);
    this.balances = full ? new Float64Array(this.days * model.credits.length) : null;
    this.cashByDay = new Float64Array(this.days);
    this.topUpByDay = new Float64Array(this.days);
    // R4: top-ups dated before plan start are already in the cash balance.
    for (const topUp of model.topUps) {
      const i = topUp.day - this.start;
      if (i >= 0 && i < this.days) this.topUpByDay[i] += topUp.amount;
    }
    this.unpaid = new Float64Array(campaigns.length);
    this.writtenRow = basis.denseDemand ? null : new Float64Array(campaigns.length);
    this.lazy = !full;
    this.unpaidStamp = new Int32Array(full ? 0 : campaigns.length);
    this.demandTotals = full ? null : demandTotalsOf(basis);
    this.dryUnpaid = new Float64Array(campaigns.length);
    this.splitIds = new Int32Array(campaigns.length);
    this.splitWeights = new Float64Array(campaigns.length);
    this.cash = account.cashBalance;
    this.liveFrom = new Int32Array(model.credits.length).fill(NEVER);
    this.countedOn = new Int32Array(model.credits.length).fill(-1);
    this.campaignsToday = new Int32Array(model.credits.length);
    this.events = new CreditEvents(model, basis, this.days, (k, i) => this.goLive(k, i));
    if (resume) {
      if (full) throw new Error("only a lean simulation resumes");
      this.restore(resumeState(resume.checkpoint, model, basis, resume.changed));
    } else {
      for (const state of this.states) this.events.schedule(state);
    }
  }

  keepCheckpointsFor(watched: ReadonlySet<number>): void {
    this.watched = watched;
  }

  /** Continues from a checkpoint's state (see `resumeState`). */
  private restore(state: SimulationState): void {
    this.next = state.dayIndex;
    this.states = state.states;
    this.events.arrivals = state.arrivals;
    this.events.earning = state.earning;
    this.outOfPocketBefore = state.outOfPocketBefore;
    this.cash = state.cash;
    this.cardCharged = state.cardCharged;
    this.cashRunsOutOn = state.cashRunsOutOn;
    this.live = state.live;
  }

  /** Keeps the state at the start of day index `i` when a watched credit arrives that day. */
  private checkpoint(i: number): void {
    if (i === 0 || !this.events.arrivesOn(i, this.watched)) return;
    this.checkpoints.push(this.snapshot());
  }

  /** The state at the start of the next day to simulate, before its top-ups (R12, R13 resume from it). */
  snapshot(): Checkpoint {
    return takeCheckpoint({
      dayIndex: this.next,
      states: this.states,
      arrivals: this.events.arrivals,
      outOfPocketBefore: this.outOfPocketBefore,
      cash: this.cash,
      cardCharged: this.cardCharged,
      cashRunsOutOn: this.cashRunsOutOn,
      live: this.live,
      earning: this.events.earning,
    });
  }

  run(): Plan {
    this.simulateDays();
    return this.plan();
  }

  outcome(): CreditOutcome {
    this.simulateDays();
    return this.creditOutcome();
  }

  /** Simulates from the first day (plan start, or the resumed day) to the end, keeping checkpoints. */
  simulateDays(): void {
    this.simulateUntil(this.days, false);
  }

  /**
   * Simulates the days before day index `end` (at most the horizon). With
   * `stopAtUndelivered` it stops after the first day that leaves demand
   * undelivered and returns that day index; otherwise, or when no such day
   * comes, it returns -1. R13's advice re-plans windows this way.
   */
  simulateUntil(end: number, stopAtUndelivered: boolean): number {
    const last = Math.min(end, this.days);
    let firstUndelivered = -1;
    while (this.next < last) {
      const i = this.next;
      if (this.watched.size > 0) this.checkpoint(i);
      this.simulateDay(i);
      this.next = i + 1;
      if (this.undeliveredToday && firstUndelivered < 0) {
        firstUndelivered = i;
        if (stopAtUndelivered) break;
      }
    }
    return firstUndelivered;
  }

  /** The next day index to simulate. */
  get nextDayIndex(): number {
    return this.next;
  }

  /** End-of-day cash balance of a simulated day index. */
  cashAtEndOf(i: number): Money {
    return this.cashByDay[i];
  }

  /** What the card has paid so far over the horizon (R4 step 6). */
  get cardChargedSoFar(): Money {
    return this.cardCharged;
  }

  /** Cash top-ups added at the start of a day index (R4). */
  topUpOn(i: number): Money {
    return this.topUpByDay[i];
  }

  /** The plan of a full simulation that has simulated its days. */
  plan(): Plan {
    if (!this.ledger || !this.balances || !this.tally) {
      throw new Error("a full plan needs the full simulation");
    }
    return assemblePlan({
      model: this.model,
      start: this.start,
      days: this.days,
      states: this.states,
      demand: this.demand,
      demandFrom: this.basis.demand.demandFrom,
      demandWarnings: this.basis.demand.warnings,
      tally: this.tally,
      ledger: this.ledger.finish(),
      balances: this.balances,
      cashByDay: this.cashByDay,
      cashAtEnd: this.cash,
      cardCharged: this.cardCharged,
      cashRunsOutOn: this.cashRunsOutOn,
      holidays: this.basis.holidays,
    });
  }

  /** Each credit's used and expired amounts, once the days are simulated. */
  creditOutcome(): CreditOutcome {
    const used = Float64Array.from(this.states, (s) => s.used);
    const expired = Float64Array.from(this.states, (s) => s.expired);
    return { used, expired, totalExpired: expired.reduce((a, b) => a + b, 0) };
  }

  private simulateDay(i: number): void {
    const day = this.start + i;
    this.undeliveredToday = false;
    // R4: top-ups land at the start of their day, before the gate.
    this.cash += this.topUpByDay[i];
    this.expireCredits(day);
    // R4 step 2: issue earned credits and future-dated ones, then redeem coupons (R9).
    this.events.issue(this.states, i, day);
    const totalDemand = this.collectDemand(i);
    const cashAtStart = this.cash;
    let oop = 0;
    // R11 (spec v3): conditions are judged on every day of validity, demand or not.
    if (totalDemand === 0) this.checkIdleConditions(i, day, cashAtStart);
    if (totalDemand > 0) {
      const cardCanPay = this.cardRoomLeft() > 0;
      if (this.model.account.requirePositiveCash && cashAtStart <= 0 && !cardCanPay) {
        // R4 step 3: no campaign delivers; the credit that could have paid is blocked.
        this.blockCredits(i, day, cashAtStart);
      } else if (this.model.account.creditsBeforeCash) {
        this.payFromCredits(i, day, cashAtStart);
        oop += this.payFromCash(day);
        oop += this.payFromCard(day);
      } else {
        oop += this.payFromCash(day);
        this.payFromCredits(i, day, cashAtStart);
        oop += this.payFromCard(day);
      }
      this.recordUndelivered(day);
    }
    this.outOfPocketBefore[i + 1] = this.outOfPocketBefore[i] + oop;
    this.events.checkThresholds(this.states, i, day, this.outOfPocketBefore);
    this.recordBalances(i);
  }

  /** R4 step 1: credits whose last usable day was yesterday lose what is left. */
  private expireCredits(day: Day): void {
    let kept = 0;
    for (const k of this.live) {
      const state = this.states[k];
      if (state.lastUsable !== null && state.lastUsable < day) {
        state.expired += state.remaining;
        state.remaining = 0;
        state.expiresOn = day;
      } else {
        this.live[kept++] = k;
      }
    }
    this.live.length = kept;
  }

  /** A credit enters the balance the day loop pays from. */
  private goLive(k: number, i: number): void {
    this.live.push(k);
    if (this.liveFrom[k] === NEVER) this.liveFrom[k] = i;
  }

  /** Fills `unpaid` with today's demand; `today` lists campaigns with demand, in sheet order. */
  private collectDemand(i: number): Money {
    const { spenders, spenderDemand, spendersFrom } = this.basis;
    const from = spendersFrom[i];
    const to = spendersFrom[i + 1];
    this.today = spenders.subarray(from, to);
    this.todayIndex = i;
    this.todayFrom = from;
    this.todayTo = to;
    this.todayRow = null;
    if (this.demandTotals) {
      // Lean: every campaign wants its whole demand until a source pays (see `lazy`).
      this.unpaidEpoch++;
      this.allPaid = false;
      this.partsKnown = true;
      this.unpaidTotal = this.demandTotals[i];
      return this.unpaidTotal;
    }
    const demanded = this.tally?.demand;
    let total = 0;
    for (let j = from; j < to; j++) {
      const c = spenders[j];
      const amount = spenderDemand[j];
      this.unpaid[c] = amount;
      if (demanded) demanded[c] += amount;
      total += amount;
    }
    this.unpaidTotal = total;
    return total;
  }

  /** Today's demand by campaign index (see `todayRow`). */
  private todayDemandRow(): Float64Array {
    if (this.todayRow) return this.todayRow;
    const { spenders, spenderDemand, denseDemand } = this.basis;
    const n = this.model.campaigns.length;
    if (denseDemand) {
      const base = this.todayIndex * n;
      this.todayRow = denseDemand.subarray(base, base + n);
      return this.todayRow;
    }
    const row = this.writtenRow as Float64Array;
    for (let j = this.writtenFrom; j < this.writtenTo; j++) row[spenders[j]] = 0;
    for (let j = this.todayFrom; j < this.todayTo; j++) row[spenders[j]] = spenderDemand[j];
    this.writtenFrom = this.todayFrom;
    this.writtenTo = this.todayTo;
    this.todayRow = row;
    return row;
  }

  /** What campaign `c` still wants paid today (lean runs, see `lazy`; `todayDemandRow` written). */
  private unpaidOf(c: number): Money {
    if (this.unpaidStamp[c] === this.unpaidEpoch) return this.unpaid[c];
    return this.allPaid ? 0 : (this.todayRow as Float64Array)[c];
  }

  /** Sets what campaign `c` still wants paid today. */
  private setUnpaid(c: number, amount: Money): void {
    this.unpaid[c] = amount;
    if (this.lazy) this.unpaidStamp[c] = this.unpaidEpoch;
  }

  /** Nothing is left unpaid today (lean runs: one step, see `lazy`). */
  private clearLazyUnpaid(): void {
    this.allPaid = true;
    this.unpaidEpoch++;
  }

  private cardRoomLeft(): Money {
    const { account } = this.model;
    if (account.fallbackPayment !== "card") return 0;
    if (account.cardLimit === null) return Number.POSITIVE_INFINITY;
    return Math.max(0, account.cardLimit - this.cardCharged);
  }

  /** R4 step 4: usable credits of each tier in credit order (a list reused every day). */
  private orderedCredits(i: number, day: Day, cashAtStart: Money): CreditState[] {
    const usable = this.usable;
    usable.length = 0;
    for (const k of this.live) {
      const state = this.states[k];
      if (state.remaining <= 0) continue;
      // R5: usable only from its issue day through its last usable day.
      if (state.issueDay !== null && state.issueDay > day) continue;
      if (state.lastUsable !== null && state.lastUsable < day) continue;
      if (state.rules.assignable && state.eligible?.length === 0) continue;
      if (state.rules.conditional && !this.conditionsHold(state, i, cashAtStart)) {
        continue;
      }
      usable.push(state);
    }
    if (usable.length < 2) return usable;
    if (this.model.account.creditOrder === "sheet_order") {
      usable.sort(bySheetOrder);
      return usable;
    }
    this.orderDay = i;
    usable.sort(this.bySoonestExpiry);
    return usable;
  }

  /** Soonest expiry, then fewer usable campaigns today, then earlier issue, then row (R4). */
  private readonly bySoonestExpiry = (a: CreditState, b: CreditState): number =>
    a.tier - b.tier ||
    (a.lastUsable ?? 0) - (b.lastUsable ?? 0) ||
    this.usableCampaignsToday(a) - this.usableCampaignsToday(b) ||
    (a.issueDay ?? 0) - (b.issueDay ?? 0) ||
    a.index - b.index;

  /** How many of the credit's campaigns have demand on the day being ordered, counted once a day. */
  private usableCampaignsToday(state: CreditState): number {
    const k = state.index;
    if (this.countedOn[k] !== this.orderDay) {
      this.countedOn[k] = this.orderDay;
      this.campaignsToday[k] = this.eligibleWithDemand(state);
    }
    return this.campaignsToday[k];
  }

  /** The credit's campaigns with demand today (ordering runs on the day being simulated). */
  private eligibleWithDemand(state: CreditState): number {
    if (state.eligible === null) return this.today.length;
    const row = this.todayDemandRow();
    let count = 0;
    for (const c of state.eligible) if (row[c] > 0) count++;
    return count;
  }

  /** R11: on a day without demand, whether each unmet conditional credit's conditions hold. */
  private checkIdleConditions(i: number, day: Day, cashAtStart: Money): void {
    for (const k of this.live) {
      const state = this.states[k];
      if (!state.rules.conditional || state.conditionMet || state.remaining <= 0) continue;
      if (state.issueDay !== null && state.issueDay > day) continue;
      if (state.lastUsable !== null && state.lastUsable < day) continue;
      this.conditionsHold(state, i, cashAtStart);
    }
  }

  /** R5 conditional credits: start-of-day cash and out-of-pocket spend through yesterday. */
  private conditionsHold(state: CreditState, i: number, cashAtStart: Money): boolean {
    const { credit } = state;
    state.conditionChecked = true;
    if (credit.minCashBalance !== null && cashAtStart < credit.minCashBalance) return false;
    if (credit.spendThreshold !== null) {
      if (spendProgress(state, this.start, this.outOfPocketBefore, i) < credit.spendThreshold) {
        return false;
      }
    }
    state.conditionMet = true;
    return true;
  }

  private payFromCredits(i: number, day: Day, cashAtStart: Money): void {
    const ordered = this.orderedCredits(i, day, cashAtStart);
    // Lean: after the last credit with a campaign list, nothing reads a campaign's part.
    const lastReader = this.lazy ? lastWithCampaignList(ordered) : ordered.length;
    for (let p = 0; p < ordered.length; p++) {
      // Everything is paid: the credits after this one have nothing to pay.
      if (this.unpaidTotal === 0) break;
      const state = ordered[p];
      const paid = this.payFromCredit(state, day, this.unpaid, true, p < lastReader);
      if (paid > 0) {
        state.used += paid;
        state.remaining -= paid;
        this.unpaidTotal -= paid;
        if (state.remaining === 0) state.depletedOn = day;
      }
    }
    // Lean: cash, card and what goes undelivered after the credits read no campaign's part.
    if (this.lazy) this.partsKnown = false;
  }

  /** R4 step 3: what credits would have paid, without paying. */
  private blockCredits(i: number, day: Day, cashAtStart: Money): void {
    if (this.lazy) this.todayDemandRow();
    for (const c of this.today) this.dryUnpaid[c] = this.lazy ? this.unpaidOf(c) : this.unpaid[c];
    for (const state of this.orderedCredits(i, day, cashAtStart)) {
      const wouldPay = this.payFromCredit(state, day, this.dryUnpaid, false);
      if (wouldPay <= 0) continue;
      state.blocked += wouldPay;
      if (state.remaining > state.blockedHeld) state.blockedHeld = state.remaining;
      state.blockedDays++;
      if (state.firstBlockedOn === null) state.firstBlockedOn = day;
    }
    // What no credit would have paid must not count again on a later blocked day.
    for (const c of this.today) this.dryUnpaid[c] = 0;
  }

  /**
   * One credit pays the unpaid demand of the campaigns that may use it, up to
   * its remaining amount, shared in proportion when short (R2, R4).
   */
  private payFromCredit(
    state: CreditState,
    day: Day,
    unpaid: Float64Array,
    commit: boolean,
    keepParts = true,
  ): Money {
    // A credit for every campaign that covers all that is unpaid pays it in one pass.
    if (commit && state.eligible === null && state.remaining >= this.unpaidTotal) {
      const paid = this.unpaidTotal;
      this.payAllUnpaid(day, state.index, this.tally?.creditFunded ?? null, null);
      return paid;
    }
    // Lean, and no later credit reads the parts: what it pays is all that counts (see `partsKnown`).
    if (!keepParts && state.eligible === null) {
      this.partsKnown = false;
      return Math.min(state.remaining, this.unpaidTotal);
    }
    const count = this.gatherUnpaid(state.eligible ?? this.today, unpaid);
    if (count === 0) return 0;
    const paid = Math.min(state.remaining, this.splitWanted);
    if (!keepParts) {
      this.partsKnown = false;
      return paid;
    }
    const parts = this.splitParts(paid, count);
    for (let j = 0; j < count; j++) {
      const part = parts[j];
      if (part <= 0) continue;
      const c = this.splitIds[j];
      if (unpaid === this.unpaid) this.setUnpaid(c, this.splitWeights[j] - part);
      else unpaid[c] -= part;
      if (commit && this.tally) {
        this.tally.creditFunded[c] += part;
        this.ledger?.push(day, c, state.index, part);
      }
    }
    return paid;
  }

  /** R4 step 5: the cash balance pays what is unpaid, shared in proportion when short. */
  private payFromCash(day: Day): Money {
    const wanted = this.unpaidTotal;
    if (wanted === 0) return 0;
    const paid = Math.min(wanted, Math.max(0, this.cash));
    if (paid > 0) {
      this.payOutOfPocket(day, paid, SOURCE_CASH, this.tally?.cashFunded ?? null);
      this.cash -= paid;
    }
    // R10: the first day cash is asked to pay and ends the day at zero or below.
    if (this.cash <= 0 && this.cashRunsOutOn === null) this.cashRunsOutOn = day;
    return paid;
  }

  /** R4 step 6: the card pays the rest, up to its limit over the horizon. */
  private payFromCard(day: Day): Money {
    const room = this.cardRoomLeft();
    const wanted = this.unpaidTotal;
    if (room <= 0 || wanted === 0) return 0;
    const paid = Math.min(wanted, room);
    this.payOutOfPocket(day, paid, SOURCE_CARD, this.tally?.cardFunded ?? null);
    this.cardCharged += paid;
    return paid;
  }

  /** Cash or card pays `paid` of what is unpaid (R2 split when short); the campaign falls back (R10). */
  private payOutOfPocket(day: Day, paid: Money, source: number, funded: Float64Array | null): void {
    const fallbackOn = this.tally?.cashFallbackOn ?? null;
    if (paid === this.unpaidTotal) {
      this.payAllUnpaid(day, source, funded, fallbackOn);
    } else if (this.partsKnown) {
      // (Lean runs that dropped the parts only lower the total: see `partsKnown`.)
      const count = this.gatherUnpaid(this.today, this.unpaid);
      const parts = this.splitParts(paid, count);
      for (let j = 0; j < count; j++) {
        const part = parts[j];
        if (part <= 0) continue;
        const c = this.splitIds[j];
        this.setUnpaid(c, this.splitWeights[j] - part);
        if (!funded || !fallbackOn) continue;
        funded[c] += part;
        if (fallbackOn[c] === null) fallbackOn[c] = day;
        this.ledger?.push(day, c, source, part);
      }
    }
    this.unpaidTotal -= paid;
  }

  /**
   * One source pays every unpaid amount in full, so no split is needed (R2).
   * A lean run (no `funded`) only clears what is unpaid.
   */
  private payAllUnpaid(
    day: Day,
    source: number,
    funded: Float64Array | null,
    fallbackOn: (Day | null)[] | null,
  ): void {
    if (!funded) {
      this.clearLazyUnpaid();
      return;
    }
    const { today, unpaid } = this;
    for (let j = 0; j < today.length; j++) {
      const c = today[j];
      const part = unpaid[c];
      if (part <= 0) continue;
      unpaid[c] = 0;
      funded[c] += part;
      if (fallbackOn && fallbackOn[c] === null) fallbackOn[c] = day;
      this.ledger?.push(day, c, source, part);
    }
  }

  /** R4 step 7 / R10: what nobody paid is not delivered; the campaign stops. */
  private recordUndelivered(day: Day): void {
    if (this.unpaidTotal === 0) return;
    this.undeliveredToday = true;
    if (this.lazy) {
      this.clearLazyUnpaid();
      this.unpaidTotal = 0;
      return;
    }
    const { today, unpaid, tally } = this;
    for (let j = 0; j < today.length; j++) {
      const c = today[j];
      const amount = unpaid[c];
      if (amount <= 0) continue;
      unpaid[c] = 0;
      if (!tally) continue;
      tally.undelivered[c] += amount;
      if (tally.stoppedOn[c] === null) tally.stoppedOn[c] = day;
      this.ledger?.push(day, c, SOURCE_UNDELIVERED, amount);
    }
    this.unpaidTotal = 0;
  }

  /** Gathers the campaigns of `list` with something unpaid into the split; returns how many. */
  private gatherUnpaid(list: ArrayLike<number>, unpaid: Float64Array): number {
    const { splitIds, splitWeights } = this;
    const lazy = this.lazy && unpaid === this.unpaid;
    if (lazy) this.todayDemandRow();
    let count = 0;
    let wanted = 0;
    let largest = 0;
    for (let j = 0; j < list.length; j++) {
      const c = list[j];
      const amount = lazy ? this.unpaidOf(c) : unpaid[c];
      if (amount > 0) {
        splitIds[count] = c;
        splitWeights[count++] = amount;
        wanted += amount;
        if (amount > largest) largest = amount;
      }
    }
    this.splitWanted = wanted;
    this.splitLargest = largest;
    return count;
  }

  /** R2: the gathered amounts when `paid` covers them all, else their exact proportional split. */
  private splitParts(paid: Money, count: number): ArrayLike<number> {
    if (paid === this.splitWanted) return this.splitWeights;
    return this.apportioner.split(
      paid,
      this.splitWeights,
      count,
      this.splitWanted,
      this.splitLargest,
    );
  }

  private recordBalances(i: number): void {
    this.cashByDay[i] = this.cash;
    if (!this.balances) return;
    const n = this.states.length;
    const row = i * n;
    for (let k = 0; k < n; k++) this.balances[row + k] = this.states[k].remaining;
  }
}

/** Each day's total demand, once per basis: every lean run of the account starts its days from it. */
const demandTotalsByBasis = new WeakMap<SimulationBasis, Float64Array>();

function demandTotalsOf(basis: SimulationBasis): Float64Array {
  let totals = demandTotalsByBasis.get(basis);
  if (!totals) {
    const { spenderDemand, spendersFrom } = basis;
    const days = spendersFrom.length - 1;
    totals = new Float64Array(days);
    for (let i = 0; i < days; i++) {
      let total = 0;
      for (let j = spendersFrom[i]; j < spendersFrom[i + 1]; j++) total += spenderDemand[j];
      totals[i] = total;
    }
    demandTotalsByBasis.set(basis, totals);
  }
  return totals;
}

/** Position of the last credit with a campaign list (R5/R6) in a day's order, −1 without one. */
function lastWithCampaignList(ordered: readonly CreditState[]): number {
  for (let p = ordered.length - 1; p >= 0; p--) if (ordered[p].eligible !== null) return p;
  return -1;
}

/** R4 step 4 with `Credit order` = sheet order: tier, then row. */
function bySheetOrder(a: CreditState, b: CreditState): number {
  return a.tier - b.tier || a.index - b.index;
}

/**
 * Room for the ledger, sized once: a campaign-day with demand (the basis
 * lists them) takes a row per source that pays it, one on most days and two
 * or more when a source runs short (L: 1.4 on average). Room is only
 * address space until written, so twice the campaign-days costs nothing,
 * while growing copies every row written so far.
 */
function estimateLedgerRows(basis: SimulationBasis): number {
  return 2 * basis.spenders.length + 16;
}

function emptyTally(n: number): CampaignTally {
  return {
    demand: new Float64Array(n),
    creditFunded: new Float64Array(n),
    cashFunded: new Float64Array(n),
    cardFunded: new Float64Array(n),
    undelivered: new Float64Array(n),
    cashFallbackOn: new Array<Day | null>(n).fill(null),
    stoppedOn: new Array<Day | null>(n).fill(null),
  };
}
