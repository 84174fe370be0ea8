/**
 * The optional Ad groups sheet (SHEETS.md "Real exports (spec v3)"): its
 * columns and aliases, bad cells, unknown campaigns, and the real Airbyte and
 * Fivetran ad-group records of ../shared/real-data turned into workbooks as a
 * connector's CSV destination writes them, with figures checked by hand.
 */
import { describe, expect, it } from "vitest";
import { dayFromYmd, type Warning } from "../../src/core";
import {
  columnLetters,
  planToJson,
  readAndPlan,
  readWorkbook,
  type Table,
  type WorkbookTables,
} from "../../src/sheets";
import { AT_TODAY, CREDIT_HEADER, OPTIONS, workbook } from "./helpers";
import { airbyteRecords, fivetranTable, flattenedTable } from "./realData";

const HEADER = [
  "Ad group ID",
  "Campaign ID",
  "Status",
  "Budget mode",
  "Budget",
  "Start date",
  "End date",
];

function read(tables: WorkbookTables) {
  const result = readWorkbook(workbook(tables), OPTIONS);
  if (!result.ok) throw new Error(result.error);
  return result;
}

function plan(tables: WorkbookTables) {
  const result = readAndPlan(workbook(tables), AT_TODAY);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

const sheetWarnings = (warnings: Warning[]) => warnings.filter((w) => w.sheet === "Ad groups");

describe("Ad groups sheet: reading", () => {
  it("spec v3: the columns by name, statuses and budget modes as on Campaigns, dates as the API writes them", () => {
    const result = read({
      campaigns: [
        ["Campaign ID", "Budget mode", "Budget"],
        ["100", "No limit", ""],
      ],
      adGroups: [
        HEADER,
        ["A1", "100", "Active", "Daily", "50", "2026-12-01 08:00:00", "2026-12-10"],
        [
          "A2",
          "100",
          "ADGROUP_STATUS_NOT_START",
          "BUDGET_MODE_TOTAL",
          "$1,000.00",
          "2026-12-05",
          "2026-12-20",
        ],
        ["A3", "100", "ADGROUP_STATUS_TIME_DONE", "BUDGET_MODE_INFINITE", "0", "", ""],
      ],
    });
    expect(result.warnings.filter((w) => w.severity !== "info")).toEqual([]);
    expect(result.model.inputs?.adGroups).toEqual({ rows: 3, planned: 3, skipped: 0 });
    expect(
      result.model.adGroups?.map((g) => [g.id, g.campaignId, g.status, g.budgetMode, g.budget]),
    ).toEqual([
      ["A1", "100", "active", "daily", 5_000],
      ["A2", "100", "scheduled", "lifetime", 100_000],
      ["A3", "100", "completed", "no_limit", 0],
    ]);
    expect(result.model.adGroups?.[0].source?.cells.budget).toBe("E2");
  });

  it("spec v3: API and connector spellings (adgroup_id, operation_status + secondary_status, schedule_*_time)", () => {
    const result = read({
      campaigns: [
        ["campaign_id", "budget_mode", "budget"],
        ["1714125042508817", "BUDGET_MODE_INFINITE", "0"],
      ],
      adGroups: [
        [
          "ADGROUP_ID",
          "CAMPAIGN_ID",
          "BUDGET_MODE",
          "SECONDARY_STATUS",
          "OPERATION_STATUS",
          "BUDGET",
          "SCHEDULE_START_TIME",
          "SCHEDULE_END_TIME",
        ],
        [
          "1714125049901106",
          "1714125042508817",
          "BUDGET_MODE_DAY",
          "ADGROUP_STATUS_DELIVERY_OK",
          "ENABLE",
          "20",
          "2021-10-20 09:01:07",
          "2021-10-31 09:01:07.000",
        ],
        // DISABLE wins over a delivering secondary status.
        [
          "1714125049901107",
          "1714125042508817",
          "BUDGET_MODE_DAY",
          "ADGROUP_STATUS_DELIVERY_OK",
          "DISABLE",
          "20",
          "2021-10-20 09:01:07",
          "",
        ],
      ],
    });
    expect(
      result.model.adGroups?.map((g) => [g.id, g.status, g.budget, g.startDate, g.endDate]),
    ).toEqual([
      ["1714125049901106", "active", 2_000, dayFromYmd(2021, 10, 20), dayFromYmd(2021, 10, 31)],
      ["1714125049901107", "paused", 2_000, dayFromYmd(2021, 10, 20), null],
    ]);
  });

  it("R11: a bad cell is an error naming the sheet and cell, and only that row is skipped", () => {
    const result = read({
      adGroups: [
        HEADER,
        ["A1", "100", "Active", "Daily", "abc", "", ""],
        ["A2", "100", "Sleeping", "Daily", "10", "", ""],
        ["A3", "100", "Active", "Lifetime", "10", "2026-12-01", ""],
        ["A4", "100", "Active", "Daily", "10", "2026-12-10", "2026-12-01"],
        ["A5", "100", "Active", "Daily", "10", "", ""],
        ["A5", "100", "Active", "Daily", "99", "", ""],
        ["", "100", "Active", "Daily", "10", "", ""],
      ],
    });
    const errors = sheetWarnings(result.warnings).map((w) => [w.code, w.cell]);
    expect(errors).toEqual([
      ["INVALID_VALUE", "E2"],
      ["INVALID_VALUE", "C3"],
      ["INVALID_VALUE", "G4"],
      ["INVALID_VALUE", "G5"],
      ["DUPLICATE_ID", "A7"],
      ["INVALID_VALUE", "A8"],
    ]);
    expect(sheetWarnings(result.warnings)[0].message).toMatch(/^Ad groups!E2: Budget 'abc' /);
    expect(result.model.adGroups?.map((g) => [g.id, g.budget])).toEqual([["A5", 1_000]]);
    expect(result.model.inputs?.adGroups).toEqual({ rows: 7, planned: 1, skipped: 6 });
  });

  it("spec v3: an id stored as a number that lost digits is ID_PRECISION_LOST, the row skipped", () => {
    const result = read({
      adGroups: [
        HEADER,
        [1714125049901106, "100", "Active", "Daily", 20, "", ""],
        ["A2", 1.71e15 * 10, "Active", "Daily", 20, "", ""],
      ],
    });
    expect(sheetWarnings(result.warnings).map((w) => [w.code, w.cell])).toEqual([
      ["ID_PRECISION_LOST", "A2"],
      ["ID_PRECISION_LOST", "B3"],
    ]);
    expect(result.model.adGroups).toEqual([]);
  });

  it("spec v3: ad groups of a campaign not on the Campaigns sheet: one UNKNOWN_CAMPAIGN per campaign, no effect", () => {
    const result = read({
      adGroups: [
        HEADER,
        ["A1", "999", "Active", "Daily", "10", "", ""],
        ["A2", "999", "Active", "Daily", "10", "", ""],
        ["A3", "100", "Active", "Daily", "10", "", ""],
      ],
    });
    const unknown = sheetWarnings(result.warnings);
    expect(unknown.map((w) => [w.code, w.severity, w.cell, w.campaign])).toEqual([
      ["UNKNOWN_CAMPAIGN", "warning", "B2", "999"],
    ]);
    expect(unknown[0].message).toContain("'999' of ad group 'A1' is not on the Campaigns sheet");
    expect(result.model.adGroups?.map((g) => g.id)).toEqual(["A3"]);
    // R16: readable rows without effect count as planned.
    expect(result.model.inputs?.adGroups).toEqual({ rows: 3, planned: 3, skipped: 0 });
  });

  it("spec v3: without a required column the sheet is ignored with a MISSING_COLUMN error; no sheet, no warning", () => {
    const missing = read({
      adGroups: [
        ["Ad group ID", "Budget"],
        ["A1", "10"],
      ],
    });
    expect(sheetWarnings(missing.warnings).map((w) => [w.code, w.severity])).toEqual([
      ["MISSING_COLUMN", "error"],
    ]);
    expect(missing.warnings.find((w) => w.sheet === "Ad groups")?.message).toContain("Campaign ID");
    expect(missing.model.inputs?.adGroups).toEqual({ rows: 1, planned: 0, skipped: 1 });
    const absent = read({});
    expect(sheetWarnings(absent.warnings)).toEqual([]);
    expect(absent.model.inputs?.adGroups).toEqual({ rows: 0, planned: 0, skipped: 0 });
  });

  it("spec v3: a Lifetime campaign may leave End date blank when its ad groups have one", () => {
    const campaigns: Table = [
      ["Campaign ID", "Budget mode", "Budget", "End date"],
      ["100", "Lifetime", "300", ""],
      ["200", "Lifetime", "300", ""],
    ];
    const result = read({
      campaigns,
      adGroups: [HEADER, ["A1", "100", "Active", "Daily", "10", "", "2026-12-03"]],
    });
    // 200 has no ad group with an end: still an input error.
    expect(
      result.warnings.filter((w) => w.severity === "error").map((w) => [w.sheet, w.cell]),
    ).toEqual([["Campaigns", "D3"]]);
    // $300 over Dec 1–3 (plan start is Dec 1): $100 a day.
    const planned = plan({
      campaigns,
      adGroups: [HEADER, ["A1", "100", "Active", "Daily", "10", "", "2026-12-03"]],
    });
    expect(planned.campaigns.map((c) => [c.id, c.demand, c.demandFrom])).toEqual([
      ["100", 30_000, "budget"],
    ]);
  });

  it("spec v3: the plan's JSON campaign rows carry demandFrom", () => {
    const result = readAndPlan(
      workbook({
        campaigns: [
          ["Campaign ID", "Budget mode", "Budget"],
          ["100", "No limit", ""],
          ["200", "Daily", "5"],
        ],
        adGroups: [HEADER, ["A1", "100", "Active", "Daily", "7.50", "", ""]],
      }),
      { ...AT_TODAY, overrides: { days: 2 } },
    );
    if (!result.ok) throw new Error(result.error);
    expect(result.plan.campaigns.map((c) => [c.id, c.demand, c.demandFrom])).toEqual([
      ["100", 1_500, "adGroups"],
      ["200", 1_000, "budget"],
    ]);
  });
});

/** Real Airbyte records: the column of `key` in a flattened table, as an A1 column. */
function columnOf(table: Table, key: string): string {
  return columnLetters(table[0].indexOf(key));
}

/** A flattened stream with some fields set on every record, as after an edit in Ads Manager. */
function withFields(records: Record<string, unknown>[], fields: Record<string, unknown>) {
  return records.map((record) => ({ ...record, ...fields }));
}

describe("Ad groups from real connector records", () => {
  const campaigns = airbyteRecords("expected_records.jsonl", "campaigns");
  const adGroups = airbyteRecords("expected_records.jsonl", "ad_groups");
  // The sandbox account's advertiser is USD; plan from 2021-10-25 for 60 days (to Dec 23).
  const account: Table = [
    ["Setting", "Value"],
    ["Currency", "USD"],
    ["Plan start", "2021-10-25"],
    ["Horizon days", 60],
  ];
  const credits: Table = [CREDIT_HEADER];

  it("spec v3: Airbyte's campaigns and ad_groups streams as a CSV destination writes them, as they are", () => {
    expect([campaigns.length, adGroups.length]).toEqual([4, 5]);
    const adGroupTable = flattenedTable(adGroups);
    const result = readAndPlan(
      { campaigns: flattenedTable(campaigns), credits, account, adGroups: adGroupTable },
      AT_TODAY,
    );
    if (!result.ok) throw new Error(result.error);
    const { plan } = result;
    expect(plan.inputs.adGroups).toEqual({ rows: 5, planned: 5, skipped: 0 });
    // Ad group 1709487015460898 belongs to campaign 1709487018151954, which the
    // campaigns stream does not list (row 2 of the table).
    const unknown = plan.warnings.filter((w) => w.sheet === "Ad groups");
    expect(unknown.map((w) => [w.code, w.cell, w.campaign])).toEqual([
      ["UNKNOWN_CAMPAIGN", `${columnOf(adGroupTable, "campaign_id")}2`, "1709487018151954"],
    ]);
    // Every campaign of the sandbox is DISABLE: nothing is planned, whatever its ad groups.
    expect(plan.campaigns.map((c) => [c.demand, c.demandFrom])).toEqual([
      [0, null],
      [0, null],
      [0, null],
      [0, null],
    ]);
  });

  it("spec v3: the same records after the advertiser switches every campaign and ad group back on", () => {
    const on = { operation_status: "ENABLE" };
    const result = readAndPlan(
      {
        campaigns: flattenedTable(
          withFields(campaigns, { ...on, secondary_status: "CAMPAIGN_STATUS_ENABLE" }),
        ),
        credits,
        account,
        adGroups: flattenedTable(
          withFields(adGroups, { ...on, secondary_status: "ADGROUP_STATUS_DELIVERY_OK" }),
        ),
      },
      AT_TODAY,
    );
    if (!result.ok) throw new Error(result.error);
    const byId = Object.fromEntries(
      result.plan.campaigns.map((c) => [c.id, [c.demand, c.demandFrom]]),
    );
    expect(byId).toEqual({
      // No limit, budget 0: its ad group's $20 a day, Oct 20–31 → Oct 25–31, 7 days = $140.
      "1714125042508817": [14_000, "adGroups"],
      "1714124576938033": [14_000, "adGroups"],
      // Its own $50 a day, dated by its ad group Oct 19 – Nov 24 → Oct 25 – Nov 24, 31 days = $1,550.
      "1714073078669329": [155_000, "budget"],
      // Its ad group starts 2022-03-28, after the horizon: nothing yet.
      "1728545382536225": [0, "adGroups"],
    });
    expect(result.plan.warnings.map((w) => w.code)).not.toContain("NO_SPEND_ESTIMATE");
  });

  it("spec v3: Fivetran's adgroup_history seed (a history table) with its campaign_history seed", () => {
    const adGroupTable = fivetranTable("tiktok_adgroup_history_data");
    const result = readAndPlan(
      {
        campaigns: fivetranTable("tiktok_campaign_history_data"),
        credits,
        account,
        adGroups: adGroupTable,
      },
      AT_TODAY,
    );
    if (!result.ok) throw new Error(result.error);
    const { plan } = result;
    expect(plan.inputs.adGroups).toEqual({ rows: 4, planned: 4, skipped: 0 });
    // The seeds' ad groups belong to campaigns 222…555; the campaigns are 1…4.
    const column = columnOf(adGroupTable, "CAMPAIGN_ID");
    expect(
      plan.warnings.filter((w) => w.sheet === "Ad groups").map((w) => [w.code, w.cell, w.campaign]),
    ).toEqual([
      ["UNKNOWN_CAMPAIGN", `${column}2`, "222"],
      ["UNKNOWN_CAMPAIGN", `${column}3`, "333"],
      ["UNKNOWN_CAMPAIGN", `${column}4`, "444"],
      ["UNKNOWN_CAMPAIGN", `${column}5`, "555"],
    ]);
    // The campaigns plan from their own daily budgets: $450, $300, $450, $300 × 60 days.
    expect(plan.campaigns.map((c) => [c.id, c.demand, c.demandFrom])).toEqual([
      ["1", 2_700_000, "budget"],
      ["2", 1_800_000, "budget"],
      ["3", 2_700_000, "budget"],
      ["4", 1_800_000, "budget"],
    ]);
  });

  it("spec v3: Fivetran's ad groups matched to their campaigns plan from their budgets and schedules", () => {
    // The seed's campaign ids as the ad groups name them, one No limit (ad group 2 is No limit too).
    const campaignTable: Table = [
      ["CAMPAIGN_ID", "BUDGET_MODE", "BUDGET", "OPERATION_STATUS"],
      ["222", "BUDGET_MODE_INFINITE", "0", "ENABLE"],
      ["333", "BUDGET_MODE_INFINITE", "0", "ENABLE"],
      ["444", "BUDGET_MODE_DAY", "100", "ENABLE"],
    ];
    const result = readAndPlan(
      {
        campaigns: campaignTable,
        credits,
        account: [
          ["Setting", "Value"],
          ["Currency", "USD"],
          ["Plan start", "2021-09-10"],
          ["Horizon days", 10],
        ],
        adGroups: fivetranTable("tiktok_adgroup_history_data"),
      },
      AT_TODAY,
    );
    if (!result.ok) throw new Error(result.error);
    const { plan } = result;
    expect(plan.campaigns.map((c) => [c.id, c.demand, c.demandFrom])).toEqual([
      // Ad group 1: $500 a day from 2021-08-05 to 2031: all 10 days = $5,000.
      ["222", 500_000, "adGroups"],
      // Ad group 2 is No limit: no estimate at all.
      ["333", 0, null],
      // Its own $100 a day from its ad group's start, 2021-09-13: Sep 13–19, 7 days = $700.
      ["444", 70_000, "budget"],
    ]);
    expect(
      plan.warnings.filter((w) => w.code === "NO_SPEND_ESTIMATE").map((w) => [w.sheet, w.campaign]),
    ).toEqual([["Campaigns", "333"]]);
    expect(
      plan.warnings.filter((w) => w.code === "UNKNOWN_CAMPAIGN").map((w) => w.campaign),
    ).toEqual(["555"]);
  });
});

describe("Ad groups: the faces say where demand comes from (issue 12)", () => {
  const tables: WorkbookTables = {
    campaigns: [
      ["Campaign ID", "Campaign name", "Budget mode", "Budget", "Expected daily spend"],
      ["100", "From ad groups", "No limit", "", ""],
      ["200", "From budget", "Daily", "20", ""],
      ["300", "From expectation", "Daily", "20", "15"],
    ],
    adGroups: [HEADER, ["A1", "100", "Active", "Daily", "50", "", ""]],
  };
  it("the JSON names the source and, with labels, says it in words", () => {
    const json = planToJson(plan(tables), { labels: true });
    expect(json.campaigns.map((c) => [c.id, c.demandFrom, c.demandFromLabel])).toEqual([
      ["100", "adGroups", "Ad groups"],
      ["200", "budget", "Budget"],
      ["300", "expected", "Expected spend"],
    ]);
  });
});
