/**
 * Plan → tables, in one place: the custom functions, the output sheets and
 * the command line all show these. Money cells are major-unit numbers, date
 * cells Day integers or null: each shell renders dates its own way.
 */
import { isoDate, type Plan, SOURCE_CARD, SOURCE_CASH, SOURCE_UNDELIVERED, toMajor } from "../core";
import { ALERT_KIND_LABELS, CREDIT_STATUS_LABELS, CREDIT_TYPE_LABELS } from "./labels";

/** `cell`: a `Sheet!A1` reference (text; the Sheets face links it to the cell). */
export type OutKind = "text" | "money" | "date" | "number" | "cell";

export interface OutTable {
  header: string[];
  kinds: OutKind[];
  rows: (string | number | null)[][];
}

export { CREDIT_STATUS_LABELS, CREDIT_TYPE_LABELS };

/**
 * CREDIT_PLAN (CONTRACT §3): one row a credit; issued on, expires on,
 * remaining at end, issued, available and at risk follow (CONTRACT §5).
 */
export function creditTable(plan: Plan): OutTable {
  const m = (amount: number) => toMajor(amount, plan.minorUnits);
  return {
    header: [
      "Credit ID",
      "Type",
      "Remaining now",
      "Used",
      "Expired",
      "Depleted on",
      "Last usable day",
      "Status",
      "Issued on",
      "Expires on",
      "Remaining at end",
      "Issued",
      "Available",
      "At risk",
    ],
    kinds: [
      "text",
      "text",
      "money",
      "money",
      "money",
      "date",
      "date",
      "text",
      "date",
      "date",
      "money",
      "money",
      "money",
      "money",
    ],
    rows: plan.credits.map((c) => [
      c.id,
      CREDIT_TYPE_LABELS[c.type],
      m(c.remainingAtStart),
      m(c.used),
      m(c.expired),
      c.depletedOn,
      c.lastUsableDay,
      CREDIT_STATUS_LABELS[c.status],
      c.issuedOn,
      c.expiresOn,
      m(c.remainingAtEnd),
      m(c.issued),
      m(c.available),
      m(c.atRisk),
    ]),
  };
}

/**
 * R14: every stop of a campaign as one text cell, `2027-01-04…2027-01-09,
 * 2027-01-28` (ISO days: the same in every spreadsheet locale); null when
 * it never stops.
 */
export function stopsCell(stops: readonly { from: number; to: number }[]): string | null {
  if (stops.length === 0) return null;
  return stops
    .map((s) => (s.from === s.to ? isoDate(s.from) : `${isoDate(s.from)}…${isoDate(s.to)}`))
    .join(", ");
}

/**
 * CREDIT_CAMPAIGNS (CONTRACT §3) and the Campaign plan sheet: one row a
 * campaign; demand and spend follow, then every stop (R14: the Stop day
 * column is only the first).
 */
export function campaignTable(plan: Plan): OutTable {
  const m = (amount: number) => toMajor(amount, plan.minorUnits);
  return {
    header: [
      "Campaign ID",
      "Campaign name",
      "Credit-funded",
      "Cash",
      "Card",
      "Undelivered",
      "Cash fallback day",
      "Stop day",
      "Demand",
      "Spend",
      "Stops",
    ],
    kinds: [
      "text",
      "text",
      "money",
      "money",
      "money",
      "money",
      "date",
      "date",
      "money",
      "money",
      "text",
    ],
    rows: plan.campaigns.map((c) => [
      c.id,
      c.name,
      m(c.creditFunded),
      m(c.cashFunded),
      m(c.cardFunded),
      m(c.undelivered),
      c.cashFallbackOn,
      c.stoppedOn,
      m(c.demand),
      m(c.spend),
      stopsCell(c.stops),
    ]),
  };
}

/**
 * CREDIT_DRAWDOWN (CONTRACT §3): Date + remaining balance per credit (or the
 * one credit), end of each day. Throws when `creditId` is not a credit of the plan.
 */
export function drawdownTable(plan: Plan, creditId?: string): OutTable {
  const n = plan.credits.length;
  let columns = plan.credits.map((_, index) => index);
  if (creditId !== undefined && creditId !== null && creditId !== "") {
    const wanted = String(creditId).trim();
    const index = plan.credits.findIndex((c) => c.id === wanted);
    if (index < 0) throw new Error(`credit_id: no credit '${wanted}' in the plan`);
    columns = [index];
  }
  const rows: (string | number | null)[][] = new Array(plan.days);
  for (let d = 0; d < plan.days; d++) {
    const row: (string | number | null)[] = [plan.start + d];
    for (const c of columns) row.push(toMajor(plan.balances[d * n + c], plan.minorUnits));
    rows[d] = row;
  }
  return {
    header: ["Date", ...columns.map((c) => plan.credits[c].id)],
    kinds: ["date", ...columns.map((): OutKind => "money")],
    rows,
  };
}

/** CREDIT_WARNINGS (CONTRACT §3): code, severity, message, cell as `Sheet!A1`. */
export function warningTable(plan: Plan): OutTable {
  return {
    header: ["Code", "Severity", "Message", "Cell"],
    kinds: ["text", "text", "text", "text"],
    rows: plan.warnings.map((w) => [
      w.code,
      w.severity,
      w.message,
      w.sheet && w.cell ? `${w.sheet}!${w.cell}` : (w.sheet ?? null),
    ]),
  };
}

/**
 * CREDIT_ALERTS (R15): the digest, one row an item in its order: the day to
 * act by, the kind, the amount at risk, the credit or campaigns, the action.
 * Empty (header only) when nothing needs action.
 */
export function alertTable(plan: Plan): OutTable {
  const m = (amount: number) => toMajor(amount, plan.minorUnits);
  return {
    header: ["Day", "Kind", "Amount", "Credit or campaigns", "Action"],
    kinds: ["date", "text", "money", "text", "text"],
    rows: (plan.alerts?.items ?? []).map((item) => [
      item.day,
      ALERT_KIND_LABELS[item.kind],
      m(item.amount),
      item.credit ? item.credit.id : item.campaigns.map((c) => c.id).join(", "),
      item.action,
    ]),
  };
}

/** CREDIT_TOPUP's one row when nothing stops (R13: no stop, no advice). */
export const NO_TOP_UP_NEEDED = "No top-up needed";

/**
 * CREDIT_TOPUP (R13): the top-up advice, one row an advised top-up: the day
 * to top up on, the amount, the last day it keeps every campaign
 * delivering, and where a card with a limit is the fallback, what the card
 * pays in that window (the card pays after cash). One "No top-up needed"
 * row when nothing stops.
 */
export function topUpTable(plan: Plan): OutTable {
  const m = (amount: number) => toMajor(amount, plan.minorUnits);
  const card = plan.account.cardLimit !== null;
  const header = ["Top up on", "Amount", "Keeps delivering through"];
  const kinds: OutKind[] = ["date", "money", "date"];
  if (card) {
    header.push("Card pays then");
    kinds.push("money");
  }
  const rows = plan.advice.topUps.map((t) => {
    const row: (string | number | null)[] = [t.day, m(t.amount), t.until];
    if (card) row.push(m(t.cardPays));
    return row;
  });
  if (rows.length === 0) rows.push([NO_TOP_UP_NEEDED, ...header.slice(1).map(() => null)]);
  return { header, kinds, rows };
}

function ledgerSourceLabel(plan: Plan, source: number): string {
  if (source === SOURCE_CASH) return "cash";
  if (source === SOURCE_CARD) return "card";
  if (source === SOURCE_UNDELIVERED) return "undelivered";
  return `credit:${plan.credits[source].id}`;
}

/** Daily ledger: who paid what, per campaign and day (CONTRACT §1 `daily`). */
export function ledgerTable(plan: Plan): OutTable {
  const { ledger } = plan;
  const rows: (string | number | null)[][] = new Array(ledger.length);
  for (let i = 0; i < ledger.length; i++) {
    rows[i] = [
      ledger.day[i],
      plan.campaigns[ledger.campaign[i]].id,
      ledgerSourceLabel(plan, ledger.source[i]),
      toMajor(ledger.amount[i], plan.minorUnits),
    ];
  }
  return {
    header: ["Date", "Campaign", "Source", "Amount"],
    kinds: ["date", "text", "text", "money"],
    rows,
  };
}

/** R12: one row per recommended assignment, with the measured gain. */
export function recommendationTable(plan: Plan): OutTable {
  const m = (amount: number) => toMajor(amount, plan.minorUnits);
  return {
    header: ["Credit", "Assign to", "Expires now", "Expires after", "Saved", "Why"],
    kinds: ["text", "text", "money", "money", "money", "text"],
    rows: plan.recommendations.map((r) => [
      r.credit,
      r.assign.join(", "),
      m(r.expiredBefore),
      m(r.expiredAfter),
      m(r.expirySaved),
      r.reason,
    ]),
  };
}
