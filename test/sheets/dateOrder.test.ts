/**
 * Month-name and slash dates (SHEETS.md "Real exports (spec v3)": Locale):
 * month names are read as they stand, slash and dot dates in the Account's
 * `Date order` (MDY default, DMY, YMD); a date that is not a date in that
 * order is an error that names the Date order that would read it.
 */
import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import { readWorkbook, type Table } from "../../src/sheets";
import { readDate } from "../../src/sheets/cells";
import type { DateOrder } from "../../src/sheets/dateText";
import { OPTIONS, workbook } from "./helpers";

const dec25 = dayFromYmd(2026, 12, 25);

function day(text: string, order: DateOrder = "mdy"): number | string {
  const parsed = readDate(text, "UTC", order);
  return parsed.ok ? parsed.value : parsed.problem;
}

describe("dates with a month name (spec v3)", () => {
  it.each([
    "Dec 25, 2026",
    "December 25, 2026",
    "Dec. 25, 2026",
    "dec 25 2026",
    "December 25th, 2026",
    "Fri, Dec 25, 2026",
    "25 Dec 2026",
    "25 December 2026",
    "25-Dec-2026",
    "25th December, 2026",
    "Dec 25, 2026 10:00 AM",
  ])("%j is 2026-12-25 in every Date order", (text) => {
    for (const order of ["mdy", "dmy", "ymd"] as const) expect(day(text, order)).toBe(dec25);
  });

  it("Sept, and no month that is not one", () => {
    expect(day("Sept 1, 2026")).toBe(dayFromYmd(2026, 9, 1));
    expect(day("Decem 1, 2026")).toBe(dayFromYmd(2026, 12, 1));
    expect(day("De 1, 2026")).toMatch(/is not a date/);
    expect(day("Smarch 1, 2026")).toMatch(/is not a date/);
    expect(day("Feb 29, 2026")).toMatch(/is not a date/);
    expect(day("Feb 29, 2028")).toBe(dayFromYmd(2028, 2, 29));
  });
});

describe("slash and dot dates follow Date order (spec v3)", () => {
  it("MDY (the default), DMY and YMD read 01/12/2026 and 01.12.2026 each their own way", () => {
    expect(day("01/12/2026", "mdy")).toBe(dayFromYmd(2026, 1, 12));
    expect(day("01/12/2026", "dmy")).toBe(dayFromYmd(2026, 12, 1));
    expect(day("01.12.2026", "dmy")).toBe(dayFromYmd(2026, 12, 1));
    expect(day("1/2/2026 13:45:00", "mdy")).toBe(dayFromYmd(2026, 1, 2));
    expect(day("2026/12/01", "ymd")).toBe(dayFromYmd(2026, 12, 1));
    expect(day("2026.12.01", "ymd")).toBe(dayFromYmd(2026, 12, 1));
  });

  it("a four-digit first part is a year in every order: 2026/12/01 is December 1", () => {
    for (const order of ["mdy", "dmy", "ymd"] as const) {
      expect(day("2026/12/01", order)).toBe(dayFromYmd(2026, 12, 1));
    }
  });

  it("R11: 25/12/2026 in MDY is not read the other way: the message says to set Date order to DMY", () => {
    const problem = day("25/12/2026", "mdy");
    expect(problem).toMatch(/not a date in month\/day\/year order/);
    expect(problem).toMatch(/set Date order to DMY on the Account sheet/);
    expect(day("12/25/2026", "dmy")).toMatch(/set Date order to MDY/);
    expect(day("12/25/2026", "ymd")).toMatch(/Date order is YMD/);
    expect(day("31/31/2026", "mdy")).toMatch(/is not a date: the Account's Date order is MDY/);
    expect(day("12/25/26", "mdy")).toMatch(/4 digits/);
    expect(day("12/25-2026", "mdy")).toMatch(/write YYYY-MM-DD/);
    // A time after the date must be a time of day.
    expect(day("4/5/2026 13:00 PM", "mdy")).toMatch(/write YYYY-MM-DD/);
    expect(day("4/5/2026 24:00", "mdy")).toMatch(/write YYYY-MM-DD/);
    expect(day("4/5/2026 1:00 PM", "mdy")).toBe(dayFromYmd(2026, 4, 5));
    expect(day("Apr 5, 2026 23:59:59", "mdy")).toBe(dayFromYmd(2026, 4, 5));
  });

  it("the Account's Date order reads every sheet: Plan start, Holidays, campaign and credit dates", () => {
    const account: Table = [
      ["Setting", "Value"],
      ["Date order", "DMY"],
      ["Plan start", "01/12/2026"],
      ["Holidays", "25/12/2026; 26.12.2026"],
    ];
    const campaigns: Table = [
      ["Campaign ID", "Budget", "Start date", "End date"],
      ["1", "10", "02/12/2026", "Dec 31, 2026"],
    ];
    const credits: Table = [
      ["Credit ID", "Type", "Amount", "Issue date", "Valid until"],
      ["K1", "Free", "100", "20/11/2026", "05.01.2027"],
    ];
    const read = readWorkbook(workbook({ account, campaigns, credits }), OPTIONS);
    if (!read.ok) throw new Error(read.error);
    expect(read.warnings.filter((w) => w.severity === "error")).toEqual([]);
    expect(read.model.account.planStart).toBe(dayFromYmd(2026, 12, 1));
    expect(read.model.account.holidays).toEqual([dec25, dec25 + 1]);
    const [campaign] = read.model.campaigns;
    expect([campaign.startDate, campaign.endDate]).toEqual([
      dayFromYmd(2026, 12, 2),
      dayFromYmd(2026, 12, 31),
    ]);
    const [credit] = read.model.credits;
    expect([credit.issueDate, credit.validUntil]).toEqual([
      dayFromYmd(2026, 11, 20),
      dayFromYmd(2027, 1, 5),
    ]);
  });

  it("R11: without a Date order, 20/11/2026 is an INVALID_VALUE naming the cell and the setting; the row is skipped", () => {
    const credits: Table = [
      ["Credit ID", "Type", "Amount", "Issue date"],
      ["K1", "Free", "100", "20/11/2026"],
      ["K2", "Free", "100", "11/20/2026"],
    ];
    const read = readWorkbook(workbook({ credits }), OPTIONS);
    if (!read.ok) throw new Error(read.error);
    const invalid = read.warnings.filter((w) => w.code === "INVALID_VALUE");
    expect(invalid.map((w) => [w.sheet, w.cell])).toEqual([["Credits", "D2"]]);
    expect(invalid[0].message).toContain("Credits!D2: Issue date '20/11/2026'");
    expect(invalid[0].message).toContain("set Date order to DMY");
    expect(read.model.credits.map((c) => [c.id, c.issueDate])).toEqual([
      ["K2", dayFromYmd(2026, 11, 20)],
    ]);
  });

  it("Date order spellings: DMY, D/M/Y, DD/MM/YYYY; anything else is INVALID_VALUE and MDY applies", () => {
    for (const spelling of ["DMY", "dmy", "D/M/Y", "DD/MM/YYYY", "Day/Month/Year"]) {
      const read = readWorkbook(
        workbook({
          account: [
            ["Date order", spelling],
            ["Plan start", "02/01/2027"],
          ],
        }),
        OPTIONS,
      );
      if (!read.ok) throw new Error(read.error);
      expect(read.model.account.planStart, spelling).toBe(dayFromYmd(2027, 1, 2));
    }
    const bad = readWorkbook(
      workbook({
        account: [
          ["Date order", "European"],
          ["Plan start", "02/01/2027"],
        ],
      }),
      OPTIONS,
    );
    if (!bad.ok) throw new Error(bad.error);
    expect(bad.warnings.find((w) => w.code === "INVALID_VALUE")?.cell).toBe("B1");
    expect(bad.model.account.planStart).toBe(dayFromYmd(2027, 2, 1));
  });

  it("a Holidays list of month-name dates keeps each date's own comma", () => {
    const read = readWorkbook(
      workbook({ account: [["Holidays", "Dec 25, 2026, Jan 1, 2027; 26 Dec 2026"]] }),
      OPTIONS,
    );
    if (!read.ok) throw new Error(read.error);
    expect(read.model.account.holidays).toEqual([dec25, dec25 + 1, dayFromYmd(2027, 1, 1)]);
  });
});
