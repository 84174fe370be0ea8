/**
 * Write plan to sheets (CONTRACT §4, issue 15 item 4) through the built
 * dist/Code.js in node:vm, against the Sheets stand-in: the sample workbook
 * pasted into the template sheets, then written twice.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import vm from "node:vm";
import { parse } from "csv-parse/sync";
import { beforeAll, describe, expect, it } from "vitest";
import { isoDate } from "../../src/core";
import { dayInZone } from "../../src/gas/zonedDates";
import type { PlanJson } from "../../src/sheets";
import { callLog, type FakeSheet, FakeSpreadsheet, fakeServices } from "./fakeSpreadsheet";

const ZONE = "America/Los_Angeles";
const SAMPLE: [string, string][] = [
  ["Campaigns", "campaigns.csv"],
  ["Credits", "credits.csv"],
  ["Account", "account.csv"],
  ["Top-ups", "topups.csv"],
  ["Spend history", "spend-history.csv"],
];
const OUTPUTS = [
  "Plan summary",
  "Credit plan",
  "Campaign plan",
  "Credit drawdown",
  "Recommendations",
  "Plan warnings",
];

// biome-ignore lint/suspicious/noExplicitAny: the globals Code.js declares
let addOn: any;
let spreadsheet: FakeSpreadsheet;
let plan: PlanJson;
let first: { sheets: string[]; notes: string[] };
let firstValues: Record<string, string>;
let firstWrites: { setValues: number };

/** A sheet's stored values with Dates as the day they show. */
function shown(sheet: FakeSheet): unknown[][] {
  return sheet._values().map((row) =>
    // Dates come from Code.js's realm: instanceof Date does not see them.
    row.map((value) =>
      Object.prototype.toString.call(value) === "[object Date]"
        ? isoDate(dayInZone(value as Date, ZONE))
        : value,
    ),
  );
}

const sheet = (name: string) => {
  const found = spreadsheet._sheet(name);
  if (!found) throw new Error(`no sheet ${name}`);
  return found;
};

/** The Summary's row whose Figure is `figure` (the first one). */
function summaryRow(figure: string): unknown[] {
  const row = shown(sheet("Plan summary")).find((r) => r[0] === figure);
  if (!row) throw new Error(`no Summary row ${figure}`);
  return row;
}

beforeAll(() => {
  execFileSync(process.execPath, ["scripts/build.mjs"], { stdio: "pipe" });
  const code = readFileSync("dist/Code.js", "utf8");
  const context = vm.createContext({});
  vm.runInContext(code, context, { filename: "Code.js" });
  const makeDate = vm.runInContext("(ms) => new Date(ms)", context);
  spreadsheet = new FakeSpreadsheet(ZONE, callLog(), makeDate);
  const services = fakeServices(spreadsheet);
  for (const name of ["SpreadsheetApp", "HtmlService", "LockService", "ScriptApp"] as const) {
    context[name] = services[name];
  }
  addOn = context;
  addOn.createTemplateSheets();
  for (const [name, file] of SAMPLE) {
    const rows = parse(readFileSync(`examples/sample-workbook/${file}`, "utf8")) as string[][];
    sheet(name)._paste(1, 1, rows);
  }
  plan = JSON.parse(JSON.stringify(addOn.getPlan(null))) as PlanJson;
  spreadsheet.log.reset();
  first = JSON.parse(JSON.stringify(addOn.writePlanToSheets()));
  firstWrites = { setValues: spreadsheet.log.count("Range.setValues") };
  firstValues = Object.fromEntries(
    OUTPUTS.map((name) => [name, JSON.stringify(shown(sheet(name)))]),
  );
}, 60_000);

describe("Write plan to sheets: the Summary (R13, R14, R16)", () => {
  it("writes the six sheets, the Summary first", () => {
    expect(first.sheets).toEqual(OUTPUTS);
    expect(first.notes).toEqual([]);
  });

  it("stamps the plan start and the time written, in the spreadsheet's zone", () => {
    const stamp = summaryRow("Plan");
    expect(stamp[2]).toBe(plan.start);
    expect(stamp[4]).toMatch(
      new RegExp(
        `^Plan start ${plan.start} · written at \\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}:\\d{2} \\(${ZONE}\\) · 90 days to ${plan.end}, USD$`,
      ),
    );
  });

  it("R13: the totals, money needed and every advised top-up with its dates", () => {
    expect(summaryRow("Credit available")[1]).toBe(plan.totals.creditAvailable);
    expect(summaryRow("Credit used")[1]).toBe(plan.totals.creditFunded);
    expect(summaryRow("Credit expires unused")[1]).toBe(plan.totals.creditExpired);
    expect(summaryRow("Cash pays")[1]).toBe(plan.totals.cashFunded);
    expect(summaryRow("Undelivered")[1]).toBe(plan.totals.undelivered);
    expect(summaryRow("Money needed")[1]).toBe(plan.totals.moneyNeeded);
    const topUps = shown(sheet("Plan summary")).filter((r) => r[0] === "Top up");
    expect(plan.advice.topUps.length).toBeGreaterThan(0);
    expect(topUps.map((r) => [r[1], r[2]])).toEqual(
      plan.advice.topUps.map((t) => [t.amount, t.date]),
    );
    topUps.forEach((row, i) => {
      expect(row[4]).toContain(`through ${plan.advice.topUps[i].until}`);
    });
    expect(summaryRow("Top-ups in all")[1]).toBe(plan.advice.total);
  });

  it("R10/R14: first expiry, cash run-out, first fallback and every campaign's stop count", () => {
    expect(summaryRow("First expiry")[2]).toBe(plan.totals.firstExpiryOn);
    expect(summaryRow("Cash runs out")[2]).toBe(plan.account.cashRunsOutOn);
    expect(summaryRow("First cash fallback")[2]).toBe(plan.totals.firstFallbackOn);
    const stopping = plan.campaigns.filter((c) => c.stops.length > 0);
    expect(stopping.length).toBeGreaterThan(0);
    expect(summaryRow("Campaigns that stop")[3]).toBe(stopping.length);
    for (const c of stopping) {
      const row = summaryRow(`Stops: ${c.name} (${c.id})`);
      expect(row[3]).toBe(c.stops.length);
      expect(row[2]).toBe(c.stops[0].from);
    }
  });

  it("R2: money cells carry the currency and its decimals; dates a date format", () => {
    const formats = sheet("Plan summary").getRange(2, 1, 1, 5).getNumberFormats()[0] as string[];
    expect(formats).toEqual(["@", '#,##0.00" USD"', "yyyy-mm-dd", "0.##", "@"]);
    const credit = sheet("Credit plan");
    const header = shown(credit)[0] as string[];
    const used = header.indexOf("Used") + 1;
    expect(credit.getRange(2, used, 1, 1).getNumberFormats()[0][0]).toBe('#,##0.00" USD"');
  });
});

describe("Write plan to sheets: names, links, chart, layout", () => {
  it("R12: the Recommendations sheet names the credit and the campaigns beside their ids", () => {
    const rows = shown(sheet("Recommendations"));
    expect(rows[0]).toEqual([
      "Credit",
      "Credit name",
      "Assign to",
      "Campaign names",
      "Expires now",
      "Expires after",
      "Saved",
      "Why",
    ]);
    expect(plan.recommendations.length).toBeGreaterThan(0);
    rows.slice(1).forEach((row, i) => {
      const r = plan.recommendations[i];
      const credit = plan.credits.find((c) => c.id === r.credit);
      const names = r.assign.map((id) => plan.campaigns.find((c) => c.id === id)?.name);
      expect(row.slice(0, 4)).toEqual([
        r.credit,
        credit?.name,
        r.assign.join(", "),
        names.join(", "),
      ]);
      expect(row[6]).toBe(r.expirySaved);
    });
  });

  it("names beside ids on the credit plan; every stop on the campaign plan", () => {
    const credits = shown(sheet("Credit plan"));
    expect(credits[0].slice(0, 2)).toEqual(["Credit ID", "Credit name"]);
    expect(credits.slice(1).map((r) => r.slice(0, 2))).toEqual(
      plan.credits.map((c) => [c.id, c.name]),
    );
    const campaigns = shown(sheet("Campaign plan"));
    const stops = campaigns[0].indexOf("Stops");
    expect(campaigns[0][stops + 1]).toBe("Stop periods");
    campaigns.slice(1).forEach((row, i) => {
      expect(row[stops]).toBe(plan.campaigns[i].stops.length);
      expect(row[stops + 1]).toBe(
        plan.campaigns[i].stops
          .map((s) => (s.from === s.to ? s.from : `${s.from} to ${s.to}`))
          .join(", "),
      );
    });
  });

  it("each warning links to its cell: HYPERLINK to #gid=…&range=A1 of the input sheet", () => {
    const warnings = sheet("Plan warnings");
    const cellColumn = (shown(warnings)[0] as string[]).indexOf("Cell") + 1;
    const credits = sheet("Credits");
    let links = 0;
    plan.warnings.forEach((w, i) => {
      const cell = warnings._cell(i + 2, cellColumn);
      if (w.sheet === "Credits" && w.cell) {
        links += 1;
        expect(cell?.formula).toBe(
          `=HYPERLINK("#gid=${credits.getSheetId()}&range=${w.cell}","Credits!${w.cell}")`,
        );
      } else if (!w.cell) {
        expect(cell?.formula ?? null).toBeNull();
      }
    });
    expect(links).toBeGreaterThan(0);
  });

  it("the chart puts cash on its own axis and names the credits in its legend", () => {
    const charts = sheet("Credit drawdown").charts as {
      options: Record<string, Record<string, { targetAxisIndex: number; labelInLegend?: string }>>;
    }[];
    expect(charts).toHaveLength(1);
    const series = charts[0].options.series;
    const indexes = Object.keys(series).map(Number);
    expect(indexes).toHaveLength(plan.credits.length + 1);
    const cash = series[plan.credits.length];
    expect(cash).toEqual({ targetAxisIndex: 1, labelInLegend: "Cash" });
    plan.credits.forEach((c, i) => {
      expect(series[i].targetAxisIndex).toBe(0);
      expect(series[i].labelInLegend).toBe(
        c.name && c.name !== c.id ? `${c.name} (${c.id})` : c.id,
      );
    });
    expect(charts[0].options.vAxes).toEqual({
      0: { title: "Credit balance (USD)" },
      1: { title: "Cash (USD)" },
    });
  });

  it("auto-sizes every written column, one call a sheet; one setValues a sheet", () => {
    for (const name of OUTPUTS) {
      const written = sheet(name);
      expect(written.autoResized).toEqual([{ start: 1, count: shown(written)[0].length }]);
    }
    expect(firstWrites.setValues).toBe(OUTPUTS.length);
  });

  it("a second run on its own output gives the same sheets and values (but the stamp)", () => {
    const count = spreadsheet.sheets.length;
    spreadsheet.log.reset();
    const second = JSON.parse(JSON.stringify(addOn.writePlanToSheets()));
    expect(second.sheets).toEqual(first.sheets);
    expect(spreadsheet.sheets).toHaveLength(count);
    expect(spreadsheet.log.count("Range.setValues")).toBe(OUTPUTS.length);
    expect(spreadsheet.log.count("Sheet.removeChart")).toBe(1);
    for (const name of OUTPUTS) {
      const now = shown(sheet(name));
      const before = JSON.parse(firstValues[name]) as unknown[][];
      if (name === "Plan summary") {
        const stamp = now.findIndex((r) => r[0] === "Plan");
        now[stamp][4] = before[stamp][4];
      }
      expect(now, name).toEqual(before);
    }
    expect(sheet("Credit drawdown").charts).toHaveLength(1);
  });
});
