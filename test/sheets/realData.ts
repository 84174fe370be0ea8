/**
 * The public TikTok records of ../shared/real-data (its README names each
 * source), turned into workbooks the way a user gets them: a connector's CSV
 * destination (read by the CLI's CSV reader) or a paste into Sheets (a 2D
 * array of strings and numbers). The records are read at test time, never
 * copied into the repository.
 */
import { readFileSync } from "node:fs";
import { parseCsv } from "../../src/cli/csv";
import type { Cell, Table } from "../../src/sheets";

export const REAL_DATA = "../shared/real-data";

export function realText(path: string): string {
  return readFileSync(`${REAL_DATA}/${path}`, "utf8");
}

/** A Fivetran seed as its CSV destination writes it, read like the CLI reads a CSV file. */
export function fivetranTable(name: string): Table {
  return parseCsv(readFileSync(`${REAL_DATA}/fivetran/${name}.csv`));
}

export interface AirbyteRecord {
  stream: string;
  data: Record<string, unknown>;
}

/** The records of one stream of an Airbyte expected-records file. */
export function airbyteRecords(file: string, stream: string): Record<string, unknown>[] {
  return idsAsText(`airbyte/integration_tests/${file}`)
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as AirbyteRecord)
    .filter((record) => record.stream === stream)
    .map((record) => record.data);
}

/**
 * Python's repr of a JSON value (`{'spend': '20.000', 'x': None}`), as a
 * record lands in a cell when a pipeline writes `str(record)`.
 */
export function pythonRepr(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return `'${value.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
  if (Array.isArray(value)) return `[${value.map(pythonRepr).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([k, v]) => `'${k}': ${pythonRepr(v)}`).join(", ")}}`;
}

/**
 * A CSV destination with root-level flattening: one column per top-level
 * key, nested objects as JSON text, numbers as their digits (ids as text:
 * a 16-digit id would lose digits as a number).
 */
export function flattenedTable(
  records: Record<string, unknown>[],
  nested: (value: unknown) => string = JSON.stringify,
): Table {
  const keys: string[] = [];
  for (const record of records)
    for (const key of Object.keys(record)) {
      if (!keys.includes(key)) keys.push(key);
    }
  const cell = (value: unknown): Cell => {
    if (value === null || value === undefined) return "";
    if (typeof value === "object") return nested(value);
    return String(value);
  };
  return [keys, ...records.map((record) => keys.map((key) => cell(record[key])))];
}

/** Ids of a JSON-lines file, with every digit (JSON.parse would round 19-digit integers). */
export function idsAsText(file: string): string {
  return realText(file).replace(/("(?:campaign|adgroup|advertiser|ad)_id": ?)(\d{16,})/g, '$1"$2"');
}
