/**
 * The synthetic accounts of `synthetic.ts` as the sheets a person would have:
 * one model → tables conversion for every bench (CSV files for the CLI and
 * the preview, 2D arrays with Dates for the Apps Script bundle).
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Day, isoDate, type Model, toMajor } from "../src/core";
import type { Cell, Table, WorkbookTables } from "../src/sheets";
import {
  BUDGET_MODE_LABELS,
  CAMPAIGN_STATUS_LABELS,
  CREDIT_INPUT_STATUS_LABELS,
  CREDIT_TYPE_LABELS,
} from "../src/sheets/labels";
import { type SizeName, stoppingModel, syntheticModel } from "./synthetic";

export { SIZES, type SizeName, stoppingModel, syntheticModel } from "./synthetic";

/** The model's five sheets; `dateCell` renders a day (ISO text by default). */
export function modelToTables(
  model: Model,
  dateCell: (day: Day) => Cell = isoDate,
): Required<WorkbookTables> {
  const money = (minor: number | null): Cell =>
    minor === null ? "" : toMajor(minor, model.account.minorUnits);
  const date = (day: Day | null): Cell => (day === null ? "" : dateCell(day));
  const list = (items: string[]) => items.join(", ");
  const campaigns: Table = [
    [
      "Campaign ID",
      "Campaign name",
      "Status",
      "Budget mode",
      "Budget",
      "Expected daily spend",
      "Spent to date",
      "Start date",
      "End date",
      "Ad product",
      "Countries",
    ],
    ...model.campaigns.map((c) => [
      c.id,
      c.name,
      CAMPAIGN_STATUS_LABELS[c.status],
      BUDGET_MODE_LABELS[c.budgetMode],
      money(c.budget),
      money(c.expectedDailySpend),
      money(c.spentToDate),
      date(c.startDate),
      date(c.endDate),
      c.adProduct ?? "",
      list(c.countries),
    ]),
  ];
  const credits: Table = [
    [
      "Credit ID",
      "Name",
      "Type",
      "Amount",
      "Used",
      "Status",
      "Issue date",
      "Valid until",
      "Validity days",
      "Assigned campaigns",
      "Ad products",
      "Countries",
      "Min cash balance",
      "Spend threshold",
      "Spend counted from",
      "Spend so far",
      "Earn by",
      "Issue delay",
      "Redeem on",
      "Redeem by",
    ],
    ...model.credits.map((c) => [
      c.id,
      c.name,
      CREDIT_TYPE_LABELS[c.type],
      money(c.amount),
      money(c.used),
      CREDIT_INPUT_STATUS_LABELS[c.status],
      date(c.issueDate),
      date(c.validUntil),
      c.validityDays ?? "",
      list(c.assignedCampaigns),
      list(c.adProducts),
      list(c.countries),
      money(c.minCashBalance),
      money(c.spendThreshold),
      date(c.spendCountedFrom),
      money(c.spendSoFar),
      date(c.earnBy),
      c.issueDelay ?? "",
      date(c.redeemOn),
      date(c.redeemBy),
    ]),
  ];
  const a = model.account;
  const account: Table = [
    ["Setting", "Value"],
    ["Currency", a.currency],
    ["Plan start", date(a.planStart)],
    ["Horizon days", a.horizonDays],
    ["Cash balance", money(a.cashBalance)],
    ["Fallback payment", a.fallbackPayment === "card" ? "Card" : "None"],
    ["Card limit", money(a.cardLimit)],
    ["One promotion at a time", a.onePromotionAtATime ? "Yes" : "No"],
  ];
  const topUps: Table = [
    ["Date", "Amount"],
    ...model.topUps.map((t) => [date(t.day), money(t.amount)]),
  ];
  const spendHistory: Table = [
    ["Date", "Campaign ID", "Spend"],
    ...model.spendHistory.map((r) => [date(r.day), r.campaignId, money(r.amount)]),
  ];
  // The synthetic accounts budget every campaign itself: no ad groups.
  const adGroups: Table = [["Ad group ID", "Campaign ID", "Budget"]];
  return { campaigns, credits, account, topUps, spendHistory, adGroups };
}

const CSV_FILES: Record<keyof WorkbookTables, string> = {
  campaigns: "campaigns.csv",
  credits: "credits.csv",
  account: "account.csv",
  topUps: "topups.csv",
  spendHistory: "spend-history.csv",
  adGroups: "adgroups.csv",
};

function csvField(value: Cell): string {
  const text = value === null || value === undefined ? "" : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Writes a synthetic account's CSV workbook into `dir`; the same size always writes the same bytes. */
export function writeSyntheticWorkbook(
  dir: string,
  size: SizeName = "L",
  variant: "as is" | "stops" = "as is",
): string {
  mkdirSync(dir, { recursive: true });
  const tables = modelToTables(variant === "stops" ? stoppingModel(size) : syntheticModel(size));
  for (const key of Object.keys(CSV_FILES) as (keyof WorkbookTables)[]) {
    const rows = tables[key].map((row) => row.map(csvField).join(","));
    writeFileSync(join(dir, CSV_FILES[key]), `${rows.join("\n")}\n`);
  }
  return dir;
}
