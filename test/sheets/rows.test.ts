import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import { readWorkbook } from "../../src/sheets";
import { OPTIONS, workbook } from "./helpers";

function read(tables: Parameters<typeof readWorkbook>[0]) {
  const result = readWorkbook(tables, OPTIONS);
  if (!result.ok) throw new Error(result.error);
  return result;
}

const errors = (r: ReturnType<typeof read>) => r.warnings.filter((w) => w.severity === "error");

describe("R11: bad rows are skipped with a warning on the real cell", () => {
  it("INVALID_VALUE names sheet, A1 cell and the value; every good row is still read", () => {
    const r = read(
      workbook({
        credits: [
          ["Credit ID", "Type", "Amount", "Issue date"],
          ["C1", "Free", "100", "2026-11-20"],
          ["C2", "Free", "abc", "2026-11-20"],
          ["C3", "Gift", "1.234,50", "yesterday"],
          ["C4", "Free", "50", "2026-11-21"],
        ],
      }),
    );
    expect(r.model.credits.map((c) => c.id)).toEqual(["C1", "C4"]);
    expect(errors(r).map((w) => [w.code, w.sheet, w.cell, w.credit])).toEqual([
      ["INVALID_VALUE", "Credits", "C3", "C2"],
      ["INVALID_VALUE", "Credits", "B4", "C3"],
      ["INVALID_VALUE", "Credits", "C4", "C3"],
      ["INVALID_VALUE", "Credits", "D4", "C3"],
    ]);
    expect(errors(r)[0].message).toBe("Credits!C3: Amount 'abc' is not a number");
    expect(errors(r)[1].message).toMatch(/^Credits!B4: Type 'Gift' is not one of Free, Assignable/);
  });

  it("A1 addresses go past Z (AA, AB …)", () => {
    const header = [...Array.from({ length: 26 }, (_, i) => `Extra ${i}`), "Campaign ID", "Budget"];
    const row = [...Array.from({ length: 26 }, () => ""), "1", "lots"];
    const r = read(workbook({ campaigns: [header, row] }));
    expect(errors(r)[0]).toMatchObject({ code: "INVALID_VALUE", cell: "AB2", campaign: "1" });
  });

  it("DUPLICATE_ID points at the later row's id cell; the first readable row is kept", () => {
    const r = read(
      workbook({
        campaigns: [
          ["Campaign ID", "Budget"],
          ["1", "oops"],
          ["1", "20"],
          ["1", "30"],
          [2, "40"],
          ["2", "50"],
        ],
      }),
    );
    expect(r.model.campaigns.map((c) => [c.id, c.budget])).toEqual([
      ["1", 2000],
      ["2", 4000],
    ]);
    expect(errors(r).map((w) => [w.code, w.cell])).toEqual([
      ["INVALID_VALUE", "B2"],
      ["DUPLICATE_ID", "A4"],
      ["DUPLICATE_ID", "A6"],
    ]);
  });

  it("R3: a lifetime campaign without an end date is skipped (INVALID_VALUE on End date)", () => {
    const r = read(
      workbook({
        campaigns: [
          ["Campaign ID", "Budget mode", "Budget", "End date"],
          ["1", "Lifetime", 500, ""],
          ["2", "Lifetime", 500, "2026-12-31"],
          ["3", "No limit", "", ""],
          ["4", "Daily", "", ""],
        ],
      }),
    );
    expect(r.model.campaigns.map((c) => c.id)).toEqual(["2", "3"]);
    expect(errors(r).map((w) => w.cell)).toEqual(["D2", "C5"]);
    expect(errors(r)[0].message).toContain("End date is empty");
  });

  it("an Available credit needs its issue date; an Earning one its threshold", () => {
    const r = read(
      workbook({
        credits: [
          ["Credit ID", "Type", "Amount", "Status", "Issue date", "Spend threshold"],
          ["A", "Free", 10, "", "", ""],
          ["B", "Spend-match", 10, "Earning", "", ""],
          ["C", "Spend-match", 10, "Earning", "", "100"],
          ["D", "Free", 10, "To redeem", "", ""],
          ["E", "Coupon", 10, "To redeem", "", ""],
        ],
      }),
    );
    expect(r.model.credits.map((c) => c.id)).toEqual(["C", "E"]);
    expect(errors(r).map((w) => w.cell)).toEqual(["E2", "F3", "D5"]);
  });

  it("Used more than Amount is invalid; Unused amount is accepted instead of Used", () => {
    const r = read(
      workbook({
        credits: [
          ["Credit ID", "Type", "Amount", "Used", "Unused amount", "Issue date"],
          ["A", "Free", 100, 120, "", "2026-11-20"],
          ["B", "Free", 100, "", "30", "2026-11-20"],
          ["C", "Free", 100, "", "130", "2026-11-20"],
          ["D", "Free", 100, "10", "30", "2026-11-20"],
        ],
      }),
    );
    expect(r.model.credits.map((c) => [c.id, c.used])).toEqual([
      ["B", 7000],
      ["D", 1000],
    ]);
    expect(errors(r).map((w) => w.cell)).toEqual(["D2", "E4"]);
  });

  it("optional sheets absent → MISSING_SHEET info; present → read", () => {
    const r = read(workbook());
    expect(r.warnings.map((w) => [w.code, w.severity, w.sheet])).toEqual([
      ["MISSING_SHEET", "info", "Account"],
      ["MISSING_SHEET", "info", "Top-ups"],
      ["MISSING_SHEET", "info", "Spend history"],
    ]);
    const withAll = read(
      workbook({
        account: [["Currency", "EUR"]],
        topUps: [
          ["Date", "Amount"],
          ["2026-12-05", "€1,000"],
        ],
        spendHistory: [
          ["By Day", "campaign_id", "Cost"],
          ["2026-11-30 00:00:00", "100", "12.5"],
          ["", "", "12.5"],
        ],
      }),
    );
    expect(withAll.warnings).toEqual([]);
    expect(withAll.model.topUps).toEqual([{ day: dayFromYmd(2026, 12, 5), amount: 100000 }]);
    expect(withAll.model.spendHistory).toHaveLength(1);
  });

  it("an optional sheet without its columns is ignored with MISSING_COLUMN (not fatal)", () => {
    const r = read(
      workbook({
        topUps: [
          ["When", "How much"],
          ["2026-12-01", 5],
        ],
      }),
    );
    expect(r.model.topUps).toEqual([]);
    expect(r.warnings.find((w) => w.code === "MISSING_COLUMN")).toMatchObject({
      severity: "error",
      sheet: "Top-ups",
    });
  });

  it("source cells point every field the engine may blame at its A1 cell", () => {
    const r = read(
      workbook({
        credits: [
          [
            "Credit ID",
            "Type",
            "Amount",
            "Issue date",
            "Valid until",
            "Assigned campaigns",
            "Earn by",
          ],
          ["A", "Assignable", 10, "2026-11-20", "2026-12-20", "100", ""],
        ],
        account: [
          ["Setting", "Value"],
          ["Currency", "USD"],
          ["Cash balance", "-50"],
        ],
      }),
    );
    expect(r.model.credits[0].source).toEqual({
      sheet: "Credits",
      row: 2,
      cells: {
        id: "A2",
        type: "B2",
        amount: "C2",
        issueDate: "D2",
        validUntil: "E2",
        assignedCampaigns: "F2",
        earnBy: "G2",
      },
    });
    expect(r.model.account.source?.cells.cashBalance).toBe("B3");
    expect(r.model.account.cashBalance).toBe(-5000);
  });
});
