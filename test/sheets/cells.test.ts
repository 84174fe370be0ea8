import { describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import {
  enumSpellings,
  moneyFormat,
  plainNumberText,
  readDate,
  readEnum,
  readId,
  readIdList,
  readInteger,
  readList,
  readMoney,
  readPercent,
  readYesNo,
} from "../../src/sheets/cells";

const usd = moneyFormat("USD", 2);
const jpy = moneyFormat("JPY", 0);
const bhd = moneyFormat("BHD", 3);
const eur = moneyFormat("EUR", 2);
const value = <T>(parsed: { ok: true; value: T } | { ok: false; problem: string }) =>
  parsed.ok ? parsed.value : `INVALID: ${parsed.problem}`;

describe("money cells (R2, SHEETS.md)", () => {
  it.each([
    [100, 10000],
    [12.5, 1250],
    [0, 0],
    ["1234.5", 123450],
    ["$1,234.50", 123450],
    ["1234.5 USD", 123450],
    ["USD 1,000,000", 100000000],
    ["US$20", 2000],
    ["  42  ", 4200],
    ["0.005", 1],
    ["0.004", 0],
    ["1.005", 101],
    [1.005, 101],
    ["2.675", 268],
  ])("USD %j → %d minor units", (cell, minor) => {
    expect(value(readMoney(cell, usd))).toBe(minor);
  });

  it("R2: rounds half away from zero to the currency's minor unit (JPY 0, BHD 3)", () => {
    expect(value(readMoney("1234.5", jpy))).toBe(1235);
    expect(value(readMoney("¥1,234", jpy))).toBe(1234);
    expect(value(readMoney(1.0005, bhd))).toBe(1001);
    expect(value(readMoney("€12.30", eur))).toBe(1230);
    expect(value(readMoney("-12.345", usd, true))).toBe(-1235);
  });

  it.each(["1.234,50", "12,34", "abc", "1,23,456", "€100", "$-$5", "1 234", "12.3.4", "", "--5"])(
    "refuses ambiguous or foreign text %j (never guessed)",
    (cell) => {
      expect(readMoney(cell, usd).ok).toBe(false);
    },
  );

  it("is never negative except where allowed (Cash balance)", () => {
    expect(readMoney(-5, usd).ok).toBe(false);
    expect(value(readMoney(-5, usd, true))).toBe(-500);
    expect(value(readMoney("-$1,000.00", usd, true))).toBe(-100000);
    expect(readMoney(true, usd).ok).toBe(false);
    expect(readMoney(new Date(0), usd).ok).toBe(false);
    expect(readMoney(Number.NaN, usd).ok).toBe(false);
  });

  it("refuses amounts beyond 2^53 minor units instead of losing digits", () => {
    expect(readMoney("99999999999999999999", usd).ok).toBe(false);
  });
});

describe("percent, integers, yes/no, lists", () => {
  it.each([
    ["85%", 0.85],
    ["0.85", 0.85],
    [0.85, 0.85],
    ["100%", 1],
    [1, 1],
    ["12.5 %", 0.125],
  ])("percent %j → %d", (cell, share) => {
    expect(value(readPercent(cell))).toBeCloseTo(share, 10);
  });
  it.each([85, "85", "abc", -0.1, "150%"])("percent %j is invalid", (cell) => {
    expect(readPercent(cell).ok).toBe(false);
  });

  it("integers: whole numbers within range only", () => {
    expect(value(readInteger("30", 1, 3650))).toBe(30);
    expect(value(readInteger(30, 1, 3650))).toBe(30);
    expect(value(readInteger("30.0", 1, 3650))).toBe(30);
    expect(readInteger("30.5", 1, 3650).ok).toBe(false);
    expect(readInteger(0, 1, 3650).ok).toBe(false);
    expect(readInteger("ten", 1, 3650).ok).toBe(false);
  });

  it("Yes/No settings", () => {
    for (const yes of ["Yes", "yes", "TRUE", true, 1, "Y"])
      expect(value(readYesNo(yes))).toBe(true);
    for (const no of ["No", "false", false, 0, "n"]) expect(value(readYesNo(no))).toBe(false);
    expect(readYesNo("maybe").ok).toBe(false);
  });

  it("lists split on comma, semicolon and new line, spaces trimmed", () => {
    expect(readList("US, CA;GB\nFR\r\n DE ,", "UTC")).toEqual(["US", "CA", "GB", "FR", "DE"]);
    expect(readList("", "UTC")).toEqual([]);
    expect(readList(1790000000000000000, "UTC")).toEqual(["1790000000000000000"]);
  });

  it("enums are matched case-, space-, _ and - insensitively", () => {
    const spellings = enumSpellings({
      daily: { label: "Daily", spellings: ["BUDGET_MODE_DAY"] },
      no_limit: { label: "No limit", spellings: [] },
    });
    expect(value(readEnum("budget_mode_day", spellings, ""))).toBe("daily");
    expect(value(readEnum("NO-LIMIT", spellings, ""))).toBe("no_limit");
    expect(readEnum("weekly", spellings, "").ok).toBe(false);
  });
});

describe("ids stay text", () => {
  it("a 19-digit id given as text keeps every digit", () => {
    expect(value(readId(" 1790123456789012345 "))).toBe("1790123456789012345");
  });
  it("a number id of up to 15 digits becomes its plain decimal string", () => {
    expect(value(readId(123))).toBe("123");
    expect(value(readId(999999999999999))).toBe("999999999999999");
    expect(plainNumberText(1e21)).toBe("1000000000000000000000");
    expect(plainNumberText(1e-7)).toBe("0.0000001");
    expect(readId(new Date()).ok).toBe(false);
  });
});

describe("ids that lost digits (SHEETS Real exports, R11 ID_PRECISION_LOST)", () => {
  const lost = (parsed: ReturnType<typeof readId> | ReturnType<typeof readIdList>) =>
    !parsed.ok &&
    parsed.code === "ID_PRECISION_LOST" &&
    /format the column as Plain text/.test(parsed.problem);
  it("R11: a number of 16 or more digits is ID_PRECISION_LOST, whatever its sign", () => {
    expect(lost(readId(Number("1790123456789012345")))).toBe(true);
    expect(lost(readId(1e15))).toBe(true);
    expect(lost(readId(-1e15))).toBe(true);
    expect(lost(readId(1.79e21))).toBe(true);
    expect(readId(999999999999999).ok).toBe(true);
  });
  it("R11: text in scientific notation is ID_PRECISION_LOST; other text is an id", () => {
    expect(lost(readId("1.79E+18"))).toBe(true);
    expect(lost(readId(" 1.79012345678901e+18 "))).toBe(true);
    expect(lost(readId("1E18"))).toBe(true);
    expect(value(readId("E18-CAMPAIGN"))).toBe("E18-CAMPAIGN");
    expect(value(readId("1790123456789012345"))).toBe("1790123456789012345");
  });
  it("R11: a list of ids with one that lost digits is ID_PRECISION_LOST", () => {
    expect(lost(readIdList("101, 1.79E+18", "UTC"))).toBe(true);
    expect(lost(readIdList(Number("1790123456789012345"), "UTC"))).toBe(true);
    expect(value(readIdList("1790123456789012345; 102", "UTC"))).toEqual([
      "1790123456789012345",
      "102",
    ]);
    expect(value(readIdList(101, "UTC"))).toEqual(["101"]);
  });
});

describe("dates (R1)", () => {
  const dec1 = dayFromYmd(2026, 12, 1);
  it("ISO text and the API's date-time text", () => {
    expect(value(readDate("2026-12-01", "UTC", "mdy"))).toBe(dec1);
    expect(value(readDate("2026-12-01 23:59:59", "UTC", "mdy"))).toBe(dec1);
    expect(value(readDate(" 2026-12-01 ", "UTC", "mdy"))).toBe(dec1);
  });
  it.each(["2026-13-01", "2026-02-30", "2026-12-1", "Dex 1, 2026", "12/01", "31 Feb 2026"])(
    "other text %j is invalid",
    (cell) => {
      expect(readDate(cell, "UTC", "mdy").ok).toBe(false);
    },
  );
  it("a number in a date cell is invalid (serials and timestamps are ambiguous)", () => {
    expect(readDate(46357, "UTC", "mdy").ok).toBe(false);
    expect(readDate(new Date(Number.NaN), "UTC", "mdy").ok).toBe(false);
  });
  it("a Date cell is the calendar day it shows in the given zone", () => {
    const instant = new Date("2026-12-01T08:00:00Z"); // midnight in Los Angeles
    expect(value(readDate(instant, "America/Los_Angeles", "mdy"))).toBe(dec1);
    expect(value(readDate(instant, "UTC-08:00", "mdy"))).toBe(dec1);
    expect(value(readDate(instant, "Asia/Tokyo", "mdy"))).toBe(dec1);
    expect(value(readDate(new Date("2026-11-30T15:00:00Z"), "Asia/Tokyo", "mdy"))).toBe(dec1);
    expect(value(readDate(new Date("2026-11-30T15:00:00Z"), "UTC", "mdy"))).toBe(dec1 - 1);
  });
  it("text read again, in another Date order or zone, reads as the first time", () => {
    // Text dates are remembered by Date order: the same text may be another day in another order.
    for (let round = 0; round < 2; round++) {
      expect(value(readDate("12/01/2026", "UTC", "mdy"))).toBe(dec1);
      expect(value(readDate("01/12/2026", "UTC", "dmy"))).toBe(dec1);
      expect(readDate("12/01/2026", "UTC", "dmy")).toEqual(readDate("12/01/2026", "UTC", "dmy"));
      expect(value(readDate("12/01/2026", "UTC", "dmy"))).toBe(dayFromYmd(2026, 1, 12));
      expect(value(readDate("2026-12-01", "Asia/Tokyo", "mdy"))).toBe(dec1);
      expect(readDate("13/13/2026", "UTC", "mdy").ok).toBe(false);
      expect(readDate("1899-12-31", "UTC", "ymd").ok).toBe(false);
    }
  });
});
