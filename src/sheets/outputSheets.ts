/**
 * The tables of Write plan to sheets (CONTRACT §4, issue 15 item 4): a
 * Summary first, then the credit, campaign, draw-down, recommendation and
 * warning sheets, with names beside ids. Every figure is the plan's own
 * (CONTRACT §5); these functions choose, label and format, they add nothing.
 * Money cells are major-unit numbers, dates Day integers, as in `tables.ts`.
 */
import { formatMoney, isoDate, type Plan, toMajor } from "../core";
import { skippedRowsNotes } from "./completeness";
import {
  campaignTable,
  creditTable,
  drawdownTable,
  type OutTable,
  recommendationTable,
  warningTable,
} from "./tables";

type Row = (string | number | null)[];

/** Inserts `column` (header, kind, one value a row) after column `after`. */
function withColumn(
  table: OutTable,
  after: number,
  header: string,
  kind: OutTable["kinds"][number],
  values: readonly (string | number | null)[],
): OutTable {
  const at = after + 1;
  return {
    header: [...table.header.slice(0, at), header, ...table.header.slice(at)],
    kinds: [...table.kinds.slice(0, at), kind, ...table.kinds.slice(at)],
    rows: table.rows.map((row, r) => [...row.slice(0, at), values[r] ?? null, ...row.slice(at)]),
  };
}

/** "Name (id)", or the id alone when the name is empty or the id itself. */
function named(name: string | undefined, id: string): string {
  return name && name !== id ? `${name} (${id})` : id;
}

/** R14: "2027-01-04 to 2027-01-09, 2027-01-28" (empty when the campaign never stops). */
function stopPeriods(stops: readonly { from: number; to: number }[]): string {
  return stops
    .map((s) => (s.from === s.to ? isoDate(s.from) : `${isoDate(s.from)} to ${isoDate(s.to)}`))
    .join(", ");
}

/** Credit plan: the credit's name beside its id. */
export function creditSheetTable(plan: Plan): OutTable {
  return withColumn(
    creditTable(plan),
    0,
    "Credit name",
    "text",
    plan.credits.map((c) => c.name),
  );
}

/** Campaign plan: every stop (R14), as a count and as its periods. */
export function campaignSheetTable(plan: Plan): OutTable {
  const table = campaignTable(plan);
  const stopDay = table.header.indexOf("Stop day");
  const withCount = withColumn(
    table,
    stopDay,
    "Stops",
    "number",
    plan.campaigns.map((c) => c.stops.length),
  );
  return withColumn(
    withCount,
    stopDay + 1,
    "Stop periods",
    "text",
    plan.campaigns.map((c) => stopPeriods(c.stops)),
  );
}

/** Credit drawdown: a column a credit (by id) and the cash balance (R10), end of each day. */
export function drawdownSheetTable(plan: Plan): OutTable {
  const table = drawdownTable(plan);
  return {
    header: [...table.header, "Cash"],
    kinds: [...table.kinds, "money"],
    rows: table.rows.map((row, day) => [
      ...row,
      toMajor(plan.cashByDay[day] ?? 0, plan.minorUnits),
    ]),
  };
}

/** The chart's legend for the drawdown's columns after Date: credit names, then Cash. */
export function drawdownSeriesLabels(plan: Plan): string[] {
  return [...plan.credits.map((c) => named(c.name, c.id)), "Cash"];
}

/** Plan warnings: the cell as a link (kind `cell`: the Sheets face makes it a link to the cell). */
export function warningSheetTable(plan: Plan): OutTable {
  const table = warningTable(plan);
  const cell = table.header.indexOf("Cell");
  return { ...table, kinds: table.kinds.map((kind, c) => (c === cell ? "cell" : kind)) };
}

/** R12 Recommendations: names beside the ids, what expires now and after, what is saved. */
export function recommendationSheetTable(plan: Plan): OutTable {
  const credits = new Map(plan.credits.map((c) => [c.id, c.name]));
  const campaigns = new Map(plan.campaigns.map((c) => [c.id, c.name]));
  const table = recommendationTable(plan);
  const withCredit = withColumn(
    table,
    0,
    "Credit name",
    "text",
    plan.recommendations.map((r) => credits.get(r.credit) ?? ""),
  );
  return withColumn(
    withCredit,
    2,
    "Campaign names",
    "text",
    plan.recommendations.map((r) => r.assign.map((id) => campaigns.get(id) || id).join(", ")),
  );
}

/**
 * Summary: the plan's headline figures, one a row: Figure, Amount, Date,
 * Count, Detail. Skipped input rows come first (R16), then the stamp, the
 * totals, money needed and the R13 advice (each top-up with its dates and
 * what the card then pays), the first expiry, cash run-out and first
 * fallback (R10), and every campaign's stops (R14).
 */
export function summaryTable(plan: Plan, writtenAt: string): OutTable {
  const m = (amount: number) => toMajor(amount, plan.minorUnits);
  const money = (amount: number) => formatMoney(amount, plan.currency, plan.minorUnits);
  const { totals, account, advice } = plan;
  const rows: Row[] = [];
  for (const note of skippedRowsNotes(plan.inputs))
    rows.push(["Skipped rows", null, null, null, `${note}.`]);
  rows.push(
    [
      "Plan",
      null,
      plan.start,
      plan.days,
      `Plan start ${isoDate(plan.start)} · written at ${writtenAt} · ${plan.days} days to ${isoDate(plan.end)}, ${plan.currency}`,
    ],
    [
      "Credit available",
      m(totals.creditAvailable),
      null,
      plan.credits.length,
      "credits in the plan",
    ],
    ["Credit used", m(totals.creditFunded), null, null, null],
    ["Credit expires unused", m(totals.creditExpired), null, null, null],
    ["Credit at risk", m(totals.creditAtRisk), null, null, "expires unused, lapses or is rejected"],
    ["Cash pays", m(totals.cashFunded), null, null, null],
    ["Card pays", m(totals.cardFunded), null, null, null],
    ["Undelivered", m(totals.undelivered), null, null, "demand nothing pays for"],
    ["Out of pocket", m(totals.outOfPocket), null, null, "cash and card"],
    [
      "Money needed",
      m(totals.moneyNeeded),
      null,
      null,
      "for every campaign to deliver: what cash and card pay plus what goes undelivered",
    ],
  );
  if (advice.topUps.length === 0) {
    rows.push([
      "Top-up advice",
      null,
      null,
      0,
      "Nothing stops for lack of money: no top-up is needed.",
    ]);
  } else {
    const card = account.cardLimit !== null;
    for (const t of advice.topUps) {
      rows.push([
        "Top up",
        m(t.amount),
        t.day,
        null,
        `on ${isoDate(t.day)}: keeps every campaign delivering through ${isoDate(t.until)}${card ? `; the card then pays ${money(t.cardPays)}` : ""}`,
      ]);
    }
    rows.push([
      "Top-ups in all",
      m(advice.total),
      null,
      advice.topUps.length,
      "keep every campaign delivering",
    ]);
    if (account.cardLimit !== null) {
      rows.push([
        "Card pays with the top-ups",
        m(advice.cardPaysWithAdvice),
        null,
        null,
        `of its ${money(account.cardLimit)} limit; the card pays after cash`,
      ]);
    }
  }
  rows.push(
    [
      "First expiry",
      null,
      totals.firstExpiryOn,
      null,
      totals.firstExpiryOn === null ? "no credit expires unused in the horizon" : null,
    ],
    [
      "Cash runs out",
      null,
      account.cashRunsOutOn,
      null,
      account.cashRunsOutOn === null ? "cash does not run out in the horizon" : null,
    ],
    [
      "First cash fallback",
      null,
      totals.firstFallbackOn,
      null,
      totals.firstFallbackOn === null ? "no campaign falls back to cash" : null,
    ],
  );
  const stopping = plan.campaigns.filter((c) => c.stops.length > 0);
  rows.push([
    "Campaigns that stop",
    null,
    null,
    stopping.length,
    stopping.length > 0
      ? "for lack of money; each one's stops follow (Amount: what goes undelivered)"
      : "no campaign stops for lack of money",
  ]);
  for (const c of stopping) {
    rows.push([
      `Stops: ${named(c.name, c.id)}`,
      m(c.undelivered),
      c.stops[0].from,
      c.stops.length,
      stopPeriods(c.stops),
    ]);
  }
  rows.push([
    "Warnings",
    null,
    null,
    plan.warnings.length,
    "see Plan warnings (each links to its cell)",
  ]);
  return {
    header: ["Figure", `Amount (${plan.currency})`, "Date", "Count", "Detail"],
    kinds: ["text", "money", "date", "number", "text"],
    rows,
  };
}
