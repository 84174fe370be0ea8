/** A minimal in-memory `WorkbookPort` for the service tests. */
import type { Table, WorkbookTables } from "../../src/sheets";
import {
  chooseOwnedSheetName,
  type OwnedSheet,
  parseA1,
  type WorkbookPort,
} from "../../src/sheets/service";

export interface MemoryPort extends WorkbookPort {
  tables: WorkbookTables;
  log: string[][];
  owned: Map<string, OwnedSheet>;
  foreign: Set<string>;
  selected: string | null;
  writes: number;
}

/**
 * A port whose clock reads 09:00 UTC on `today` (a day number), or the
 * instant `options.now` (epoch ms), in the spreadsheet zone `options.timeZone`.
 */
export function memoryPort(
  tables: WorkbookTables,
  today: number,
  options: { now?: number; timeZone?: string } = {},
): MemoryPort {
  const now = options.now ?? today * 86_400_000 + 9 * 3_600_000;
  const port: MemoryPort = {
    tables,
    log: [],
    owned: new Map(),
    foreign: new Set(),
    selected: null,
    writes: 0,
    readTables: () => structuredClone(port.tables),
    timeZone: () => options.timeZone ?? "UTC",
    now: () => now,
    timestamp: () => "2026-12-01 09:00:00",
    setCellText(sheet, a1, text) {
      if (sheet.toLowerCase() !== "credits") throw new Error(`unexpected sheet ${sheet}`);
      const { row, column } = parseA1(a1);
      const table = port.tables.credits as Table;
      while (table[row].length <= column) table[row].push("");
      table[row][column] = text;
      port.writes += 1;
    },
    appendLogRow(row) {
      port.log.push(row);
    },
    writeOwnedSheet(sheet) {
      const name = chooseOwnedSheetName(sheet.name, (n) =>
        port.foreign.has(n) ? "foreign" : port.owned.has(n) ? "owned" : "missing",
      );
      port.owned.set(name, sheet);
      return name;
    },
    selectCell(sheet, a1) {
      port.selected = `${sheet}!${a1}`;
    },
  };
  return port;
}
