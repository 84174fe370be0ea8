/**
 * What the draw-down chart draws: the biggest credits as their own lines, the
 * rest summed into one "others" line (so 300 credits stay readable and fast),
 * and the cash balance.
 */
import type { PlanJson } from "../sheets/planJson";

export const MAX_CREDIT_LINES = 8;

export interface ChartLine {
  label: string;
  /** Credit id, or null for "others" and cash. */
  credit: string | null;
  kind: "credit" | "others" | "cash";
  values: number[];
  /** Day index (0 = plan start) on which the credit's expiry is booked, if inside the horizon. */
  expiryIndex: number | null;
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
}

function dayIndex(start: string, date: string | null, days: number): number | null {
  if (date === null) return null;
  const [y0, m0, d0] = start.split("-").map(Number);
  const [y, m, d] = date.split("-").map(Number);
  const index = Math.round((Date.UTC(y, m - 1, d) - Date.UTC(y0, m0 - 1, d0)) / 86_400_000);
  return index >= 0 && index < days ? index : null;
}

/** Null when the plan carries no series (nothing to draw). */
export function chartData(plan: PlanJson, maxLines = MAX_CREDIT_LINES): ChartData | null {
  const series = plan.series;
  if (!series || series.days <= 0) return null;
  const creditById = new Map(plan.credits.map((c) => [c.id, c]));
  const size = (id: string) => {
    const credit = creditById.get(id);
    return credit ? credit.remainingAtStart + credit.issued : 0;
  };
  // Biggest first; ties keep sheet order (stable sort).
  const ranked = series.credits
    .map((entry, order) => ({ entry, order, size: size(entry.id) }))
    .filter((item) => item.size > 0 || item.entry.remaining.some((v) => v !== 0))
    .sort((a, b) => b.size - a.size || a.order - b.order);
  const shown = ranked.slice(0, maxLines).sort((a, b) => a.order - b.order);
  const rest = ranked.slice(maxLines);

  const lines: ChartLine[] = shown.map(({ entry }) => {
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
  if (rest.length > 0) {
    const others = new Array<number>(series.days).fill(0);
    for (const { entry } of rest) {
      for (let d = 0; d < series.days; d++) others[d] += entry.remaining[d];
    }
    lines.push({
      label: `${rest.length} other credit${rest.length === 1 ? "" : "s"}`,
      credit: null,
      kind: "others",
      values: others.map((v) => Math.round(v * 100) / 100),
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
  return {
    start: series.start,
    days: series.days,
    lines,
    creditMax: creditMax > 0 ? creditMax : 1,
    cashMin,
    cashMax: cashMax > cashMin ? cashMax : cashMin + 1,
  };
}
