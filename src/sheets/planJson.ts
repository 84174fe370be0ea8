/**
 * The plan's JSON form (CONTRACT.md §1): amounts in the major unit, dates as
 * `YYYY-MM-DD`. This is what crosses `google.script.run` (no Date inside) and
 * what `credit-planner plan --json` prints.
 */
import {
  type AlertDigest,
  type AlertKind,
  type CampaignStatus,
  type CreditPlanStatus,
  type CreditType,
  type Day,
  type DemandSource,
  isoDate,
  type Plan,
  SOURCE_CARD,
  SOURCE_CASH,
  SOURCE_UNDELIVERED,
  toMajor,
  type Warning,
} from "../core";
import { skippedRowsNotes } from "./completeness";
import {
  ALERT_KIND_LABELS,
  CAMPAIGN_STATUS_LABELS,
  CAMPAIGN_STATUSES,
  CREDIT_STATUS_LABELS,
  CREDIT_TYPE_LABELS,
  DEMAND_FROM_LABELS,
} from "./labels";

export type { CampaignStatus };

export interface CreditJson {
  id: string;
  /** The Credits sheet's Name (may be empty): shown before the id. */
  name: string;
  type: CreditType;
  /** The type as the Credits sheet spells it ("Free", "Assignable", …); with the `labels` option. */
  typeLabel?: string;
  status: CreditPlanStatus;
  /** The status as a person reads it ("Depleted", "Not available", …); with the `labels` option. */
  statusLabel?: string;
  amount: number;
  remainingAtStart: number;
  issued: number;
  /** remainingAtStart + issued, summed by the engine. */
  available: number;
  /** Expiring unused, or the whole of a lapsing offer / rejected coupon (core `CreditResult.atRisk`). */
  atRisk: number;
  issuedOn: string | null;
  lastUsableDay: string | null;
  used: number;
  expired: number;
  remainingAtEnd: number;
  depletedOn: string | null;
  expiresOn: string | null;
  assignedCampaigns: string[];
}

export interface CampaignJson {
  id: string;
  name: string;
  demand: number;
  /**
   * Where the demand comes from (spec v3): the campaign's budget, its
   * Expected daily spend, its Spend history run rate or its ad groups; null
   * when it plans no spend for want of a status or an estimate (R3).
   */
  demandFrom: DemandSource | null;
  /** `demandFrom` as a person reads it ("Ad groups", …); with the `labels` option. */
  demandFromLabel?: string;
  spend: number;
  creditFunded: number;
  cashFunded: number;
  cardFunded: number;
  undelivered: number;
  cashFallbackOn: string | null;
  stoppedOn: string | null;
  /** R14: every stop, `to` the last stopped day. */
  stops: { from: string; to: string }[];
}

/** R13: one advised top-up; `until` is the last day it keeps every campaign delivering. */
export interface AdvisedTopUpJson {
  date: string;
  amount: number;
  until: string;
  /** What the card pays in that window (Card fallback: the card pays after cash). */
  cardPays: number;
}

export interface AdviceJson {
  topUps: AdvisedTopUpJson[];
  total: number;
  /** What the card pays over the horizon once the advice is topped up. */
  cardPaysWithAdvice: number;
  /** Windows re-planned to find the advice. */
  replans: number;
}

export interface SheetCountsJson {
  rows: number;
  planned: number;
  skipped: number;
}

/** R16 per input sheet. */
export interface InputsJson {
  campaigns: SheetCountsJson;
  credits: SheetCountsJson;
  topUps: SheetCountsJson;
  spendHistory: SheetCountsJson;
  adGroups: SheetCountsJson;
}

/** CONTRACT §1 warnings are the engine's R11 warnings, field for field. */
export type WarningJson = Warning;

export interface RecommendationJson {
  credit: string;
  assign: string[];
  expiredBefore: number;
  expiredAfter: number;
  /** expiredBefore − expiredAfter. */
  expirySaved: number;
  reason: string;
}

/** R15: one digest item; `date` is the day to act by, `amount` the money at risk. */
export interface AlertItemJson {
  kind: AlertKind;
  /** The kind as a person reads it ("Credit not assigned"). */
  label: string;
  date: string;
  amount: number;
  credit: { id: string; name: string } | null;
  campaigns: { id: string; name: string }[];
  action: string;
  assign: string[];
  topUps: { date: string; amount: number }[];
}

/** R15 digest: what needs action from `from` through `to` (`withinDays` days). */
export interface AlertsJson {
  withinDays: number;
  from: string;
  to: string;
  items: AlertItemJson[];
}

export interface DailyJson {
  date: string;
  campaign: string;
  /** `credit:<id>`, `cash`, `card` or `undelivered`. */
  source: string;
  amount: number;
}

export interface BalanceJson {
  date: string;
  credit: string;
  remaining: number;
}

/** The most credit lines a draw-down chart draws; the rest are one "others" line. */
export const SERIES_CREDIT_LINES = 8;

export interface SeriesJson {
  /** First day; entry i of every array is day start + i. */
  start: string;
  days: number;
  /**
   * End-of-day remaining of the biggest credits (by `available`, at most
   * SERIES_CREDIT_LINES, credits that never hold money left out), in `credits` order.
   */
  credits: { id: string; remaining: number[] }[];
  /** The other credits' balances summed per day (in minor units, then converted), or null. */
  others: { count: number; remaining: number[] } | null;
  /** End-of-day cash balance. */
  cash: number[];
  /** R14: demand not delivered each day (the chart's stop band where above 0). */
  undelivered: number[];
  /** The Top-ups sheet's top-ups in the horizon and the R13 advice (`advised`). */
  topUps: { date: string; amount: number; advised: boolean }[];
  /** Credits landing or redeemed in the horizon (R7, R9). */
  landings: { date: string; credit: string; amount: number }[];
}

export interface PlanJson {
  currency: string;
  /** Decimals of the currency (ISO 4217 exponent, R2): faces format money with exactly these. */
  minorUnits: number;
  start: string;
  end: string;
  totals: {
    spend: number;
    creditFunded: number;
    cashFunded: number;
    cardFunded: number;
    undelivered: number;
    creditExpired: number;
    creditBlocked: number;
    /** R13: cash + card + undelivered. */
    moneyNeeded: number;
    creditAtStart: number;
    creditIssued: number;
    creditAvailable: number;
    creditAtRisk: number;
    outOfPocket: number;
    firstExpiryOn: string | null;
    firstFallbackOn: string | null;
  };
  /** R16: rows read, planned and skipped per input sheet; `complete` when none was skipped. */
  inputs: InputsJson;
  complete: boolean;
  credits: CreditJson[];
  campaigns: CampaignJson[];
  account: {
    cashAtStart: number;
    cashAtEnd: number;
    cashRunsOutOn: string | null;
    cardCharged: number;
    /** Card limit when a card is the fallback (null: no card, or no limit). */
    cardLimit: number | null;
    cardLimitReachedOn: string | null;
  };
  warnings: WarningJson[];
  recommendations: RecommendationJson[];
  creditUpperBound: number;
  /**
   * R16: the sentences a face leads with, one per sheet with skipped rows
   * ("3 of 8 campaign rows were skipped — this plan leaves them out"); empty
   * when complete (`labels` option).
   */
  skippedRows?: string[];
  /** The Campaigns sheet's statuses and their labels, for a what-if status choice (`labels` option). */
  campaignStatuses?: { value: CampaignStatus; label: string }[];
  /** R13 top-up advice (`topUps` empty when nothing stops). */
  advice: AdviceJson;
  /** R15 digest; null when R12 was left out. */
  alerts: AlertsJson | null;
  daily?: DailyJson[];
  balances?: BalanceJson[];
  /** Set when R12 was left out on request: recommendations come in a later call. */
  recommendationsPending?: boolean;
  /** Compact end-of-day series for a draw-down chart (`series` option). */
  series?: SeriesJson;
}

function dateOrNull(day: Day | null): string | null {
  return day === null ? null : isoDate(day);
}

/** Ledger source of one row as CONTRACT.md names it. */
export function sourceLabel(plan: Plan, source: number): string {
  if (source === SOURCE_CASH) return "cash";
  if (source === SOURCE_CARD) return "card";
  if (source === SOURCE_UNDELIVERED) return "undelivered";
  return `credit:${plan.credits[source].id}`;
}

/** The R15 digest in JSON form: amounts in the major unit, days as dates. */
export function alertsToJson(digest: AlertDigest, minorUnits: number): AlertsJson {
  const m = (amount: number) => toMajor(amount, minorUnits);
  return {
    withinDays: digest.withinDays,
    from: isoDate(digest.from),
    to: isoDate(digest.to),
    items: digest.items.map((item) => ({
      kind: item.kind,
      label: ALERT_KIND_LABELS[item.kind],
      date: isoDate(item.day),
      amount: m(item.amount),
      credit: item.credit && { ...item.credit },
      campaigns: item.campaigns.map((c) => ({ ...c })),
      action: item.action,
      assign: [...item.assign],
      topUps: item.topUps.map((t) => ({ date: isoDate(t.day), amount: m(t.amount) })),
    })),
  };
}

export interface PlanJsonOptions {
  /** Adds `daily` and `balances` (CONTRACT.md §1 `--daily`). */
  daily?: boolean;
  /** Adds the compact `series`: what a draw-down chart needs. */
  series?: boolean;
  /**
   * Adds the sheets' spellings a face shows (credit type labels, campaign
   * status choices), so a face that imports only types needs no label table.
   */
  labels?: boolean;
}

export function planToJson(plan: Plan, options: PlanJsonOptions = {}): PlanJson {
  const m = (amount: number) => toMajor(amount, plan.minorUnits);
  const json: PlanJson = {
    currency: plan.currency,
    minorUnits: plan.minorUnits,
    start: isoDate(plan.start),
    end: isoDate(plan.end),
    totals: {
      spend: m(plan.totals.spend),
      creditFunded: m(plan.totals.creditFunded),
      cashFunded: m(plan.totals.cashFunded),
      cardFunded: m(plan.totals.cardFunded),
      undelivered: m(plan.totals.undelivered),
      creditExpired: m(plan.totals.creditExpired),
      creditBlocked: m(plan.totals.creditBlocked),
      moneyNeeded: m(plan.totals.moneyNeeded),
      creditAtStart: m(plan.totals.creditAtStart),
      creditIssued: m(plan.totals.creditIssued),
      creditAvailable: m(plan.totals.creditAvailable),
      creditAtRisk: m(plan.totals.creditAtRisk),
      outOfPocket: m(plan.totals.outOfPocket),
      firstExpiryOn: dateOrNull(plan.totals.firstExpiryOn),
      firstFallbackOn: dateOrNull(plan.totals.firstFallbackOn),
    },
    inputs: {
      campaigns: { ...plan.inputs.campaigns },
      credits: { ...plan.inputs.credits },
      topUps: { ...plan.inputs.topUps },
      spendHistory: { ...plan.inputs.spendHistory },
      adGroups: { ...plan.inputs.adGroups },
    },
    complete: plan.complete,
    credits: plan.credits.map((c) => ({
      id: c.id,
      name: c.name,
      type: c.type,
      status: c.status,
      amount: m(c.amount),
      remainingAtStart: m(c.remainingAtStart),
      issued: m(c.issued),
      available: m(c.available),
      atRisk: m(c.atRisk),
      issuedOn: dateOrNull(c.issuedOn),
      lastUsableDay: dateOrNull(c.lastUsableDay),
      used: m(c.used),
      expired: m(c.expired),
      remainingAtEnd: m(c.remainingAtEnd),
      depletedOn: dateOrNull(c.depletedOn),
      expiresOn: dateOrNull(c.expiresOn),
      assignedCampaigns: [...c.assignedCampaigns],
    })),
    campaigns: plan.campaigns.map((c) => ({
      id: c.id,
      name: c.name,
      demand: m(c.demand),
      demandFrom: c.demandFrom,
      spend: m(c.spend),
      creditFunded: m(c.creditFunded),
      cashFunded: m(c.cashFunded),
      cardFunded: m(c.cardFunded),
      undelivered: m(c.undelivered),
      cashFallbackOn: dateOrNull(c.cashFallbackOn),
      stoppedOn: dateOrNull(c.stoppedOn),
      stops: c.stops.map((stop) => ({ from: isoDate(stop.from), to: isoDate(stop.to) })),
    })),
    account: {
      cashAtStart: m(plan.account.cashAtStart),
      cashAtEnd: m(plan.account.cashAtEnd),
      cashRunsOutOn: dateOrNull(plan.account.cashRunsOutOn),
      cardCharged: m(plan.account.cardCharged),
      cardLimit: plan.account.cardLimit === null ? null : m(plan.account.cardLimit),
      cardLimitReachedOn: dateOrNull(plan.account.cardLimitReachedOn),
    },
    warnings: plan.warnings.map((w) => ({ ...w })),
    recommendations: plan.recommendations.map((r) => ({
      credit: r.credit,
      assign: [...r.assign],
      expiredBefore: m(r.expiredBefore),
      expiredAfter: m(r.expiredAfter),
      expirySaved: m(r.expirySaved),
      reason: r.reason,
    })),
    creditUpperBound: m(plan.creditUpperBound),
    advice: {
      topUps: plan.advice.topUps.map((t) => ({
        date: isoDate(t.day),
        amount: m(t.amount),
        until: isoDate(t.until),
        cardPays: m(t.cardPays),
      })),
      total: m(plan.advice.total),
      cardPaysWithAdvice: m(plan.advice.cardPaysWithAdvice),
      replans: plan.advice.replans,
    },
    alerts: plan.alerts && alertsToJson(plan.alerts, plan.minorUnits),
  };
  if (options.labels) {
    json.credits.forEach((credit, k) => {
      credit.typeLabel = CREDIT_TYPE_LABELS[plan.credits[k].type];
      credit.statusLabel = CREDIT_STATUS_LABELS[plan.credits[k].status];
    });
    json.campaigns.forEach((campaign, k) => {
      const from = plan.campaigns[k].demandFrom;
      campaign.demandFromLabel = from === null ? "No spend planned" : DEMAND_FROM_LABELS[from];
    });
    json.skippedRows = skippedRowsNotes(plan.inputs);
    json.campaignStatuses = CAMPAIGN_STATUSES.map((value) => ({
      value,
      label: CAMPAIGN_STATUS_LABELS[value],
    }));
  }
  if (options.daily) {
    const { ledger } = plan;
    const daily: DailyJson[] = new Array(ledger.length);
    for (let i = 0; i < ledger.length; i++) {
      daily[i] = {
        date: isoDate(ledger.day[i]),
        campaign: plan.campaigns[ledger.campaign[i]].id,
        source: sourceLabel(plan, ledger.source[i]),
        amount: m(ledger.amount[i]),
      };
    }
    json.daily = daily;
  }
  if (options.daily) {
    const balances: BalanceJson[] = [];
    const n = plan.credits.length;
    for (let d = 0; d < plan.days; d++) {
      const date = isoDate(plan.start + d);
      for (let c = 0; c < n; c++) {
        balances.push({ date, credit: plan.credits[c].id, remaining: m(plan.balances[d * n + c]) });
      }
    }
    json.balances = balances;
  }
  if (options.series) json.series = seriesJson(plan, m);
  return json;
}

/**
 * The draw-down series a chart draws: the biggest credits as their own
 * lines (ties keep sheet order), the rest summed per day in minor units
 * (R2: so BHD's 1.234 + 1.234 is 2.468), and the cash balance.
 */
function seriesJson(plan: Plan, m: (amount: number) => number): SeriesJson {
  const n = plan.credits.length;
  const balance = (c: number, d: number) => plan.balances[d * n + c];
  const holdsMoney = (c: number) => {
    if (plan.credits[c].available > 0) return true;
    for (let d = 0; d < plan.days; d++) if (balance(c, d) !== 0) return true;
    return false;
  };
  const ranked = plan.credits
    .map((credit, c) => ({ c, size: credit.available }))
    .filter(({ c }) => holdsMoney(c))
    .sort((a, b) => b.size - a.size || a.c - b.c);
  const shown = ranked.slice(0, SERIES_CREDIT_LINES).sort((a, b) => a.c - b.c);
  const rest = ranked.slice(SERIES_CREDIT_LINES);
  let others: SeriesJson["others"] = null;
  if (rest.length > 0) {
    const remaining = new Array<number>(plan.days);
    for (let d = 0; d < plan.days; d++) {
      let total = 0;
      for (const { c } of rest) total += balance(c, d);
      remaining[d] = m(total);
    }
    others = { count: rest.length, remaining };
  }
  return {
    start: isoDate(plan.start),
    days: plan.days,
    credits: shown.map(({ c }) => ({
      id: plan.credits[c].id,
      remaining: Array.from({ length: plan.days }, (_, d) => m(balance(c, d))),
    })),
    others,
    cash: Array.from(plan.cashByDay, m),
    undelivered: Array.from(plan.undeliveredByDay, m),
    topUps: [
      ...plan.listedTopUps.map((t) => ({
        date: isoDate(t.day),
        amount: m(t.amount),
        advised: false,
      })),
      ...plan.advice.topUps.map((t) => ({
        date: isoDate(t.day),
        amount: m(t.amount),
        advised: true,
      })),
    ],
    landings: plan.landings.map((l) => ({
      date: isoDate(l.day),
      credit: l.credit,
      amount: m(l.amount),
    })),
  };
}
