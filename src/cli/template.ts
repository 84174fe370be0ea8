/** `credit-planner template DIR`: the five input sheets as CSV with headers and examples. */
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { SHEET_NAMES, type SheetKey, templateTables } from "../sheets";
import { CSV_FILE_NAMES, InputError } from "./loadWorkbook";

/** One CSV field: quoted when it holds a delimiter, a quote or a new line. */
export function csvField(value: string | number): string {
  const text = String(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly (readonly (string | number)[])[]): string {
  return rows
    .map((row) => row.map(csvField).join(","))
    .join("\n")
    .concat("\n");
}

/** Writes the templates; refuses to overwrite an existing file. Returns the paths written. */
export function writeTemplate(dir: string): string[] {
  const keyByName = new Map(
    (Object.keys(SHEET_NAMES) as SheetKey[]).map((key) => [SHEET_NAMES[key] as string, key]),
  );
  const files = templateTables().map((table) => {
    const key = keyByName.get(table.name);
    if (key === undefined) throw new Error(`template sheet '${table.name}' has no CSV name`);
    return { path: join(dir, CSV_FILE_NAMES[key]), text: toCsv([table.header, ...table.examples]) };
  });
  return writeNewFiles(dir, files);
}

/**
 * Writes every file into `dir` (made if missing), or none when one already
 * exists: a person's own sheets are never overwritten. Returns the paths.
 */
export function writeNewFiles(
  dir: string,
  files: readonly { path: string; text: string }[],
): string[] {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (error) {
    throw new InputError(
      dir,
      `cannot create the directory (${(error as Error).message.split("\n")[0]})`,
    );
  }
  for (const file of files) {
    if (existsSync(file.path)) throw new InputError(file.path, "already exists; not overwritten");
  }
  for (const file of files) writeFileSync(file.path, file.text);
  return files.map((file) => file.path);
}
