/**
 * The built dist/Code.js as Apps Script loads it: one global scope, only
 * top-level function declarations visible, services as globals.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import {
  assignmentLimitFor,
  earnedIssueDay,
  isoDate,
  lastUsableDay,
  parseIsoDate,
} from "../../src/core";
import { REGISTRY } from "../../src/gas/registry";
import { dayInZone } from "../../src/gas/zonedDates";
import {
  campaignTable,
  creditTable,
  drawdownTable,
  type OutTable,
  type PlanJson,
  readAndPlan,
  type Table,
  warningTable,
} from "../../src/sheets";
import { callLog, FakeSpreadsheet, fakeServices } from "./fakeSpreadsheet";
import { SHEET_ZONE, workbookRows } from "./workbook";

const PROCESS_ZONES = ["UTC", "America/Los_Angeles", "Pacific/Kiritimati"];
const dateCell = (iso: string) => ({ $date: iso });

let code = "";

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "pipe" });
  code = readFileSync("dist/Code.js", "utf8");
});

interface CallResult {
  value?: unknown;
  error?: string;
}

/** Runs calls through Code.js in a child node under a process TZ. */
function runUnderZone(processZone: string, calls: { fn: string; args: unknown[] }[]): CallResult[] {
  const child = spawnSync(process.execPath, ["test/gas/runCodeJs.mjs"], {
    input: JSON.stringify({ zone: SHEET_ZONE, calls }),
    env: { ...process.env, TZ: processZone },
    encoding: "utf8",
  });
  if (child.status !== 0) throw new Error(child.stderr);
  return JSON.parse(child.stdout) as CallResult[];
}

/** What Sheets would show for a table: dates as the calendar day in the sheet zone. */
function expectedCells(table: OutTable): unknown[][] {
  return [
    table.header,
    ...table.rows.map((row) =>
      row.map((value, c) => {
        if (value === null) return "";
        return table.kinds[c] === "date" && typeof value === "number" ? isoDate(value) : value;
      }),
    ),
  ];
}

/** A child's result with Dates reduced to their shown day (and checked to be midnight). */
function shownCells(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shownCells);
  if (value && typeof value === "object" && "$date" in value) {
    const date = value as { $date: string; time: string };
    expect(date.time).toBe("00:00");
    return date.$date;
  }
  return value;
}

describe("dist/Code.js globals (CONTRACT §3, §4)", () => {
  it("declares every registered name as a top-level function in one global scope", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context);
    for (const entry of REGISTRY) {
      expect(typeof context[entry.name], entry.name).toBe("function");
      expect(code).toMatch(new RegExp(`^function ${entry.name}\\(`, "m"));
    }
    expect(code).not.toMatch(/^\s*(import|export)\s/m);
  });

  it("puts each custom function's JSDoc right above it, with @customfunction and @param", () => {
    for (const entry of REGISTRY.filter((e) => e.kind === "custom")) {
      const match = new RegExp(
        `/\\*\\*((?:(?!\\*/)[\\s\\S])*)\\*/\\nfunction ${entry.name}\\(`,
      ).exec(code);
      expect(match, entry.name).not.toBeNull();
      const doc = match?.[1] ?? "";
      expect(doc).toContain("@customfunction");
      expect(doc.split("\n")[1].replace(/^\s*\*\s*/, "").length).toBeGreaterThan(10);
      for (const param of entry.params)
        expect(doc).toMatch(new RegExp(`@param \\{[^}]+\\} ${param.name} `));
    }
  });

  it("onOpen({authMode: NONE}) touches nothing but the menu", () => {
    const spreadsheet = new FakeSpreadsheet(SHEET_ZONE, callLog());
    spreadsheet._addSheet("Campaigns", workbookRows(2).campaigns);
    const services = fakeServices(spreadsheet);
    const context = vm.createContext({
      SpreadsheetApp: services.SpreadsheetApp,
      HtmlService: services.HtmlService,
      LockService: services.LockService,
    });
    vm.runInContext(code, context);
    expect(spreadsheet.log.calls).toEqual([]); // loading touches no service
    vm.runInContext('onOpen({ authMode: "NONE" })', context);
    expect(spreadsheet.log.calls.length).toBeGreaterThan(0);
    for (const call of spreadsheet.log.calls)
      expect(call).toMatch(/^(SpreadsheetApp\.getUi|Menu\.|Ui\.createAddonMenu)/);
    expect(services.menuItems).toHaveLength(6);
  });
});

describe("custom functions through Code.js under several process time zones (R1)", () => {
  const rows = workbookRows(4, dateCell);
  const isoRows = workbookRows(4);
  const withBlanks = (table: unknown[][]) => [
    ...table,
    table[0].map(() => ""),
    table[0].map(() => ""),
  ];
  const rangeArgs = [withBlanks(rows.campaigns), withBlanks(rows.credits), rows.account];
  const badCredits = rows.credits.map((row, r) =>
    r === 2 ? row.map((v, c) => (c === 2 ? "abc" : v)) : row,
  );
  const calls = [
    { fn: "CREDIT_PLAN", args: rangeArgs },
    { fn: "CREDIT_CAMPAIGNS", args: rangeArgs },
    { fn: "CREDIT_DRAWDOWN", args: [...rangeArgs, "C2"] },
    { fn: "CREDIT_WARNINGS", args: rangeArgs },
    { fn: "CREDIT_FALLBACK_DATE", args: [...rangeArgs, 102] },
    { fn: "CREDIT_EXPIRY", args: [dateCell("2026-12-01")] },
    { fn: "CREDIT_EXPIRY", args: [dateCell("2026-12-01"), 10] },
    { fn: "CREDIT_ASSIGN_LIMIT", args: [dateCell("2024-07-31")] },
    { fn: "CREDIT_ASSIGN_LIMIT", args: [[[dateCell("2024-08-01")], [""]]] },
    { fn: "CREDIT_ISSUE_DATE", args: [dateCell("2026-12-03"), "Assignable"] },
    { fn: "CREDIT_ISSUE_DATE", args: [dateCell("2026-12-03")] },
    { fn: "CREDIT_PLAN", args: [rangeArgs[0], badCredits, rows.account] },
    {
      fn: "CREDIT_PLAN",
      args: [rangeArgs[0], rows.credits.map((row) => row.slice(0, 2)), rows.account],
    },
    { fn: "CREDIT_DRAWDOWN", args: [...rangeArgs, "NOPE"] },
  ];
  let runs: CallResult[][] = [];

  beforeAll(() => {
    runs = PROCESS_ZONES.map((zone) => runUnderZone(zone, calls));
  });

  it("gives identical results under TZ=UTC, America/Los_Angeles and Pacific/Kiritimati", () => {
    expect(runs[1]).toEqual(runs[0]);
    expect(runs[2]).toEqual(runs[0]);
  });

  it("returns the planner's tables, header first, rectangular, dates on the right day", () => {
    const planned = readAndPlan(
      {
        campaigns: isoRows.campaigns as Table,
        credits: isoRows.credits as Table,
        account: isoRows.account as Table,
      },
      { now: Date.UTC(2026, 11, 1, 12), spreadsheetTimeZone: SHEET_ZONE },
    );
    if (!planned.ok) throw new Error(planned.error);
    const plan = planned.plan;
    const [creditOut, campaignOut, drawdownOut, warningOut, fallback] = runs[0];
    for (const out of [creditOut, campaignOut, drawdownOut, warningOut]) {
      const table = out.value as unknown[][];
      expect(table.every((row) => row.length === table[0].length)).toBe(true);
    }
    expect(shownCells(creditOut.value)).toEqual(expectedCells(creditTable(plan)));
    expect(shownCells(campaignOut.value)).toEqual(expectedCells(campaignTable(plan)));
    expect(shownCells(drawdownOut.value)).toEqual(expectedCells(drawdownTable(plan, "C2")));
    // CREDIT_WARNINGS leaves out the optional sheets a formula cannot pass.
    const formulaWarnings = plan.warnings.filter(
      (w) =>
        !(w.code === "MISSING_SHEET" && (w.sheet === "Top-ups" || w.sheet === "Spend history")),
    );
    expect(formulaWarnings.length).toBeLessThan(plan.warnings.length);
    expect(shownCells(warningOut.value)).toEqual(
      expectedCells(warningTable({ ...plan, warnings: formulaWarnings })),
    );
    const fallbackDay = plan.campaigns.find((c) => c.id === "102")?.cashFallbackOn ?? null;
    expect(shownCells(fallback.value)).toEqual(fallbackDay === null ? "" : isoDate(fallbackDay));
  });

  it("R8/R6/R7 date helpers return the rule's days", () => {
    const day = (iso: string) => parseIsoDate(iso)!;
    const results = runs[0].slice(5, 11).map((r) => shownCells(r.value));
    expect(results[0]).toBe(isoDate(lastUsableDay(day("2026-12-01"), null, 30)));
    expect(results[1]).toBe(isoDate(lastUsableDay(day("2026-12-01"), null, 10)));
    expect(results[2]).toBe(assignmentLimitFor(day("2024-07-31")));
    expect(results[3]).toEqual([[assignmentLimitFor(day("2024-08-01"))], [""]]);
    // R7: Thursday + 7 business days = the Monday 1½ weeks later.
    expect(results[4]).toBe("2026-12-14");
    expect(results[4]).toBe(
      isoDate(earnedIssueDay(day("2026-12-03"), "assignable", null, "standard", new Set())),
    );
    expect(results[5]).toBe(
      isoDate(earnedIssueDay(day("2026-12-03"), "spend_match", null, "standard", new Set())),
    );
  });

  it("throws errors that name the argument and the cell", () => {
    const [badValue, missingColumn, unknownCredit] = runs[0].slice(11);
    expect(badValue.error).toMatch(/^credits: C3 — .*abc/);
    expect(missingColumn.error).toMatch(/^credits: .*Amount/);
    expect(unknownCredit.error).toMatch(/^credit_id: .*NOPE/);
  });
});

describe("formulas plan what the sidebar plans (CONTRACT §5): the sample workbook through Code.js", () => {
  const zone = "America/Los_Angeles";
  const SAMPLE: [string, string][] = [
    ["Campaigns", "campaigns.csv"],
    ["Credits", "credits.csv"],
    ["Account", "account.csv"],
    ["Top-ups", "topups.csv"],
    ["Spend history", "spend-history.csv"],
  ];
  // biome-ignore lint/suspicious/noExplicitAny: the globals Code.js declares
  let addOn: any;
  const ranges: Record<string, unknown[][]> = {};
  let sidebar: PlanJson;

  /** What a custom function shows: Dates as the day the spreadsheet zone shows. */
  const shown = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(shown);
    if (Object.prototype.toString.call(value) === "[object Date]") {
      return isoDate(dayInZone(value as Date, zone));
    }
    return value;
  };
  const orBlank = (value: unknown) => (value === null ? "" : value);

  beforeAll(() => {
    const context = vm.createContext({});
    vm.runInContext(code, context, { filename: "Code.js" });
    const makeDate = vm.runInContext("(ms) => new Date(ms)", context);
    const spreadsheet = new FakeSpreadsheet(zone, callLog(), makeDate);
    const services = fakeServices(spreadsheet);
    for (const name of ["SpreadsheetApp", "HtmlService", "LockService", "ScriptApp"] as const) {
      context[name] = services[name];
    }
    addOn = context;
    // A person's route: Create template sheets, then paste each CSV over its template.
    addOn.createTemplateSheets();
    for (const [name, file] of SAMPLE) {
      const rows = parse(readFileSync(`examples/sample-workbook/${file}`, "utf8")) as string[][];
      const sheet = spreadsheet._sheet(name)!;
      sheet._paste(1, 1, rows);
      // A whole-column range (Campaigns!A:K) hands every row of the grid, blanks included.
      ranges[name] = sheet
        .getRange(1, 1, sheet.getMaxRows(), sheet.getLastColumn())
        .getValues() as unknown[][];
    }
    sidebar = JSON.parse(JSON.stringify(addOn.getPlan(null))) as PlanJson;
  });

  const all = () => [
    ranges.Campaigns,
    ranges.Credits,
    ranges.Account,
    ranges["Top-ups"],
    ranges["Spend history"],
  ];

  it("the sample's 19-digit ids survive the paste into the templates", () => {
    expect(sidebar.campaigns.map((c) => c.id)).toContain("1790000000000000101");
    expect(sidebar.warnings.filter((w) => w.severity === "error")).toEqual([]);
  });

  it("CREDIT_PLAN(…, topups, spend_history) equals getPlan's credits", () => {
    const table = shown(addOn.CREDIT_PLAN(...all())) as unknown[][];
    expect(table.slice(1).map((row) => row[0])).toEqual(sidebar.credits.map((c) => c.id));
    table.slice(1).forEach((row, i) => {
      const c = sidebar.credits[i];
      expect([row[2], row[3], row[4], row[5], row[6], row[8], row[9], row[10]]).toEqual(
        [
          c.remainingAtStart,
          c.used,
          c.expired,
          c.depletedOn,
          c.lastUsableDay,
          c.issuedOn,
          c.expiresOn,
          c.remainingAtEnd,
        ].map(orBlank),
      );
    });
  });

  it("CREDIT_CAMPAIGNS and CREDIT_FALLBACK_DATE equal getPlan's campaigns; without Top-ups they do not", () => {
    const table = shown(addOn.CREDIT_CAMPAIGNS(...all())) as unknown[][];
    const expected = sidebar.campaigns.map((c) =>
      [
        c.id,
        c.name,
        c.creditFunded,
        c.cashFunded,
        c.cardFunded,
        c.undelivered,
        c.cashFallbackOn,
        c.stoppedOn,
        c.demand,
        c.spend,
        c.stops.map((s) => (s.from === s.to ? s.from : `${s.from}…${s.to}`)).join(", ") || null,
      ].map(orBlank),
    );
    expect(table.slice(1)).toEqual(expected);
    // R14: the sample's campaigns stop twice, and both stops are in the table.
    expect(table.slice(1).some((row) => String(row[10]).split(", ").length === 2)).toBe(true);
    for (const campaign of sidebar.campaigns) {
      const [campaigns, credits, account, topups, history] = all();
      const fallback = addOn.CREDIT_FALLBACK_DATE(
        campaigns,
        credits,
        account,
        campaign.id,
        topups,
        history,
      );
      expect(shown(fallback)).toBe(orBlank(campaign.cashFallbackOn));
    }
    // The issue-11 finding: leaving the Top-ups out plans another workbook.
    const withoutTopUps = shown(
      addOn.CREDIT_CAMPAIGNS(ranges.Campaigns, ranges.Credits, ranges.Account),
    ) as unknown[][];
    expect(withoutTopUps.slice(1)).not.toEqual(expected);
  });

  it("CREDIT_DRAWDOWN equals getPlan's draw-down series", () => {
    const [campaigns, credits, account, topups, history] = all();
    const table = shown(
      addOn.CREDIT_DRAWDOWN(campaigns, credits, account, "", topups, history),
    ) as unknown[][];
    const series = sidebar.series!;
    expect(table[0]).toEqual(["Date", ...series.credits.map((c) => c.id)]);
    expect(table).toHaveLength(series.days + 1);
    expect(table[1][0]).toBe(series.start);
    table.slice(1).forEach((row, day) => {
      expect(row.slice(1)).toEqual(series.credits.map((c) => c.remaining[day]));
    });
  });

  it("R13: CREDIT_TOPUP(…, topups, spend_history) equals getPlan's advice; without Top-ups it does not", () => {
    const table = shown(addOn.CREDIT_TOPUP(...all())) as unknown[][];
    // The sample has no card limit: day, amount, the last day it covers.
    expect(sidebar.account.cardLimit).toBeNull();
    expect(table[0]).toEqual(["Top up on", "Amount", "Keeps delivering through"]);
    expect(sidebar.advice.topUps.length).toBeGreaterThan(0);
    expect(table.slice(1)).toEqual(sidebar.advice.topUps.map((t) => [t.date, t.amount, t.until]));
    const withoutTopUps = shown(
      addOn.CREDIT_TOPUP(ranges.Campaigns, ranges.Credits, ranges.Account),
    ) as unknown[][];
    expect(withoutTopUps.slice(1)).not.toEqual(table.slice(1));
  });

  it("R13: CREDIT_TOPUP says 'No top-up needed' when nothing stops, and shows the card's part with a card limit", () => {
    const [campaigns, credits, account, topups, history] = all();
    const withCash = account.map((row) =>
      String(row[0]).trim() === "Cash balance" ? [row[0], 1_000_000, ...row.slice(2)] : row,
    );
    expect(withCash).not.toEqual(account);
    const none = addOn.CREDIT_TOPUP(campaigns, credits, withCash, topups, history) as unknown[][];
    expect(none.slice(1)).toEqual([["No top-up needed", "", ""]]);
    // A card with a small limit as the fallback: the advice's card column.
    const withCard = [
      ...account
        .filter((row) => String(row[0]).trim() !== "")
        .map((row) => (String(row[0]).trim() === "Fallback payment" ? [row[0], "Card"] : row)),
      ["Card limit", 500],
    ];
    const card = shown(
      addOn.CREDIT_TOPUP(campaigns, credits, withCard, topups, history),
    ) as unknown[][];
    expect(card[0]).toEqual(["Top up on", "Amount", "Keeps delivering through", "Card pays then"]);
    expect(card.length).toBeGreaterThan(1);
    for (const row of card.slice(1)) expect(typeof row[3]).toBe("number");
    expect(card.slice(1).some((row) => (row[3] as number) > 0)).toBe(true);
  });

  it("CREDIT_WARNINGS equals getPlan's warnings", () => {
    const table = addOn.CREDIT_WARNINGS(...all()) as unknown[][];
    expect(table.slice(1)).toEqual(
      sidebar.warnings.map((w) => [
        w.code,
        w.severity,
        w.message,
        w.sheet && w.cell ? `${w.sheet}!${w.cell}` : (w.sheet ?? ""),
      ]),
    );
  });
});

describe("the ad_groups range takes effect (issue 11, CONTRACT §5)", () => {
  const campaigns = [
    ["Campaign ID", "Campaign name", "Status", "Budget mode", "Budget"],
    ["100", "No limit, from ad groups", "Active", "No limit", ""],
  ];
  const credits = [["Credit ID", "Type", "Amount", "Status", "Issue date"]];
  const account = [
    ["Setting", "Value"],
    ["Plan start", "2026-12-01"],
    ["Horizon days", "10"],
    ["Cash balance", "10000"],
  ];
  const adGroups = [
    ["Ad group ID", "Campaign ID", "Status", "Budget mode", "Budget"],
    ["A1", "100", "Active", "Daily", "30"],
    ["A2", "100", "Active", "Daily", "20"],
  ];

  it("CREDIT_CAMPAIGNS(…, ad_groups) plans what getPlan plans from the Ad groups sheet", () => {
    const context = vm.createContext({});
    vm.runInContext(code, context, { filename: "Code.js" });
    const makeDate = vm.runInContext("(ms) => new Date(ms)", context);
    const spreadsheet = new FakeSpreadsheet("Etc/UTC", callLog(), makeDate);
    const services = fakeServices(spreadsheet);
    for (const name of ["SpreadsheetApp", "HtmlService", "LockService", "ScriptApp"] as const) {
      context[name] = services[name];
    }
    spreadsheet._addSheet("Campaigns", campaigns);
    spreadsheet._addSheet("Credits", credits);
    spreadsheet._addSheet("Account", account);
    spreadsheet._addSheet("Ad groups", adGroups);
    const sidebar = JSON.parse(JSON.stringify(context.getPlan(null))) as PlanJson;
    // $30 + $20 a day over 10 days.
    expect(sidebar.campaigns[0]).toMatchObject({ demandFrom: "adGroups", demand: 500 });

    const withAdGroups = context.CREDIT_CAMPAIGNS(
      campaigns,
      credits,
      account,
      undefined,
      undefined,
      adGroups,
    ) as unknown[][];
    const demandColumn = (withAdGroups[0] as string[]).indexOf("Demand");
    expect(withAdGroups[1][demandColumn]).toBe(sidebar.campaigns[0].demand);
    const without = context.CREDIT_CAMPAIGNS(campaigns, credits, account) as unknown[][];
    expect(without[1][demandColumn]).toBe(0);
  });
});
