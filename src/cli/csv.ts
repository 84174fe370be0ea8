/**
 * CSV text → table, as a spreadsheet would import it: UTF-8 with or without
 * BOM, quoted fields with new lines, `;`-separated files as European locales
 * save them. Blank lines stay rows, so A1 addresses match the spreadsheet's.
 */
import { parse } from "csv-parse/sync";
import type { Table } from "../sheets";

/** A file that is not readable as CSV; the message names no file (the caller does). */
export class UnreadableInput extends Error {}

/** The delimiter used most in the first lines outside quotes: `,`, `;` or tab. */
export function detectDelimiter(text: string): string {
  const counts = { ",": 0, ";": 0, "\t": 0 };
  let inQuotes = false;
  let lines = 0;
  const limit = Math.min(text.length, 64 * 1024);
  for (let i = 0; i < limit && lines < 10; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === "," || ch === ";" || ch === "\t")) counts[ch] += 1;
    else if (!inQuotes && ch === "\n") lines += 1;
  }
  if (counts[";"] > counts[","] && counts[";"] >= counts["\t"]) return ";";
  if (counts["\t"] > counts[","] && counts["\t"] > counts[";"]) return "\t";
  return ",";
}

/** Decodes strict UTF-8; binary data (NUL bytes, invalid sequences) is refused. */
export function decodeText(bytes: Uint8Array): string {
  if (bytes.includes(0)) throw new UnreadableInput("not a CSV text file (it holds binary data)");
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    throw new UnreadableInput("not a CSV text file (it is not UTF-8 text)");
  }
}

export function parseCsv(bytes: Uint8Array): Table {
  const text = decodeText(bytes);
  try {
    return parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    const reason = error instanceof Error ? error.message.split("\n")[0] : String(error);
    throw new UnreadableInput(`unreadable CSV: ${reason}`);
  }
}
