import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import {
  campaignTable,
  creditTable,
  drawdownTable,
  ledgerTable,
  planToJson,
  readAndPlan,
  readWorkbook,
  recommendationTable,
  SERIES_CREDIT_LINES,
  stopsCell,
  templateTables,
  warningTable,
} from "../../src/sheets";
import { AT_TODAY, OPTIONS, workbook } from "./helpers";

const tables = workbook({
  account: [
    ["Setting", "Value"],
    ["Plan start", "2026-12-01"],
    ["Horizon days", 10],
    ["Cash balance", 100],
  ],
  campaigns: [
    ["Campaign ID", "Campaign name", "Budget"],
    ["100", "Prospecting", 20],
    ["200", "Retargeting", 10],
    ["300", "Bad", "??"],
  ],
  credits: [
    ["Credit ID", "Type", "Amount", "Issue date", "Valid until", "Assigned campaigns"],
    ["FREE", "Free", 50, "2026-11-20", "2026-12-31", ""],
    ["ASSIGN", "Assignable", 30, "2026-11-20", "2026-12-05", ""],
  ],
});

function plan() {
  const result = readAndPlan(tables, AT_TODAY);
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

describe("readAndPlan", () => {
  it("R11: reader warnings come first, then the engine's own", () => {
    const p = plan();
    const read = readWorkbook(tables, OPTIONS);
    if (!read.ok) throw new Error(read.error);
    expect(p.warnings.slice(0, read.warnings.length)).toEqual(read.warnings);
    expect(p.warnings[0]).toMatchObject({ code: "INVALID_VALUE", cell: "C4" });
    expect(p.warnings.slice(read.warnings.length).map((w) => w.code)).toContain(
      "UNASSIGNED_CREDIT",
    );
  });

  it("overrides replace the Account plan start and horizon", () => {
    const result = readAndPlan(tables, {
      ...AT_TODAY,
      overrides: { start: dayFromYmd(2026, 12, 3), days: 4 },
    });
    expect(result.ok && [result.plan.start, result.plan.days]).toEqual([
      dayFromYmd(2026, 12, 3),
      4,
    ]);
  });

  it("a fatal read error is passed through", () => {
    expect(readAndPlan({}, AT_TODAY)).toMatchObject({ ok: false, sheet: "Campaigns" });
  });
});

describe("plan → tables (one place for every face)", () => {
  it("credit table: CONTRACT §3 columns first, money in major units, days as integers", () => {
    const p = plan();
    const t = creditTable(p);
    expect(t.header.slice(0, 8)).toEqual([
      "Credit ID",
      "Type",
      "Remaining now",
      "Used",
      "Expired",
      "Depleted on",
      "Last usable day",
      "Status",
    ]);
    expect(t.kinds).toHaveLength(t.header.length);
    const free = p.credits.find((c) => c.id === "FREE");
    expect(t.rows[0]).toEqual([
      "FREE",
      "Free",
      (free?.remainingAtStart ?? 0) / 100,
      (free?.used ?? 0) / 100,
      (free?.expired ?? 0) / 100,
      free?.depletedOn,
      dayFromYmd(2026, 12, 31),
      expect.any(String),
      free?.issuedOn,
      free?.expiresOn,
      (free?.remainingAtEnd ?? 0) / 100,
      (free?.issued ?? 0) / 100,
      (free?.available ?? 0) / 100,
      (free?.atRisk ?? 0) / 100,
    ]);
  });

  it("campaign table: one row a campaign in plan order", () => {
    const p = plan();
    const t = campaignTable(p);
    expect(t.rows.map((r) => r[0])).toEqual(p.campaigns.map((c) => c.id));
    expect(t.header.slice(0, 8)).toEqual([
      "Campaign ID",
      "Campaign name",
      "Credit-funded",
      "Cash",
      "Card",
      "Undelivered",
      "Cash fallback day",
      "Stop day",
    ]);
    for (const [i, c] of p.campaigns.entries()) {
      expect(t.rows[i][2]).toBe(c.creditFunded / 100);
      expect(t.rows[i][6]).toBe(c.cashFallbackOn);
    }
    expect(t.header[10]).toBe("Stops");
  });

  it("R14: the Stops cell lists every stop, a one-day stop as its day, blank when none", () => {
    expect(stopsCell([])).toBeNull();
    expect(
      stopsCell([
        { from: dayFromYmd(2027, 1, 4), to: dayFromYmd(2027, 1, 9) },
        { from: dayFromYmd(2027, 1, 28), to: dayFromYmd(2027, 1, 28) },
      ]),
    ).toBe("2027-01-04…2027-01-09, 2027-01-28");
  });

  it("drawdown: a date column and one remaining column per credit, or the one asked for", () => {
    const p = plan();
    const all = drawdownTable(p);
    expect(all.header).toEqual(["Date", "FREE", "ASSIGN"]);
    expect(all.rows).toHaveLength(p.days);
    expect(all.rows[0][0]).toBe(p.start);
    expect(all.rows[p.days - 1][1]).toBe(p.balances[(p.days - 1) * 2] / 100);
    const one = drawdownTable(p, "ASSIGN");
    expect(one.header).toEqual(["Date", "ASSIGN"]);
    expect(one.rows[0][1]).toBe(p.balances[1] / 100);
    expect(() => drawdownTable(p, "NOPE")).toThrow(/NOPE/);
  });

  it("warnings, ledger and recommendations", () => {
    const p = plan();
    const w = warningTable(p);
    expect(w.header).toEqual(["Code", "Severity", "Message", "Cell"]);
    expect(w.rows[0]).toEqual(["INVALID_VALUE", "error", p.warnings[0].message, "Campaigns!C4"]);
    const ledger = ledgerTable(p);
    expect(ledger.rows).toHaveLength(p.ledger.length);
    const total = ledger.rows.reduce((sum, row) => sum + Number(row[3]), 0);
    expect(total).toBeCloseTo((p.totals.spend + p.totals.undelivered) / 100, 6);
    expect(ledger.rows.some((row) => row[2] === "credit:FREE")).toBe(true);
    const recs = recommendationTable(p);
    expect(recs.rows.map((r) => r[0])).toEqual(p.recommendations.map((r) => r.credit));
  });
});

describe("templates", () => {
  it("six input sheets with the SHEETS.md names; examples read without errors", () => {
    const templates = templateTables();
    expect(templates.map((t) => t.name)).toEqual([
      "Campaigns",
      "Credits",
      "Account",
      "Top-ups",
      "Spend history",
      "Ad groups",
    ]);
    const byName = new Map(templates.map((t) => [t.name, [t.header, ...t.examples]]));
    const read = readWorkbook(
      {
        campaigns: byName.get("Campaigns"),
        credits: byName.get("Credits"),
        account: byName.get("Account"),
        topUps: byName.get("Top-ups"),
        spendHistory: byName.get("Spend history"),
        adGroups: byName.get("Ad groups"),
      },
      OPTIONS,
    );
    expect(read.ok && read.warnings).toEqual([]);
    expect(read.ok && read.model.adGroups).toEqual([]);
    expect(read.ok && read.model.campaigns.length).toBe(2);
    expect(read.ok && read.model.credits.length).toBe(2);
  });
});

describe("draw-down series (planToJson series)", () => {
  it("R2: the biggest credits get lines; the rest are summed per day in minor units", () => {
    const credits: (string | number)[][] = [
      ["Credit ID", "Type", "Amount", "Issue date", "Valid until"],
    ];
    const amounts = Array.from({ length: 12 }, (_, i) => 10 + ((i * 7) % 12) + 0.01 * i);
    for (const [i, amount] of amounts.entries()) {
      credits.push([`C${i}`, "Free", amount, "2026-11-20", "2026-12-31"]);
    }
    const result = readAndPlan(
      workbook({
        campaigns: [
          ["Campaign ID", "Campaign name", "Budget"],
          ["100", "One", 7.77],
        ],
        credits,
        account: [
          ["Setting", "Value"],
          ["Plan start", "2026-12-01"],
          ["Horizon days", 6],
        ],
      }),
      AT_TODAY,
    );
    if (!result.ok) throw new Error(result.error);
    const { plan } = result;
    const series = planToJson(plan, { series: true }).series;
    if (!series) throw new Error("expected a series");
    const biggest = [...amounts].sort((a, b) => b - a).slice(0, SERIES_CREDIT_LINES);
    expect(series.credits.map((c) => amounts[Number(c.id.slice(1))]).sort((a, b) => b - a)).toEqual(
      biggest,
    );
    expect(series.others?.count).toBe(12 - SERIES_CREDIT_LINES);
    const shown = new Set(series.credits.map((c) => c.id));
    const n = plan.credits.length;
    for (let d = 0; d < plan.days; d++) {
      let minor = 0;
      plan.credits.forEach((c, i) => {
        if (!shown.has(c.id)) minor += plan.balances[d * n + i];
      });
      expect(series.others?.remaining[d]).toBe(minor / 100);
    }
  });
});
