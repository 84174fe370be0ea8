/** Tables → plan: the one entry every shell uses (read, then the rules engine). */
import { buildPlan, type Day, type Plan } from "../core";
import { readWorkbook } from "./readWorkbook";
import type { ReadFailure, ReadOptions, WorkbookTables } from "./types";

export interface PlanOverrides {
  /** Replaces the Account `Plan start` (CLI `--start`). */
  start?: Day;
  /** Replaces the Account `Horizon days` (CLI `--days`). */
  days?: number;
}

export type PlanResult = { ok: true; plan: Plan } | ReadFailure;

export function planWorkbook(
  tables: WorkbookTables,
  options: ReadOptions,
  overrides: PlanOverrides = {},
): PlanResult {
  const read = readWorkbook(tables, options);
  if (!read.ok) return read;
  const { account } = read.model;
  if (overrides.start !== undefined) account.planStart = overrides.start;
  if (overrides.days !== undefined) account.horizonDays = overrides.days;
  const plan = buildPlan(read.model);
  // R11: the reader's warnings come first, then the engine's own.
  plan.warnings = [...read.warnings, ...plan.warnings];
  return { ok: true, plan };
}
