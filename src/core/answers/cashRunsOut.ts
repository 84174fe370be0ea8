/** R10/R13/R14: the one CASH_RUNS_OUT message: what ran out, when campaigns stop, and the advice. */
import { isoDate } from "../calendar";
import type { Day, Model, Money } from "../model";
import { formatMoney } from "../money";
import type { AccountResult, CampaignResult } from "../plan";
import type { TopUpAdvice } from "./advice";
import type { Stop } from "./stops";

export interface CashRunsOutFacts {
  model: Model;
  campaigns: readonly CampaignResult[];
  account: AccountResult;
  /** End-of-day cash per day index. */
  cashByDay: ArrayLike<number>;
}

/**
 * Days on which any campaign stops, as runs (the account's view of R14).
 * Counted with a difference array over the stops' days: an account can have
 * thousands of stops of many days each.
 */
export function accountStops(campaigns: readonly CampaignResult[]): Stop[] {
  let first = Number.POSITIVE_INFINITY;
  let last = Number.NEGATIVE_INFINITY;
  for (const c of campaigns) {
    for (const s of c.stops) {
      if (s.from < first) first = s.from;
      if (s.to > last) last = s.to;
    }
  }
  if (first > last) return [];
  const change = new Int32Array(last - first + 2);
  for (const c of campaigns) {
    for (const s of c.stops) {
      change[s.from - first]++;
      change[s.to - first + 1]--;
    }
  }
  const runs: Stop[] = [];
  let stopping = 0;
  for (let i = 0; i <= last - first; i++) {
    stopping += change[i];
    if (stopping <= 0) continue;
    const day: Day = first + i;
    const run = runs[runs.length - 1];
    if (run && run.to === day - 1) run.to = day;
    else runs.push({ from: day, to: day });
  }
  return runs;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items[items.length - 1]}`;
}

function period(stop: Stop): string {
  return stop.from === stop.to
    ? `on ${isoDate(stop.from)}`
    : `from ${isoDate(stop.from)} to ${isoDate(stop.to)}`;
}

/**
 * The CASH_RUNS_OUT message (null when nothing stops). It names what ran out
 * on the first stop day — the cash balance, then the card limit, or the R4
 * gate — with the cash run-out day of R10 and why it differs from the stop
 * day when it does, every stop of the account (R14), and the R13 advice
 * when it is known (`advice` null: the plan was made without it).
 */
export function cashRunsOutMessage(
  facts: CashRunsOutFacts,
  advice: TopUpAdvice | null,
): string | null {
  const { model, campaigns, account } = facts;
  const stops = accountStops(campaigns);
  if (stops.length === 0) return null;
  const { account: settings } = model;
  const money = (amount: Money) => formatMoney(amount, settings.currency, settings.minorUnits);
  const first = stops[0].from;
  const i = first - settings.planStart;
  const topUpsOnFirst = model.topUps.reduce(
    (sum, t) => (t.day === first ? sum + t.amount : sum),
    0,
  );
  const cashAtStart = (i === 0 ? settings.cashBalance : facts.cashByDay[i - 1]) + topUpsOnFirst;
  const card = settings.fallbackPayment === "card";
  const cardOut =
    card && account.cardLimitReachedOn !== null && account.cardLimitReachedOn <= first;
  const gate =
    settings.requirePositiveCash &&
    cashAtStart <= 0 &&
    (!card || cardOut || settings.cardLimit === 0);
  let what: string;
  if (gate) {
    what = `The cash balance is ${money(cashAtStart)} at the start of ${isoDate(first)}, not positive, so under Require positive cash balance no campaign delivers, credit or not`;
  } else {
    const runOut = account.cashRunsOutOn ?? first;
    what = `Cash runs out on ${isoDate(runOut)}`;
    if (cardOut && settings.cardLimit !== null && account.cardLimitReachedOn !== null) {
      what += `, then the card pays until its ${money(settings.cardLimit)} limit runs out on ${isoDate(account.cardLimitReachedOn)}`;
    } else if (runOut < first) {
      what += ` (the balance is spent to zero that day)`;
    }
  }
  const stopped = campaigns.filter((c) => c.stops.length > 0).length;
  const who = `${stopped} campaign${stopped === 1 ? "" : "s"}`;
  const when = `${who} ${stopped === 1 ? "stops" : "stop"} delivering for lack of money ${list(stops.map(period))}`;
  let todo: string;
  if (advice && advice.topUps.length > 0) {
    const each = advice.topUps.map((t) => `${money(t.amount)} on ${isoDate(t.day)}`);
    todo = `Top up ${list(each)} to keep every campaign delivering`;
    if (card && settings.cardLimit !== null && advice.cardPaysWithAdvice > 0) {
      todo += `; the card then pays ${money(advice.cardPaysWithAdvice)} of its ${money(settings.cardLimit)} limit`;
    }
  } else if (card) {
    todo = "Top up or raise the card limit";
  } else {
    todo = "Top up or set a card as fallback";
  }
  return `${what}: ${when}. ${todo}.`;
}
