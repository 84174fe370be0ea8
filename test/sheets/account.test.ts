import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import { accountTimeZone, readWorkbook } from "../../src/sheets";
import { OPTIONS, TODAY, workbook } from "./helpers";

function account(rows: Parameters<typeof readWorkbook>[0]["account"]) {
  const read = readWorkbook(workbook({ account: rows }), OPTIONS);
  if (!read.ok) throw new Error(read.error);
  return read;
}

describe("Account sheet (SHEETS.md)", () => {
  it("every setting, with or without the Setting/Value header", () => {
    const rows = [
      ["Currency", "jpy"],
      ["Time zone", "UTC-08:00"],
      ["Plan start", "2027-01-05"],
      ["Horizon days", "30"],
      ["Cash balance", "¥-1,000"],
      ["Fallback payment", "Card"],
      ["Card limit", "50000"],
      ["Credits before cash", "No"],
      ["Require positive cash balance", "Yes"],
      ["Credit order", "Sheet order"],
      ["Account tier", "High"],
      ["One promotion at a time", "no"],
      ["Credit validity days", 60],
      ["Delivery rate", "85%"],
      ["Forecast from", "Recent spend"],
      ["Assignment limit", 12],
      ["Holidays", "2027-01-01; 2027-01-06"],
      ["Holidays", new Date(Date.UTC(2027, 0, 7))],
      ["Alert days", 14],
    ];
    for (const table of [rows, [["Setting", "Value"], ...rows]]) {
      const read = account(table);
      expect(read.warnings.filter((w) => w.sheet === "Account")).toEqual([]);
      const { source, ...settings } = read.model.account;
      expect(settings).toEqual({
        currency: "JPY",
        minorUnits: 0,
        timeZone: "UTC-08:00",
        planStart: dayFromYmd(2027, 1, 5),
        horizonDays: 30,
        cashBalance: -1000,
        fallbackPayment: "card",
        cardLimit: 50000,
        creditsBeforeCash: false,
        requirePositiveCash: true,
        creditOrder: "sheet_order",
        accountTier: "high",
        onePromotionAtATime: false,
        creditValidityDays: 60,
        deliveryRate: 0.85,
        forecastFrom: "recent_spend",
        assignmentLimit: 12,
        holidays: [dayFromYmd(2027, 1, 1), dayFromYmd(2027, 1, 6), dayFromYmd(2027, 1, 7)],
        alertDays: 14,
      });
      expect(source?.sheet).toBe("Account");
    }
  });

  it("R2: the account currency sets the minor unit of every amount (read first)", () => {
    const read = readWorkbook(
      workbook({
        account: [["Currency", "BHD"]],
        campaigns: [
          ["Campaign ID", "Budget"],
          ["1", "BHD 1.2345"],
        ],
      }),
      OPTIONS,
    );
    expect(read.ok && read.model.campaigns[0].budget).toBe(1235);
  });

  it("defaults: plan start is today; an unreadable value keeps the default with INVALID_VALUE", () => {
    const read = account([
      ["Setting", "Value"],
      ["Horizon days", "forever"],
      ["Delivery rate", "85"],
      ["Time zone", "Mars/Olympus"],
      ["Alert days", 0],
      ["Unknown setting", "ignored"],
    ]);
    expect(read.model.account.planStart).toBe(TODAY);
    expect(read.model.account.horizonDays).toBe(90);
    expect(read.model.account.deliveryRate).toBe(1);
    expect(read.model.account.timeZone).toBeNull();
    expect(read.model.account.alertDays).toBe(7); // R15 default
    expect(read.warnings.map((w) => [w.code, w.cell])).toEqual([
      ["INVALID_VALUE", "B2"],
      ["INVALID_VALUE", "B3"],
      ["INVALID_VALUE", "B4"],
      ["INVALID_VALUE", "B5"],
      ["MISSING_SHEET", null],
      ["MISSING_SHEET", null],
    ]);
    expect(read.warnings[0].message).toBe(
      "Account!B2: Horizon days 'forever' is not a whole number; the default applies",
    );
  });

  it("accountTimeZone gives shells the zone to compute today in", () => {
    expect(accountTimeZone([["Time zone", "Asia/Tokyo"]])).toBe("Asia/Tokyo");
    expect(accountTimeZone([["Time zone", "nowhere"]])).toBeNull();
    expect(accountTimeZone(undefined)).toBeNull();
  });
});
