/** What the readers take in: cell values as Sheets `getValues()` or a CSV/xlsx reader gives them. */
import type { Day } from "../core";

export type Cell = string | number | boolean | Date | null | undefined;
export type Table = Cell[][];

export interface WorkbookTables {
  campaigns?: Table;
  credits?: Table;
  account?: Table;
  topUps?: Table;
  spendHistory?: Table;
  /** Optional (spec v3): schedules, and the budgets of No-limit campaigns. */
  adGroups?: Table;
}

export interface ReadOptions {
  /** Plan start when the Account sheet does not set one. */
  today: Day;
  /** Zone used to turn Date cells into the calendar day the sheet shows (R1); default UTC. */
  timeZone?: string;
}

/** Sheet names as warnings and errors name them. */
export const SHEET_NAMES = {
  campaigns: "Campaigns",
  credits: "Credits",
  account: "Account",
  topUps: "Top-ups",
  spendHistory: "Spend history",
  adGroups: "Ad groups",
} as const;

export type SheetKey = keyof typeof SHEET_NAMES;

/** A fatal reading problem: a required sheet or column is missing. */
export interface ReadFailure {
  ok: false;
  /** One line naming the sheet and column. */
  error: string;
  sheet: string;
  column: string | null;
}
