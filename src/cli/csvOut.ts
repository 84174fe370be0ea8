/**
 * `plan … --format csv --out DIR`: the plan's tables as CSV files, plus the
 * input sheets as they were read, so the folder is itself a workbook.
 *
 * "Round-trips" means: `credit-planner plan DIR` on the folder gives the
 * same plan as on the original workbook (CSV or .xlsx, same `--start` and
 * `--days`), and every plan table reads back, through the same CSV reader,
 * to the values written (dates as `YYYY-MM-DD`, amounts in the major unit).
 * The plan tables are outputs: they are not input-shaped and `plan` ignores
 * them. Existing files are never overwritten.
 */
import { join } from "node:path";
import { isoDate, type Plan } from "../core";
import {
  type Cell,
  campaignTable,
  creditTable,
  drawdownTable,
  ledgerTable,
  type OutTable,
  recommendationTable,
  type SheetKey,
  type WorkbookTables,
  warningTable,
} from "../sheets";
import { CSV_FILE_NAMES } from "./loadWorkbook";
import { toCsv, writeNewFiles } from "./template";

/** The plan's tables, by file name. */
export const PLAN_CSV_FILES = {
  credits: "credit-plan.csv",
  campaigns: "campaign-plan.csv",
  drawdown: "drawdown.csv",
  warnings: "warnings.csv",
  recommendations: "recommendations.csv",
  daily: "daily.csv",
} as const;

/** An input cell as CSV text: a Date cell (xlsx, UTC midnight) as its calendar day. */
function inputCell(value: Cell): string | number {
  if (value === null || value === undefined) return "";
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === "boolean") return value ? "TRUE" : "FALSE";
  return value;
}

function outTableCsv(table: OutTable): string {
  const rows = table.rows.map((row) =>
    row.map((value, c) => {
      if (value === null || value === undefined) return "";
      if (table.kinds[c] === "date" && typeof value === "number") return isoDate(value);
      return value;
    }),
  );
  return toCsv([table.header, ...rows]);
}

/** Writes the folder; returns the paths written. */
export function writePlanCsv(
  dir: string,
  tables: WorkbookTables,
  plan: Plan,
  options: { daily: boolean },
): string[] {
  const files: { path: string; text: string }[] = [];
  for (const key of Object.keys(CSV_FILE_NAMES) as SheetKey[]) {
    const table = tables[key];
    if (!table) continue;
    files.push({
      path: join(dir, CSV_FILE_NAMES[key]),
      text: toCsv(table.map((row) => row.map(inputCell))),
    });
  }
  const outputs: [string, OutTable][] = [
    [PLAN_CSV_FILES.credits, creditTable(plan)],
    [PLAN_CSV_FILES.campaigns, campaignTable(plan)],
    [PLAN_CSV_FILES.drawdown, drawdownTable(plan)],
    [PLAN_CSV_FILES.warnings, warningTable(plan)],
    [PLAN_CSV_FILES.recommendations, recommendationTable(plan)],
  ];
  if (options.daily) outputs.push([PLAN_CSV_FILES.daily, ledgerTable(plan)]);
  for (const [name, table] of outputs)
    files.push({ path: join(dir, name), text: outTableCsv(table) });
  return writeNewFiles(dir, files);
}
