/**
 * An in-memory stand-in for the SpreadsheetApp subset the add-on uses. Every
 * method call on a fake object is counted (`calls`), so tests can check that
 * reads and writes are batched. It is strict where Sheets is dangerous: a
 * string written starting with `=` becomes a formula unless it carries the
 * `'` text prefix.
 */

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
      if (property.startsWith("_")) return value.bind(object);
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

function columnIndex(letters: string): number {
  let n = 0;
  for (const ch of letters) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

class FakeRange {
  constructor(
    private readonly sheet: FakeSheet,
    readonly row: number,
    readonly column: number,
    readonly numRows: number,
    readonly numColumns: number,
    private readonly log: CallLog,
  ) {}
  getValues(): StoredValue[][] {
    const out: StoredValue[][] = [];
    for (let r = 0; r < this.numRows; r++) {
      const line: StoredValue[] = [];
      for (let c = 0; c < this.numColumns; c++) {
        line.push(this.sheet._cell(this.row + r, this.column + c)?.value ?? "");
      }
      out.push(line);
    }
    return out;
  }
  setValues(values: unknown[][]) {
    if (values.length !== this.numRows || values.some((row) => row.length !== this.numColumns)) {
      throw new Error(
        `The data has ${values.length} rows but the range has ${this.numRows} (or a row's width differs)`,
      );
    }
    values.forEach((row, r) => {
      row.forEach((value, c) => {
        this.sheet._store(this.row + r, this.column + c, value);
      });
    });
    return this._self();
  }
  setValue(value: unknown) {
    this.sheet._store(this.row, this.column, value);
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
    formats.forEach((row, r) => {
      row.forEach((format, c) => {
        this.sheet._format(this.row + r, this.column + c, format);
      });
    });
    return this._self();
  }
  setFontWeight(_weight: string) {
    return this._self();
  }
  setDataValidation(rule: unknown) {
    this.sheet.validations.push({ column: this.column, rule });
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

class FakeChartBuilder {
  ranges: FakeRange[] = [];
  title = "";
  constructor(private readonly log: CallLog) {}
  asLineChart() {
    return counted(this, "ChartBuilder", this.log);
  }
  addRange(range: FakeRange) {
    this.ranges.push(range);
    return counted(this, "ChartBuilder", this.log);
  }
  setTitle(title: string) {
    this.title = title;
    return counted(this, "ChartBuilder", this.log);
  }
  setNumHeaders() {
    return counted(this, "ChartBuilder", this.log);
  }
  setPosition() {
    return counted(this, "ChartBuilder", this.log);
  }
  build() {
    return { type: "line", title: this.title, ranges: this.ranges.length };
  }
}

export class FakeSheet {
  cells = new Map<string, StoredCell>();
  metadata: { key: string; value: string }[] = [];
  charts: unknown[] = [];
  validations: { column: number; rule: unknown }[] = [];
  frozenRows = 0;
  constructor(
    public name: string,
    readonly spreadsheet: FakeSpreadsheet,
    private readonly log: CallLog,
  ) {}
  _cell(row: number, column: number): StoredCell | undefined {
    return this.cells.get(`${row}:${column}`);
  }
  _store(row: number, column: number, value: unknown) {
    const key = `${row}:${column}`;
    const format = this.cells.get(key)?.format ?? null;
    let stored: StoredValue = "";
    let formula: string | null = null;
    if (typeof value === "string" && value.startsWith("'")) stored = value.slice(1);
    else if (typeof value === "string" && value.startsWith("=")) {
      formula = value;
      stored = "#FORMULA";
    } else if (
      typeof value === "string" ||
      typeof value === "number" ||
      typeof value === "boolean" ||
      value instanceof Date
    ) {
      stored = value;
    } else if (value !== null && value !== undefined) {
      throw new Error(`A value Sheets cannot store: ${String(value)}`);
    }
    this.cells.set(key, { value: stored, formula, format });
  }
  _format(row: number, column: number, format: string) {
    const key = `${row}:${column}`;
    const cell = this.cells.get(key) ?? { value: "", formula: null, format: null };
    this.cells.set(key, { ...cell, format });
  }
  /** Fills the sheet from a 2D array of literal values, as a user typed them (not counted). */
  _fill(rows: unknown[][]) {
    rows.forEach((row, r) => {
      row.forEach((value, c) => {
        if (value === "" || value === null || value === undefined) return;
        this._store(r + 1, c + 1, typeof value === "string" ? `'${value}` : value);
      });
    });
  }
  /** Every stored value as a 2D array from A1 (test inspection; not counted). */
  _values(): StoredValue[][] {
    const { rows, columns } = this._extent();
    return new FakeRange(this, 1, 1, rows, columns, this.log).getValues();
  }
  _extent(): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    for (const key of this.cells.keys()) {
      const [r, c] = key.split(":").map(Number);
      const cell = this.cells.get(key);
      if (cell && (cell.value !== "" || cell.formula)) {
        rows = Math.max(rows, r);
        columns = Math.max(columns, c);
      }
    }
    return { rows, columns };
  }
  getName() {
    return this.name;
  }
  getDataRange() {
    const { rows, columns } = this._extent();
    return counted(
      new FakeRange(this, 1, 1, Math.max(rows, 1), Math.max(columns, 1), this.log),
      "Range",
      this.log,
    );
  }
  getLastRow() {
    return this._extent().rows;
  }
  /** As Sheets: a -1 size reads to the last row or column with data; an empty sheet has none. */
  getSheetValues(startRow: number, startColumn: number, numRows: number, numColumns: number) {
    const { rows, columns } = this._extent();
    const height = numRows === -1 ? rows - startRow + 1 : numRows;
    const width = numColumns === -1 ? columns - startColumn + 1 : numColumns;
    if (startRow < 1 || startColumn < 1 || height < 1 || width < 1) {
      throw new Error("The number of rows in the range must be at least 1.");
    }
    return new FakeRange(this, startRow, startColumn, height, width, this.log).getValues();
  }
  getRange(a1OrRow: string | number, column?: number, numRows = 1, numColumns = 1) {
    let row: number;
    let col: number;
    if (typeof a1OrRow === "string") {
      const m = /^([A-Z]+)([0-9]+)$/.exec(a1OrRow);
      if (!m) throw new Error(`Range not found: ${a1OrRow}`);
      row = Number(m[2]);
      col = columnIndex(m[1]);
    } else {
      row = a1OrRow;
      col = column ?? 1;
    }
    if (row < 1 || col < 1 || numRows < 1 || numColumns < 1) {
      throw new Error("The coordinates of the range are outside the dimensions of the sheet.");
    }
    return counted(new FakeRange(this, row, col, numRows, numColumns, this.log), "Range", this.log);
  }
  clear() {
    this.cells.clear();
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
    return counted(new FakeChartBuilder(this.log), "ChartBuilder", this.log);
  }
  setFrozenRows(rows: number) {
    this.frozenRows = rows;
  }
  getDeveloperMetadata() {
    return this.metadata.map((m) => ({ getKey: () => m.key, getValue: () => m.value }));
  }
  addDeveloperMetadata(key: string, value: string) {
    this.metadata.push({ key, value });
    return this;
  }
}

export class FakeSpreadsheet {
  sheets: FakeSheet[] = [];
  toasts: string[] = [];
  active: { sheet: string; row: number; column: number } | null = null;
  constructor(
    private readonly timeZone: string,
    readonly log: CallLog,
  ) {}
  /** Adds a sheet with contents (test setup; not counted). */
  _addSheet(name: string, rows: unknown[][] = []): FakeSheet {
    const sheet = new FakeSheet(name, this, this.log);
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
  getSheets() {
    return this.sheets.map((s) => counted(s, "Sheet", this.log));
  }
  getSheetByName(name: string) {
    const sheet = this.sheets.find((s) => s.name === name);
    return sheet ? counted(sheet, "Sheet", this.log) : null;
  }
  insertSheet(name: string) {
    if (this.sheets.some((s) => s.name.toLowerCase() === name.toLowerCase())) {
      throw new Error(`A sheet with the name "${name}" already exists.`);
    }
    return counted(this._addSheet(name), "Sheet", this.log);
  }
  toast(message: string) {
    this.toasts.push(message);
  }
}

/** A chained builder that records every call (menus, data validation, HTML output). */
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
    alert(..._args: unknown[]) {
      log.calls.push("Ui.alert");
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
      return recordingBuilder("DataValidationBuilder", log, { build: () => ({ rule: true }) });
    },
    DeveloperMetadataVisibility: { DOCUMENT: "DOCUMENT", PROJECT: "PROJECT" },
  };
  const HtmlService = {
    createHtmlOutputFromFile(file: string) {
      log.calls.push(`HtmlService.createHtmlOutputFromFile:${file}`);
      return recordingBuilder("HtmlOutput", log);
    },
  };
  const locks = { held: 0, taken: 0 };
  const LockService = {
    getDocumentLock() {
      log.calls.push("LockService.getDocumentLock");
      return {
        waitLock() {
          locks.held += 1;
          locks.taken += 1;
        },
        releaseLock() {
          locks.held -= 1;
        },
      };
    },
  };
  return { SpreadsheetApp, HtmlService, LockService, menuItems, locks };
}
