/**
 * Custom-function arguments are read by the sheets' own cell readers
 * (issue 16.5, 16.6): every refusal names the argument, and the cell when a
 * range was given; nothing is dropped or guessed silently.
 */
import { describe, expect, it } from "vitest";
import {
  creditExpiry,
  creditIssueDate,
  creditPlan,
  type SheetClock,
} from "../../src/gas/customFunctions";

const CLOCK: SheetClock = { timeZone: "UTC", now: Date.UTC(2026, 11, 1, 12) };
const day = (iso: string) => new Date(`${iso}T00:00:00Z`);
const iso = (value: unknown) => (value as Date).toISOString().slice(0, 10);

const CAMPAIGNS = [
  ["Campaign ID", "Budget"],
  ["1", 10],
];
const CREDITS = [
  ["Credit ID", "Type", "Amount", "Issue date"],
  ["F", "Free", 50, "2026-11-20"],
];

describe("CREDIT_ISSUE_DATE (R7) reads its arguments as the sheets do", () => {
  it("every holiday of a list cell counts: two holidays, two business days later", () => {
    // Thursday 2026-03-05 + 7 business days = Monday 2026-03-16 without holidays.
    const plain = creditIssueDate(CLOCK, day("2026-03-05"), "Assignable", "", "");
    expect(iso(plain)).toBe("2026-03-16");
    const listCell = creditIssueDate(
      CLOCK,
      day("2026-03-05"),
      "Assignable",
      "",
      "2026-03-10, 2026-03-11",
    );
    expect(iso(listCell)).toBe("2026-03-18");
    const range = creditIssueDate(CLOCK, day("2026-03-05"), "Assignable", "", [
      ["2026-03-10; 2026-03-11"],
      [day("2026-03-12")],
      [""],
    ]);
    expect(iso(range)).toBe("2026-03-19");
  });

  it("the sheet's own spellings of type and tier are taken", () => {
    const bc = creditIssueDate(CLOCK, day("2026-03-05"), "Business Center (BC)", "Higher", "");
    const sm = creditIssueDate(CLOCK, day("2026-03-05"), "Spend-match (Spend X get Y)", "", "");
    const free = creditIssueDate(CLOCK, day("2026-03-05"), "Free credit", "Standard", "");
    for (const value of [bc, sm, free]) expect(value).toBeInstanceOf(Date);
  });

  it("a type with no letters is refused, not taken as Spend-match", () => {
    expect(() => creditIssueDate(CLOCK, day("2026-03-05"), "123", "", "")).toThrow(/^type: '123'/);
    expect(() => creditIssueDate(CLOCK, day("2026-03-05"), "--", "", "")).toThrow(/^type:/);
  });

  it("a holiday that is not a date names the argument and the cell", () => {
    expect(() =>
      creditIssueDate(CLOCK, day("2026-03-05"), "", "", [["2026-03-10"], ["soon"]]),
    ).toThrow(/^holidays: A2 — 'soon'/);
  });
});

describe("CREDIT_EXPIRY (R8) arguments", () => {
  it("validity_days 1e9 is a clear error naming validity_days, not 'Invalid time value'", () => {
    expect(() => creditExpiry(CLOCK, day("2026-12-01"), 1e9)).toThrow(
      /^validity_days: '1000000000' is outside 1…3650/,
    );
  });

  it("TRUE is not 1 day; 30 and '30' are", () => {
    expect(() => creditExpiry(CLOCK, day("2026-12-01"), true)).toThrow(
      /^validity_days: 'true' is not a whole number/,
    );
    expect(iso(creditExpiry(CLOCK, day("2026-12-01"), 30))).toBe("2026-12-30");
    expect(iso(creditExpiry(CLOCK, day("2026-12-01"), "30"))).toBe("2026-12-30");
  });

  it("'2026-03-01garbage', a time of day and a number are not dates", () => {
    expect(() => creditExpiry(CLOCK, "2026-03-01garbage", 30)).toThrow(
      /^issue_date: '2026-03-01garbage' is not a date/,
    );
    const timeOfDay = new Date(Date.UTC(1899, 11, 30, 9, 30));
    expect(() => creditExpiry(CLOCK, timeOfDay, 30)).toThrow(/is a time of day, not a date/);
    expect(() => creditExpiry(CLOCK, 46000, 30)).toThrow(/is a number, not a date/);
  });

  it("in a range, the error names the cell inside the range", () => {
    expect(() => creditExpiry(CLOCK, [[day("2026-12-01")], ["nope"]], 30)).toThrow(
      /^issue_date: A2 — 'nope' is not a date/,
    );
  });

  it("a last usable day past 9999-12-31 is refused", () => {
    expect(() => creditExpiry(CLOCK, "9999-12-30", 30)).toThrow(/after 9999-12-31/);
  });
});

describe("the account argument", () => {
  it("one cell or a column of numbers is an error, not silently the defaults", () => {
    expect(() => creditPlan(CLOCK, CAMPAIGNS, CREDITS, 42)).toThrow(/^account: /);
    expect(() => creditPlan(CLOCK, CAMPAIGNS, CREDITS, [[1], [2], [3]])).toThrow(/^account: /);
  });

  it("an omitted account means the defaults", () => {
    expect(creditPlan(CLOCK, CAMPAIGNS, CREDITS, undefined)[1][0]).toBe("F");
  });
});
