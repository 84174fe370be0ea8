/**
 * What the draw-down chart draws: the plan's series as lines — the biggest
 * credits, one "others" line (the server sums the rest in minor units, so 300
 * credits stay readable and fast) and the cash balance — with the stop bands
 * (R14: the days the series has undelivered demand), the top-ups (listed and
 * advised, R13) and the credits landing (R7, R9). Nothing is added here.
 */
import type { PlanJson } from "../sheets/planJson";

export interface ChartLine {
  label: string;
  /** Credit id, or null for "others" and cash. */
  credit: string | null;
  kind: "credit" | "others" | "cash";
  values: number[];
  /** Day index (0 = plan start) on which the credit's expiry is booked, if inside the horizon. */
  expiryIndex: number | null;
}

/** R14: a run of days on which some demand is not delivered (first and last day index). */
export interface StopBand {
  from: number;
  to: number;
}

/** A top-up (listed in the Top-ups sheet or advised, R13) or a credit landing, on a day. */
export interface ChartEvent {
  index: number;
  date: string;
  amount: number;
  /** Top-ups: advised by the plan (R13) rather than listed; landings: false. */
  advised: boolean;
  /** Landings: the credit's name (or id); top-ups: "". */
  label: string;
}

export interface ChartData {
  start: string;
  days: number;
  lines: ChartLine[];
  /** Credit lines' scale (left): from 0 to the biggest balance. */
  creditMax: number;
  /**
   * Cash has its own scale (right): a cash balance is often many times the
   * credits and would flatten their lines on a shared one.
   */
  cashMin: number;
  cashMax: number;
  /** What is not delivered each day (the plan's series); the bands are its runs above 0. */
  undelivered: number[];
  stopBands: StopBand[];
  topUps: ChartEvent[];
  landings: ChartEvent[];
}

/** The runs of days the plan leaves demand undelivered (R14), as the series says. */
export function stopBands(undelivered: readonly number[]): StopBand[] {
  const bands: StopBand[] = [];
  let from = -1;
  for (let d = 0; d <= undelivered.length; d++) {
    const stopped = d < undelivered.length && undelivered[d] > 0;
    if (stopped && from < 0) from = d;
    if (!stopped && from >= 0) {
      bands.push({ from, to: d - 1 });
      from = -1;
    }
  }
  return bands;
}

function dayIndex(start: string, date: string | null, days: number): number | null {
  if (date === null) return null;
  const [y0, m0, d0] = start.split("-").map(Number);
  const [y, m, d] = date.split("-").map(Number);
  const index = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y0, m0 - 1, d0)) / 86_400_000);
  return index >= 0 && index < days ? index : null;
}

/** Null when the plan carries no series (nothing to draw). */
export function chartData(plan: PlanJson): ChartData | null {
  const series = plan.series;
  if (!series || series.days <= 0) return null;
  const creditById = new Map(plan.credits.map((c) => [c.id, c]));
  // The server picks the biggest credits and sums the rest in minor units (R2).
  const lines: ChartLine[] = series.credits.map((entry) => {
    const credit = creditById.get(entry.id);
    return {
      label: credit?.name || entry.id,
      credit: entry.id,
      kind: "credit",
      values: entry.remaining,
      // A marker only where money is lost: a credit used up before its expiry has none.
      expiryIndex:
        credit && credit.expired > 0 ? dayIndex(series.start, credit.expiresOn, series.days) : null,
    };
  });
  if (series.others) {
    const count = series.others.count;
    lines.push({
      label: `${count} other credit${count === 1 ? "" : "s"}`,
      credit: null,
      kind: "others",
      values: series.others.remaining,
      expiryIndex: null,
    });
  }
  lines.push({ label: "Cash", credit: null, kind: "cash", values: series.cash, expiryIndex: null });

  let creditMax = 0;
  for (const line of lines) {
    if (line.kind === "cash") continue;
    for (const v of line.values) if (v > creditMax) creditMax = v;
  }
  let cashMin = 0;
  let cashMax = 0;
  for (const v of series.cash) {
    if (v < cashMin) cashMin = v;
    if (v > cashMax) cashMax = v;
  }
  const events = (
    items: readonly { date: string; amount: number; advised?: boolean; credit?: string }[],
  ): ChartEvent[] =>
    items.flatMap((item) => {
      const index = dayIndex(series.start, item.date, series.days);
      if (index === null) return [];
      const credit = item.credit === undefined ? undefined : creditById.get(item.credit);
      return [
        {
          index,
          date: item.date,
          amount: item.amount,
          advised: item.advised === true,
          label: item.credit === undefined ? "" : credit?.name || item.credit,
        },
      ];
    });
  const undelivered = series.undelivered ?? [];
  return {
    start: series.start,
    days: series.days,
    lines,
    creditMax: creditMax > 0 ? creditMax : 1,
    cashMin,
    cashMax: cashMax > cashMin ? cashMax : cashMin + 1,
    undelivered,
    stopBands: stopBands(undelivered),
    topUps: events(series.topUps ?? []),
    landings: events(series.landings ?? []),
  };
}
