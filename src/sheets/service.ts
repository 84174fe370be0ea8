/**
 * The add-on's server logic, shared by Apps Script (src/gas) and the local
 * preview (src/cli/preview.ts). Pure: everything a spreadsheet does goes
 * through a `WorkbookPort`, so the same code runs over a real spreadsheet, an
 * in-memory CSV workbook or a test fake.
 */
import type { Plan } from "../core";
import type { Table, WorkbookTables } from "./index";
import {
  campaignSheetTable,
  creditSheetTable,
  drawdownSeriesLabels,
  drawdownSheetTable,
  recommendationSheetTable,
  summaryTable,
  warningSheetTable,
} from "./outputSheets";
import { type AlertsJson, alertsToJson, type PlanJson, planToJson } from "./planJson";
import { type PlanRequest, readAndPlan, readAt } from "./planWorkbook";
import type { OutTable } from "./tables";
import { parseWhatIf, type WhatIfChange } from "./whatIf";

/** The input sheets, by the key `WorkbookTables` uses and the name SHEETS.md gives. */
export const INPUT_SHEETS: readonly { key: keyof WorkbookTables; name: string }[] = [
  { key: "campaigns", name: "Campaigns" },
  { key: "credits", name: "Credits" },
  { key: "account", name: "Account" },
  { key: "topUps", name: "Top-ups" },
  { key: "spendHistory", name: "Spend history" },
  { key: "adGroups", name: "Ad groups" },
];

export const ASSIGNMENT_LOG_SHEET = "Assignment log";
export const ASSIGNMENT_LOG_HEADER = ["When", "Credit", "Before", "After"];

/** The add-on-owned output sheets (CONTRACT §4), by their preferred names. */
export const OUTPUT_SHEETS = {
  summary: "Plan summary",
  credits: "Credit plan",
  campaigns: "Campaign plan",
  drawdown: "Credit drawdown",
  recommendations: "Recommendations",
  warnings: "Plan warnings",
} as const;

/** One output sheet to write: its preferred name, its table, and whether it gets the chart. */
export interface OwnedSheet {
  name: string;
  table: OutTable;
  /** Decimals of the plan's currency (R2), for money number formats. */
  minorUnits: number;
  /** The plan's currency code (R2), shown in money number formats. */
  currency: string;
  /**
   * Draws a line chart of every column after the first against the first;
   * the last column (cash, R10) on its own axis.
   */
  lineChart: boolean;
  /** The chart's legend, one label a column after the first (names beside ids). */
  seriesLabels?: string[];
}

/** Whether a sheet name is free, already the add-on's, or someone else's. */
export type SheetOwnership = "missing" | "owned" | "foreign";

/** What the shared server code needs from a spreadsheet. */
export interface WorkbookPort {
  /** One 2D array per input sheet that exists (names matched case-insensitively). */
  readTables(): WorkbookTables;
  /**
   * The spreadsheet's IANA time zone: Date cells show calendar days in it, and
   * "today" is computed in it when the Account sheet names no zone (R1).
   */
  timeZone(): string;
  /** The current instant, in epoch milliseconds (never a Date: see `readAndPlan`). */
  now(): number;
  /** A human timestamp for the assignment log. */
  timestamp(): string;
  /** Sets one cell (sheet matched case-insensitively) to a text value, never a formula. */
  setCellText(sheet: string, a1: string, text: string): void;
  /** Appends a row to the Assignment log sheet, creating it (with its header) if missing. */
  appendLogRow(row: string[]): void;
  /**
   * Writes an add-on-owned output sheet. Never overwrites, renames or deletes
   * a sheet the add-on does not own: it picks another name (see
   * `chooseOwnedSheetName`) and returns the name used.
   */
  writeOwnedSheet(sheet: OwnedSheet): string;
  /** Moves the selection to a cell (for a clicked warning). */
  selectCell(sheet: string, a1: string): void;
}

/** What `readAndPlan` needs from a port: its instant and its zone. */
function requestOf(port: WorkbookPort, extra: PlanRequest = {}): PlanRequest {
  return { now: port.now(), spreadsheetTimeZone: port.timeZone(), ...extra };
}

/**
 * Reads the workbook, applies the what-if changes and plans, through the one
 * read-and-plan entry (`readAndPlan`, reader warnings first).
 * Throws an Error naming the sheet and column when the input cannot be read.
 */
export function planFromPort(
  port: WorkbookPort,
  whatIf: readonly WhatIfChange[] = [],
  options: Pick<PlanRequest, "recommendations"> = {},
): Plan {
  const result = readAndPlan(port.readTables(), requestOf(port, { whatIf, ...options }));
  if (!result.ok) throw new Error(`The workbook cannot be planned: ${result.error}`);
  return result.plan;
}

/**
 * `getPlan(whatIf)` of CONTRACT §4: the JSON plan with the draw-down series
 * and the labels the sidebar shows;
 * no Date inside. `options` `{ recommendations: false }` leaves R12 out (and
 * marks the plan `recommendationsPending`) so a large account's plan can be on
 * screen before its recommendations are measured.
 */
export function getPlan(port: WorkbookPort, whatIf: unknown, options: unknown = null): PlanJson {
  const withRecommendations = !(
    typeof options === "object" &&
    options !== null &&
    (options as { recommendations?: unknown }).recommendations === false
  );
  const plan = planFromPort(port, parseWhatIf(whatIf), { recommendations: withRecommendations });
  const json = planToJson(plan, { series: true, labels: true });
  if (!withRecommendations) json.recommendationsPending = true;
  return json;
}

/** The sidebar's view of daily alerts (R15): on or off, and the digest the next mail carries. */
export interface AlertsStatus {
  on: boolean;
  /** Where the mail goes (the user who turned alerts on). */
  email: string;
  /** Hour of day (spreadsheet zone) the trigger runs at. */
  hour: number;
  timeZone: string;
  /** The digest of the sheets as they are (no what-if); null when they cannot be planned. */
  digest: AlertsJson | null;
  /** Why the sheets cannot be planned (the mail would say so), or null. */
  error: string | null;
}

/** R15: the digest the next daily mail would carry, from the sheets as they are. */
export function alertsDigest(port: WorkbookPort): Pick<AlertsStatus, "digest" | "error"> {
  const result = readAndPlan(port.readTables(), requestOf(port));
  if (!result.ok) return { digest: null, error: result.error };
  const { plan } = result;
  return { digest: plan.alerts && alertsToJson(plan.alerts, plan.minorUnits), error: null };
}

const A1_PATTERN = /^([A-Z]{1,3})([1-9][0-9]{0,6})$/;

/** Zero-based row and column of an A1 address such as `G5` or `AA12`. */
export function parseA1(a1: string): { row: number; column: number } {
  const match = A1_PATTERN.exec(a1.trim().toUpperCase());
  if (!match) throw new Error(`'${a1}' is not a cell address like G5`);
  let column = 0;
  for (const letter of match[1]) column = column * 26 + (letter.charCodeAt(0) - 64);
  return { row: Number(match[2]) - 1, column: column - 1 };
}

function cellText(table: Table | undefined, a1: string): string {
  const { row, column } = parseA1(a1);
  const value = table?.[row]?.[column];
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

export interface ApplyResult {
  credit: string;
  before: string;
  after: string;
}

/** The Credits sheet cell holding a credit's Assigned campaigns, and its text now. */
function assignmentCell(
  port: WorkbookPort,
  creditId: string,
  what: string,
): { sheet: string; cell: string; text: string } {
  const tables = port.readTables();
  const read = readAt(tables, requestOf(port));
  if (!read.ok) throw new Error(`The workbook cannot be read: ${read.error}`);
  const credit = read.model.credits.find((c) => c.id === creditId);
  if (!credit) throw new Error(`${what}: credit '${creditId}' is not in the Credits sheet`);
  const cell = credit.source?.cells.assignedCampaigns;
  if (!cell) {
    throw new Error(
      `${what}: the Credits sheet has no Assigned campaigns column; add one and try again`,
    );
  }
  return { sheet: credit.source?.sheet ?? "Credits", cell, text: cellText(tables.credits, cell) };
}

/**
 * R6/R12 Apply: writes only the credit's Assigned campaigns cell and appends
 * one line (when, credit, before, after) to the Assignment log, so the change
 * can be undone by hand or with `undoApply`.
 */
export function applyRecommendation(
  port: WorkbookPort,
  creditId: unknown,
  campaignIds: unknown,
): ApplyResult {
  if (typeof creditId !== "string" || creditId === "") throw new Error("Apply: no credit given");
  if (!Array.isArray(campaignIds) || campaignIds.some((id) => typeof id !== "string")) {
    throw new Error("Apply: the campaigns must be a list of ids");
  }
  const { sheet, cell, text: before } = assignmentCell(port, creditId, "Apply");
  const after = (campaignIds as string[]).join(", ");
  port.setCellText(sheet, cell, after);
  port.appendLogRow([port.timestamp(), creditId, before, after]);
  return { credit: creditId, before, after };
}

/**
 * Undo of an Apply: puts back the text the credit's Assigned campaigns cell
 * held before (`before` of the Apply's result), logged like any other change.
 * Refuses when the cell no longer holds what the Apply wrote (someone edited
 * it since): undoing then would overwrite their edit.
 */
export function undoApply(
  port: WorkbookPort,
  creditId: unknown,
  before: unknown,
  after: unknown,
): ApplyResult {
  if (typeof creditId !== "string" || creditId === "") throw new Error("Undo: no credit given");
  if (typeof before !== "string" || typeof after !== "string") {
    throw new Error("Undo: the assignment before and after the Apply must be texts");
  }
  const { sheet, cell, text: now } = assignmentCell(port, creditId, "Undo");
  if (now.trim() !== after.trim()) {
    throw new Error(
      `Undo: the Assigned campaigns of credit '${creditId}' changed since the Apply (now '${now}'); nothing was changed`,
    );
  }
  port.setCellText(sheet, cell, before);
  port.appendLogRow([port.timestamp(), creditId, now, before]);
  return { credit: creditId, before: now, after: before };
}

/** The draw-down table with an end-of-day cash column, for the chart of credits and cash. */
/**
 * Writes the plan to the add-on's own sheets. Returns the sheet names used
 * and a note for every sheet that had to take another name.
 */
export function writePlan(port: WorkbookPort): { sheets: string[]; notes: string[] } {
  const plan = planFromPort(port);
  const writtenAt = `${port.timestamp()} (${port.timeZone()})`;
  const sheet = (name: string, table: OutTable): OwnedSheet => ({
    name,
    table,
    minorUnits: plan.minorUnits,
    currency: plan.currency,
    lineChart: false,
  });
  const outputs: OwnedSheet[] = [
    sheet(OUTPUT_SHEETS.summary, summaryTable(plan, writtenAt)),
    sheet(OUTPUT_SHEETS.credits, creditSheetTable(plan)),
    sheet(OUTPUT_SHEETS.campaigns, campaignSheetTable(plan)),
    {
      ...sheet(OUTPUT_SHEETS.drawdown, drawdownSheetTable(plan)),
      lineChart: true,
      seriesLabels: drawdownSeriesLabels(plan),
    },
    sheet(OUTPUT_SHEETS.recommendations, recommendationSheetTable(plan)),
    sheet(OUTPUT_SHEETS.warnings, warningSheetTable(plan)),
  ];
  const sheets: string[] = [];
  const notes: string[] = [];
  for (const output of outputs) {
    const used = port.writeOwnedSheet(output);
    sheets.push(used);
    if (used !== output.name) {
      notes.push(
        `A sheet named '${output.name}' is not the planner's, so it was left alone; the plan went to '${used}'.`,
      );
    }
  }
  return { sheets, notes };
}

/**
 * The first of `base`, `base (2)`, `base (3)`… that is free or already the
 * add-on's: a sheet the add-on does not own is never reused (CONTRACT §4).
 */
export function chooseOwnedSheetName(
  base: string,
  ownership: (name: string) => SheetOwnership,
): string {
  for (let n = 1; n < 1000; n++) {
    const name = n === 1 ? base : `${base} (${n})`;
    if (ownership(name) !== "foreign") return name;
  }
  throw new Error(`No free sheet name for '${base}'`);
}

/** Moves the selection to a warning's cell; the sheet must be an input sheet name. */
export function selectCell(port: WorkbookPort, sheet: unknown, a1: unknown): void {
  if (typeof sheet !== "string" || sheet === "") throw new Error("Select: no sheet given");
  if (typeof a1 !== "string") throw new Error("Select: no cell given");
  parseA1(a1);
  port.selectCell(sheet, a1.trim().toUpperCase());
}
