/**
 * `WorkbookPort` over the active spreadsheet. Batch calls only: one
 * `getSheetValues()` per input sheet, one `setValues()` per
 * output block, no per-cell calls in loops (Apps Script service calls are
 * slow and quota-limited).
 */
import type { Table, WorkbookTables } from "../sheets";
import {
  ASSIGNMENT_LOG_HEADER,
  ASSIGNMENT_LOG_SHEET,
  chooseOwnedSheetName,
  INPUT_SHEETS,
  type OwnedSheet,
  type SheetOwnership,
  type WorkbookPort,
} from "../sheets/service";
import { asLiteralText, TEXT_FORMAT } from "./textSafety";
import { dayDates, timestampInZone } from "./zonedDates";

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** Developer metadata key that marks a sheet as the add-on's own. */
export const OWNED_KEY = "adCreditPlanner.owned";
const CHART_SERIES_LIMIT = 20;

/**
 * Sheets refuses a second sheet whose name differs only in case, so every
 * lookup ignores case (and the spaces around a name) rather than trusting
 * `getSheetByName`.
 */
function findSheet(spreadsheet: Spreadsheet, name: string): Sheet | null {
  const wanted = name.trim().toLowerCase();
  return spreadsheet.getSheets().find((s) => s.getName().trim().toLowerCase() === wanted) ?? null;
}

/**
 * Every value from A1 to the last row and column with data, in one service
 * call: `getSheetValues` with -1 sizes reads to the last row or column that
 * has data. A sheet with no data has no such range; its data range (A1) is
 * read instead, so the reader reports the missing header.
 */
function allValues(sheet: Sheet): Table {
  try {
    return sheet.getSheetValues(1, 1, -1, -1) as Table;
  } catch {
    return sheet.getDataRange().getValues() as Table;
  }
}

function isOwned(sheet: Sheet): boolean {
  return sheet.getDeveloperMetadata().some((m) => m.getKey() === OWNED_KEY);
}

function ownershipOf(spreadsheet: Spreadsheet, name: string): SheetOwnership {
  const sheet = findSheet(spreadsheet, name);
  if (!sheet) return "missing";
  return isOwned(sheet) ? "owned" : "foreign";
}

/** An owned sheet ready to be filled: a fresh one, or the add-on's own, emptied. */
function ownedSheetNamed(spreadsheet: Spreadsheet, name: string): Sheet {
  const existing = findSheet(spreadsheet, name);
  if (existing) {
    for (const chart of existing.getCharts()) existing.removeChart(chart);
    existing.clear();
    return existing;
  }
  const sheet = spreadsheet.insertSheet(name);
  sheet.addDeveloperMetadata(OWNED_KEY, "1", SpreadsheetApp.DeveloperMetadataVisibility.DOCUMENT);
  return sheet;
}

/**
 * Grows the sheet's grid to at least `rows` × `columns`, one insert call per
 * dimension: a range outside the grid throws, and a new sheet is 1000 × 26.
 */
export function ensureGrid(sheet: Sheet, rows: number, columns: number): void {
  const maxRows = sheet.getMaxRows();
  if (rows > maxRows) sheet.insertRowsAfter(maxRows, rows - maxRows);
  const maxColumns = sheet.getMaxColumns();
  if (columns > maxColumns) sheet.insertColumnsAfter(maxColumns, columns - maxColumns);
}

function moneyFormat(minorUnits: number): string {
  return minorUnits > 0 ? `#,##0.${"0".repeat(minorUnits)}` : "#,##0";
}

const NUMBER_FORMATS = { text: TEXT_FORMAT, date: "yyyy-mm-dd", number: "0.##" } as const;

/** Values and number formats of an owned sheet's block: dates as zoned Dates, text made literal. */
export function sheetBlock(
  sheet: OwnedSheet,
  timeZone: string,
): { values: (string | number | Date)[][]; formats: string[][] } {
  const { header, kinds, rows } = sheet.table;
  const toDate = dayDates(timeZone);
  const columnFormats = kinds.map((kind) =>
    kind === "money" ? moneyFormat(sheet.minorUnits) : NUMBER_FORMATS[kind],
  );
  const values: (string | number | Date)[][] = [header.map(asLiteralText)];
  const formats: string[][] = [header.map(() => TEXT_FORMAT)];
  for (const row of rows) {
    values.push(
      header.map((_, c) => {
        const value = row[c];
        if (value === null || value === undefined) return "";
        if (kinds[c] === "date" && typeof value === "number") return toDate(value);
        return typeof value === "string" ? asLiteralText(value) : value;
      }),
    );
    formats.push(columnFormats);
  }
  return { values, formats };
}

function addLineChart(sheet: Sheet, rowCount: number, columnCount: number): void {
  const builder = sheet.newChart().asLineChart();
  if (columnCount <= CHART_SERIES_LIMIT + 2) {
    builder.addRange(sheet.getRange(1, 1, rowCount, columnCount));
  } else {
    // Hundreds of lines are unreadable: the date, the first credits and the last (cash) column.
    builder.addRange(sheet.getRange(1, 1, rowCount, CHART_SERIES_LIMIT + 1));
    builder.addRange(sheet.getRange(1, columnCount, rowCount, 1));
  }
  builder
    .setTitle("Credit balances and cash")
    .setNumHeaders(1)
    .setPosition(2, Math.min(columnCount + 2, 26), 0, 0);
  sheet.insertChart(builder.build());
}

export function spreadsheetPort(spreadsheet: Spreadsheet): WorkbookPort {
  let zone: string | null = null;
  const timeZone = () => {
    zone ??= spreadsheet.getSpreadsheetTimeZone();
    return zone;
  };

  return {
    readTables(): WorkbookTables {
      const byName = new Map<string, Sheet>();
      for (const sheet of spreadsheet.getSheets()) {
        byName.set(sheet.getName().trim().toLowerCase(), sheet);
      }
      const tables: WorkbookTables = {};
      for (const { key, name } of INPUT_SHEETS) {
        const sheet = byName.get(name.toLowerCase());
        if (sheet) tables[key] = allValues(sheet);
      }
      return tables;
    },
    timeZone,
    now: () => Date.now(),
    timestamp(): string {
      return timestampInZone(new Date(), timeZone());
    },
    setCellText(sheetName: string, a1: string, text: string): void {
      const sheet = findSheet(spreadsheet, sheetName);
      if (!sheet) throw new Error(`There is no sheet named '${sheetName}'`);
      const range = sheet.getRange(a1);
      range.setNumberFormat(TEXT_FORMAT);
      range.setValue(asLiteralText(text));
    },
    appendLogRow(row: string[]): void {
      const name = chooseOwnedSheetName(ASSIGNMENT_LOG_SHEET, (n) => ownershipOf(spreadsheet, n));
      let sheet = findSheet(spreadsheet, name);
      const block: string[][] = [];
      if (!sheet) {
        sheet = ownedSheetNamed(spreadsheet, name);
        sheet.setFrozenRows(1);
        block.push(ASSIGNMENT_LOG_HEADER);
      }
      block.push(row);
      const first = sheet.getLastRow() + 1;
      ensureGrid(sheet, first + block.length - 1, row.length);
      const range = sheet.getRange(first, 1, block.length, row.length);
      range.setNumberFormat(TEXT_FORMAT);
      range.setValues(block.map((line) => line.map(asLiteralText)));
    },
    writeOwnedSheet(output: OwnedSheet): string {
      const name = chooseOwnedSheetName(output.name, (n) => ownershipOf(spreadsheet, n));
      const sheet = ownedSheetNamed(spreadsheet, name);
      const { values, formats } = sheetBlock(output, timeZone());
      ensureGrid(sheet, values.length, values[0].length);
      const range = sheet.getRange(1, 1, values.length, values[0].length);
      range.setNumberFormats(formats);
      range.setValues(values);
      sheet.getRange(1, 1, 1, values[0].length).setFontWeight("bold");
      sheet.setFrozenRows(1);
      if (output.lineChart && values.length > 1)
        addLineChart(sheet, values.length, values[0].length);
      return name;
    },
    selectCell(sheetName: string, a1: string): void {
      const sheet = findSheet(spreadsheet, sheetName);
      if (!sheet) throw new Error(`There is no sheet named '${sheetName}'`);
      sheet.getRange(a1).activate();
    },
  };
}
