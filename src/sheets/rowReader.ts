/**
 * Reading one data row: looks cells up by field, turns unreadable cells into
 * INVALID_VALUE warnings pointing at the real A1 cell (R11) and remembers
 * whether the row must be skipped.
 */
import type { Severity, Warning, WarningCode } from "../core";
import { a1, columnLetters } from "./a1";
import { invisibleCharacters, isBlank, type Parsed, showCell } from "./cells";
import type { ColumnSpec } from "./columns";
import type { DateOrder } from "./dateText";
import type { Cell } from "./types";

export function makeWarning(
  code: WarningCode,
  severity: Severity,
  message: string,
  sheet: string | null,
  cell: string | null,
  about: { credit?: string | null; campaign?: string | null } = {},
): Warning {
  return {
    code,
    severity,
    message,
    sheet,
    cell,
    credit: about.credit ?? null,
    campaign: about.campaign ?? null,
  };
}

/** What every row of one sheet shares. */
export interface SheetContext {
  sheet: string;
  headerRow: number;
  columns: Map<string, number>;
  specs: ReadonlyMap<string, ColumnSpec>;
  warnings: Warning[];
  /** Fields already reported as MISSING_COLUMN, so each is reported once. */
  reportedMissing: Set<string>;
  /** Mapped model fields and their column letters (same order), computed once per sheet. */
  mappedFields: string[];
  mappedLetters: string[];
  /** The Account's `Date order`: how slash and dot dates are read (spec v3). */
  dateOrder: DateOrder;
}

export function sheetContext(
  sheet: string,
  headerRow: number,
  columns: Map<string, number>,
  specs: readonly ColumnSpec[],
  warnings: Warning[],
  dateOrder: DateOrder,
): SheetContext {
  return {
    sheet,
    headerRow,
    columns,
    specs: new Map(specs.map((spec) => [spec.field, spec])),
    warnings,
    reportedMissing: new Set(),
    mappedFields: [...columns.keys()],
    mappedLetters: [...columns.values()].map((column) => columnLetters(column)),
    dateOrder,
  };
}

// Index loops in the functions run for every row: cheaper than for…of before the code is optimized.

export function isBlankRow(row: readonly Cell[] | undefined): boolean {
  if (!Array.isArray(row)) return true;
  for (let i = 0; i < row.length; i++) if (!isBlank(row[i])) return false;
  return true;
}

/** An export's total line (`Total of 3 results`), skipped without a warning. */
const SUMMARY_ROW = /^total of [\d,]+ [a-z ]+$/i;

export function isSummaryRow(row: readonly Cell[] | undefined): boolean {
  if (!Array.isArray(row)) return false;
  for (let i = 0; i < row.length; i++) {
    const cell = row[i];
    if (isBlank(cell)) continue;
    return typeof cell === "string" && SUMMARY_ROW.test(cell.trim());
  }
  return false;
}

export class RowReader {
  /** Unreadable cells so far; any makes the row skipped. */
  problems = 0;
  /** Id the warnings of this row name (credit or campaign). */
  about: { credit?: string | null; campaign?: string | null } = {};

  constructor(
    private readonly context: SheetContext,
    private readonly row: readonly Cell[],
    readonly rowIndex: number,
  ) {}

  get sheet(): string {
    return this.context.sheet;
  }

  /** How this sheet's slash and dot dates are read (the Account's `Date order`). */
  get dateOrder(): DateOrder {
    return this.context.dateOrder;
  }

  has(field: string): boolean {
    return this.context.columns.has(field);
  }

  cell(field: string): Cell {
    const column = this.context.columns.get(field);
    return column === undefined ? undefined : this.row[column];
  }

  isBlank(field: string): boolean {
    return isBlank(this.cell(field));
  }

  address(field: string): string | null {
    const column = this.context.columns.get(field);
    return column === undefined ? null : a1(this.rowIndex, column);
  }

  /** A1 address of every mapped column of this row, by model field. */
  cellAddresses(): Record<string, string> {
    const cells: Record<string, string> = {};
    const row = String(this.rowIndex + 1);
    const { mappedFields, mappedLetters } = this.context;
    // An index loop: run for every cell of a sheet, before the code is optimized,
    // `for (const [field, letters] of …)` costs twice as much.
    for (let i = 0; i < mappedFields.length; i++) cells[mappedFields[i]] = mappedLetters[i] + row;
    return cells;
  }

  private columnName(field: string): string {
    return this.context.specs.get(field)?.name ?? field;
  }

  /** INVALID_VALUE (or `code`) on the cell of `field`; the row will be skipped. */
  invalid(field: string, problem: string, code: WarningCode = "INVALID_VALUE"): void {
    this.problems += 1;
    const address = this.address(field);
    if (address === null) {
      this.missingColumn(field, problem);
      return;
    }
    const cell = this.cell(field);
    const name = this.columnName(field);
    const what = isBlank(cell) ? name : `${name} '${showCell(cell)}'`;
    this.context.warnings.push(
      makeWarning(
        code,
        "error",
        `${this.sheet}!${address}: ${what} ${problem}`,
        this.sheet,
        address,
        this.about,
      ),
    );
  }

  /** A warning about the cell of `field` that does not skip the row (R11). */
  note(code: WarningCode, severity: Severity, field: string, problem: string): void {
    const address = this.address(field) ?? a1(this.context.headerRow, 0);
    const cell = this.cell(field);
    const name = this.columnName(field);
    const what = isBlank(cell) ? name : `${name} '${showCell(cell)}'`;
    this.context.warnings.push(
      makeWarning(
        code,
        severity,
        `${this.sheet}!${address}: ${what} ${problem}`,
        this.sheet,
        address,
        this.about,
      ),
    );
  }

  /**
   * INVISIBLE_CHARACTERS (R11) on the cell of `field` when its text holds
   * zero-width or bidi characters: the id is kept as written, but two ids
   * that look identical may differ only by them, so the person is told.
   */
  noteInvisibleCharacters(field: string, text: string): void {
    const found = invisibleCharacters(text);
    if (found.length === 0) return;
    this.note(
      "INVISIBLE_CHARACTERS",
      "warning",
      field,
      `holds invisible characters (${found.join(", ")}): it differs from the same text typed without them; retype it if that is what you meant`,
    );
  }

  /** MISSING_COLUMN once per sheet and field, pointing at the header row. */
  private missingColumn(field: string, problem: string): void {
    const { context } = this;
    if (context.reportedMissing.has(field)) return;
    context.reportedMissing.add(field);
    const address = a1(context.headerRow, 0);
    const name = this.columnName(field);
    context.warnings.push(
      makeWarning(
        "MISSING_COLUMN",
        "error",
        `${this.sheet}!${address}: the sheet has no '${name}' column, but row ${this.rowIndex + 1} needs one (${name} ${problem})`,
        this.sheet,
        address,
      ),
    );
  }

  /** The parsed value, `fallback` when blank or unreadable (unreadable counts as a problem). */
  optional<T, F>(field: string, parse: (cell: Cell) => Parsed<T>, fallback: F): T | F {
    const cell = this.cell(field);
    if (isBlank(cell)) return fallback;
    const parsed = parse(cell);
    if (parsed.ok) return parsed.value;
    this.invalid(field, parsed.problem, parsed.code);
    return fallback;
  }

  /** Like `optional`, but a blank cell (or missing column) is a problem: `whyNeeded` says why. */
  required<T>(field: string, parse: (cell: Cell) => Parsed<T>, whyNeeded: string): T | null {
    const cell = this.cell(field);
    if (isBlank(cell)) {
      this.invalid(field, whyNeeded);
      return null;
    }
    const parsed = parse(cell);
    if (parsed.ok) return parsed.value;
    this.invalid(field, parsed.problem, parsed.code);
    return null;
  }
}
