/** Table ordering: the credits table puts credits at risk first (R11 CREDIT_EXPIRES_UNUSED). */
import type { CreditJson } from "../sheets/planJson";

export type SortDirection = "asc" | "desc";

export interface SortState {
  /** Column key, or null for the table's default order. */
  key: string | null;
  direction: SortDirection;
}

export type SortValue = string | number | null;

/** Compares two cell values; null (no event in the horizon) sorts last in either direction. */
export function compareValues(a: SortValue, b: SortValue, direction: SortDirection): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  const order = a < b ? -1 : 1;
  return direction === "asc" ? order : -order;
}

/** Stable sort of `rows` by one column. */
export function sortRows<T>(
  rows: readonly T[],
  value: (row: T) => SortValue,
  direction: SortDirection,
): T[] {
  return rows
    .map((row, index) => ({ row, index, key: value(row) }))
    .sort((a, b) => compareValues(a.key, b.key, direction) || a.index - b.index)
    .map((item) => item.row);
}

/**
 * Default credit order: credits with money at risk first (the plan's
 * `atRisk`, most lost first), then the rest by last usable day (soonest
 * first), then sheet order.
 */
export function atRiskFirst(credits: readonly CreditJson[]): CreditJson[] {
  return credits
    .map((credit, index) => ({ credit, index }))
    .sort(
      (a, b) =>
        compareValues(a.credit.atRisk, b.credit.atRisk, "desc") ||
        compareValues(a.credit.lastUsableDay, b.credit.lastUsableDay, "asc") ||
        a.index - b.index,
    )
    .map((item) => item.credit);
}
