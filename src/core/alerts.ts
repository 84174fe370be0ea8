/**
 * R15: the alert digest — what needs action soon, from the plan as it is.
 * The look-ahead is plan start through plan start + N − 1 (Account `Alert
 * days`, default 7). Unassigned credits and spend-match offers landing idle
 * are listed whatever their day. Every face (CLI `alerts`, the daily mail,
 * CREDIT_ALERTS, the sidebar) shows these items and decides nothing itself.
 *
 * Where R15 is silent (decisions an advertiser would expect):
 * - One item per credit: an unassigned credit is listed once, as unassigned
 *   (its expiry day and amount are the item's), never again as expiring or
 *   idle.
 * - Campaigns whose first stop starts on the same day are one item: they need
 *   the same top-up, so the mail says it once.
 * - An item's day is the day to act by: the last usable day of an expiring or
 *   unassigned credit, the first stop day, the landing day of an idle
 *   spend-match offer (follow-up campaigns must be ready then), the Earn by
 *   day of a lapsing offer.
 */
import { isoDate } from "./calendar";
import { rulesOf } from "./creditTypes";
import type { Day, Model, Money } from "./model";
import { NEVER_USABLE, type Plan, SOURCE_UNDELIVERED } from "./plan";
import { idleSpendMatches, moneyText, nameList } from "./recommend";

export type AlertKind =
  | "credit_expires"
  | "credit_unassigned"
  | "campaigns_stop"
  | "spend_match_idle"
  | "offer_lapses";

/** Tie-break after day and amount: this order, then sheet order. */
const KIND_ORDER: readonly AlertKind[] = [
  "campaigns_stop",
  "credit_unassigned",
  "credit_expires",
  "offer_lapses",
  "spend_match_idle",
];

export interface NamedRef {
  id: string;
  name: string;
}

export interface AlertTopUp {
  day: Day;
  amount: Money;
}

export interface AlertItem {
  kind: AlertKind;
  /** The day to act by (see the module comment). */
  day: Day;
  /** Money at risk if nothing is done. */
  amount: Money;
  credit: NamedRef | null;
  campaigns: NamedRef[];
  /** What to do, one line a person understands. */
  action: string;
  /** R12: the assignment that saves the credit (campaign ids), when there is one. */
  assign: string[];
  /** R13: the top-ups that prevent the stop, when there are. */
  topUps: AlertTopUp[];
}

export interface AlertDigest {
  /** N: days looked ahead. */
  withinDays: number;
  /** First and last day looked at (plan start, plan start + N − 1). */
  from: Day;
  to: Day;
  /** Ordered by day, then amount at risk (descending), then kind and sheet order. */
  items: AlertItem[];
}

/** R14 stops and R13 advice, read from the plan where it carries them (spec v3). */
interface StopsAndAdvice {
  campaigns: readonly { stoppedOn: Day | null; stops?: readonly { from: Day; to: Day }[] }[];
  advice?: { topUps: readonly AlertTopUp[] } | null;
}

interface Ranked {
  item: AlertItem;
  kindRank: number;
  sheetIndex: number;
}

/** R15: the digest of `plan` (made from `model`) looking `withinDays` ahead of plan start. */
export function alertDigest(
  model: Model,
  plan: Plan & StopsAndAdvice,
  withinDays: number = model.account.alertDays,
): AlertDigest {
  const from = plan.start;
  const to = plan.start + withinDays - 1;
  const within = (day: Day | null): day is Day => day !== null && day >= from && day <= to;
  const money = (amount: Money) => moneyText(model, amount);
  const ranked: Ranked[] = [];
  const add = (item: AlertItem, sheetIndex: number) =>
    ranked.push({ item, kindRank: KIND_ORDER.indexOf(item.kind), sheetIndex });
  const listed = new Set<number>();
  const recommendationOf = new Map(plan.recommendations.map((r) => [r.credit, r]));
  const campaignNames = new Map(model.campaigns.map((c) => [c.id, c.name.trim() || c.id]));
  const creditRef = (i: number): NamedRef => ({
    id: plan.credits[i].id,
    name: plan.credits[i].name,
  });

  /** "assign it to A and B by DAY (saves X)" when R12 has a saving assignment. */
  const savingAssignment = (i: number, lastDay: Day) => {
    const recommendation = recommendationOf.get(plan.credits[i].id);
    if (!recommendation || recommendation.expiredAfter >= recommendation.expiredBefore) return null;
    const names = recommendation.assign.map((id) => campaignNames.get(id) ?? id);
    const saved = recommendation.expiredBefore - recommendation.expiredAfter;
    return {
      assign: [...recommendation.assign],
      text: `assign it to ${nameList(names)} by ${isoDate(lastDay)} — that saves ${money(saved)}`,
    };
  };

  // An assignable credit with money and no campaign that can use it (R6, R11
  // UNASSIGNED_CREDIT), whatever its day.
  const unassignedIds = new Set(
    plan.warnings.filter((w) => w.code === "UNASSIGNED_CREDIT").map((w) => w.credit),
  );
  plan.credits.forEach((credit, i) => {
    if (!rulesOf(credit).assignable || !unassignedIds.has(credit.id)) return;
    if (NEVER_USABLE.has(credit.status) || credit.lastUsableDay === null) return;
    const held = credit.remainingAtStart + credit.issued;
    if (held <= 0 || credit.lastUsableDay < plan.start) return;
    const lastDay = credit.lastUsableDay;
    const saving = savingAssignment(i, lastDay);
    const lost =
      credit.expired > 0
        ? `${money(credit.expired)} expires after ${isoDate(lastDay)}`
        : `it is never used in the plan (usable until ${isoDate(lastDay)})`;
    add(
      {
        kind: "credit_unassigned",
        day: lastDay,
        amount: held,
        credit: creditRef(i),
        campaigns: [],
        action: `Not assigned to any campaign that can use it, so ${lost}: ${
          saving
            ? saving.text
            : `assign it to an active campaign that spends by ${isoDate(lastDay)}`
        }.`,
        assign: saving?.assign ?? [],
        topUps: [],
      },
      i,
    );
    listed.add(i);
  });

  // A landed spend-match offer projected to expire with money left (R12), whatever its day.
  for (const idle of idleSpendMatches(model, plan)) {
    if (listed.has(idle.creditIndex)) continue;
    add(
      {
        kind: "spend_match_idle",
        day: idle.issuedOn,
        amount: idle.atRisk,
        credit: creditRef(idle.creditIndex),
        campaigns: [],
        action: `Lands on ${isoDate(idle.issuedOn)} but ${money(idle.atRisk)} of it expires unused after ${isoDate(idle.lastUsableDay)}: spend about ${money(idle.extraDaily)} more per day on campaigns it can pay for, from ${isoDate(idle.issuedOn)} to ${isoDate(idle.lastUsableDay)}.`,
        assign: [],
        topUps: [],
      },
      idle.creditIndex,
    );
    listed.add(idle.creditIndex);
  }

  // A credit with an amount projected to expire, last usable within N days.
  plan.credits.forEach((credit, i) => {
    if (listed.has(i) || credit.expired <= 0 || !within(credit.lastUsableDay)) return;
    const lastDay = credit.lastUsableDay;
    const saving = rulesOf(credit).assignable ? savingAssignment(i, lastDay) : null;
    add(
      {
        kind: "credit_expires",
        day: lastDay,
        amount: credit.expired,
        credit: creditRef(i),
        campaigns: [],
        action: `${money(credit.expired)} expires unused after ${isoDate(lastDay)}: ${
          saving
            ? saving.text
            : rulesOf(credit).assignable
              ? `assign it to more campaigns that spend by ${isoDate(lastDay)}`
              : `raise the budget of a campaign it can pay for before ${isoDate(lastDay)}`
        }.`,
        assign: saving?.assign ?? [],
        topUps: [],
      },
      i,
    );
  });

  // An offer whose Earn by is within N days and that the plan projects to lapse (R7).
  model.credits.forEach((input, i) => {
    const credit = plan.credits[i];
    if (credit?.status !== "lapsed" || !within(input.earnBy)) return;
    const threshold = input.spendThreshold ?? 0;
    add(
      {
        kind: "offer_lapses",
        day: input.earnBy,
        amount: input.amount,
        credit: creditRef(i),
        campaigns: [],
        action: `The spend threshold of ${money(threshold)} is not reached by ${isoDate(input.earnBy)}, so the ${money(input.amount)} offer lapses: raise the budgets of campaigns that count toward it.`,
        assign: [],
        topUps: [],
      },
      i,
    );
  });

  // Campaigns whose first stop (R14; R10's stop day) starts within N days,
  // with the R13 advice dated on or before it: the top-ups that prevent it.
  const firstStops = firstStopsWithin(plan, within);
  const byDay = new Map<Day, number[]>();
  for (const [c, stop] of firstStops) {
    // push, not a copy per campaign: 100,000 campaigns stopping on one day (issue 16).
    const sameDay = byDay.get(stop.from);
    if (sameDay) sameDay.push(c);
    else byDay.set(stop.from, [c]);
  }
  for (const [day, campaignIndexes] of byDay) {
    const topUps = (plan.advice?.topUps ?? []).filter((t) => t.day <= day);
    const names = campaignIndexes.map((c) => campaignNames.get(plan.campaigns[c].id) ?? "");
    const count = campaignIndexes.length;
    const what = `${count === 1 ? names[0] : `${count} campaigns (${nameList(names)})`} stop${count === 1 ? "s" : ""} delivering on ${isoDate(day)} for lack of money`;
    const prevent =
      topUps.length > 0
        ? `top up ${topUps.map((t) => `${money(t.amount)} by ${isoDate(t.day)}`).join(" and ")}`
        : `top up or set a card as fallback before ${isoDate(day)}`;
    add(
      {
        kind: "campaigns_stop",
        day,
        amount: campaignIndexes.reduce((sum, c) => sum + (firstStops.get(c)?.undelivered ?? 0), 0),
        credit: null,
        campaigns: campaignIndexes.map((c) => ({
          id: plan.campaigns[c].id,
          name: plan.campaigns[c].name,
        })),
        action: `${what}: ${prevent}.`,
        assign: [],
        topUps: topUps.map((t) => ({ ...t })),
      },
      model.credits.length + campaignIndexes[0],
    );
  }

  ranked.sort(
    (a, b) =>
      a.item.day - b.item.day ||
      b.item.amount - a.item.amount ||
      a.kindRank - b.kindRank ||
      a.sheetIndex - b.sheetIndex,
  );
  return { withinDays, from, to, items: ranked.map((r) => r.item) };
}

interface FirstStop {
  from: Day;
  to: Day;
  /** Demand not delivered during the stop. */
  undelivered: Money;
}

/**
 * Per campaign index, its first stop when it starts within the look-ahead,
 * with the demand it leaves undelivered (one pass over the day-ordered ledger).
 */
function firstStopsWithin(
  plan: Plan & StopsAndAdvice,
  within: (day: Day | null) => day is Day,
): Map<number, FirstStop> {
  const stops = new Map<number, FirstStop>();
  const campaigns: StopsAndAdvice["campaigns"] = plan.campaigns;
  campaigns.forEach((campaign, c) => {
    const first = campaign.stops?.[0];
    const from = first?.from ?? campaign.stoppedOn;
    if (!within(from)) return;
    // Without R14's stop list, the run is the consecutive days with undelivered demand.
    stops.set(c, { from, to: first?.to ?? Number.NaN, undelivered: 0 });
  });
  if (stops.size === 0) return stops;
  const lastCounted = new Map<number, Day>();
  const { ledger } = plan;
  for (let i = 0; i < ledger.length; i++) {
    if (ledger.source[i] !== SOURCE_UNDELIVERED) continue;
    const stop = stops.get(ledger.campaign[i]);
    if (!stop) continue;
    const day = ledger.day[i];
    if (day < stop.from) continue;
    if (Number.isNaN(stop.to)) {
      const last = lastCounted.get(ledger.campaign[i]) ?? stop.from - 1;
      if (day > last + 1) {
        stop.to = last;
        continue;
      }
      lastCounted.set(ledger.campaign[i], day);
    } else if (day > stop.to) continue;
    stop.undelivered += ledger.amount[i];
  }
  return stops;
}
