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

/**
 * R2: the currency's decimals and its code, `#,##0.00" USD"` (quoted text is
 * shown as written: https://developers.google.com/sheets/api/guides/formats).
 */
export function moneyFormat(minorUnits: number, currency: string): string {
  const digits = minorUnits > 0 ? `#,##0.${"0".repeat(minorUnits)}` : "#,##0";
  const code = currency.replace(/[^A-Za-z0-9]/g, "");
  return code ? `${digits}" ${code}"` : digits;
}

/** A `cell` column holds formulas (links), so it keeps the automatic format. */
const NUMBER_FORMATS = {
  text: TEXT_FORMAT,
  date: "yyyy-mm-dd",
  number: "0.##",
  cell: "General",
} as const;

/** `Sheet!A1` of an input sheet → the sheet's name and its one-cell A1 (else null). */
const CELL_REFERENCE = /^(.+)!([A-Z]{1,3}[1-9][0-9]{0,6})$/;

/** A formula's string literal: `"` doubled. */
const formulaText = (text: string) => `"${text.replace(/"/g, '""')}"`;

/**
 * Values and number formats of an owned sheet's block: dates as zoned Dates,
 * text made literal, a `cell` reference as a HYPERLINK to that cell
 * (`#gid=…&range=A1` opens the sheet at the cell) when `sheetIdOf` knows its sheet.
 */
export function sheetBlock(
  sheet: OwnedSheet,
  timeZone: string,
  sheetIdOf: (name: string) => number | null = () => null,
): { values: (string | number | Date)[][]; formats: string[][] } {
  const { header, kinds, rows } = sheet.table;
  const toDate = dayDates(timeZone);
  const columnFormats = kinds.map((kind) =>
    kind === "money" ? moneyFormat(sheet.minorUnits, sheet.currency) : NUMBER_FORMATS[kind],
  );
  const link = (reference: string): string => {
    const match = CELL_REFERENCE.exec(reference);
    const id = match ? sheetIdOf(match[1]) : null;
    if (!match || id === null) return asLiteralText(reference);
    return `=HYPERLINK(${formulaText(`#gid=${id}&range=${match[2]}`)},${formulaText(reference)})`;
  };
  const values: (string | number | Date)[][] = [header.map(asLiteralText)];
  const formats: string[][] = [header.map(() => TEXT_FORMAT)];
  for (const row of rows) {
    values.push(
      header.map((_, c) => {
        const value = row[c];
        if (value === null || value === undefined) return "";
        if (kinds[c] === "date" && typeof value === "number") return toDate(value);
        if (kinds[c] === "cell" && typeof value === "string") return link(value);
        return typeof value === "string" ? asLiteralText(value) : value;
      }),
    );
    formats.push(columnFormats);
  }
  return { values, formats };
}

/**
 * The draw-down chart: credit balances on the left axis, cash (the last
 * column, R10) on its own right axis, since cash is often ten times any
 * credit; series named by `labels` (credit names beside ids).
 */
function addLineChart(
  sheet: Sheet,
  rowCount: number,
  columnCount: number,
  output: OwnedSheet,
): void {
  const builder = sheet.newChart().asLineChart();
  const labels = output.seriesLabels ?? [];
  // Series indexes count the columns after the domain (Date), in range order.
  const shown: number[] = [];
  if (columnCount <= CHART_SERIES_LIMIT + 2) {
    builder.addRange(sheet.getRange(1, 1, rowCount, columnCount));
    for (let c = 1; c < columnCount; c++) shown.push(c - 1);
  } else {
    // Hundreds of lines are unreadable: the date, the first credits and the last (cash) column.
    builder.addRange(sheet.getRange(1, 1, rowCount, CHART_SERIES_LIMIT + 1));
    builder.addRange(sheet.getRange(1, columnCount, rowCount, 1));
    for (let c = 0; c < CHART_SERIES_LIMIT; c++) shown.push(c);
    shown.push(columnCount - 2);
  }
  const series: Record<number, { targetAxisIndex: number; labelInLegend?: string }> = {};
  shown.forEach((column, index) => {
    const cash = index === shown.length - 1;
    series[index] = { targetAxisIndex: cash ? 1 : 0 };
    if (labels[column] !== undefined) series[index].labelInLegend = labels[column];
  });
  builder
    .setTitle("Credit balances and cash")
    .setNumHeaders(1)
    .setOption("series", series)
    .setOption("vAxes", {
      0: { title: `Credit balance (${output.currency})` },
      1: { title: `Cash (${output.currency})` },
    })
    .setOption("legend", { position: "bottom" })
    .setPosition(2, Math.min(columnCount + 2, 26), 0, 0);
  sheet.insertChart(builder.build());
}

/** Sheet ids by name (case ignored), read only when a link is made, once per sheet. */
function sheetIdLookup(spreadsheet: Spreadsheet): (name: string) => number | null {
  let ids: Map<string, number> | null = null;
  return (name) => {
    if (ids === null) {
      ids = new Map();
      for (const sheet of spreadsheet.getSheets()) {
        ids.set(sheet.getName().trim().toLowerCase(), sheet.getSheetId());
      }
    }
    return ids.get(name.trim().toLowerCase()) ?? null;
  };
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
      const { values, formats } = sheetBlock(output, timeZone(), sheetIdLookup(spreadsheet));
      const width = values[0].length;
      // The grid grows first: a range outside it throws.
      ensureGrid(sheet, values.length, width);
      const range = sheet.getRange(1, 1, values.length, width);
      range.setNumberFormats(formats);
      range.setValues(values);
      sheet.getRange(1, 1, 1, width).setFontWeight("bold");
      sheet.setFrozenRows(1);
      sheet.autoResizeColumns(1, width);
      if (output.lineChart && values.length > 1) addLineChart(sheet, values.length, width, output);
      return name;
    },
    selectCell(sheetName: string, a1: string): void {
      const sheet = findSheet(spreadsheet, sheetName);
      if (!sheet) throw new Error(`There is no sheet named '${sheetName}'`);
      sheet.getRange(a1).activate();
    },
  };
}
