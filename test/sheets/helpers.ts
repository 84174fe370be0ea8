import { dayFromYmd } from "../../src/core";
import type { PlanRequest, ReadOptions, Table, WorkbookTables } from "../../src/sheets";

export const TODAY = dayFromYmd(2026, 12, 1);
export const OPTIONS: ReadOptions = { today: TODAY, timeZone: "UTC" };
/** Noon UTC of TODAY: the instant `readAndPlan` takes today from. */
export const AT_TODAY: PlanRequest = { now: Date.UTC(2026, 11, 1, 12), spreadsheetTimeZone: "UTC" };

export const CAMPAIGN_HEADER = ["Campaign ID", "Campaign name", "Budget"];
export const CREDIT_HEADER = ["Credit ID", "Type", "Amount", "Issue date"];

/** A minimal readable workbook, with the given sheets replaced. */
export function workbook(overrides: WorkbookTables = {}): WorkbookTables {
  return {
    campaigns: [CAMPAIGN_HEADER, ["100", "Prospecting", 50]],
    credits: [CREDIT_HEADER, ["C1", "Free", 100, "2026-11-20"]],
    ...overrides,
  };
}

/** Table from a header and rows. */
export function table(header: (string | null)[], ...rows: Table): Table {
  return [header, ...rows];
}
