/**
 * The custom functions of CONTRACT §3. Inputs arrive as Sheets passes them:
 * 2D arrays with the header row (Dates built for midnight in the spreadsheet
 * zone, trailing empty rows), a single cell as a scalar, an omitted argument
 * as undefined. Outputs are rectangular 2D arrays, header first, with dates
 * as Dates that show the right day in the spreadsheet zone (R1).
 *
 * Bad input throws, naming the argument and the cell counted inside the
 * given range ("credits: C3 — Amount 'abc' is not a number"): a cell formula
 * has no other channel to show a problem. So a missing required column
 * throws, and so does every row-level `error` of the reader (INVALID_VALUE,
 * DUPLICATE_ID), which the sidebar and the CLI would only list as warnings;
 * skipping a row silently would make a formula's answer quietly wrong. The
 * exception is CREDIT_WARNINGS, whose job is to list those problems.
 */
import {
  assignmentLimitFor,
  type CreditType,
  type Day,
  earnedIssueDay,
  LAST_SUPPORTED_DAY,
  lastUsableDay,
  type Plan,
  type Warning,
} from "../core";
import {
  ACCOUNT_TIER_TABLE,
  a1,
  alertTable,
  type Cell,
  CREDIT_TYPE_TABLE,
  campaignTable,
  creditTable,
  drawdownTable,
  enumChoices,
  enumValueOf,
  type OutTable,
  readAndPlan,
  type Table,
  topUpTable,
  type WorkbookTables,
  warningTable,
} from "../sheets";
import { isBlank, readDate, readDateList, readInteger, showCell } from "../sheets/cells";
import { DEFAULT_DATE_ORDER } from "../sheets/dateText";
import { dayDates } from "./zonedDates";

/**
 * What the spreadsheet tells a custom function: its zone and the instant it
 * recalculates at (epoch ms). "Today" is worked out from them by
 * `readAndPlan`, in the Account time zone when the account range names one (R1).
 */
export interface SheetClock {
  timeZone: string;
  now: number;
}

/** A returned cell: Sheets accepts text, numbers, booleans and Dates. */
export type OutCell = string | number | boolean | Date;

const ARGUMENT_OF_SHEET: Record<string, string> = {
  Campaigns: "campaigns",
  Credits: "credits",
  Account: "account",
  "Top-ups": "topups",
  "Spend history": "spend_history",
  "Ad groups": "ad_groups",
};

/**
 * The range arguments of a plan function (CONTRACT §5): the three tables and
 * the optional Top-ups, Spend history and Ad groups ranges, so a formula plans
 * the same workbook the sidebar plans.
 */
export interface PlanRanges {
  campaigns: unknown;
  credits: unknown;
  account?: unknown;
  topUps?: unknown;
  spendHistory?: unknown;
  adGroups?: unknown;
}

/** The optional sheets a formula may leave out, by their sheet name. */
const OPTIONAL_RANGES: readonly [keyof PlanRanges, string][] = [
  ["topUps", "Top-ups"],
  ["spendHistory", "Spend history"],
  ["adGroups", "Ad groups"],
];

/** A range argument as a table; a single cell arrives as a scalar, an omitted one as undefined. */
function asTable(value: unknown): Table | undefined {
  if (value === undefined || value === null || value === "") return undefined;
  if (Array.isArray(value)) {
    return value.map((row) => (Array.isArray(row) ? (row as Cell[]) : [row as Cell]));
  }
  return [[value as Cell]];
}

/** "Credits!C3: Amount 'abc' …" → "credits: C3 — Amount 'abc' …". */
function describeForArgument(warning: Warning): string {
  const argument = (warning.sheet && ARGUMENT_OF_SHEET[warning.sheet]) ?? "input";
  const text = warning.message.replace(/^[^:!]*![A-Z]+[0-9]+:\s*/, "");
  return warning.cell ? `${argument}: ${warning.cell} — ${text}` : `${argument}: ${text}`;
}

function fatalMessage(sheet: string, error: string): string {
  const argument = ARGUMENT_OF_SHEET[sheet] ?? sheet.toLowerCase();
  return `${argument}: ${error}`;
}

interface PlanArgumentOptions {
  /** Throw on the reader's row-level errors (all but CREDIT_WARNINGS). */
  rejectRowErrors: boolean;
  /** R12 is only needed where its output shows (CREDIT_WARNINGS: SPEND_MATCH_LANDS_IDLE). */
  recommendations: boolean;
}

const TABLE_ONLY: PlanArgumentOptions = { rejectRowErrors: true, recommendations: false };

/**
 * The range arguments as the reader's tables; a range left out is no table.
 * The Ad groups range goes to the reader under `adGroups` (SHEETS "Real exports").
 */
export function rangeTables(ranges: PlanRanges): WorkbookTables {
  const tables: WorkbookTables = {
    campaigns: asTable(ranges.campaigns) ?? [],
    credits: asTable(ranges.credits) ?? [],
  };
  for (const key of ["account", "topUps", "spendHistory", "adGroups"] as const) {
    const table = asTable(ranges[key]);
    if (table) (tables as Record<string, Table>)[key] = table;
  }
  return tables;
}

/** Reads the range arguments and plans; throws as the module comment says. */
export function planArguments(
  clock: SheetClock,
  ranges: PlanRanges,
  options: PlanArgumentOptions = TABLE_ONLY,
): Plan {
  const tables = rangeTables(ranges);
  const result = readAndPlan(tables, {
    now: clock.now,
    spreadsheetTimeZone: clock.timeZone,
    recommendations: options.recommendations,
  });
  if (!result.ok) throw new Error(fatalMessage(result.sheet, result.error));
  if (options.rejectRowErrors) {
    const firstError = result.readWarnings.find((w) => w.severity === "error");
    if (firstError) throw new Error(describeForArgument(firstError));
  }
  return result.plan;
}

/** OutTable → what Sheets shows: header first, blanks for null, Dates for days. */
export function renderTable(table: OutTable, timeZone: string): OutCell[][] {
  const toDate = dayDates(timeZone);
  const width = table.header.length;
  const out: OutCell[][] = [table.header.slice()];
  for (const row of table.rows) {
    const cells: OutCell[] = new Array(width);
    for (let c = 0; c < width; c++) {
      const value = row[c];
      if (value === null || value === undefined) cells[c] = "";
      else if (table.kinds[c] === "date" && typeof value === "number") cells[c] = toDate(value);
      else cells[c] = value;
    }
    out.push(cells);
  }
  return out;
}

function withArgument<T>(argument: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new Error(message.startsWith(`${argument}:`) ? message : `${argument}: ${message}`);
  }
}

/** A single-cell argument (a 1×1 range arrives as a scalar, but be lenient). */
function scalar(value: unknown): unknown {
  let current = value;
  while (Array.isArray(current)) current = current[0];
  return current;
}

/** Where a cell sits inside a range argument (`B3`, counted inside the range), or null for one cell. */
type At = string | null;

/** "issue_date: B3 — '2026-03-01garbage' is not a date …": the argument, the cell, the problem. */
function argumentError(argument: string, at: At, cell: unknown, problem: string): Error {
  const shown = `'${showCell(cell as Cell)}' ${problem}`;
  return new Error(at ? `${argument}: ${at} — ${shown}` : `${argument}: ${shown}`);
}

/**
 * A date argument, read by the same reader as a date cell of the sheets
 * (R1): a Date cell is the day it shows in the spreadsheet zone, text is
 * ISO or a month-name date (slash dates in the default MDY order: a formula
 * has no Account sheet); a time-of-day cell, a number, TRUE or trailing text
 * is refused.
 */
function dayArgument(value: unknown, argument: string, clock: SheetClock, at: At = null): Day {
  const cell = scalar(value) as Cell;
  const parsed = readDate(cell, clock.timeZone, DEFAULT_DATE_ORDER);
  if (!parsed.ok) throw argumentError(argument, at, cell, parsed.problem);
  return parsed.value;
}

function textArgument(value: unknown): string {
  const v = scalar(value);
  if (v === undefined || v === null) return "";
  return String(v).trim();
}

/** Applies a scalar function to each cell when a range is given (array formulas), with its address. */
function mapCells(value: unknown, one: (cell: unknown, at: At) => OutCell): OutCell | OutCell[][] {
  if (Array.isArray(value)) {
    return value.map((row, r) =>
      (Array.isArray(row) ? row : [row]).map((cell, c) => one(cell, a1(r, c))),
    );
  }
  return one(value, null);
}

/** A custom function that shows one table of the ranges' plan (the plan the sidebar makes). */
function planTableFunction(toTable: (plan: Plan) => OutTable) {
  return (
    clock: SheetClock,
    campaigns: unknown,
    credits: unknown,
    account?: unknown,
    topUps?: unknown,
    spendHistory?: unknown,
    adGroups?: unknown,
  ) => {
    const ranges = { campaigns, credits, account, topUps, spendHistory, adGroups };
    return renderTable(toTable(planArguments(clock, ranges)), clock.timeZone);
  };
}

export const creditPlan = planTableFunction(creditTable);

export const creditCampaigns = planTableFunction(campaignTable);

/** CONTRACT §5: the id argument stays where it was; the optional ranges follow it. */
export function creditDrawdown(
  clock: SheetClock,
  campaigns: unknown,
  credits: unknown,
  account: unknown,
  creditId: unknown,
  topUps?: unknown,
  spendHistory?: unknown,
  adGroups?: unknown,
) {
  const ranges = { campaigns, credits, account, topUps, spendHistory, adGroups };
  const plan = planArguments(clock, ranges);
  const id = textArgument(creditId);
  const table = withArgument("credit_id", () => drawdownTable(plan, id === "" ? undefined : id));
  return renderTable(table, clock.timeZone);
}

/** CONTRACT §5: the id argument stays where it was; the optional ranges follow it. */
export function creditFallbackDate(
  clock: SheetClock,
  campaigns: unknown,
  credits: unknown,
  account: unknown,
  campaignId: unknown,
  topUps?: unknown,
  spendHistory?: unknown,
  adGroups?: unknown,
): OutCell {
  const id = textArgument(campaignId);
  if (id === "") throw new Error("campaign_id: no campaign given");
  const ranges = { campaigns, credits, account, topUps, spendHistory, adGroups };
  const plan = planArguments(clock, ranges);
  const campaign = plan.campaigns.find((c) => c.id === id);
  if (!campaign) throw new Error(`campaign_id: '${id}' is not in campaigns`);
  return campaign.cashFallbackOn === null ? "" : dayDates(clock.timeZone)(campaign.cashFallbackOn);
}

export function creditWarnings(
  clock: SheetClock,
  campaigns: unknown,
  credits: unknown,
  account?: unknown,
  topUps?: unknown,
  spendHistory?: unknown,
  adGroups?: unknown,
) {
  const ranges: PlanRanges = { campaigns, credits, account, topUps, spendHistory, adGroups };
  const plan = planArguments(clock, ranges, { rejectRowErrors: false, recommendations: true });
  // An optional range left out of the formula says nothing about whether the sheet exists.
  const omitted = new Set(
    OPTIONAL_RANGES.filter(([key]) => asTable(ranges[key]) === undefined).map(([, name]) => name),
  );
  const warnings = plan.warnings.filter(
    (w) => !(w.code === "MISSING_SHEET" && w.sheet !== null && omitted.has(w.sheet)),
  );
  return renderTable(warningTable({ ...plan, warnings }), clock.timeZone);
}

/** CREDIT_ALERTS (R15): the digest of the ranges' plan; the look-ahead is Account `Alert days`. */
export function creditAlerts(
  clock: SheetClock,
  campaigns: unknown,
  credits: unknown,
  account?: unknown,
  topUps?: unknown,
  spendHistory?: unknown,
  adGroups?: unknown,
) {
  // The digest names R12's saving assignment, so R12 runs.
  const plan = planArguments(
    clock,
    { campaigns, credits, account, topUps, spendHistory, adGroups },
    { rejectRowErrors: true, recommendations: true },
  );
  return renderTable(alertTable(plan), clock.timeZone);
}

/**
 * CREDIT_TOPUP (R13): the top-up advice of the ranges' plan (the plan the
 * sidebar makes of the same sheets): day, amount, the last day it keeps
 * every campaign delivering and, with a card limit, the card's part.
 */
export const creditTopUp = planTableFunction(topUpTable);

export function creditExpiry(clock: SheetClock, issueDate: unknown, validityDays: unknown) {
  const validityValue = scalar(validityDays) as Cell;
  let validity = 30;
  if (!isBlank(validityValue)) {
    // The Credits sheet's Validity days reader: whole days 1…3650, TRUE is not 1.
    const parsed = readInteger(validityValue, 1, 3650);
    if (!parsed.ok) {
      throw argumentError("validity_days", null, validityValue, `${parsed.problem} (days)`);
    }
    validity = parsed.value;
  }
  const toDate = dayDates(clock.timeZone);
  // R8: the issue day is day 1.
  return mapCells(issueDate, (cell, at) => {
    if (cell === "") return "";
    const last = lastUsableDay(dayArgument(cell, "issue_date", clock, at), null, validity);
    if (last > LAST_SUPPORTED_DAY) {
      throw argumentError("issue_date", at, cell, "plus validity_days ends after 9999-12-31");
    }
    return toDate(last);
  });
}

export function creditAssignLimit(clock: SheetClock, issueDate: unknown) {
  // R6: 10 campaigns up to 2024-07-31, 30 after.
  return mapCells(issueDate, (cell, at) =>
    cell === "" ? "" : assignmentLimitFor(dayArgument(cell, "issue_date", clock, at)),
  );
}

export function creditIssueDate(
  clock: SheetClock,
  thresholdDate: unknown,
  type: unknown,
  tier: unknown,
  holidays: unknown,
) {
  // The arguments take the Credits and Account sheets' spellings (one table each).
  const typeText = textArgument(type);
  const creditType: CreditType | null =
    typeText === "" ? "spend_match" : enumValueOf(CREDIT_TYPE_TABLE, typeText);
  if (!creditType) {
    throw new Error(`type: '${typeText}' is not a credit type (${enumChoices(CREDIT_TYPE_TABLE)})`);
  }
  const tierText = textArgument(tier);
  const accountTier = tierText === "" ? "standard" : enumValueOf(ACCOUNT_TIER_TABLE, tierText);
  if (!accountTier) {
    throw new Error(`tier: '${tierText}' is not ${enumChoices(ACCOUNT_TIER_TABLE)}`);
  }
  // Every cell of the range, each a date or a list of dates as the Account Holidays cell takes.
  const holidayDays = new Set<Day>();
  const holidayRows = Array.isArray(holidays) ? holidays : [[holidays]];
  holidayRows.forEach((row: unknown, r: number) => {
    (Array.isArray(row) ? row : [row]).forEach((cell: unknown, c: number) => {
      if (isBlank(cell as Cell)) return;
      const parsed = readDateList(cell as Cell, clock.timeZone, DEFAULT_DATE_ORDER);
      if (!parsed.ok) {
        const at = Array.isArray(holidays) ? a1(r, c) : null;
        throw argumentError("holidays", at, cell, parsed.problem);
      }
      for (const day of parsed.value) holidayDays.add(day);
    });
  });
  const toDate = dayDates(clock.timeZone);
  // R7: spend-match delays are calendar days, other types business days.
  return mapCells(thresholdDate, (cell, at) =>
    cell === ""
      ? ""
      : toDate(
          earnedIssueDay(
            dayArgument(cell, "threshold_date", clock, at),
            creditType,
            null,
            accountTier,
            holidayDays,
          ),
        ),
  );
}
