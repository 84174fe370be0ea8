/**
 * A stand-in for the SpreadsheetApp, LockService, ScriptApp and HtmlService
 * subset the add-on uses, written from Google's documented behaviour (each
 * modelled behaviour and its source: test/gas/README.md). It is strict where
 * Sheets is: a sheet has a fixed grid (insertSheet makes 1000 × 26), a range
 * outside it throws, a written value of the wrong shape throws, a number keeps
 * 15 significant digits, numeric text written into a cell that is not Plain
 * text becomes a number, a string starting with `=` becomes a formula unless
 * it starts with `'`. Every method call on a fake object is counted (`calls`)
 * so tests can check that reads and writes are batched; `_`-methods are test
 * setup and inspection and are not counted.
 *
 * Works for code loaded in another realm (dist/Code.js in node:vm): Dates are
 * recognised by their tag, not `instanceof`, and `dateFactory` builds the
 * Dates handed back so the caller's `instanceof Date` holds.
 */
import { parseIsoDate } from "../../src/core";
import { dateForDay } from "../../src/gas/zonedDates";

/** Google's words for what the stand-in refuses (see test/gas/README.md). */
export const SHEETS_MESSAGES = {
  outsideGrid: "The coordinates of the range are outside the dimensions of the sheet.",
  rowsMismatch: (data: number, range: number) =>
    `The number of rows in the data does not match the number of rows in the range. The data has ${data} but the range has ${range}.`,
  columnsMismatch: (data: number, range: number) =>
    `The number of columns in the data does not match the number of columns in the range. The data has ${data} but the range has ${range}.`,
  sheetExists: (name: string) =>
    `A sheet with the name "${name}" already exists. Please enter another name.`,
  cellLimit:
    "This action would increase the number of cells in the workbook above the limit of 10000000 cells.",
  lockTimeout: "Lock timeout: another process was holding the lock for too long.",
  authorizationRequired: "Authorization is required to perform that action.",
} as const;

/** Sheets' limits: cells per spreadsheet, columns per sheet, significant digits of a number. */
export const SHEETS_LIMITS = { cells: 10_000_000, columns: 18_278, digits: 15 } as const;
/** `insertSheet` makes this grid. */
export const NEW_SHEET_GRID = { rows: 1000, columns: 26 } as const;
/** The Plain text number format. */
export const PLAIN_TEXT = "@";

export interface CallLog {
  calls: string[];
  count(prefix?: string): number;
  reset(): void;
}

export function callLog(): CallLog {
  const calls: string[] = [];
  return {
    calls,
    count: (prefix = "") => calls.filter((c) => c.startsWith(prefix)).length,
    reset: () => {
      calls.length = 0;
    },
  };
}

/** Wraps an object so that every method call is recorded as `Type.method`. */
function counted<T extends object>(target: T, type: string, log: CallLog): T {
  return new Proxy(target, {
    get(object, property, receiver) {
      const value = Reflect.get(object, property, receiver);
      if (typeof value !== "function" || typeof property !== "string") return value;
      if (property.startsWith("_") || property === "constructor") return value.bind(object);
      return (...args: unknown[]) => {
        log.calls.push(`${type}.${property}`);
        return value.apply(object, args);
      };
    },
  });
}

export type StoredValue = string | number | boolean | Date;

export interface StoredCell {
  value: StoredValue;
  formula: string | null;
  format: string | null;
}

/** A Date from any realm (Code.js in node:vm builds its own). */
export function isDate(value: unknown): value is Date {
  return Object.prototype.toString.call(value) === "[object Date]";
}

/** A number cell holds 15 significant digits; the rest is rounded away. */
export function toSheetNumber(value: number): number {
  if (!Number.isFinite(value) || value === 0) return value;
  return Number(value.toPrecision(SHEETS_LIMITS.digits));
}

const NUMBER_TEXT = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;
const GROUPED_NUMBER_TEXT = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$/;
const PERCENT_TEXT = /^([+-]?(?:\d+\.?\d*|\.\d+))%$/;
const ISO_DATE_TEXT = /^\d{4}-\d{2}-\d{2}$/;

/**
 * What a cell holds after text is entered into it (typed, pasted or written
 * by setValue): Plain text keeps the text; otherwise numbers, percentages,
 * TRUE/FALSE and ISO dates are recognised (en-US locale).
 */
export function enteredValue(text: string, format: string | null, timeZone: string): StoredValue {
  if (format === PLAIN_TEXT) return text;
  const trimmed = text.trim();
  if (NUMBER_TEXT.test(trimmed)) return toSheetNumber(Number(trimmed));
  if (GROUPED_NUMBER_TEXT.test(trimmed)) return toSheetNumber(Number(trimmed.replace(/,/g, "")));
  const percent = PERCENT_TEXT.exec(trimmed);
  if (percent) return toSheetNumber(Number(percent[1]) / 100);
  if (/^(true|false)$/i.test(trimmed)) return trimmed.toLowerCase() === "true";
  if (ISO_DATE_TEXT.test(trimmed)) {
    const day = parseIsoDate(trimmed);
    if (day !== null) return dateForDay(day, timeZone);
  }
  return text;
}

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

const A1_RANGE = /^([A-Z]+)([0-9]+)(?::([A-Z]+)([0-9]+))?$/;

class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
    private readonly log: CallLog,
  ) {}
  getRow() {
    return this.row;
  }
  getColumn() {
    return this.column;
  }
  getNumRows() {
    return this.numRows;
  }
  getNumColumns() {
    return this.numColumns;
  }
  getSheet() {
    return counted(this.sheet, "Sheet", this.log);
  }
  getValues(): StoredValue[][] {
    const out: StoredValue[][] = [];
    const make = this.sheet.spreadsheet.dateFactory;
    for (let r = 0; r < this.numRows; r++) {
      const line: StoredValue[] = new Array(this.numColumns);
      for (let c = 0; c < this.numColumns; c++) {
        const cell = this.sheet._cell(this.row + r, this.column + c);
        const value = cell ? (cell.formula ? "#FORMULA" : cell.value) : "";
        line[c] = isDate(value) ? make(value.getTime()) : value;
      }
      out.push(line);
    }
    return out;
  }
  getValue(): StoredValue {
    return this.getValues()[0][0];
  }
  getNumberFormats(): string[][] {
    const out: string[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: string[] = [];
      for (let c = 0; c < this.numColumns; c++) {
        line.push(this.sheet._cell(this.row + r, this.column + c)?.format ?? "General");
      }
      out.push(line);
    }
    return out;
  }
  private checkShape(values: unknown): asserts values is unknown[][] {
    if (!Array.isArray(values))
      throw new Error("The parameters (String) don't match the method signature.");
    if (values.length !== this.numRows) {
      throw new Error(SHEETS_MESSAGES.rowsMismatch(values.length, this.numRows));
    }
    for (const row of values) {
      const width = Array.isArray(row) ? row.length : 1;
      if (width !== this.numColumns) {
        throw new Error(SHEETS_MESSAGES.columnsMismatch(width, this.numColumns));
      }
    }
  }
  setValues(values: unknown[][]) {
    this.checkShape(values);
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        this.sheet._write(this.row + r, this.column + c, value);
      });
    });
    return this._self();
  }
  setValue(value: unknown) {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) {
        this.sheet._write(this.row + r, this.column + c, value);
      }
    }
    return this._self();
  }
  setNumberFormat(format: string) {
    for (let r = 0; r < this.numRows; r++) {
      for (let c = 0; c < this.numColumns; c++) {
        this.sheet._format(this.row + r, this.column + c, format);
      }
    }
    return this._self();
  }
  setNumberFormats(formats: string[][]) {
    this.checkShape(formats);
    formats.forEach((row, r) => {
      row.forEach((format, c) => {
        this.sheet._format(this.row + r, this.column + c, format);
      });
    });
    return this._self();
  }
  setFontWeight(_weight: string | null) {
    return this._self();
  }
  setDataValidation(rule: unknown) {
    if (!rule || typeof rule !== "object" || !(rule as FakeValidationRule).criteria) {
      throw new Error(
        "The parameters don't match the method signature for Range.setDataValidation.",
      );
    }
    this.sheet.validations.push({
      row: this.row,
      column: this.column,
      numRows: this.numRows,
      numColumns: this.numColumns,
      rule: rule as FakeValidationRule,
    });
    return this._self();
  }
  activate() {
    this.sheet.spreadsheet.active = { sheet: this.sheet.name, row: this.row, column: this.column };
    return this._self();
  }
  _self() {
    return counted(this, "Range", this.log);
  }
}

/** EmbeddedChartBuilder: ranges and the anchor cell must lie inside the sheet's grid. */
class FakeChartBuilder {
  ranges: FakeRange[] = [];
  title = "";
  type = "";
  anchor: { row: number; column: number } | null = null;
  /** Every `setOption(name, value)`, the last value per name (a copy, as Sheets keeps its own). */
  options: Record<string, unknown> = {};
  constructor(
    private readonly sheet: FakeSheet,
    private readonly log: CallLog,
  ) {}
  private self() {
    return counted(this, "ChartBuilder", this.log);
  }
  asLineChart() {
    this.type = "line";
    return this.self();
  }
  addRange(range: FakeRange) {
    if (typeof (range as { getNumRows?: unknown })?.getNumRows !== "function") {
      throw new Error(
        "The parameters don't match the method signature for EmbeddedChartBuilder.addRange.",
      );
    }
    this.ranges.push(range);
    return this.self();
  }
  setTitle(title: string) {
    this.title = title;
    return this.self();
  }
  setNumHeaders(_headers: number) {
    return this.self();
  }
  setOption(option: string, value: unknown) {
    if (typeof option !== "string" || option === "") {
      throw new Error(
        "The parameters don't match the method signature for EmbeddedChartBuilder.setOption.",
      );
    }
    this.options[option] = JSON.parse(JSON.stringify(value ?? null));
    return this.self();
  }
  setPosition(anchorRow: number, anchorColumn: number, _offsetX: number, _offsetY: number) {
    this.anchor = { row: anchorRow, column: anchorColumn };
    return this.self();
  }
  build() {
    for (const range of this.ranges) {
      if (
        range.row + range.numRows - 1 > this.sheet.maxRows ||
        range.column + range.numColumns - 1 > this.sheet.maxColumns
      ) {
        throw new Error(SHEETS_MESSAGES.outsideGrid);
      }
    }
    const anchor = this.anchor ?? { row: 1, column: 1 };
    if (
      anchor.row < 1 ||
      anchor.column < 1 ||
      anchor.row > this.sheet.maxRows ||
      anchor.column > this.sheet.maxColumns
    ) {
      throw new Error(SHEETS_MESSAGES.outsideGrid);
    }
    return {
      type: this.type,
      title: this.title,
      ranges: this.ranges.length,
      columns: this.ranges.map((r) => ({ column: r.column, numColumns: r.numColumns })),
      anchor,
      options: this.options,
    };
  }
}

export interface FakeValidationRule {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
}

/** DataValidationBuilder: a list needs items; a range criterion must lie inside its grid. */
class FakeValidationBuilder {
  private rule: FakeValidationRule = { criteria: "", values: [], allowInvalid: true };
  constructor(private readonly log: CallLog) {}
  private self() {
    return counted(this, "DataValidationBuilder", this.log);
  }
  requireValueInList(values: unknown[], _showDropdown?: boolean) {
    if (!Array.isArray(values) || values.length === 0) {
      throw new Error("The data validation rule needs at least one item.");
    }
    this.rule = { ...this.rule, criteria: "VALUE_IN_LIST", values: [...values] };
    return this.self();
  }
  requireValueInRange(range: FakeRange, _showDropdown?: boolean) {
    const sheet = (range as unknown as { sheet: FakeSheet }).sheet;
    if (range.row + range.numRows - 1 > sheet.maxRows) throw new Error(SHEETS_MESSAGES.outsideGrid);
    this.rule = { ...this.rule, criteria: "VALUE_IN_RANGE", values: [range] };
    return this.self();
  }
  setAllowInvalid(allow: boolean) {
    this.rule = { ...this.rule, allowInvalid: allow };
    return this.self();
  }
  setHelpText(_text: string) {
    return this.self();
  }
  build() {
    if (this.rule.criteria === "") throw new Error("A data validation rule needs a criterion.");
    return { ...this.rule };
  }
}

export class FakeSheet {
  /** Rows of cells; `grid[r - 1][c - 1]`, sparse. */
  private grid: (StoredCell | undefined)[][] = [];
  metadata: { key: string; value: string }[] = [];
  charts: unknown[] = [];
  validations: {
    row: number;
    column: number;
    numRows: number;
    numColumns: number;
    rule: FakeValidationRule;
  }[] = [];
  frozenRows = 0;
  /** Columns given to `autoResizeColumns`, in call order (test inspection). */
  autoResized: { start: number; count: number }[] = [];
  maxRows: number;
  maxColumns: number;
  /** The sheet's id (the `gid` of its URL), unique in the spreadsheet and never reused. */
  readonly id: number;
  constructor(
    public name: string,
    readonly spreadsheet: FakeSpreadsheet,
    private readonly log: CallLog,
    rows: number = NEW_SHEET_GRID.rows,
    columns: number = NEW_SHEET_GRID.columns,
  ) {
    this.maxRows = rows;
    this.maxColumns = columns;
    this.id = spreadsheet._nextSheetId();
  }
  /** Every stored cell by `row:column` (test inspection). */
  get cells(): Map<string, StoredCell> {
    const map = new Map<string, StoredCell>();
    this.grid.forEach((line, r) => {
      line?.forEach((cell, c) => {
        if (cell) map.set(`${r + 1}:${c + 1}`, cell);
      });
    });
    return map;
  }
  _cell(row: number, column: number): StoredCell | undefined {
    return this.grid[row - 1]?.[column - 1];
  }
  private put(row: number, column: number, cell: StoredCell) {
    if (row > this.maxRows || column > this.maxColumns)
      throw new Error(SHEETS_MESSAGES.outsideGrid);
    let line = this.grid[row - 1];
    if (!line) {
      line = [];
      this.grid[row - 1] = line;
    }
    line[column - 1] = cell;
  }
  /** Stores a value as `setValue`/`setValues` do. */
  _write(row: number, column: number, value: unknown) {
    const format = this._cell(row, column)?.format ?? null;
    const zone = this.spreadsheet.timeZone;
    let stored: StoredValue = "";
    let formula: string | null = null;
    if (typeof value === "string") {
      if (value.startsWith("'")) stored = value.slice(1);
      else if (value.startsWith("=")) {
        formula = value;
        stored = "#FORMULA";
      } else stored = enteredValue(value, format, zone);
    } else if (typeof value === "number") {
      stored = toSheetNumber(value);
    } else if (typeof value === "boolean") {
      stored = value;
    } else if (isDate(value)) {
      stored = new Date(value.getTime());
    } else if (value !== null && value !== undefined) {
      throw new Error(`A value Sheets cannot store: ${String(value)}`);
    }
    this.put(row, column, { value: stored, formula, format });
  }
  /** Stores a value exactly as given (test setup: what the sheet holds). */
  _store(row: number, column: number, value: unknown) {
    const format = this._cell(row, column)?.format ?? null;
    let stored: StoredValue;
    if (typeof value === "number") stored = toSheetNumber(value);
    else if (isDate(value)) stored = new Date(value.getTime());
    else if (typeof value === "string" || typeof value === "boolean") stored = value;
    else stored = "";
    this.put(row, column, { value: stored, formula: null, format });
  }
  _format(row: number, column: number, format: string) {
    const cell = this._cell(row, column) ?? { value: "", formula: null, format: null };
    this.put(row, column, { ...cell, format });
  }
  /** Fills the sheet from A1 with values as the sheet holds them (not counted). */
  _fill(rows: unknown[][]) {
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === "" || value === null || value === undefined) return;
        this._store(r + 1, c + 1, value);
      });
    });
  }
  /**
   * A user's paste of text (what a CSV or another app puts on the clipboard)
   * at a cell: each cell is entered under its number format, so numeric text
   * in a cell that is not Plain text becomes a number of 15 digits. The grid
   * grows as the Sheets UI grows it for a paste.
   */
  _paste(row: number, column: number, rows: string[][]) {
    const width = Math.max(...rows.map((r) => r.length));
    if (row + rows.length - 1 > this.maxRows) this.maxRows = row + rows.length - 1;
    if (column + width - 1 > this.maxColumns) this.maxColumns = column + width - 1;
    rows.forEach((line, r) => {
      line.forEach((text, c) => {
        const format = this._cell(row + r, column + c)?.format ?? null;
        const value = text === "" ? "" : enteredValue(text, format, this.spreadsheet.timeZone);
        this.put(row + r, column + c, { value, formula: null, format });
      });
    });
  }
  /** Every stored value as a 2D array from A1 to the last cell with content (not counted). */
  _values(): StoredValue[][] {
    const { rows, columns } = this._extent();
    if (rows === 0) return [];
    return new FakeRange(this, 1, 1, rows, columns, this.log).getValues();
  }
  private static hasContent(cell: StoredCell | undefined): boolean {
    return cell !== undefined && (cell.value !== "" || cell.formula !== null);
  }
  _lastRow(): number {
    for (let r = this.grid.length - 1; r >= 0; r--) {
      const line = this.grid[r];
      if (line?.some((cell) => FakeSheet.hasContent(cell))) return r + 1;
    }
    return 0;
  }
  _lastColumn(): number {
    let columns = 0;
    for (const line of this.grid) {
      if (!line) continue;
      for (let c = line.length - 1; c >= columns; c--) {
        if (FakeSheet.hasContent(line[c])) {
          columns = c + 1;
          break;
        }
      }
    }
    return columns;
  }
  _extent(): { rows: number; columns: number } {
    return { rows: this._lastRow(), columns: this._lastColumn() };
  }
  getName() {
    return this.name;
  }
  getSheetId() {
    return this.id;
  }
  /** Fits the columns' widths to their content; the columns must lie inside the grid. */
  autoResizeColumns(startColumn: number, numColumns: number) {
    if (!Number.isInteger(numColumns) || numColumns < 1) {
      throw new Error("The number of columns in the range must be at least 1.");
    }
    this.checkPosition(startColumn, this.maxColumns);
    this.checkPosition(startColumn + numColumns - 1, this.maxColumns);
    this.autoResized.push({ start: startColumn, count: numColumns });
    return this;
  }
  getMaxRows() {
    return this.maxRows;
  }
  getMaxColumns() {
    return this.maxColumns;
  }
  getLastRow() {
    return this._lastRow();
  }
  getLastColumn() {
    return this._lastColumn();
  }
  getDataRange() {
    const { rows, columns } = this._extent();
    return counted(
      new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(columns, 1), this.log),
      "Range",
      this.log,
    );
  }
  /** A -1 size reads to the last row or column with data; an empty sheet has none. */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number) {
    const { rows, columns } = this._extent();
    const height = numRows === -1 ? rows - startRow + 1 : numRows;
    const width = numColumns === -1 ? columns - startColumn + 1 : numColumns;
    if (height < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (width < 1) throw new Error("The number of columns in the range must be at least 1.");
    return this.rangeAt(startRow, startColumn, height, width).getValues();
  }
  private rangeAt(row: number, column: number, numRows: number, numColumns: number): FakeRange {
    if (numRows < 1) throw new Error("The number of rows in the range must be at least 1.");
    if (numColumns < 1) throw new Error("The number of columns in the range must be at least 1.");
    if (
      row < 1 ||
      column < 1 ||
      row + numRows - 1 > this.maxRows ||
      column + numColumns - 1 > this.maxColumns
    ) {
      throw new Error(SHEETS_MESSAGES.outsideGrid);
    }
    return new FakeRange(this, row, column, numRows, numColumns, this.log);
  }
  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1) {
    let range: FakeRange;
    if (typeof a1OrRow === "string") {
      const m = A1_RANGE.exec(a1OrRow);
      if (!m) throw new Error(`Range not found`);
      const row = Number(m[2]);
      const col = columnIndex(m[1]);
      const lastRow = m[4] ? Number(m[4]) : row;
      const lastCol = m[3] ? columnIndex(m[3]) : col;
      range = this.rangeAt(
        Math.min(row, lastRow),
        Math.min(col, lastCol),
        Math.abs(lastRow - row) + 1,
        Math.abs(lastCol - col) + 1,
      );
    } else {
      if (column === undefined)
        throw new Error(
          "The parameters (number) don't match the method signature for SpreadsheetApp.Sheet.getRange.",
        );
      range = this.rangeAt(a1OrRow, column, numRows, numColumns);
    }
    return counted(range, "Range", this.log);
  }
  private checkPosition(position: number, max: number) {
    if (!Number.isInteger(position) || position < 1 || position > max) {
      throw new Error(SHEETS_MESSAGES.outsideGrid);
    }
  }
  /** Adds `howMany` empty rows after row `afterPosition`; the rows below move down. */
  insertRowsAfter(afterPosition: number, howMany: number) {
    this.checkPosition(afterPosition, this.maxRows);
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error("Invalid argument: howMany");
    this.spreadsheet._checkCellLimit(howMany * this.maxColumns);
    if (this.grid.length > afterPosition) {
      this.grid.splice(
        afterPosition,
        0,
        ...new Array<StoredCell[]>(howMany).fill([]).map(() => []),
      );
    }
    this.maxRows += howMany;
    return this;
  }
  /** Adds `howMany` empty columns after column `afterPosition`; the columns right of it move. */
  insertColumnsAfter(afterPosition: number, howMany: number) {
    this.checkPosition(afterPosition, this.maxColumns);
    if (!Number.isInteger(howMany) || howMany < 1) throw new Error("Invalid argument: howMany");
    if (this.maxColumns + howMany > SHEETS_LIMITS.columns)
      throw new Error(SHEETS_MESSAGES.outsideGrid);
    this.spreadsheet._checkCellLimit(howMany * this.maxRows);
    for (const line of this.grid) {
      if (line && line.length > afterPosition) {
        line.splice(afterPosition, 0, ...new Array<undefined>(howMany).fill(undefined));
      }
    }
    this.maxColumns += howMany;
    return this;
  }
  /** Clears contents and formats; the grid keeps its size. */
  clear() {
    this.grid = [];
    return this;
  }
  getCharts() {
    return [...this.charts];
  }
  removeChart(chart: unknown) {
    this.charts = this.charts.filter((c) => c !== chart);
  }
  insertChart(chart: unknown) {
    this.charts.push(chart);
  }
  newChart() {
    return counted(new FakeChartBuilder(this, this.log), "ChartBuilder", this.log);
  }
  setFrozenRows(rows: number) {
    if (rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
    return this;
  }
  getDeveloperMetadata() {
    return this.metadata.map((m) => ({ getKey: () => m.key, getValue: () => m.value }));
  }
  addDeveloperMetadata(key: string, value: string, _visibility?: unknown) {
    this.metadata.push({ key, value });
    return this;
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  toasts: string[] = [];
  active: { sheet: string; row: number; column: number } | null = null;
  private sheetIds = 0;
  constructor(
    readonly timeZone: string,
    readonly log: CallLog,
    /** Builds the Dates the sheet hands back (another realm's Date for Code.js in node:vm). */
    readonly dateFactory: (ms: number) => Date = (ms) => new Date(ms),
  ) {}
  /** The first sheet is 0 (a new spreadsheet's first tab is gid=0), then larger ids. */
  _nextSheetId(): number {
    const id = this.sheetIds === 0 ? 0 : 1_000_000 + this.sheetIds * 7919;
    this.sheetIds += 1;
    return id;
  }
  _cellCount(): number {
    return this.sheets.reduce((sum, s) => sum + s.maxRows * s.maxColumns, 0);
  }
  _checkCellLimit(added: number) {
    if (this._cellCount() + added > SHEETS_LIMITS.cells) throw new Error(SHEETS_MESSAGES.cellLimit);
  }
  /** Adds a sheet holding these values, its grid at least 1000 × 26 (test setup; not counted). */
  _addSheet(name: string, rows: unknown[][] = []): FakeSheet {
    const width = rows.reduce((max, row) => Math.max(max, row.length), 0);
    const sheet = new FakeSheet(
      name,
      this,
      this.log,
      Math.max(NEW_SHEET_GRID.rows, rows.length),
      Math.max(NEW_SHEET_GRID.columns, width),
    );
    sheet._fill(rows);
    this.sheets.push(sheet);
    return sheet;
  }
  _sheet(name: string): FakeSheet | undefined {
    return this.sheets.find((s) => s.name === name);
  }
  getSpreadsheetTimeZone() {
    return this.timeZone;
  }
  getSpreadsheetLocale() {
    return "en_US";
  }
  getSheets() {
    return this.sheets.map((s) => counted(s, "Sheet", this.log));
  }
  /** Exact-name lookup: the stand-in does not promise any case folding (README "cannot know"). */
  getSheetByName(name: string) {
    const sheet = this.sheets.find((s) => s.name === name);
    return sheet ? counted(sheet, "Sheet", this.log) : null;
  }
  insertSheet(name: string) {
    if (typeof name !== "string" || name.trim() === "")
      throw new Error("Invalid argument: sheetName");
    const taken = this.sheets.find((s) => s.name.toLowerCase() === name.toLowerCase());
    if (taken) throw new Error(SHEETS_MESSAGES.sheetExists(name));
    this._checkCellLimit(NEW_SHEET_GRID.rows * NEW_SHEET_GRID.columns);
    const sheet = new FakeSheet(name, this, this.log);
    this.sheets.push(sheet);
    return counted(sheet, "Sheet", this.log);
  }
  toast(message: string, _title?: string) {
    this.toasts.push(message);
  }
}

/** A chained builder that records every call (menus, HTML output). */
function recordingBuilder(type: string, log: CallLog, result: object = {}): object {
  const builder: object = new Proxy(result, {
    get(object, property) {
      if (property === "then") return undefined;
      if (typeof property !== "string") return Reflect.get(object, property);
      if (property in object) return Reflect.get(object, property);
      return (..._args: unknown[]) => {
        log.calls.push(`${type}.${property}`);
        return builder;
      };
    },
  });
  return builder;
}

/** The global services as Apps Script provides them, backed by one fake spreadsheet. */
export function fakeServices(spreadsheet: FakeSpreadsheet) {
  const log = spreadsheet.log;
  const menuItems: string[] = [];
  const alerts: string[] = [];
  const menu = {
    addItem(caption: string, functionName: string) {
      log.calls.push("Menu.addItem");
      menuItems.push(`${caption}→${functionName}`);
      return menu;
    },
    addSeparator() {
      log.calls.push("Menu.addSeparator");
      return menu;
    },
    addToUi() {
      log.calls.push("Menu.addToUi");
    },
  };
  const ui = {
    createAddonMenu() {
      log.calls.push("Ui.createAddonMenu");
      return menu;
    },
    showSidebar(_output: unknown) {
      log.calls.push("Ui.showSidebar");
    },
    alert(...args: unknown[]) {
      log.calls.push("Ui.alert");
      alerts.push(args.map(String).join(" | "));
    },
    ButtonSet: { OK: "OK" },
  };
  const SpreadsheetApp = {
    getActive() {
      log.calls.push("SpreadsheetApp.getActive");
      return counted(spreadsheet, "Spreadsheet", log);
    },
    getUi() {
      log.calls.push("SpreadsheetApp.getUi");
      return ui;
    },
    newDataValidation() {
      log.calls.push("SpreadsheetApp.newDataValidation");
      return counted(new FakeValidationBuilder(log), "DataValidationBuilder", log);
    },
    DeveloperMetadataVisibility: { DOCUMENT: "DOCUMENT", PROJECT: "PROJECT" },
  };
  const HtmlService = {
    createHtmlOutputFromFile(file: string) {
      log.calls.push(`HtmlService.createHtmlOutputFromFile:${file}`);
      return recordingBuilder("HtmlOutput", log);
    },
  };
  /** `heldElsewhere`: another execution holds the document lock (waitLock times out). */
  const locks = { held: 0, taken: 0, heldElsewhere: false, waitedMs: [] as number[] };
  const LockService = {
    getDocumentLock() {
      log.calls.push("LockService.getDocumentLock");
      let mine = false;
      return {
        waitLock(timeoutMs: number) {
          locks.waitedMs.push(timeoutMs);
          if (locks.heldElsewhere) throw new Error(SHEETS_MESSAGES.lockTimeout);
          mine = true;
          locks.held += 1;
          locks.taken += 1;
        },
        tryLock(timeoutMs: number) {
          locks.waitedMs.push(timeoutMs);
          if (locks.heldElsewhere) return false;
          mine = true;
          locks.held += 1;
          locks.taken += 1;
          return true;
        },
        hasLock() {
          return mine;
        },
        releaseLock() {
          if (mine) locks.held -= 1;
          mine = false;
        },
      };
    },
  };
  /** `missing`: scopes the user has not granted; requireAllScopes then ends the run. */
  const scopes = { missing: [] as string[], checks: 0 };
  const ScriptApp = {
    AuthMode: {
      NONE: "NONE",
      LIMITED: "LIMITED",
      CUSTOM_FUNCTION: "CUSTOM_FUNCTION",
      FULL: "FULL",
    },
    requireAllScopes(authMode: unknown) {
      log.calls.push("ScriptApp.requireAllScopes");
      if (authMode !== "FULL") throw new Error("Invalid argument: authMode");
      scopes.checks += 1;
      if (scopes.missing.length > 0) throw new Error(SHEETS_MESSAGES.authorizationRequired);
    },
  };
  return { SpreadsheetApp, HtmlService, LockService, ScriptApp, menuItems, alerts, locks, scopes };
}

/**
 * What google.script.run accepts as a parameter or return value: primitives,
 * null, and arrays and plain objects of those. Not a Date, a function, a DOM
 * node, a circular structure (or anything else with a class of its own).
 * Returns the path of the first illegal value, or null when all is legal.
 */
export function illegalTransferPath(
  value: unknown,
  path = "",
  seen = new Set<object>(),
): string | null {
  if (value === null || value === undefined) return null;
  const type = typeof value;
  if (type === "string" || type === "number" || type === "boolean") return null;
  if (type === "function" || type === "symbol" || type === "bigint") return path || "(value)";
  const object = value as object;
  if (seen.has(object)) return path || "(value)";
  const tag = Object.prototype.toString.call(object);
  if (tag !== "[object Array]" && tag !== "[object Object]") return path || "(value)";
  const proto = Object.getPrototypeOf(object);
  if (tag === "[object Object]" && proto !== null && Object.getPrototypeOf(proto) !== null) {
    return path || "(value)";
  }
  seen.add(object);
  for (const [key, inner] of Object.entries(object)) {
    const found = illegalTransferPath(inner, path ? `${path}.${key}` : key, seen);
    if (found !== null) return found;
  }
  seen.delete(object);
  return null;
}

/** A copy as the server receives it: undefined array items become null, undefined fields go. */
function transferCopy(value: unknown): unknown {
  if (Array.isArray(value))
    return value.map((item) => (item === undefined ? null : transferCopy(item)));
  if (value !== null && typeof value === "object") {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) {
      if (inner !== undefined) out[key] = transferCopy(inner);
    }
    return out;
  }
  return value;
}

type ServerFunction = (...args: unknown[]) => unknown;

/**
 * `google.script.run` over server functions: asynchronous, a parameter the
 * real one refuses throws at the call (as the client library does), a
 * server exception reaches the failure handler as an Error, and a return
 * value it cannot carry (a Date inside) reaches the success handler as null.
 */
export function fakeScriptRun(server: Record<string, ServerFunction>) {
  const pending: Promise<void>[] = [];
  function runner(
    onSuccess: ((value: unknown, user?: unknown) => void) | null,
    onFailure: ((error: Error, user?: unknown) => void) | null,
    userObject: unknown,
  ): Record<string, unknown> {
    const run: Record<string, unknown> = {
      withSuccessHandler: (fn: typeof onSuccess) => runner(fn, onFailure, userObject),
      withFailureHandler: (fn: typeof onFailure) => runner(onSuccess, fn, userObject),
      withUserObject: (object: unknown) => runner(onSuccess, onFailure, object),
    };
    for (const [name, fn] of Object.entries(server)) {
      run[name] = (...args: unknown[]) => {
        args.forEach((arg, index) => {
          const bad = illegalTransferPath(arg);
          if (bad !== null) {
            throw new Error(
              `Failed due to illegal value in property: ${bad === "(value)" ? index : `${index}.${bad}`}`,
            );
          }
        });
        const copies = args.map(transferCopy);
        pending.push(
          Promise.resolve().then(() => {
            let result: unknown;
            try {
              result = fn(...copies);
            } catch (error) {
              const message = error instanceof Error ? error.message : String(error);
              onFailure?.(new Error(message), userObject);
              return;
            }
            onSuccess?.(
              illegalTransferPath(result) === null ? transferCopy(result) : null,
              userObject,
            );
          }),
        );
      };
    }
    return run;
  }
  return { run: runner(null, null, undefined), settled: () => Promise.all(pending) };
}
