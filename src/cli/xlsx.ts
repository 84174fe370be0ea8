/**
 * Reading an .xlsx without letting it choose the cost: the zip's declared
 * sizes are checked before anything is inflated, the parts are inflated in
 * small steps that stop at the declared size and at the overall bound (a
 * zip may lie about its sizes), and the cells of every sheet are counted
 * from the XML before read-excel-file builds them. Error cells (`#N/A`),
 * which read-excel-file returns as empty, are given back as their text, as
 * Sheets' `getValues()` gives them, so readers can say what they are.
 */
import { strFromU8, Unzip, type UnzipFile, UnzipInflate, unzipSync, zipSync } from "fflate";
import type { Cell } from "../sheets";

/**
 * Most bytes all parts of a workbook may inflate to: 128 MB. A
 * 130,000-campaign export with 20 columns is about 60 MB of sheet XML; a
 * zip bomb of a few hundred KB that inflates to gigabytes is refused before
 * it is inflated.
 */
export const MAX_XLSX_UNCOMPRESSED_BYTES = 128 * 1024 * 1024;

/**
 * Most cells a file may hold, counted as the rectangle each sheet spans
 * (read-excel-file fills every row to the widest): 5,000,000 — 130,000
 * campaigns × 38 columns. Also the bound for each CSV file.
 */
export const MAX_CELLS = 5_000_000;

/** A workbook that cannot be read; the message names no file (the caller does). */
export class UnreadableWorkbook extends Error {}

const MB = 1024 * 1024;
/** Compressed bytes inflated per step: at most ~1 MB of output each (deflate's ratio is ≤ 1032). */
const STEP_BYTES = 1024;

function parts(bytes: Uint8Array): { name: string; originalSize: number }[] {
  const listed: { name: string; originalSize: number }[] = [];
  try {
    unzipSync(bytes, {
      filter: (file) => {
        listed.push({ name: file.name, originalSize: file.originalSize });
        return false;
      },
    });
  } catch (error) {
    throw new UnreadableWorkbook(`not a readable .xlsx workbook (${reasonOf(error)})`);
  }
  return listed;
}

function reasonOf(error: unknown): string {
  return error instanceof Error ? error.message.split("\n")[0] : String(error);
}

function tooLarge(): UnreadableWorkbook {
  return new UnreadableWorkbook(
    `inflates to more than ${MAX_XLSX_UNCOMPRESSED_BYTES / MB} MB, more than the planner reads (a zip bomb, or a workbook far larger than any ad account)`,
  );
}

/** The parts read-excel-file reads (XML and relationships), inflated within the bounds. */
function inflateParts(bytes: Uint8Array): Record<string, Uint8Array> {
  const listed = parts(bytes);
  const declared = new Map<string, number>();
  let total = 0;
  for (const part of listed) {
    total += part.originalSize;
    declared.set(part.name, part.originalSize);
  }
  if (total > MAX_XLSX_UNCOMPRESSED_BYTES) throw tooLarge();

  const files: Record<string, Uint8Array> = {};
  let inflated = 0;
  let failure: Error | null = null;
  const unzip = new Unzip((file: UnzipFile) => {
    if (!/\.(xml|rels)$/i.test(file.name)) return;
    const limit = declared.get(file.name) ?? 0;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (error, chunk, final) => {
      if (failure) return;
      if (error) {
        failure = new UnreadableWorkbook(`not a readable .xlsx workbook (${reasonOf(error)})`);
        return;
      }
      size += chunk.length;
      inflated += chunk.length;
      if (size > limit) {
        failure = new UnreadableWorkbook(
          `not a readable .xlsx workbook (part ${file.name} is larger than its zip entry says)`,
        );
        file.terminate();
        return;
      }
      if (inflated > MAX_XLSX_UNCOMPRESSED_BYTES) {
        failure = tooLarge();
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) files[file.name] = concat(chunks, size);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  try {
    for (let offset = 0; offset < bytes.length && !failure; offset += STEP_BYTES) {
      const end = Math.min(offset + STEP_BYTES, bytes.length);
      unzip.push(bytes.subarray(offset, end), end === bytes.length);
    }
  } catch (error) {
    failure ??= new UnreadableWorkbook(`not a readable .xlsx workbook (${reasonOf(error)})`);
  }
  if (failure) throw failure;
  return files;
}

function concat(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    out.set(chunk, at);
    at += chunk.length;
  }
  return out;
}

function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i++) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

const CELL_TAG = /<c\b([^>]*?)(\/?)>/g;
const CELL_REF = /\br="([A-Z]{1,3})([0-9]{1,7})"/;
const ERROR_TYPE = /\bt="e"/;
const VALUE = /<v>([^<]*)<\/v>/;

/** An error cell of a sheet: 0-based row and column, and its text (`#N/A`). */
export interface ErrorCell {
  row: number;
  column: number;
  text: string;
}

/** Counts the cells of one sheet's XML (refusing past the bound) and finds its error cells. */
function scanSheet(xml: string, budget: { cells: number }): ErrorCell[] {
  const errors: ErrorCell[] = [];
  let maxRow = 0;
  let maxColumn = 0;
  CELL_TAG.lastIndex = 0;
  for (let m = CELL_TAG.exec(xml); m !== null; m = CELL_TAG.exec(xml)) {
    const ref = CELL_REF.exec(m[1]);
    if (!ref) continue;
    const row = Number(ref[2]);
    const column = columnNumber(ref[1]);
    if (row > maxRow) maxRow = row;
    if (column > maxColumn) maxColumn = column;
    if (m[2] === "" && ERROR_TYPE.test(m[1])) {
      const close = xml.indexOf("</c>", CELL_TAG.lastIndex);
      const value = VALUE.exec(xml.slice(CELL_TAG.lastIndex, close < 0 ? undefined : close));
      if (value) errors.push({ row: row - 1, column: column - 1, text: value[1].trim() });
    }
  }
  budget.cells += maxRow * maxColumn;
  if (budget.cells > MAX_CELLS) {
    throw new UnreadableWorkbook(
      `has more than ${MAX_CELLS.toLocaleString("en-US")} cells (counting the rectangle each sheet spans), more than the planner reads`,
    );
  }
  return errors;
}

export interface XlsxSheet {
  sheet: string;
  data: Cell[][];
}

/** The shape read-excel-file gives (its published types misname Date cells). */
interface RawSheet {
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

/** Sheet name → its part path, from the workbook XML and its relationships. */
function sheetParts(files: Record<string, Uint8Array>): Map<string, string> {
  const result = new Map<string, string>();
  const workbook = files["xl/workbook.xml"];
  const rels = files["xl/_rels/workbook.xml.rels"];
  if (!workbook || !rels) return result;
  const targets = new Map<string, string>();
  for (const m of strFromU8(rels).matchAll(/<Relationship\b([^>]*)>/g)) {
    const id = /\bId="([^"]*)"/.exec(m[1])?.[1];
    const target = /\bTarget="([^"]*)"/.exec(m[1])?.[1];
    if (id && target) {
      targets.set(id, target.startsWith("/") ? target.slice(1) : `xl/${target}`);
    }
  }
  for (const m of strFromU8(workbook).matchAll(/<sheet\b([^>]*)>/g)) {
    const name = /\bname="([^"]*)"/.exec(m[1])?.[1];
    const id = /\br:id="([^"]*)"/.exec(m[1])?.[1];
    const target = id ? targets.get(id) : undefined;
    if (name !== undefined && target) result.set(unescapeXml(name), target);
  }
  return result;
}

function unescapeXml(text: string): string {
  return text
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}

/** Reads the sheets of an .xlsx held in memory, within the bounds above. */
export async function readXlsx(bytes: Uint8Array): Promise<XlsxSheet[]> {
  const files = inflateParts(bytes);
  const budget = { cells: 0 };
  const errorsByPart = new Map<string, ErrorCell[]>();
  for (const [name, content] of Object.entries(files)) {
    if (!/^xl\/worksheets\/[^/]+\.xml$/i.test(name)) continue;
    errorsByPart.set(name, scanSheet(Buffer.from(content).toString("latin1"), budget));
  }
  let raw: RawSheet[];
  try {
    const { default: readXlsxFile } = await import("read-excel-file/node");
    // The checked parts, stored uncompressed: read-excel-file inflates nothing more.
    const checked = Buffer.from(zipSync(files, { level: 0 }));
    raw = (await readXlsxFile(checked)) as unknown as RawSheet[];
  } catch (error) {
    throw new UnreadableWorkbook(`not a readable .xlsx workbook (${reasonOf(error)})`);
  }
  const partOf = sheetParts(files);
  return raw.map((sheet) => {
    const data = sheet.data.map((row) => (Array.isArray(row) ? row.map(toCell) : []));
    const part = partOf.get(sheet.sheet);
    for (const error of (part ? errorsByPart.get(part) : undefined) ?? []) {
      while (data.length <= error.row) data.push([]);
      const row = data[error.row];
      while (row.length <= error.column) row.push(null);
      row[error.column] = error.text;
    }
    return { sheet: sheet.sheet, data };
  });
}
