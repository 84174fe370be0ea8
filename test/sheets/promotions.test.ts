/**
 * Credits pasted from Ads Manager's Promotions page (SHEETS.md "Real exports
 * (spec v3)"): the Business API has no per-coupon endpoint, so this paste (or
 * typing) is how credits arrive. Plans checked by hand.
 */
import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import { readAndPlan, readWorkbook, type Table } from "../../src/sheets";
import { OPTIONS, workbook } from "./helpers";

const PASTE: Table = [
  ["Ad credit name", "Type", "Discount / Amount", "Valid dates", "Usage requirements", "Status"],
  ["Welcome credit", "Free", "$50.00", "2026-11-20 ~ 2026-12-05", "", "Available"],
  ["Holiday boost", "Free", "$30.00", "2026-11-25 to 2026-12-31", "Spend $100 first", "Available"],
  ["Welcome credit", "Free", "$20.00", "2026-11-28 - 2026-12-03", "", "Available"],
];

function read(credits: Table) {
  const result = readWorkbook(workbook({ credits }), OPTIONS);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("Promotions page columns for Credits", () => {
  it("spec v3: Valid dates ranges (~, to, -) give Issue date and Valid until; ids come from names", () => {
    const result = read(PASTE);
    expect(
      result.model.credits.map((c) => [c.id, c.name, c.amount, c.issueDate, c.validUntil]),
    ).toEqual([
      ["Welcome credit", "Welcome credit", 5000, dayFromYmd(2026, 11, 20), dayFromYmd(2026, 12, 5)],
      ["Holiday boost", "Holiday boost", 3000, dayFromYmd(2026, 11, 25), dayFromYmd(2026, 12, 31)],
      [
        "Welcome credit #2",
        "Welcome credit",
        2000,
        dayFromYmd(2026, 11, 28),
        dayFromYmd(2026, 12, 3),
      ],
    ]);
  });

  it("R11: one info GENERATED_ID for the sheet; UNREAD_REQUIREMENTS names each non-empty requirements cell", () => {
    const result = read(PASTE);
    const credits = result.warnings.filter((w) => w.sheet === "Credits");
    expect(credits.map((w) => [w.code, w.severity, w.cell])).toEqual([
      ["UNREAD_REQUIREMENTS", "info", "E3"],
      ["GENERATED_ID", "info", "A1"],
    ]);
  });

  it("R8: the Valid dates' last day is the credit's last usable day in the plan", () => {
    const result = readAndPlan(
      workbook({
        campaigns: [
          ["Campaign ID", "Budget"],
          ["1", "10"],
        ],
        credits: PASTE,
        account: [
          ["Setting", "Value"],
          ["Plan start", "2026-12-01"],
          ["Horizon days", "10"],
        ],
      }),
      { now: Date.UTC(2026, 11, 1), spreadsheetTimeZone: "UTC" },
    );
    if (!result.ok) throw new Error(result.error);
    const byId = new Map(result.plan.credits.map((c) => [c.id, c]));
    // Soonest expiry first, $10 a day: #2 (ends 12-03) pays 12-01…12-02, Welcome (ends 12-05)
    // 12-03…12-05, Holiday boost 12-06…12-08; then cash (none): 12-09…12-10 undelivered.
    expect(byId.get("Welcome credit #2")?.used).toBe(2000);
    expect(byId.get("Welcome credit")?.used).toBe(3000);
    expect(byId.get("Welcome credit")?.expired).toBe(2000);
    expect(byId.get("Holiday boost")?.used).toBe(3000);
    expect(result.plan.totals.undelivered).toBe(2000);
  });

  it("R11: an unreadable Valid dates cell is INVALID_VALUE; a Credit ID column wins over names", () => {
    const bad = read([
      ["Credit ID", "Ad credit name", "Type", "Discount", "Valid dates"],
      ["K1", "Promo", "Free", "10", "soon"],
      ["K2", "Promo", "Free", "10", "2026-11-01 ~ 2026-11-30"],
    ]);
    expect(bad.model.credits.map((c) => c.id)).toEqual(["K2"]);
    expect(bad.warnings.find((w) => w.code === "INVALID_VALUE")?.cell).toBe("E2");
    expect(bad.warnings.map((w) => w.code)).not.toContain("GENERATED_ID");
  });
});
