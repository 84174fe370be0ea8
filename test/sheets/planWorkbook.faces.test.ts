/**
 * One plan, many faces (issue 10 item 2): the same workbook planned at the
 * same instant through every face — CLI JSON, the preview server's getPlan,
 * the sidebar service over a port, Write plan to sheets and the custom
 * functions of the built dist/Code.js — gives the same figures. The Account
 * time zone is one where the instant is another calendar day than in UTC
 * (and in the spreadsheet's zone), so a face that computed "today" its own
 * way would plan from another start.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { loadWorkbook } from "../../src/cli/loadWorkbook";
import { startPreview } from "../../src/cli/previewServer";
import { main } from "../../src/cli/run";
import { isoDate } from "../../src/core";
import {
  campaignTable,
  creditTable,
  type OutTable,
  type PlanJson,
  planToJson,
  readAndPlan,
  type WorkbookTables,
  warningTable,
} from "../../src/sheets";
import { campaignSheetTable, creditSheetTable } from "../../src/sheets/outputSheets";
import { getPlan, OUTPUT_SHEETS, writePlan } from "../../src/sheets/service";
import { chartData } from "../../src/sidebar/chartData";
import { money } from "../../src/sidebar/format";
import { summarize } from "../../src/sidebar/summary";
import { memoryPort } from "./memoryPort";

const SPREADSHEET_ZONE = "America/New_York";

/** Each case: an Account time zone and an instant whose day there is not its UTC day. */
const CASES = [
  // 12:00 UTC on 1 Dec is already 2 Dec in Kiritimati (UTC+14).
  { zone: "Pacific/Kiritimati", now: Date.UTC(2026, 11, 1, 12), today: "2026-12-02" },
  // 05:00 UTC on 1 Dec is still 30 Nov at UTC-10:00.
  { zone: "UTC-10:00", now: Date.UTC(2026, 11, 1, 5), today: "2026-11-30" },
];

function csvFiles(zone: string): Record<string, string> {
  return {
    "campaigns.csv": "Campaign ID,Campaign name,Budget\n100,Prospecting,20\n200,Brand,7.5\n",
    "credits.csv": [
      "Credit ID,Type,Amount,Issue date,Valid until,Assigned campaigns",
      "FREE,Free,50,2026-11-20,2026-12-31,",
      "ASSIGN,Assignable,30,2026-11-20,2026-12-05,200",
      "SOON,Free,400,2026-11-25,2026-12-03,",
      "",
    ].join("\n"),
    // No Plan start: the plan starts "today", in the Account time zone (R1).
    "account.csv": `Setting,Value\nTime zone,${zone}\nHorizon days,12\nCash balance,60\n`,
  };
}

let work: string;
let sidebarHtml: string;

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "pipe" });
  sidebarHtml = readFileSync("dist/Sidebar.html", "utf8");
  work = mkdtempSync(join(tmpdir(), "faces-"));
});

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
});

async function cliOutput(args: string[], now: number): Promise<string> {
  let out = "";
  const write = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    out += String(chunk);
    return true;
  });
  try {
    expect(await main(args, { now })).toBe(0);
  } finally {
    write.mockRestore();
  }
  return out;
}

async function cliJson(dir: string, now: number): Promise<PlanJson> {
  return JSON.parse(await cliOutput(["plan", dir, "--json"], now)) as PlanJson;
}

async function previewGetPlan(tables: WorkbookTables, now: number): Promise<PlanJson> {
  const preview = await startPreview({
    html: sidebarHtml,
    tables,
    workbookLabel: "faces",
    port: 0,
    now: () => now,
  });
  try {
    const response = await fetch(`${preview.url}rpc`, {
      method: "POST",
      body: JSON.stringify({ fn: "getPlan", args: [null] }),
    });
    const body = (await response.json()) as { ok: boolean; result: PlanJson; error?: string };
    if (!body.ok) throw new Error(body.error);
    return body.result;
  } finally {
    await preview.close();
  }
}

/** Code.js custom functions in node:vm with the script clock pinned at `now`. */
function customFunctions(tables: WorkbookTables, now: number) {
  const args = [tables.campaigns, tables.credits, tables.account];
  const calls = ["CREDIT_PLAN", "CREDIT_CAMPAIGNS", "CREDIT_WARNINGS"].map((fn) => ({ fn, args }));
  const child = spawnSync(process.execPath, ["test/gas/runCodeJs.mjs"], {
    input: JSON.stringify({ zone: SPREADSHEET_ZONE, now, calls }),
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return (JSON.parse(child.stdout) as { value?: unknown; error?: string }[]).map((r) => {
    if (r.error) throw new Error(r.error);
    return r.value as unknown[][];
  });
}

/** A table as a formula shows it: header first, blanks for null, dates as their day. */
function shown(table: OutTable): unknown[][] {
  return [
    table.header,
    ...table.rows.map((row) =>
      row.map((v, c) =>
        v === null ? "" : table.kinds[c] === "date" && typeof v === "number" ? isoDate(v) : v,
      ),
    ),
  ];
}

/** A Code.js result with Dates reduced to the day the sheet shows. */
function shownDays(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shownDays);
  if (value && typeof value === "object" && "$date" in value)
    return (value as { $date: string }).$date;
  return value;
}

describe("one read-and-plan entry (R1): every face plans the same day", () => {
  for (const { zone, now, today } of CASES) {
    it(`R1: Account time zone ${zone} — CLI, preview, service, sheets and formulas agree`, async () => {
      const dir = join(work, zone.replace(/[^A-Za-z0-9]/g, "_"));
      mkdirSync(dir, { recursive: true });
      for (const [file, text] of Object.entries(csvFiles(zone)))
        writeFileSync(join(dir, file), text);
      const { tables } = await loadWorkbook(dir);

      const reference = readAndPlan(tables, { now, spreadsheetTimeZone: SPREADSHEET_ZONE });
      if (!reference.ok) throw new Error(reference.error);
      const plan = reference.plan;
      expect(isoDate(plan.start)).toBe(today);

      // The CLI's spreadsheet zone is UTC; the Account zone wins over both.
      const cli = await cliJson(dir, now);
      expect(cli).toEqual(planToJson(plan));

      const fromPreview = await previewGetPlan(tables, now);
      const port = memoryPort(tables, 0, { now, timeZone: SPREADSHEET_ZONE });
      const fromService = getPlan(port, null);
      // The sidebar's faces add the draw-down series and the labels they show.
      expect(fromPreview).toEqual(planToJson(plan, { series: true, labels: true }));
      expect(fromService).toEqual(fromPreview);
      const { series: _series, ...withoutSeries } = fromService;
      expect(withoutSeries).toEqual(planToJson(plan, { labels: true }));

      writePlan(port);
      // The output sheets are the formulas' tables with names and stops beside.
      expect(port.owned.get(OUTPUT_SHEETS.credits)?.table).toEqual(creditSheetTable(plan));
      expect(port.owned.get(OUTPUT_SHEETS.campaigns)?.table).toEqual(campaignSheetTable(plan));

      const [creditOut, campaignOut, warningOut] = customFunctions(tables, now);
      expect(shownDays(creditOut)).toEqual(shown(creditTable(plan)));
      expect(shownDays(campaignOut)).toEqual(shown(campaignTable(plan)));
      const formulaWarnings = plan.warnings.filter(
        (w) =>
          !(w.code === "MISSING_SHEET" && (w.sheet === "Top-ups" || w.sheet === "Spend history")),
      );
      expect(shownDays(warningOut)).toEqual(
        shown(warningTable({ ...plan, warnings: formulaWarnings })),
      );
    });
  }
});

describe("every face shows the plan's figures (CONTRACT §5)", () => {
  it("R2: BHD shows 3 decimals in CLI text, sidebar JSON and chart, and output sheets", async () => {
    const dir = join(work, "bhd");
    mkdirSync(dir, { recursive: true });
    const credits = ["Credit ID,Type,Amount,Issue date,Valid until"];
    for (let i = 1; i <= 8; i++) credits.push(`BIG${i},Free,100,2026-11-20,2026-12-31`);
    credits.push(
      "SMALL1,Free,1.234,2026-11-20,2026-12-31",
      "SMALL2,Free,1.234,2026-11-20,2026-12-31",
    );
    writeFileSync(join(dir, "credits.csv"), `${credits.join("\n")}\n`);
    // A paused campaign spends nothing: every balance stays as issued.
    writeFileSync(
      join(dir, "campaigns.csv"),
      "Campaign ID,Campaign name,Status,Budget\n100,Off,Paused,5\n",
    );
    writeFileSync(
      join(dir, "account.csv"),
      "Setting,Value\nCurrency,BHD\nPlan start,2026-12-01\nHorizon days,5\n",
    );
    const now = Date.UTC(2026, 11, 1, 12);
    const { tables } = await loadWorkbook(dir);

    const json = getPlan(memoryPort(tables, 0, { now }), null);
    expect(json.minorUnits).toBe(3);
    expect(json.totals.creditAvailable).toBe(802.468);
    // The chart's "others" line is the server's sum in fils: 2.468, not 2.47.
    expect(json.series?.others).toEqual({
      count: 2,
      remaining: [2.468, 2.468, 2.468, 2.468, 2.468],
    });
    const chart = chartData(json);
    expect(chart?.lines.find((l) => l.kind === "others")?.values[0]).toBe(2.468);
    const summary = summarize(json);
    const plain = (text: string) => text.replace(/\s/g, " ");
    expect(plain(money(summary.creditAvailable, json))).toBe("BHD 802.468");
    expect(plain(money(1, json))).toBe("BHD 1.000");

    const text = await cliOutput(["plan", dir], now);
    // The CLI's one money style: the amount, then the currency.
    expect(plain(text)).toContain("Credit 802.468 BHD");

    const port = memoryPort(tables, 0, { now });
    writePlan(port);
    const sheet = port.owned.get(OUTPUT_SHEETS.credits);
    expect(sheet?.minorUnits).toBe(3);
    const available = sheet?.table.header.indexOf("Available") ?? -1;
    expect(sheet?.table.rows.map((row) => row[available]).slice(-2)).toEqual([1.234, 1.234]);
  });

  it("the CLI headline, the sidebar summary and the output sheets show the same figures", async () => {
    const { zone, now } = CASES[0];
    const dir = join(work, "headline");
    mkdirSync(dir, { recursive: true });
    for (const [file, text] of Object.entries(csvFiles(zone))) writeFileSync(join(dir, file), text);
    const { tables } = await loadWorkbook(dir);
    const json = getPlan(memoryPort(tables, 0, { now, timeZone: SPREADSHEET_ZONE }), null);
    const summary = summarize(json);
    // The CLI wraps its headline at 100 columns and writes `1,234.50 USD`.
    const lines = await cliOutput(["plan", dir], now);
    const text = lines.replace(/\s+/g, " ");
    const number = (amount: number) =>
      amount.toLocaleString("en-US", { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    const usd = (amount: number) => `${number(amount)} USD`;
    expect(text).toContain(`Credit ${usd(summary.creditAvailable)}`);
    expect(text).toContain(`used ${usd(summary.willBeUsed)}`);
    expect(text).toContain(`expires unused ${usd(summary.willExpire)}`);
    expect(text).toContain(`Out of pocket ${usd(summary.cashNeeded)}`);
    expect(text).toContain(`first expiry ${summary.firstExpiryOn ?? "—"}`);
    expect(text).toContain(`first cash fallback ${summary.firstFallbackOn ?? "—"}`);
    expect(summary.willExpire).toBeGreaterThan(0);
    // Each credit at risk in the CLI is at risk in the sidebar JSON, with the same amount.
    for (const credit of json.credits.filter((c) => c.atRisk > 0)) {
      expect(lines).toMatch(new RegExp(`${credit.id}\\s.*${number(credit.atRisk)}`));
    }
    const port = memoryPort(tables, 0, { now, timeZone: SPREADSHEET_ZONE });
    writePlan(port);
    const sheet = port.owned.get(OUTPUT_SHEETS.credits)?.table;
    const column = (name: string) => sheet?.header.indexOf(name) ?? -1;
    expect(
      sheet?.rows.map((row) => [row[0], row[column("Available")], row[column("At risk")]]),
    ).toEqual(json.credits.map((c) => [c.id, c.available, c.atRisk]));
  });
});
