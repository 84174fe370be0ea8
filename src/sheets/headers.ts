/**
 * Header matching (SHEETS.md): case, spaces, `_ - .` ignored; every alias;
 * when several columns match a field, the field's name wins, then its
 * aliases in order; the header row is the first row naming every required
 * column (title rows above it are skipped); unknown columns are ignored.
 */
import { normalizeKey } from "./cells";
import type { ColumnSpec } from "./columns";
import type { Cell, Table } from "./types";

export interface HeaderMatch {
  /** 0-based index of the header row. */
  headerRow: number;
  /** Model field → 0-based column index. */
  columns: Map<string, number>;
  /** Model field → the currency code its header carries (`Cost (USD)`), upper case. */
  currencies: Map<string, string>;
}

export interface HeaderMiss {
  /** The required column missing from the closest candidate header row. */
  missing: ColumnSpec;
  /** 0-based row closest to a header, or -1 when no row names any required column. */
  closestRow: number;
}

/** A currency code after a header, as Ads Manager writes money columns: `Cost (USD)`. */
const CURRENCY_SUFFIX = /^(.*\S)\s*\(([A-Z]{3})\)\s*$/;

/** The currency a header names in its suffix, or null. */
export function headerCurrency(cell: Cell): string | null {
  if (typeof cell !== "string") return null;
  return CURRENCY_SUFFIX.exec(cell)?.[2] ?? null;
}

/** First column index per normalized header text in one row (currency suffixes dropped). */
function headerIndex(row: readonly Cell[]): Map<string, number> {
  const index = new Map<string, number>();
  for (let c = 0; c < row.length; c++) {
    const cell = row[c];
    if (typeof cell !== "string" || cell.length > 200) continue;
    const suffixed = CURRENCY_SUFFIX.exec(cell);
    const key = normalizeKey(suffixed ? suffixed[1] : cell);
    if (key !== "" && !index.has(key)) index.set(key, c);
  }
  return index;
}

/** Normalized spellings of each spec, name first, computed once per spec list. */
const spellingCache = new WeakMap<readonly ColumnSpec[], string[][]>();

function spellingsOf(specs: readonly ColumnSpec[]): string[][] {
  let spellings = spellingCache.get(specs);
  if (!spellings) {
    spellings = specs.map((spec) => [spec.name, ...spec.aliases].map(normalizeKey));
    spellingCache.set(specs, spellings);
  }
  return spellings;
}

function matchColumns(
  index: Map<string, number>,
  specs: readonly ColumnSpec[],
): Map<string, number> {
  const columns = new Map<string, number>();
  const spellings = spellingsOf(specs);
  for (let s = 0; s < specs.length; s++) {
    const spec = specs[s];
    for (const key of spellings[s]) {
      const column = index.get(key);
      if (column !== undefined) {
        columns.set(spec.field, column);
        break;
      }
    }
  }
  return columns;
}

function hasColumn(columns: Map<string, number>, spec: ColumnSpec): boolean {
  return columns.has(spec.field) || (spec.orField !== undefined && columns.has(spec.orField));
}

export function findHeader(table: Table, specs: readonly ColumnSpec[]): HeaderMatch | HeaderMiss {
  const required = specs.filter((spec) => spec.required);
  let closestRow = -1;
  let closestCount = 0;
  let closestColumns = new Map<string, number>();
  for (let r = 0; r < table.length; r++) {
    const row = table[r];
    if (!Array.isArray(row) || row.length === 0) continue;
    const columns = matchColumns(headerIndex(row), specs);
    const count = required.filter((spec) => hasColumn(columns, spec)).length;
    if (count === required.length) {
      const currencies = new Map<string, string>();
      for (const [field, column] of columns) {
        const currency = headerCurrency(row[column]);
        if (currency !== null) currencies.set(field, currency);
      }
      return { headerRow: r, columns, currencies };
    }
    if (count > closestCount) {
      closestCount = count;
      closestRow = r;
      closestColumns = columns;
    }
  }
  const missing = required.find((spec) => !hasColumn(closestColumns, spec)) ?? required[0];
  return { missing, closestRow };
}

/** One line naming the sheet and the missing column, with the spellings accepted. */
export function missingColumnMessage(sheet: string, miss: HeaderMiss): string {
  const { missing } = miss;
  const also = missing.aliases.length > 0 ? ` (or ${missing.aliases.join(", ")})` : "";
  const where =
    miss.closestRow >= 0
      ? `header row ${miss.closestRow + 1} has no column '${missing.name}'${also}`
      : `no header row names the column '${missing.name}'${also}`;
  return `${sheet}: missing required column '${missing.name}': ${where}`;
}
