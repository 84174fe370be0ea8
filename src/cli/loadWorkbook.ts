/**
 * Finds and reads the workbook on disk: a directory of CSV files (names
 * case-insensitive) or one .xlsx whose sheets carry the SHEETS.md names.
 */
import { readdirSync, statSync } from "node:fs";
import { basename, extname, join } from "node:path";
import type { Warning } from "../core";
import {
  ACCOUNT_SETTINGS,
  AD_GROUP_COLUMNS,
  CAMPAIGN_COLUMNS,
  type ColumnSpec,
  CREDIT_COLUMNS,
  normalizeKey,
  SHEET_NAMES,
  type SheetKey,
  SPEND_HISTORY_COLUMNS,
  TOP_UP_COLUMNS,
  type WorkbookTables,
} from "../sheets";
import { readCsv, UnreadableInput } from "./csv";
import { describeIoError, readRegularFile, UnreadableFile } from "./inputFile";
import { MAX_CELLS, readXlsx, UnreadableWorkbook } from "./xlsx";

export interface LoadedWorkbook {
  tables: WorkbookTables;
  /** Where each sheet came from, for messages: a file path, or `book.xlsx [Sheet]`. */
  origins: Record<SheetKey, string>;
  /** xlsx date cells are UTC midnights; Sheets' are local midnights (R1). */
  timeZone: string;
  /** What the loader did that the user should know (R11 info), e.g. a UTF-16 file decoded. */
  notes: Warning[];
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
  adGroups: "adgroups.csv",
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

/** Normalized header spellings of each sheet: what delimiter detection looks for. */
function headerSpellings(key: SheetKey): ReadonlySet<string> {
  const columns: Record<SheetKey, readonly ColumnSpec[]> = {
    campaigns: CAMPAIGN_COLUMNS,
    credits: CREDIT_COLUMNS,
    account: [],
    topUps: TOP_UP_COLUMNS,
    spendHistory: SPEND_HISTORY_COLUMNS,
    adGroups: AD_GROUP_COLUMNS,
  };
  const names =
    key === "account"
      ? ["Setting", "Value", ...ACCOUNT_SETTINGS.map((setting) => setting.name)]
      : columns[key].flatMap((spec) => [spec.name, ...spec.aliases]);
  return new Set(names.map(normalizeKey));
}

function encodingNote(file: string, key: SheetKey, encoding: string): Warning {
  return {
    code: "TEXT_ENCODING",
    severity: "info",
    message: `${file} is ${encoding} text; it was read as such. Save it as "CSV UTF-8" to avoid surprises in other tools.`,
    sheet: SHEET_NAMES[key],
    cell: null,
    credit: null,
    campaign: null,
  };
}

function loadCsvDirectory(dir: string): LoadedWorkbook {
  const tables: WorkbookTables = {};
  const notes: Warning[] = [];
  const origins = defaultOrigins((key) => join(dir, CSV_FILE_NAMES[key]));
  for (const entry of readdirSync(dir).sort()) {
    if (extname(entry).toLowerCase() !== ".csv") continue;
    const key = sheetKeyOf(basename(entry, extname(entry)));
    if (key === undefined || tables[key] !== undefined) continue;
    const file = join(dir, entry);
    origins[key] = file;
    try {
      const csv = readCsv(readRegularFile(file), {
        headerSpellings: headerSpellings(key),
        maxCells: MAX_CELLS,
      });
      tables[key] = csv.table;
      if (csv.encoding) notes.push(encodingNote(file, key, csv.encoding));
    } catch (error) {
      throw new InputError(
        file,
        error instanceof UnreadableInput || error instanceof UnreadableFile
          ? error.message
          : describeIoError(error),
      );
    }
  }
  return { tables, origins, timeZone: "UTC", notes };
}

async function loadXlsx(file: string): Promise<LoadedWorkbook> {
  let sheets: Awaited<ReturnType<typeof readXlsx>>;
  try {
    sheets = await readXlsx(readRegularFile(file));
  } catch (error) {
    if (error instanceof UnreadableFile || error instanceof UnreadableWorkbook) {
      throw new InputError(file, error.message);
    }
    throw new InputError(file, `not a readable .xlsx workbook (${describeIoError(error)})`);
  }
  const tables: WorkbookTables = {};
  const origins = defaultOrigins((key) => `${file} [${SHEET_NAMES[key]}]`);
  for (const sheet of sheets) {
    const key = sheetKeyOf(sheet.sheet);
    if (key === undefined || tables[key] !== undefined) continue;
    tables[key] = sheet.data;
    origins[key] = `${file} [${sheet.sheet}]`;
  }
  // read-excel-file builds date cells as UTC midnights of the day shown.
  return { tables, origins, timeZone: "UTC", notes: [] };
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
