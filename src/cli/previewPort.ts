/**
 * The preview's `WorkbookPort`: an in-memory copy of a CSV workbook. Apply and
 * Write change this copy only; the files on disk are never touched. What the
 * sidebar asked for (selected cells, writes, log lines) is kept so the
 * preview can show it and tests can observe it.
 */
import type { Table, WorkbookTables } from "../sheets";
import {
  ASSIGNMENT_LOG_HEADER,
  chooseOwnedSheetName,
  INPUT_SHEETS,
  type OwnedSheet,
  parseA1,
  type SheetOwnership,
  type WorkbookPort,
} from "../sheets/service";

export interface CellSelection {
  sheet: string;
  a1: string;
}

export interface MemoryWorkbookPort extends WorkbookPort {
  readonly selections: CellSelection[];
  readonly assignmentLog: string[][];
  readonly ownedSheets: Map<string, OwnedSheet>;
}

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

export function memoryWorkbookPort(
  tables: WorkbookTables,
  options: { timeZone?: string; now?: () => number } = {},
): MemoryWorkbookPort {
  const now = options.now ?? Date.now;
  const zone = options.timeZone ?? "UTC";
  const copy: WorkbookTables = structuredClone(tables);
  const selections: CellSelection[] = [];
  const assignmentLog: string[][] = [];
  const ownedSheets = new Map<string, OwnedSheet>();

  const inputTable = (sheet: string): Table => {
    const found = INPUT_SHEETS.find((s) => sameName(s.name, sheet));
    const table = found ? copy[found.key] : undefined;
    if (!found || !table) throw new Error(`The workbook has no sheet named '${sheet}'`);
    return table;
  };
  const ownership = (name: string): SheetOwnership => {
    if (INPUT_SHEETS.some((s) => sameName(s.name, name) && copy[s.key])) return "foreign";
    if (sameName(name, "Assignment log")) return "foreign";
    return [...ownedSheets.keys()].some((owned) => sameName(owned, name)) ? "owned" : "missing";
  };

  return {
    selections,
    assignmentLog,
    ownedSheets,
    readTables: () => copy,
    timeZone: () => zone,
    now,
    timestamp: () => new Date(now()).toISOString().replace("T", " ").slice(0, 19),
    setCellText(sheet, a1, text) {
      const table = inputTable(sheet);
      const { row, column } = parseA1(a1);
      while (table.length <= row) table.push([]);
      const cells = table[row];
      while (cells.length <= column) cells.push("");
      // Text stays text: the CSV copy has no formulas to evaluate.
      cells[column] = text;
    },
    appendLogRow(row) {
      if (assignmentLog.length === 0) assignmentLog.push([...ASSIGNMENT_LOG_HEADER]);
      assignmentLog.push([...row]);
    },
    writeOwnedSheet(sheet) {
      const name = chooseOwnedSheetName(sheet.name, ownership);
      ownedSheets.set(name, sheet);
      return name;
    },
    selectCell(sheet, a1) {
      selections.push({ sheet, a1 });
    },
  };
}
