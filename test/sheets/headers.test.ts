import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import {
  CAMPAIGN_COLUMNS,
  CREDIT_COLUMNS,
  readWorkbook,
  SPEND_HISTORY_COLUMNS,
  type Table,
  TOP_UP_COLUMNS,
} from "../../src/sheets";
import { OPTIONS, workbook } from "./helpers";

function mustRead(tables: Parameters<typeof readWorkbook>[0]) {
  const read = readWorkbook(tables, OPTIONS);
  if (!read.ok) throw new Error(read.error);
  return read;
}

/** Sample values per campaign field, and what the model holds for them. */
const CAMPAIGN_SAMPLES: Record<string, [unknown, unknown]> = {
  id: ["777", "777"],
  name: ["Prospecting", "Prospecting"],
  status: ["Paused", "paused"],
  budgetMode: ["Lifetime", "lifetime"],
  budget: ["500", 50000],
  expectedDailySpend: ["12.34", 1234],
  spentToDate: ["100", 10000],
  startDate: ["2026-12-03", dayFromYmd(2026, 12, 3)],
  endDate: ["2026-12-31", dayFromYmd(2026, 12, 31)],
  adProduct: ["Spark Ads", "Spark Ads"],
  countries: ["US; CA", ["US", "CA"]],
};

const CREDIT_SAMPLES: Record<string, [unknown, unknown]> = {
  id: ["K9", "K9"],
  name: ["Promo", "Promo"],
  type: ["Spend-match (Spend X get Y)", "spend_match"],
  amount: ["$250", 25000],
  used: ["10", 1000],
  status: ["Earning", "earning"],
  issueDate: ["2026-11-02", dayFromYmd(2026, 11, 2)],
  validUntil: ["2027-01-01", dayFromYmd(2027, 1, 1)],
  validityDays: ["45", 45],
  assignedCampaigns: ["1, 2", ["1", "2"]],
  adProducts: ["Spark Ads", ["Spark Ads"]],
  countries: ["US", ["US"]],
  minCashBalance: ["300", 30000],
  spendThreshold: ["1000", 100000],
  spendCountedFrom: ["2026-11-01", dayFromYmd(2026, 11, 1)],
  spendSoFar: ["200", 20000],
  earnBy: ["2027-01-31", dayFromYmd(2027, 1, 31)],
  issueDelay: ["3", 3],
  redeemOn: ["2026-12-05", dayFromYmd(2026, 12, 5)],
  redeemBy: ["2026-12-20", dayFromYmd(2026, 12, 20)],
};

/** Every spelling of a column, with mangled case and separators. */
function spellings(name: string): string[] {
  return [
    name,
    name.toUpperCase(),
    name.toLowerCase().replace(/ /g, "_"),
    ` ${name.replace(/ /g, "-")} `,
  ];
}

// operation_status and secondary_status feed Status: test/sheets/statuses.test.ts.
const CAMPAIGN_SHEET_COLUMNS = CAMPAIGN_COLUMNS.filter((spec) => !spec.exportOnly);

describe("every column name and alias (SHEETS.md)", () => {
  for (const spec of CAMPAIGN_SHEET_COLUMNS) {
    for (const heading of [spec.name, ...spec.aliases]) {
      it(`Campaigns: '${heading}' fills ${spec.field}`, () => {
        const [cell, expected] = CAMPAIGN_SAMPLES[spec.field];
        for (const spelled of spellings(heading)) {
          const others = CAMPAIGN_SHEET_COLUMNS.filter((o) => o.field !== spec.field);
          const header = [spelled, ...others.map((o) => o.name)];
          const row = [cell, ...others.map((o) => CAMPAIGN_SAMPLES[o.field][0])] as Table[number];
          const read = mustRead(workbook({ campaigns: [header, row] }));
          const campaign = read.model.campaigns[0] as unknown as Record<string, unknown>;
          expect(campaign?.[spec.field]).toEqual(expected);
        }
      });
    }
  }
  for (const spec of CREDIT_COLUMNS.filter((c) => c.field !== "unused" && !c.exportOnly)) {
    for (const heading of [spec.name, ...spec.aliases]) {
      it(`Credits: '${heading}' fills ${spec.field}`, () => {
        const [cell, expected] = CREDIT_SAMPLES[spec.field];
        for (const spelled of spellings(heading)) {
          const others = CREDIT_COLUMNS.filter(
            (o) => o.field !== spec.field && o.field !== "unused" && !o.exportOnly,
          );
          const header = [spelled, ...others.map((o) => o.name)];
          const row = [cell, ...others.map((o) => CREDIT_SAMPLES[o.field][0])] as Table[number];
          const read = mustRead(workbook({ credits: [header, row] }));
          const credit = read.model.credits[0] as unknown as Record<string, unknown>;
          expect(credit?.[spec.field]).toEqual(expected);
        }
      });
    }
  }
  for (const spec of TOP_UP_COLUMNS) {
    for (const heading of [spec.name, ...spec.aliases]) {
      it(`Top-ups: '${heading}' is read`, () => {
        const header = TOP_UP_COLUMNS.map((o) => (o === spec ? heading : o.name));
        const read = mustRead(workbook({ topUps: [header, ["2026-12-10", "75"]] }));
        expect(read.model.topUps).toEqual([{ day: dayFromYmd(2026, 12, 10), amount: 7500 }]);
      });
    }
  }
  for (const spec of SPEND_HISTORY_COLUMNS) {
    for (const heading of [spec.name, ...spec.aliases]) {
      it(`Spend history: '${heading}' is read`, () => {
        const header = SPEND_HISTORY_COLUMNS.map((o) => (o === spec ? heading : o.name));
        const read = mustRead(workbook({ spendHistory: [header, ["2026-11-30", "100", "9.99"]] }));
        expect(read.model.spendHistory).toEqual([
          { day: dayFromYmd(2026, 11, 30), campaignId: "100", amount: 999 },
        ]);
      });
    }
  }
});

describe("header rules", () => {
  it("precedence: the column name wins over an alias, aliases in their listed order", () => {
    const read = mustRead(
      workbook({
        campaigns: [
          ["ID", "Campaign budget", "Campaign ID", "Daily budget", "Budget"],
          ["wrong", 1, "right", 2, 3],
        ],
      }),
    );
    expect(read.model.campaigns[0].id).toBe("right");
    expect(read.model.campaigns[0].budget).toBe(300);
    const aliasesOnly = mustRead(
      workbook({
        campaigns: [
          ["Campaign budget", "ID", "Daily budget"],
          [1, "x", 2],
        ],
      }),
    );
    expect(aliasesOnly.model.campaigns[0].budget).toBe(200);
  });

  it("title rows above the header are skipped; unknown columns and blank rows ignored", () => {
    const read = mustRead(
      workbook({
        campaigns: [
          ["Q4 campaigns export", null, null],
          ["Generated 2026-11-30", "", ""],
          [],
          ["Notes", "Campaign ID", "Budget", "Owner"],
          ["x", "1", "10", "ann"],
          [null, "", "  ", null],
          ["y", "2", "20", "bob"],
          ["", "", "", ""],
        ],
      }),
    );
    expect(read.model.campaigns.map((c) => [c.id, c.budget])).toEqual([
      ["1", 1000],
      ["2", 2000],
    ]);
    expect(read.model.campaigns[0].source).toEqual({
      sheet: "Campaigns",
      row: 5,
      cells: { id: "B5", budget: "C5" },
    });
    expect(read.warnings.filter((w) => w.severity === "error")).toEqual([]);
  });

  it("Business API-style columns", () => {
    const read = mustRead(
      workbook({
        campaigns: [
          [
            "campaign_id",
            "campaign_name",
            "budget_mode",
            "budget",
            "operation_status",
            "schedule_start_time",
            "schedule_end_time",
          ],
          [
            "1790123456789012345",
            "API campaign",
            "BUDGET_MODE_TOTAL",
            "900",
            "CAMPAIGN_STATUS_DISABLE",
            "2026-12-02 00:00:00",
            "2026-12-31 23:59:59",
          ],
          ["1790123456789012346", "Always on", "BUDGET_MODE_DAY", 25, "ENABLE", "", ""],
        ],
      }),
    );
    const [lifetime, daily] = read.model.campaigns;
    expect(lifetime).toMatchObject({
      id: "1790123456789012345",
      budgetMode: "lifetime",
      budget: 90000,
      status: "paused",
      startDate: dayFromYmd(2026, 12, 2),
      endDate: dayFromYmd(2026, 12, 31),
    });
    expect(daily).toMatchObject({ budgetMode: "daily", status: "active", budget: 2500 });
  });

  it("a TikTok Ads Manager export header row", () => {
    const read = mustRead(
      workbook({
        campaigns: [
          [
            "Campaign name",
            "Campaign ID",
            "Primary status",
            "Budget type",
            "Budget",
            "Cost",
            "Impressions",
          ],
          ["Spring", "1790000000000000001", "Active", "Daily", "$50.00", "$1,234.56", "10,000"],
          ["Fall", "1790000000000000002", "Completed", "Lifetime", "2,000.00", "1,999.99", "5"],
        ],
      }),
    );
    expect(read.model.campaigns).toHaveLength(1);
    expect(read.model.campaigns[0]).toMatchObject({
      name: "Spring",
      status: "active",
      budget: 5000,
      spentToDate: 123456,
    });
    // A lifetime campaign without an end date is an input error (R3), not a guess.
    const errors = read.warnings.filter((w) => w.severity === "error");
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatchObject({ code: "MISSING_COLUMN", sheet: "Campaigns", cell: "A1" });
    expect(errors[0].message).toContain("End date");
  });

  it("a missing required column stops the read, naming sheet and column", () => {
    const read = readWorkbook(
      workbook({
        credits: [
          ["Credit ID", "Amount"],
          ["C1", 5],
        ],
      }),
      OPTIONS,
    );
    expect(read.ok).toBe(false);
    if (read.ok) return;
    expect(read.sheet).toBe("Credits");
    expect(read.column).toBe("Type");
    expect(read.error).toMatch(/Credits.*Type/);
    expect(read.error).not.toContain("\n");
  });

  it("a missing required sheet stops the read", () => {
    const read = readWorkbook({ credits: workbook().credits }, OPTIONS);
    expect(read).toMatchObject({ ok: false, sheet: "Campaigns", column: null });
  });
});
