/**
 * Tables → plan: the one read-and-plan entry every face uses (the CLI, the
 * preview, the sidebar service, Write plan to sheets and every custom
 * function). "Today" is worked out here and only here (R1): the instant the
 * face was asked at, seen in the Account `Time zone` (SHEETS.md: default the
 * spreadsheet's zone; the CLI's spreadsheet zone is UTC). No `Date` crosses
 * into src/core: the engine gets the day number.
 */
import {
  buildPlan,
  type Day,
  isoDate,
  LAST_SUPPORTED_DAY,
  type Model,
  type Plan,
  type Warning,
} from "../core";
import { accountTimeZone } from "./readAccount";
import { type ReadResult, readWorkbook } from "./readWorkbook";
import { dayInTimeZone } from "./timeZone";
import type { ReadFailure, WorkbookTables } from "./types";
import { applyWhatIf, type WhatIfChange } from "./whatIf";

export interface PlanOverrides {
  /** Replaces the Account `Plan start` (CLI `--start`). */
  start?: Day;
  /** Replaces the Account `Horizon days` (CLI `--days`). */
  days?: number;
  /** What the shell's loading found (R11), e.g. a file read as UTF-16: listed first. */
  notes?: readonly Warning[];
  /** Replaces the Account `Alert days` (CLI `alerts --within`, R15). */
  alertDays?: number;
}

/** What a face knows when it asks for a plan. */
export interface PlanRequest {
  /**
   * The instant the plan is asked at, in epoch milliseconds; "today" is its
   * calendar day in the Account time zone. Omitted or null: the current instant.
   */
  now?: number | null;
  /**
   * The spreadsheet's zone: Date cells show calendar days in it (R1), and it
   * is the Account `Time zone` when the sheet names none. Default UTC (CLI).
   */
  spreadsheetTimeZone?: string;
  overrides?: PlanOverrides;
  /** Sidebar what-if edits, applied to the model, never written. */
  whatIf?: readonly WhatIfChange[];
  /**
   * R12 recommendations, upper bound and their warnings (default true). They
   * re-run the plan once per assignable credit; a formula that shows only
   * per-credit or per-campaign results skips them (R1–R11 are unchanged).
   */
  recommendations?: boolean;
}

export type ReadAtResult = (ReadResult & { ok: true; today: Day }) | ReadFailure;

export type PlanResult =
  | {
      ok: true;
      plan: Plan;
      /** The reader's own warnings (also first in `plan.warnings`). */
      readWarnings: Warning[];
      /** The model as read (before the what-if changes), with each row's source cells. */
      model: Model;
    }
  | ReadFailure;

/** R1: the calendar day of the instant in the zone "today" is computed in. */
export function todayFor(tables: WorkbookTables, request: PlanRequest = {}): Day {
  const zone = accountTimeZone(tables.account) ?? request.spreadsheetTimeZone ?? "UTC";
  return dayInTimeZone(request.now ?? Date.now(), zone);
}

/** The read half of `readAndPlan`: the model as of today (for Apply, which needs the cells). */
export function readAt(tables: WorkbookTables, request: PlanRequest = {}): ReadAtResult {
  const today = todayFor(tables, request);
  const read = readWorkbook(tables, { today, timeZone: request.spreadsheetTimeZone });
  return read.ok ? { ...read, today } : read;
}

/** Reads the workbook as of the instant and plans it, or names the sheet and column that stop it. */
export function readAndPlan(tables: WorkbookTables, request: PlanRequest = {}): PlanResult {
  const read = readAt(tables, request);
  if (!read.ok) return read;
  const { overrides = {} } = request;
  const changed = applyWhatIf(read.model, request.whatIf ?? []);
  const model: Model = { ...changed, account: { ...changed.account } };
  if (overrides.start !== undefined) model.account.planStart = overrides.start;
  if (overrides.days !== undefined) model.account.horizonDays = overrides.days;
  if (overrides.alertDays !== undefined) model.account.alertDays = overrides.alertDays;
  // R1: days are only supported within 1900-01-01 … 9999-12-31, the horizon's last day too.
  const { planStart, horizonDays } = model.account;
  if (planStart + horizonDays - 1 > LAST_SUPPORTED_DAY) {
    return {
      ok: false,
      sheet: "Account",
      column: null,
      error: `Account: a plan starting ${isoDate(planStart)} for ${horizonDays} days would end after 9999-12-31, the last supported date; start earlier or plan fewer days`,
    };
  }
  const plan = buildPlan(model, { recommendations: request.recommendations !== false });
  // R11: the loader's notes and the reader's warnings come first, then the engine's own.
  plan.warnings = [...(overrides.notes ?? []), ...read.warnings, ...plan.warnings];
  return { ok: true, plan, readWarnings: read.warnings, model: read.model };
}
