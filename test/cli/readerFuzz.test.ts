/**
 * Seeded fuzz of the CSV and .xlsx readers (issue 16): the sample workbook,
 * mutated at random (delimiters, quotes, BOMs, NULs, escape sequences,
 * huge numbers, impossible dates, broken XML, flipped zip bytes), must
 * always end in a plan (exit 0) or in one clear line (exit 1): never a
 * stack trace, an "unexpected error", a crash or a heap past the cap.
 *
 * Bounded in time, not in count: each part runs until its budget is spent
 * (FUZZ_MS, default 6 s in-process and 6 s of child processes per reader,
 * about 25 s in all) with the seed printed, so a failure reproduces with
 * FUZZ_SEED=<seed>.
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { prng } from "../../scripts/synthetic";
import { readCsv } from "../../src/cli/csv";
import { InputError, loadWorkbook } from "../../src/cli/loadWorkbook";
import { readAndPlan } from "../../src/sheets";
import { useBuiltCli } from "./builtCli";
import { type XlsxCell, xlsxParts } from "./xlsxFixture";

const SEED = Number(process.env.FUZZ_SEED ?? 20_261_201);
const BUDGET_MS = Number(process.env.FUZZ_MS ?? 6_000);
/** The V8 heap cap of every child run: the sample workbook needs about 40 MB. */
const HEAP_MB = 128;
const SAMPLE = "examples/sample-workbook";
const FILES = ["campaigns.csv", "credits.csv", "account.csv", "topups.csv", "spend-history.csv"];
const NOW = Date.UTC(2026, 11, 1, 12);

const scratch = useBuiltCli("credit-planner-fuzz-");

type Random = () => number;
const int = (random: Random, max: number) => Math.floor(random() * max);
const pick = <T>(random: Random, items: readonly T[]): T => items[int(random, items.length)];

const CSV_TOKENS = [
  ",",
  ";",
  "\t",
  '"',
  '""',
  "\n",
  "\r\n",
  "\r",
  "\u0000",
  "\u001b[2J",
  "\u009b",
  "\ufeff",
  "\u200b",
  "\u202e",
  "1e308",
  "99999999999999999999",
  "-0",
  "#N/A",
  "#REF!",
  "0000-01-01",
  "9999-12-31",
  "2026-02-30",
  "1899-12-30",
  "$",
  "€",
  "%",
  "TRUE",
  "Credit ID",
  "Campaign ID",
  "Assigned campaigns",
  "Type",
  "Amount",
  "Setting",
  "Value",
  "Currency,XYZ",
  "Horizon days,3650",
  "Plan start,9999-12-01",
  "x".repeat(5000),
];

function mutateText(random: Random, text: string): string {
  let out = text;
  const steps = 1 + int(random, 6);
  for (let s = 0; s < steps; s++) {
    const at = int(random, out.length + 1);
    const op = int(random, 6);
    if (op <= 2) out = out.slice(0, at) + pick(random, CSV_TOKENS) + out.slice(at);
    else if (op === 3) out = out.slice(0, at) + out.slice(at + 1 + int(random, 40));
    else if (op === 4) {
      const lines = out.split("\n");
      const line = int(random, lines.length);
      lines.splice(line, 0, ...Array(1 + int(random, 50)).fill(lines[line]));
      out = lines.join("\n");
    } else out = out.slice(0, at) + String.fromCharCode(int(random, 0x3000)) + out.slice(at);
  }
  return out;
}

function encode(random: Random, text: string): Uint8Array {
  const roll = random();
  if (roll < 0.08) return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, "utf16le")]);
  const bytes = Buffer.from(text, "utf8");
  if (roll < 0.16 && bytes.length > 0) bytes[int(random, bytes.length)] = int(random, 256);
  return bytes;
}

const SAMPLE_TEXT = Object.fromEntries(
  FILES.map((file) => [file, readFileSync(join(SAMPLE, file), "utf8")]),
);

function csvCase(random: Random, dir: string): void {
  mkdirSync(dir, { recursive: true });
  for (const file of FILES) {
    if (random() < 0.1) continue;
    const text = random() < 0.6 ? mutateText(random, SAMPLE_TEXT[file]) : SAMPLE_TEXT[file];
    writeFileSync(join(dir, file), encode(random, text));
  }
}

const SHEET_OF: Record<string, string> = {
  "campaigns.csv": "Campaigns",
  "credits.csv": "Credits",
  "account.csv": "Account",
  "topups.csv": "Top-ups",
  "spend-history.csv": "Spend history",
};

const XML_TOKENS = [
  '<c r="XFD1"><v>1</v></c>',
  '<c r="A1048576"><v>1</v></c>',
  '<row r="1048576">',
  '<row r="1">',
  't="e"',
  "<v>#N/A</v>",
  '<c r="B2" t="e"><v>#DIV/0!</v></c>',
  '<c r="C2" t="b"><v>1</v></c>',
  '<c r="D2" s="1"><v>2958466</v></c>',
  '<c r="D2" s="1"><v>-1</v></c>',
  '<c r="B2"><v>1e308</v></c>',
  "&amp;",
  "&#0;",
  "&#x1b;",
  "<![CDATA[x]]>",
  "<",
  ">",
  '"',
  "</row>",
  "</sheetData>",
];

function xlsxCase(random: Random, file: string): void {
  const sheets: Record<string, XlsxCell[][]> = {};
  for (const name of FILES) {
    const table = readCsv(Buffer.from(SAMPLE_TEXT[name])).table;
    sheets[SHEET_OF[name]] = table.map((row) =>
      row.map((cell) =>
        typeof cell === "string" && /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : String(cell ?? ""),
      ),
    );
  }
  const parts = xlsxParts(sheets);
  const names = Object.keys(parts);
  const edits = 1 + int(random, 4);
  for (let e = 0; e < edits; e++) {
    const name =
      random() < 0.8
        ? `xl/worksheets/sheet${1 + int(random, FILES.length)}.xml`
        : pick(random, names);
    const xml = Buffer.from(parts[name]).toString("utf8");
    const at = int(random, xml.length + 1);
    const mutated =
      random() < 0.7
        ? xml.slice(0, at) + pick(random, XML_TOKENS) + xml.slice(at)
        : xml.slice(0, at) + xml.slice(at + 1 + int(random, 80));
    parts[name] = strToU8(mutated);
  }
  const zip = zipSync(parts);
  if (random() < 0.2) zip[int(random, zip.length)] = int(random, 256);
  writeFileSync(file, zip);
}

/** In-process: a plan or an InputError with a one-line message; nothing else may be thrown. */
async function expectPlanOrOneLine(path: string, label: string): Promise<void> {
  try {
    const workbook = await loadWorkbook(path);
    const result = readAndPlan(workbook.tables, {
      now: NOW,
      spreadsheetTimeZone: workbook.timeZone,
      recommendations: false,
    });
    if (!result.ok) expect(result.error, label).not.toContain("\n");
  } catch (error) {
    expect(error, `${label}: ${String(error)}`).toBeInstanceOf(InputError);
    expect((error as Error).message, label).not.toContain("\n");
  }
}

function expectExit0Or1(path: string, label: string): void {
  const run = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, "dist/cli.mjs", "plan", path],
    { encoding: "utf8", timeout: 30_000, env: { ...process.env, NO_COLOR: "1" } },
  );
  expect(run.signal, `${label} crashed`).toBeNull();
  expect([0, 1], `${label}: ${run.stderr}`).toContain(run.status);
  expect(run.stderr, label).not.toMatch(/\n\s+at |unexpected error|TypeError|RangeError|heap/i);
  if (run.status === 1) {
    expect(run.stderr.trimEnd().split("\n"), label).toHaveLength(1);
    expect(run.stderr, label).toMatch(/^credit-planner: /);
  } else {
    expect(run.stderr, label).toBe("");
  }
}

async function fuzz(
  name: string,
  make: (random: Random, path: string) => void,
  check: (path: string, label: string) => void | Promise<void>,
): Promise<number> {
  const random = prng(SEED);
  const started = Date.now();
  let cases = 0;
  while (Date.now() - started < BUDGET_MS || cases < 5) {
    const path = join(scratch(), `${name}-${cases}${name.startsWith("xlsx") ? ".xlsx" : ""}`);
    make(random, path);
    await check(path, `${name} case ${cases} (FUZZ_SEED=${SEED})`);
    cases += 1;
  }
  return cases;
}

describe(`seeded reader fuzz (seed ${SEED})`, () => {
  it("CSV in-process: a plan or one line, never another exception", async () => {
    expect(await fuzz("csv-in", csvCase, expectPlanOrOneLine)).toBeGreaterThanOrEqual(5);
  });

  it("xlsx in-process: a plan or one line, never another exception", async () => {
    expect(await fuzz("xlsx-in", xlsxCase, expectPlanOrOneLine)).toBeGreaterThanOrEqual(5);
  });

  it(`CSV through the CLI under a ${HEAP_MB} MB heap: exit 0 or 1, one line on stderr`, async () => {
    expect(await fuzz("csv-cli", csvCase, expectExit0Or1)).toBeGreaterThanOrEqual(5);
  });

  it(`xlsx through the CLI under a ${HEAP_MB} MB heap: exit 0 or 1, one line on stderr`, async () => {
    expect(await fuzz("xlsx-cli", xlsxCase, expectExit0Or1)).toBeGreaterThanOrEqual(5);
  });
});
