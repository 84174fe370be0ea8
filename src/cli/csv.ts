/**
 * CSV text → table, as a spreadsheet would import it: UTF-8 with or without
 * BOM (UTF-16 with a BOM, and Windows-1252 when the bytes are not UTF-8, are
 * decoded too, with a note), quoted fields with new
 * lines, `;`-separated files as European locales save them. Blank lines stay
 * rows, so A1 addresses match the spreadsheet's.
 */
import { createRequire } from "node:module";
import { parse } from "csv-parse/sync";
import { normalizeKey, type Table } from "../sheets";

/** A file that is not readable as CSV; the message names no file (the caller does). */
export class UnreadableInput extends Error {}

const DELIMITERS = [",", ";", "\t"] as const;
/** Rows looked at for the header: title rows above it are rare and few. */
const HEADER_SEARCH_LINES = 20;

/**
 * The start of `text` that decides the header search, so that each delimiter
 * tried parses a few lines, not the whole file. csv-parse counts a line at
 * every CR or LF, quoted or not, but skips the LF of a CRLF line end, and
 * stops at the first character of line HEADER_SEARCH_LINES + 1; so the first
 * 2 × HEADER_SEARCH_LINES + 1 CRs and LFs reach past that stop (one more is a
 * margin), and the rows, or the error, are those of the whole text. The
 * whole text when it has fewer line breaks.
 */
export function headerSearchText(text: string): string {
  const lineBreaks = 2 * HEADER_SEARCH_LINES + 2;
  let seen = 0;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if ((code === 10 || code === 13) && ++seen === lineBreaks) return text.slice(0, i + 1);
  }
  return text;
}

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

/** How often `character` occurs in `text`. */
function occurrences(text: string, character: string): number {
  let count = 0;
  for (let i = text.indexOf(character); i !== -1; i = text.indexOf(character, i + 1)) count++;
  return count;
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
    const head = headerSearchText(text);
    let best = "";
    let bestScore = 0;
    for (const delimiter of DELIMITERS) {
      // Rows split by a delimiter found n times have at most n + 1 cells: no parse can beat the best.
      if (occurrences(head, delimiter) + 1 <= bestScore) continue;
      const score = headerScore(firstRows(head, delimiter), headerSpellings);
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
  encoding?: "UTF-16LE" | "UTF-16BE" | "Windows-1252";
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
 * (Excel's "Unicode text" saves it), or Windows-1252 when the bytes are not
 * UTF-8 (Excel's plain "CSV" on Windows, SHEETS.md "Locale"): decoding is
 * kinder than refusing, and the caller tells the user. Binary data (NUL
 * bytes, control characters) is refused.
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
  try {
    return { text: new TextDecoder("utf-8", { fatal: true }).decode(bytes) };
  } catch {
    // SHEETS.md "Locale": a CSV that is not UTF-8 is Windows-1252 (Excel's "CSV" on Windows).
    if (!isWindows1252Text(bytes)) {
      throw new UnreadableInput("not a CSV text file (it is neither UTF-8 nor Windows-1252 text)");
    }
    return { text: decodeWindows1252(bytes), encoding: "Windows-1252" };
  }
}

/** Loads CommonJS packages at run time (the bundle keeps iconv-lite out: see scripts/build.mjs). */
const loadPackage = createRequire(import.meta.url);

/**
 * iconv-lite, not TextDecoder: Node 20's "windows-1252" decodes 0x80–0x9F as
 * Latin-1 (€ and curly quotes are lost). Loaded only for such a file: its
 * code-page tables would triple the CLI's size for every run.
 */
function decodeWindows1252(bytes: Uint8Array): string {
  const iconv = loadPackage("iconv-lite") as typeof import("iconv-lite");
  return iconv.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length), "win1252");
}

/**
 * Windows-1252 decodes every byte, so binary data is told apart by what text
 * never holds: control characters other than tab and line ends, and the five
 * bytes the code page leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
 */
function isWindows1252Text(bytes: Uint8Array): boolean {
  for (const byte of bytes) {
    if (byte < 0x20 && byte !== 0x09 && byte !== 0x0a && byte !== 0x0d) return false;
    if (byte === 0x7f || byte === 0x81 || byte === 0x8d || byte === 0x8f || byte === 0x90)
      return false;
    if (byte === 0x9d) return false;
  }
  return true;
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

/**
 * Whether `text` surely has no more than `maxCells` cells, told without
 * parsing it: every cell but the last ends at the delimiter or at a CR or LF
 * (quoted ones included), so there are at most that many + 1 cells, and never
 * more than the characters + 1 (which needs no count).
 */
function surelyWithin(text: string, delimiter: string, maxCells: number): boolean {
  if (text.length + 1 <= maxCells) return true;
  const ends = occurrences(text, delimiter) + occurrences(text, "\n") + occurrences(text, "\r");
  return ends + 1 <= maxCells;
}

/**
 * Counts cells as csv-parse reads them and stops past `maxCells`. Only for
 * files that may be over the limit: an `on_record` callback makes csv-parse
 * build an info object for every record, a fifth of its time.
 */
function cellLimit(maxCells: number): (record: string[]) => string[] {
  let cells = 0;
  return (record) => {
    cells += record.length;
    if (cells > maxCells) throw new TooManyCells(maxCells);
    return record;
  };
}

export function readCsv(bytes: Uint8Array, options: CsvOptions = {}): ParsedCsv {
  const { text, encoding } = decodeText(bytes);
  const maxCells = options.maxCells ?? Number.POSITIVE_INFINITY;
  const delimiter = detectDelimiter(text, options.headerSpellings);
  let table: Table;
  try {
    table = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      on_record: surelyWithin(text, delimiter, maxCells) ? undefined : cellLimit(maxCells),
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
