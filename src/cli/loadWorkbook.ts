/**
 * Finds and reads the workbook on disk: a directory of CSV files (names
 * case-insensitive) or one .xlsx whose sheets carry the SHEETS.md names.
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import {
  type Cell,
  normalizeKey,
  SHEET_NAMES,
  type SheetKey,
  type WorkbookTables,
} from "../sheets";
import { parseCsv, UnreadableInput } from "./csv";

export interface LoadedWorkbook {
  tables: WorkbookTables;
  /** Where each sheet came from, for messages: a file path, or `book.xlsx [Sheet]`. */
  origins: Record<SheetKey, string>;
  /** xlsx date cells are UTC midnights; Sheets' are local midnights (R1). */
  timeZone: string;
}

/** A failure to read the input: `file` is what the message names. */
export class InputError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

const SHEET_KEYS = Object.keys(SHEET_NAMES) as SheetKey[];

/** CSV file name (any case) of each sheet, as `template` writes them. */
export const CSV_FILE_NAMES: Record<SheetKey, string> = {
  campaigns: "campaigns.csv",
  credits: "credits.csv",
  account: "account.csv",
  topUps: "topups.csv",
  spendHistory: "spend-history.csv",
};

/** Sheet of a file or sheet name: `Spend history`, `spend-history.csv`, `SPEND_HISTORY` alike. */
function sheetKeyOf(name: string): SheetKey | undefined {
  const key = normalizeKey(name);
  return SHEET_KEYS.find((sheet) => normalizeKey(SHEET_NAMES[sheet]) === key);
}

function defaultOrigins(describe: (key: SheetKey) => string): Record<SheetKey, string> {
  const origins = {} as Record<SheetKey, string>;
  for (const key of SHEET_KEYS) origins[key] = describe(key);
  return origins;
}

function loadCsvDirectory(dir: string): LoadedWorkbook {
  const tables: WorkbookTables = {};
  const origins = defaultOrigins((key) => join(dir, CSV_FILE_NAMES[key]));
  for (const entry of readdirSync(dir).sort()) {
    if (extname(entry).toLowerCase() !== ".csv") continue;
    const key = sheetKeyOf(basename(entry, extname(entry)));
    if (key === undefined || tables[key] !== undefined) continue;
    const file = join(dir, entry);
    origins[key] = file;
    try {
      tables[key] = parseCsv(readFileSync(file));
    } catch (error) {
      throw new InputError(
        file,
        error instanceof UnreadableInput ? error.message : describeIoError(error),
      );
    }
  }
  return { tables, origins, timeZone: "UTC" };
}

/** The shape read-excel-file gives (its published types misname Date cells). */
interface XlsxSheet {
  sheet: string;
  data: unknown[][];
}

function toCell(value: unknown): Cell {
  if (
    value === null ||
    typeof value === "string" ||
    typeof value === "number" ||
    typeof value === "boolean" ||
    value instanceof Date
  ) {
    return value;
  }
  return undefined;
}

async function loadXlsx(file: string): Promise<LoadedWorkbook> {
  let sheets: XlsxSheet[];
  try {
    const { default: readXlsxFile } = await import("read-excel-file/node");
    sheets = (await readXlsxFile(readFileSync(file))) as unknown as XlsxSheet[];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new InputError(file, `not a readable .xlsx workbook (${reason})`);
  }
  const tables: WorkbookTables = {};
  const origins = defaultOrigins((key) => `${file} [${SHEET_NAMES[key]}]`);
  for (const sheet of sheets) {
    const key = sheetKeyOf(sheet.sheet);
    if (key === undefined || tables[key] !== undefined) continue;
    tables[key] = sheet.data.map((row) => (Array.isArray(row) ? row.map(toCell) : []));
    origins[key] = `${file} [${sheet.sheet}]`;
  }
  // read-excel-file builds date cells as UTC midnights of the day shown.
  return { tables, origins, timeZone: "UTC" };
}

function describeIoError(error: unknown): string {
  const code = (error as { code?: string } | null)?.code;
  if (code === "ENOENT") return "no such file or directory";
  if (code === "EACCES") return "permission denied";
  if (code === "EISDIR") return "is a directory";
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

export async function loadWorkbook(path: string): Promise<LoadedWorkbook> {
  let isDirectory: boolean;
  try {
    isDirectory = statSync(path).isDirectory();
  } catch (error) {
    throw new InputError(path, describeIoError(error));
  }
  if (isDirectory) {
    try {
      return loadCsvDirectory(path);
    } catch (error) {
      if (error instanceof InputError) throw error;
      throw new InputError(path, describeIoError(error));
    }
  }
  if (extname(path).toLowerCase() === ".xlsx") return loadXlsx(path);
  throw new InputError(path, "expected a directory of CSV files or an .xlsx file");
}
