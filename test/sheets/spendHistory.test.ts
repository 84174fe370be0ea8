/**
 * Spend history shapes (SHEETS.md "Real exports (spec v3)") from real
 * connector records: Airbyte's nested metrics (JSON and Python-dict cells),
 * Fivetran's hourly CSV, Singer's ISO date-times; plus Ads Manager's
 * currency-suffixed headers and total line. Run rates checked by hand (R3:
 * the 7 days before plan start, divided by 7, rounded half away from zero).
 */
import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import { readAndPlan, readWorkbook, type Table, type WorkbookTables } from "../../src/sheets";
import { airbyteRecords, fivetranTable, flattenedTable, pythonRepr, realText } from "./realData";

/** Plans as the CLI does; every test sets Plan start, so the instant does not matter. */
function plan(tables: WorkbookTables) {
  const result = readAndPlan(tables, { now: Date.UTC(2026, 11, 1), spreadsheetTimeZone: "UTC" });
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

const NO_CREDITS: Table = [["Credit ID", "Type", "Amount", "Issue date"]];

function account(start: string, ...settings: [string, string][]): Table {
  return [["Setting", "Value"], ["Plan start", start], ["Horizon days", "10"], ...settings];
}

describe("Spend history from Airbyte (metrics nested in one cell)", () => {
  it("R3: campaigns_reports_daily with a JSON metrics cell gives the run rate of a No-limit campaign", () => {
    const history = flattenedTable(
      airbyteRecords("expected_records.jsonl", "campaigns_reports_daily"),
    );
    expect(history[0]).toEqual(["dimensions", "metrics", "stat_time_day", "campaign_id"]);
    const result = plan({
      campaigns: [
        ["Campaign ID", "Budget mode", "Budget"],
        ["1714125042508817", "No limit", ""],
      ],
      credits: NO_CREDITS,
      account: account("2021-10-29"),
      spendHistory: history,
    });
    // 20.000 on 10-22, 10-23, 10-27 and 10-28 = 80.00 in the 7 days; 8000 / 7 = 1142.86 → 11.43 a day.
    expect(result.campaigns[0].demand).toBe(1143 * 10);
    // The report's other campaign (spend 0.000) is not on the Campaigns sheet.
    const unknown = result.warnings.filter((w) => w.code === "UNKNOWN_CAMPAIGN");
    expect(unknown.map((w) => [w.campaign, w.sheet, w.cell])).toEqual([
      ["1714073078669329", "Spend history", "D6"],
    ]);
  });

  it("R3: the older campaigns_reports stream as Python-dict cells reads the same spend", () => {
    const records = airbyteRecords("expected_records2.jsonl", "campaigns_reports");
    const history = flattenedTable(records, pythonRepr);
    expect(String(history[1][history[0].indexOf("metrics")])).toMatch(/^\{'/);
    const result = plan({
      campaigns: [
        ["Campaign ID", "Budget mode", "Budget"],
        ["1728545382536225", "No limit", ""],
      ],
      credits: NO_CREDITS,
      account: account("2022-04-03"),
      spendHistory: history,
    });
    // 03-28, 03-29 and 03-30 at 20.000, 03-31…04-02 at 0: 60.00 / 7 = 8.57 a day.
    expect(result.campaigns[0].demand).toBe(857 * 10);
    expect(result.warnings.filter((w) => w.severity === "error")).toEqual([]);
  });
});

describe("Spend history from Fivetran (hourly rows, STAT_TIME_HOUR)", () => {
  it("R3: hourly rows with single-digit hours are added into their day; campaign_history gives the campaigns", () => {
    const result = plan({
      campaigns: fivetranTable("tiktok_campaign_history_data"),
      credits: NO_CREDITS,
      account: account("2021-09-16", ["Forecast from", "Recent spend"]),
      spendHistory: fivetranTable("tiktok_campaign_report_hourly_data"),
    });
    // SPEND on 2021-09-15: 222.12, 0.22, 222.22 and 0.232 (→ 0.23); each / 7, capped by the daily budget.
    expect(result.campaigns.map((c) => [c.id, c.demand])).toEqual([
      ["1", 3173 * 10],
      ["2", 3 * 10],
      ["3", 3175 * 10],
      ["4", 3 * 10],
    ]);
  });

  it("R3: several hours of one day are one day of spend (run rate over 7 days, not 7 rows)", () => {
    const header = fivetranTable("tiktok_campaign_report_hourly_data")[0];
    const at = (name: string) => header.indexOf(name);
    const hour = (h: number, spend: string) => {
      const row = header.map(() => "0") as Table[number];
      row[at("CAMPAIGN_ID")] = "1";
      row[at("STAT_TIME_HOUR")] = `2021-09-15 ${h}:00:00`;
      row[at("SPEND")] = spend;
      return row;
    };
    const read = readWorkbook(
      {
        campaigns: fivetranTable("tiktok_campaign_history_data"),
        credits: NO_CREDITS,
        spendHistory: [header, hour(5, "1.50"), hour(6, "2.25"), hour(23, "-")],
      },
      { today: dayFromYmd(2021, 9, 16), timeZone: "UTC" },
    );
    expect(read.ok && read.model.spendHistory).toEqual([
      { day: dayFromYmd(2021, 9, 15), campaignId: "1", amount: 375 },
    ]);
  });
});

describe("Spend history from Singer (flat insights, ISO date-times)", () => {
  it("R3: ad_insights columns with stat_time_day as date-time and spend as a number", () => {
    const schema = JSON.parse(realText("singer/ad_insights.json")) as {
      properties: Record<string, { format?: string }>;
    };
    const columns = Object.keys(schema.properties);
    expect(schema.properties.stat_time_day.format).toBe("date-time");
    const row = (day: string, spend: number) =>
      columns.map((c) =>
        c === "stat_time_day" ? day : c === "spend" ? spend : c === "campaign_id" ? "77" : "",
      );
    const result = plan({
      campaigns: [
        ["Campaign ID", "Budget mode", "Budget"],
        ["77", "No limit", ""],
      ],
      credits: NO_CREDITS,
      account: account("2021-10-25"),
      spendHistory: [
        columns,
        row("2021-10-22T00:00:00.000000Z", 30.5),
        row("2021-10-23T00:00:00+08:00", 40),
      ],
    });
    // 70.50 / 7 = 10.07 a day.
    expect(result.campaigns[0].demand).toBe(1007 * 10);
  });
});

describe("Spend history from Ads Manager (a paste of a campaign report)", () => {
  const campaigns: Table = [
    ["Campaign ID", "Budget mode", "Budget"],
    ["900", "No limit", ""],
  ];

  it("R3: 'Cost (USD)' is the spend; the 'Total of N results' line is skipped without a warning", () => {
    const result = plan({
      campaigns,
      credits: NO_CREDITS,
      account: account("2026-12-01"),
      spendHistory: [
        ["By Day", "Campaign ID", "Campaign name", "Cost (USD)"],
        ["2026-11-29", "900", "Winter", "$35.00"],
        ["2026-11-30", "900", "Winter", "-"],
        ["Total of 2 results", "", "", "$35.00"],
      ],
    });
    expect(result.campaigns[0].demand).toBe(500 * 10);
    expect(result.warnings.filter((w) => w.sheet === "Spend history")).toEqual([]);
  });

  it("R2: a currency suffix other than the Account currency is an error and the sheet is not read", () => {
    const read = readWorkbook(
      {
        campaigns,
        credits: NO_CREDITS,
        spendHistory: [
          ["By Day", "Campaign ID", "Cost (EUR)"],
          ["2026-11-29", "900", "35.00"],
        ],
      },
      { today: dayFromYmd(2026, 12, 1), timeZone: "UTC" },
    );
    expect(read.ok && read.model.spendHistory).toEqual([]);
    const error = read.ok ? read.warnings.find((w) => w.sheet === "Spend history") : undefined;
    expect(error).toMatchObject({ code: "INVALID_VALUE", severity: "error", cell: "C1" });
    expect(error?.message).toContain("EUR");
    expect(error?.message).toContain("USD");
  });

  it("R11: a Campaigns money column in another currency stops the plan with a message naming it", () => {
    const read = readWorkbook(
      {
        campaigns: [
          ["Campaign ID", "Budget (EUR)"],
          ["1", "50"],
        ],
        credits: NO_CREDITS,
      },
      { today: dayFromYmd(2026, 12, 1), timeZone: "UTC" },
    );
    expect(read.ok).toBe(false);
    expect(!read.ok && read.error).toContain("Campaigns!B1");
  });

  it("R11: spend of a campaign not on the Campaigns sheet: one UNKNOWN_CAMPAIGN per id, at its first cell", () => {
    const read = readWorkbook(
      {
        campaigns,
        credits: NO_CREDITS,
        spendHistory: [
          ["Date", "Campaign ID", "Spend"],
          ["2026-11-28", "901", "1"],
          ["2026-11-29", "900", "1"],
          ["2026-11-29", "901", "1"],
          ["2026-11-29", "902", "1"],
        ],
      },
      { today: dayFromYmd(2026, 12, 1), timeZone: "UTC" },
    );
    const unknown = read.ok ? read.warnings.filter((w) => w.code === "UNKNOWN_CAMPAIGN") : [];
    expect(unknown.map((w) => [w.campaign, w.cell, w.severity])).toEqual([
      ["901", "B2", "warning"],
      ["902", "B5", "warning"],
    ]);
  });
});
