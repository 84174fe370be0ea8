/**
 * CSV text → table, as a spreadsheet would import it: UTF-8 with or without
 * BOM (UTF-16 with a BOM is decoded too, with a note), quoted fields with new
 * lines, `;`-separated files as European locales save them. Blank lines stay
 * rows, so A1 addresses match the spreadsheet's.
 */
import { parse } from "csv-parse/sync";
import { normalizeKey, type Table } from "../sheets";

/** A file that is not readable as CSV; the message names no file (the caller does). */
export class UnreadableInput extends Error {}

const DELIMITERS = [",", ";", "\t"] as const;
/** Rows looked at for the header: title rows above it are rare and few. */
const HEADER_SEARCH_LINES = 20;

/** Cells of the first lines split by `delimiter`, quotes respected; [] when they do not parse. */
function firstRows(text: string, delimiter: string): string[][] {
  try {
    return parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      to_line: HEADER_SEARCH_LINES,
    }) as string[][];
  } catch {
    return [];
  }
}

/** Most cells of one row that are header spellings of the sheet. */
function headerScore(rows: readonly string[][], spellings: ReadonlySet<string>): number {
  let best = 0;
  for (const row of rows) {
    let known = 0;
    for (const cell of row) if (cell.length <= 200 && spellings.has(normalizeKey(cell))) known += 1;
    if (known > best) best = known;
  }
  return best;
}

/** The delimiter used most in the first line outside quotes (no header spellings to go by). */
function delimiterOfFirstLine(text: string): string {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  const limit = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < limit; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) counts[ch] += 1;
    else if (!inQuotes && ch === "\n") break;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/**
 * The delimiter that splits the header row into the most column names the
 * sheet knows (`headerSpellings`, normalized), never a count over data rows:
 * a Credits row whose unquoted `Assigned campaigns` holds `a; b; c` must not
 * turn a comma file into a semicolon one. Ties go to `,`; with no known
 * header (or no spellings given) the first line's most used delimiter wins.
 */
export function detectDelimiter(text: string, headerSpellings?: ReadonlySet<string>): string {
  if (headerSpellings && headerSpellings.size > 0) {
    let best = "";
    let bestScore = 0;
    for (const delimiter of DELIMITERS) {
      const score = headerScore(firstRows(text, delimiter), headerSpellings);
      if (score > bestScore) {
        best = delimiter;
        bestScore = score;
      }
    }
    if (best !== "") return best;
  }
  return delimiterOfFirstLine(text);
}

export interface DecodedText {
  text: string;
  /** Set when the bytes were not UTF-8: what they were read as. */
  encoding?: "UTF-16LE" | "UTF-16BE";
}

function decodeStrict(bytes: Uint8Array, label: string, what: string): string {
  try {
    return new TextDecoder(label, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnreadableInput(what);
  }
}

/**
 * Strict UTF-8, or UTF-16 when the file starts with its byte-order mark
 * (Excel's "Unicode text" saves it): decoding is kinder than refusing, and
 * the caller tells the user. Other binary data (NUL bytes, invalid
 * sequences) is refused.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes.length >= 2 && bytes[0] === 0xff && bytes[1] === 0xfe) {
    const text = decodeStrict(bytes, "utf-16le", "not a CSV text file (invalid UTF-16 LE text)");
    return { text, encoding: "UTF-16LE" };
  }
  if (bytes.length >= 2 && bytes[0] === 0xfe && bytes[1] === 0xff) {
    const text = decodeStrict(bytes, "utf-16be", "not a CSV text file (invalid UTF-16 BE text)");
    return { text, encoding: "UTF-16BE" };
  }
  if (bytes.includes(0)) throw new UnreadableInput("not a CSV text file (it holds binary data)");
  return {
    text: decodeStrict(bytes, "utf-8", "not a CSV text file (it is not UTF-8 text)"),
  };
}

export interface CsvOptions {
  /** Normalized header spellings of the sheet the file holds (delimiter detection). */
  headerSpellings?: ReadonlySet<string>;
  /** Most cells read before the file is refused (a bound on memory). */
  maxCells?: number;
}

export interface ParsedCsv {
  table: Table;
  encoding?: DecodedText["encoding"];
}

export function readCsv(bytes: Uint8Array, options: CsvOptions = {}): ParsedCsv {
  const { text, encoding } = decodeText(bytes);
  const maxCells = options.maxCells ?? Number.POSITIVE_INFINITY;
  let cells = 0;
  let table: Table;
  try {
    table = parse(text, {
      delimiter: detectDelimiter(text, options.headerSpellings),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: (record: string[]) => {
        cells += record.length;
        if (cells > maxCells) throw new TooManyCells(maxCells);
        return record;
      },
    }) as string[][];
  } catch (error) {
    if (error instanceof TooManyCells) throw new UnreadableInput(error.message);
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UnreadableInput(`unreadable CSV: ${reason}`);
  }
  return encoding ? { table, encoding } : { table };
}

class TooManyCells extends Error {
  constructor(limit: number) {
    super(`has more than ${limit.toLocaleString("en-US")} cells, more than the planner reads`);
  }
}

export function parseCsv(bytes: Uint8Array, options: CsvOptions = {}): Table {
  return readCsv(bytes, options).table;
}
