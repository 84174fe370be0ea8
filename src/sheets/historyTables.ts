/**
 * History tables (SHEETS.md "Real exports (spec v3)"): connectors such as
 * Fivetran keep one row per version of a campaign (`campaign_history`). When
 * rows share an id and the sheet has `is_most_recent_record`, `updated_at`
 * or `_fivetran_synced`, the most recent version is the campaign: the flag
 * first, then the latest time. The older versions are history, not
 * duplicates.
 */
import type { ColumnSpec } from "./columns";
import type { SheetContext } from "./rowReader";
import type { Cell, Table } from "./types";

/** The version columns, read from exports only (never template columns). */
export const VERSION_COLUMNS: readonly ColumnSpec[] = [
  { field: "isMostRecent", name: "is_most_recent_record", aliases: [], exportOnly: true },
  { field: "updatedAt", name: "updated_at", aliases: [], exportOnly: true },
  { field: "syncedAt", name: "_fivetran_synced", aliases: [], exportOnly: true },
];

const DATE_TIME = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3}))?)?)?/;

/** A version time in epoch milliseconds; -Infinity when the cell holds none. */
function timeOf(cell: Cell): number {
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? -Infinity : cell.getTime();
  if (typeof cell !== "string") return -Infinity;
  const m = DATE_TIME.exec(cell.trim());
  if (!m) return -Infinity;
  const [, y, mo, d, h = "0", mi = "0", s = "0", ms = "0"] = m;
  return Date.UTC(+y, +mo - 1, +d, +h, +mi, +s, +ms.padEnd(3, "0"));
}

function isTrue(cell: Cell): boolean {
  if (typeof cell === "boolean") return cell;
  if (typeof cell === "number") return cell === 1;
  return typeof cell === "string" && /^(true|yes|1)$/i.test(cell.trim());
}

/**
 * 0-based rows that are an older version of an id on a later or earlier row,
 * or null when the sheet has no version column (every row is then read).
 */
export function olderVersionRows(
  context: SheetContext,
  table: Table,
  idOf: (cell: Cell) => string | null,
): Set<number> | null {
  const column = (field: string) => context.columns.get(field);
  const flag = column("isMostRecent");
  const updated = column("updatedAt");
  const synced = column("syncedAt");
  const idColumn = column("id");
  if ((flag ?? updated ?? synced) === undefined || idColumn === undefined) return null;
  const best = new Map<string, { row: number; rank: [number, number, number] }>();
  const older = new Set<number>();
  const better = (a: [number, number, number], b: [number, number, number]) =>
    a[0] !== b[0] ? a[0] > b[0] : a[1] !== b[1] ? a[1] > b[1] : a[2] > b[2];
  for (let r = context.headerRow + 1; r < table.length; r++) {
    const row = table[r];
    if (!Array.isArray(row)) continue;
    const id = idOf(row[idColumn]);
    if (id === null || id === "") continue;
    const rank: [number, number, number] = [
      flag === undefined ? 0 : isTrue(row[flag]) ? 1 : 0,
      updated === undefined ? 0 : timeOf(row[updated]),
      synced === undefined ? 0 : timeOf(row[synced]),
    ];
    const current = best.get(id);
    if (current === undefined) best.set(id, { row: r, rank });
    else if (better(rank, current.rank)) {
      older.add(current.row);
      best.set(id, { row: r, rank });
    } else older.add(r);
  }
  return older;
}
