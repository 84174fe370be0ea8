/**
 * Hostile and heavy input through the built CLI (issue 16): files that are
 * not regular files, zip bombs, escape sequences in names, and the messages
 * for input the readers refuse. Each run is a child process with a small
 * heap, so an unbounded read shows up as a crash instead of passing slowly.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { closeSync, ftruncateSync, mkdirSync, openSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { strToU8, Zip, ZipDeflate, zipSync } from "fflate";
import { describe, expect, it } from "vitest";
import { useBuiltCli } from "./builtCli";
import { writeXlsx, xlsxParts } from "./xlsxFixture";

const scratch = useBuiltCli("credit-planner-hostile-");

/** Heap of every child run: a bounded reader fits easily, an unbounded one crashes. */
const HEAP_MB = 256;

function cli(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    [`--max-old-space-size=${HEAP_MB}`, "dist/cli.mjs", ...args],
    { encoding: "utf8", env: { ...process.env, NO_COLOR: "1" }, timeout: 60_000 },
  );
  return { status: run.status, stdout: run.stdout, stderr: run.stderr, signal: run.signal };
}

function expectOneLineError(run: ReturnType<typeof cli>, ...mentions: string[]) {
  expect(run.signal).toBeNull();
  expect(run.status).toBe(1);
  expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  expect(run.stderr).toMatch(/^credit-planner: /);
  expect(run.stderr).not.toMatch(/\n\s+at /);
  for (const text of mentions) expect(run.stderr).toContain(text);
}

function csvDir(name: string, files: Record<string, string | Uint8Array>): string {
  const dir = join(scratch(), name);
  mkdirSync(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

const CAMPAIGNS = "Campaign ID,Campaign name,Budget\n100,Prospecting,20\n";
const ACCOUNT = "Setting,Value\nPlan start,2026-12-01\nHorizon days,10\nCash balance,100\n";

describe("CSV delimiter from the header row (issue 16.1)", () => {
  it("a comma file whose unquoted Assigned campaigns lists use '; ' reads as comma-separated", () => {
    const ids = Array.from({ length: 10 }, (_, i) => `${101 + i}`);
    const campaigns = [
      "Campaign ID,Campaign name,Budget",
      ...ids.map((id) => `${id},C${id},10`),
    ].join("\n");
    const dir = csvDir("semicolon-lists", {
      "campaigns.csv": `${campaigns}\n`,
      "credits.csv": `Credit ID,Type,Amount,Issue date,Assigned campaigns\nA1,Assignable,50,2026-11-20,${ids.join("; ")}\n`,
      "account.csv": ACCOUNT,
    });
    const run = cli("plan", dir, "--json");
    expect(run.stderr).toBe("");
    expect(run.status).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.credits.map((c: { id: string }) => c.id)).toEqual(["A1"]);
    const funded = json.campaigns.filter((c: { creditFunded: number }) => c.creditFunded > 0);
    expect(funded.length).toBeGreaterThan(1);
  });
});

describe("only regular files of a bounded size are read (issue 16.2)", () => {
  it("a symlink to /dev/zero is refused, naming the file", () => {
    const dir = csvDir("dev-zero", { "campaigns.csv": CAMPAIGNS });
    symlinkSync("/dev/zero", join(dir, "credits.csv"));
    expectOneLineError(cli("plan", dir), "credits.csv", "character device", "not a regular file");
  });

  it("a FIFO is refused at once instead of blocking", () => {
    const dir = csvDir("fifo", { "campaigns.csv": CAMPAIGNS });
    execFileSync("mkfifo", [join(dir, "credits.csv")]);
    expectOneLineError(cli("plan", dir), "credits.csv", "named pipe");
  });

  it("a directory named like a CSV is refused", () => {
    const dir = csvDir("dir-csv", { "campaigns.csv": CAMPAIGNS });
    mkdirSync(join(dir, "credits.csv"));
    expectOneLineError(cli("plan", dir), "credits.csv", "a directory");
  });

  it("a symlink to a regular file is followed", () => {
    const dir = csvDir("link-ok", {
      "campaigns.csv": CAMPAIGNS,
      "the-credits.txt": "Credit ID,Type,Amount,Issue date\nC1,Free,50,2026-11-20\n",
    });
    symlinkSync(join(dir, "the-credits.txt"), join(dir, "credits.csv"));
    const run = cli("plan", dir, "--json");
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout).credits).toHaveLength(1);
  });

  it("a file over 64 MB is refused before it is read (a sparse file: no disk used)", () => {
    const dir = csvDir("huge", { "campaigns.csv": CAMPAIGNS });
    const fd = openSync(join(dir, "credits.csv"), "w");
    ftruncateSync(fd, 65 * 1024 * 1024);
    closeSync(fd);
    expectOneLineError(cli("plan", dir), "credits.csv", "larger than the 64 MB");
  });

  it("the preview uses the same loader: a FIFO is refused with one line", () => {
    const dir = csvDir("preview-fifo", { "campaigns.csv": CAMPAIGNS });
    execFileSync("mkfifo", [join(dir, "credits.csv")]);
    const run = spawnSync(
      process.execPath,
      ["dist/preview.mjs", "--workbook", dir, "--port", "0"],
      { encoding: "utf8", timeout: 30_000 },
    );
    expect(run.status).toBe(1);
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
    expect(run.stderr).toContain("named pipe");
  });

  it("an .xlsx that is a symlink to /dev/zero is refused", () => {
    const file = join(scratch(), "zero.xlsx");
    symlinkSync("/dev/zero", file);
    expectOneLineError(cli("plan", file), "zero.xlsx", "not a regular file");
  });
});

const XLSX_SHEETS = {
  Campaigns: [
    ["Campaign ID", "Budget"],
    ["100", 20],
  ],
  Credits: [
    ["Credit ID", "Type", "Amount", "Issue date"],
    ["C1", "Free", 50, { date: "2026-11-20" }],
  ],
  Account: [
    ["Setting", "Value"],
    ["Plan start", "2026-12-01"],
  ],
};

/** Rows of sheet XML repeated to `megabytes` MB, deflated as it streams (never held whole). */
function streamedBomb(path: string, megabytes: number): number {
  const chunks: Uint8Array[] = [];
  const zip = new Zip((error, chunk) => {
    if (error) throw error;
    chunks.push(chunk);
  });
  const parts = xlsxParts(XLSX_SHEETS);
  for (const [name, bytes] of Object.entries(parts)) {
    if (name === "xl/worksheets/sheet1.xml") continue;
    const part = new ZipDeflate(name);
    zip.add(part);
    part.push(bytes, true);
  }
  const sheet = new ZipDeflate("xl/worksheets/sheet1.xml", { level: 6 });
  zip.add(sheet);
  sheet.push(strToU8('<?xml version="1.0"?><worksheet><sheetData>'));
  const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
  const megabyte = strToU8(row.repeat(Math.ceil((1024 * 1024) / row.length)));
  for (let i = 0; i < megabytes; i++) sheet.push(megabyte);
  sheet.push(strToU8("</sheetData></worksheet>"), true);
  zip.end();
  const bytes = Buffer.concat(chunks);
  writeFileSync(path, bytes);
  return bytes.length;
}

/** Sets the uncompressed size that the local and central headers of `name` declare. */
function declareSize(zip: Uint8Array, name: string, size: number): void {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const nameBytes = strToU8(name);
  for (let i = 0; i + 46 < zip.length; i++) {
    const signature = view.getUint32(i, true);
    const local = signature === 0x04034b50;
    const central = signature === 0x02014b50;
    if (!local && !central) continue;
    const nameLength = view.getUint16(i + (local ? 26 : 28), true);
    const nameAt = i + (local ? 30 : 46);
    const found = zip.subarray(nameAt, nameAt + nameLength);
    if (nameLength === nameBytes.length && found.every((b, k) => b === nameBytes[k])) {
      view.setUint32(i + (local ? 22 : 24), size, true);
    }
  }
}

describe(".xlsx zip bombs are refused before they are inflated (issue 16.3)", () => {
  it("a few hundred KB that declare 140 MB of sheet XML: refused from the zip's directory", () => {
    const file = join(scratch(), "bomb.xlsx");
    const size = streamedBomb(file, 140);
    expect(size).toBeLessThan(2 * 1024 * 1024);
    expectOneLineError(cli("plan", file), "bomb.xlsx", "inflates to more than 128 MB");
  });

  it("a bomb that lies about its sizes stops at the declared size", () => {
    const parts = xlsxParts(XLSX_SHEETS);
    const row = '<row><c t="inlineStr"><is><t>x</t></is></c></row>';
    parts["xl/worksheets/sheet1.xml"] = strToU8(
      `<worksheet><sheetData>${row.repeat(400_000)}</sheetData></worksheet>`,
    );
    const zip = zipSync(parts);
    declareSize(zip, "xl/worksheets/sheet1.xml", 1000);
    const file = join(scratch(), "liar.xlsx");
    writeFileSync(file, zip);
    expectOneLineError(cli("plan", file), "liar.xlsx", "larger than its zip entry says");
  });

  it("one cell at XFD1048576 (a 17-billion-cell rectangle) is refused by the cell bound", () => {
    const parts = xlsxParts(XLSX_SHEETS);
    parts["xl/worksheets/sheet1.xml"] = strToU8(
      '<worksheet><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>Campaign ID</t></is></c></row><row r="1048576"><c r="XFD1048576"><v>1</v></c></row></sheetData></worksheet>',
    );
    const file = join(scratch(), "far-cell.xlsx");
    writeFileSync(file, zipSync(parts));
    expectOneLineError(cli("plan", file), "far-cell.xlsx", "more than 5,000,000 cells");
  });

  it("a CSV of more than 5,000,000 cells is refused", () => {
    const dir = csvDir("many-cells", {
      "campaigns.csv": `Campaign ID,Budget${",".repeat(60)}\n${`1,2${",".repeat(60)}\n`.repeat(90_000)}`,
    });
    expectOneLineError(cli("plan", dir), "campaigns.csv", "more than 5,000,000 cells");
  });

  it("a workbook written with data descriptors (streamed zip) still reads", () => {
    const chunks: Uint8Array[] = [];
    const zip = new Zip((error, chunk) => {
      if (error) throw error;
      chunks.push(chunk);
    });
    for (const [name, bytes] of Object.entries(xlsxParts(XLSX_SHEETS))) {
      const part = new ZipDeflate(name);
      zip.add(part);
      part.push(bytes, true);
    }
    zip.end();
    const file = join(scratch(), "streamed.xlsx");
    writeFileSync(file, Buffer.concat(chunks));
    const run = cli("plan", file, "--json");
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout).credits[0].id).toBe("C1");
  });
});

describe("control characters never reach the terminal raw (issue 16.8)", () => {
  const ESC = "\u001b";
  const hostile = `Evil${ESC}[2K${ESC}[1A\u009b2J\u007f\u0007`;

  it("text output through a pipe, NO_COLOR set: names, ids and messages are escaped visibly", () => {
    const dir = csvDir("escapes", {
      "campaigns.csv": `Campaign ID,Campaign name,Budget\n"C${ESC}[31m1","${hostile}",20\n`,
      "credits.csv": `Credit ID,Type,Amount,Issue date,Assigned campaigns\n"F${ESC}]0;pwned${ESC}\\\\1",Free,50,2026-11-20,\nA1,Assignable,10,2026-11-20,"nope${ESC}[2K"\n`,
      "account.csv": ACCOUNT,
    });
    const run = cli("plan", dir);
    expect(run.status).toBe(0);
    for (const raw of [ESC, "\u009b", "\u007f", "\u0007"]) {
      expect(run.stdout).not.toContain(raw);
      expect(run.stderr).not.toContain(raw);
    }
    // The name is cut to fit 100 columns; what is shown of it is escaped visibly.
    expect(run.stdout).toContain("Evil\\x1b[2K\\x1b[1A\\x9b2J");
    expect(run.stdout).toContain("Cash");
  });

  it("JSON output escapes C1 controls too, and stays the same data", () => {
    const dir = csvDir("escapes-json", {
      "campaigns.csv": `Campaign ID,Campaign name,Budget\n1,"${hostile}",20\n`,
      "credits.csv": "Credit ID,Type,Amount,Issue date\nC1,Free,50,2026-11-20\n",
      "account.csv": ACCOUNT,
    });
    const run = cli("plan", dir, "--json");
    expect(run.status).toBe(0);
    // biome-ignore lint/suspicious/noControlCharactersInRegex: what must not be printed raw.
    expect(run.stdout).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    expect(JSON.parse(run.stdout).campaigns[0].name).toBe(hostile);
  });

  it("stderr: a path with escape sequences is shown escaped", () => {
    const run = cli("plan", join(scratch(), `no${ESC}[2Jsuch`));
    expectOneLineError(run, "no\\x1b[2Jsuch", "no such file");
    expect(run.stderr).not.toContain(ESC);
  });
});

describe("messages say what is wrong (issue 16.12)", () => {
  it("UTF-16 LE and BE files with a BOM are decoded, with an info saying so", () => {
    const credits = "Credit ID,Type,Amount,Issue date\nC1,Free,50,2026-11-20\n";
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(credits, "utf16le")]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [
      ["utf16le", le],
      ["utf16be", be],
    ] as const) {
      const dir = csvDir(name, { "campaigns.csv": CAMPAIGNS, "credits.csv": bytes });
      const run = cli("plan", dir, "--json");
      expect(run.stderr).toBe("");
      const json = JSON.parse(run.stdout);
      expect(json.credits[0].id).toBe("C1");
      const note = json.warnings.find((w: { code: string }) => w.code === "TEXT_ENCODING");
      expect(note.severity).toBe("info");
      expect(note.message).toContain(name === "utf16le" ? "UTF-16LE" : "UTF-16BE");
      expect(note.message).toContain("CSV UTF-8");
    }
  });

  it("an amount above 2^53 minor units is 'too large', naming the cell", () => {
    const dir = csvDir("too-large", {
      "campaigns.csv": CAMPAIGNS,
      "credits.csv": "Credit ID,Type,Amount,Issue date\nC1,Free,123456789012345678,2026-11-20\n",
      "account.csv": ACCOUNT,
    });
    const json = JSON.parse(cli("plan", dir, "--json").stdout);
    const warning = json.warnings.find((w: { code: string }) => w.code === "INVALID_VALUE");
    expect(warning.cell).toBe("C2");
    expect(warning.message).toContain("is too large");
    expect(warning.message).not.toContain("plain amount");
  });

  it("an xlsx #N/A cell is an error cell, not empty", () => {
    const file = join(scratch(), "na.xlsx");
    writeXlsx(file, {
      ...XLSX_SHEETS,
      Credits: [
        ["Credit ID", "Type", "Amount", "Issue date"],
        ["C1", "Free", { error: "#N/A" }, { date: "2026-11-20" }],
      ],
    });
    const json = JSON.parse(cli("plan", file, "--json").stdout);
    const warning = json.warnings.find((w: { code: string }) => w.code === "INVALID_VALUE");
    expect(warning.cell).toBe("C2");
    expect(warning.message).toContain("is an error cell (#N/A)");
  });

  it("dates are bounded to 1900–9999: --start 9999-12-31 with a 10-day horizon and year 0000 are refused", () => {
    const dir = csvDir("dates", {
      "campaigns.csv": CAMPAIGNS,
      "credits.csv": "Credit ID,Type,Amount,Issue date\nC1,Free,50,0000-01-01\n",
      "account.csv": ACCOUNT,
    });
    const late = cli("plan", dir, "--start", "9999-12-31");
    expectOneLineError(late, "9999-12-31");
    const json = JSON.parse(cli("plan", dir, "--json").stdout);
    const warning = json.warnings.find((w: { code: string }) => w.code === "INVALID_VALUE");
    expect(warning.cell).toBe("D2");
    expect(warning.message).toContain("1900-01-01 … 9999-12-31");
    const early = cli("plan", dir, "--start", "0000-01-01");
    expect(early.status).toBe(2);
    expect(early.stderr).toContain("1900-01-01 … 9999-12-31");
  });

  it("currencies not in ISO 4217 are refused, naming the cell", () => {
    for (const code of ["XYZ", "BTC", "UDS"]) {
      const dir = csvDir(`currency-${code}`, {
        "campaigns.csv": CAMPAIGNS,
        "credits.csv": "Credit ID,Type,Amount,Issue date\nC1,Free,50,2026-11-20\n",
        "account.csv": `${ACCOUNT}Currency,${code}\n`,
      });
      const json = JSON.parse(cli("plan", dir, "--json").stdout);
      const warning = json.warnings.find((w: { code: string }) => w.code === "INVALID_VALUE");
      expect(warning.cell).toBe("B5");
      expect(warning.message).toContain("is not an ISO 4217 currency code");
      expect(json.currency).toBe("USD");
    }
  });
});
