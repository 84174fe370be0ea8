import { afterEach, describe, expect, it } from "vitest";
import { dayFromYmd } from "../../src/core";
import { dayInTimeZone, readWorkbook } from "../../src/sheets";
import { workbook } from "./helpers";

/** Wall-clock fields of an instant in a zone, as a UTC timestamp. */
function wallClock(instant: number, zone: string): number {
  const parts = new Intl.DateTimeFormat("en-US", {
    timeZone: zone,
    hourCycle: "h23",
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    second: "numeric",
  }).formatToParts(new Date(instant));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return Date.UTC(
    get("year"),
    get("month") - 1,
    get("day"),
    get("hour"),
    get("minute"),
    get("second"),
  );
}

/** What Sheets hands Apps Script for a date cell: the instant of local midnight in the spreadsheet zone. */
function sheetsDate(zone: string, year: number, month: number, dom: number): Date {
  const target = Date.UTC(year, month - 1, dom);
  let instant = target;
  for (let i = 0; i < 3; i++) instant += target - wallClock(instant, zone);
  return new Date(instant);
}

const SPREADSHEET_ZONES = [
  "America/Los_Angeles",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "Asia/Kolkata",
  "UTC",
];
const PROCESS_ZONES = [
  "UTC",
  "Pacific/Kiritimati",
  "Pacific/Pago_Pago",
  "America/New_York",
  "Asia/Tokyo",
];
const originalTz = process.env.TZ;

afterEach(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe("R1: Date cells become the day the sheet shows, whatever the process zone", () => {
  for (const sheetZone of SPREADSHEET_ZONES) {
    it(`spreadsheet in ${sheetZone}`, () => {
      const dates = [
        [2026, 12, 1],
        [2027, 3, 14],
        [2027, 7, 1],
        [2027, 11, 7],
      ] as const;
      for (const processZone of PROCESS_ZONES) {
        process.env.TZ = processZone;
        for (const [y, m, d] of dates) {
          const cell = sheetsDate(sheetZone, y, m, d);
          const read = readWorkbook(
            workbook({
              credits: [
                ["Credit ID", "Type", "Amount", "Issue date", "Valid until"],
                ["C1", "Free", 10, cell, sheetsDate(sheetZone, y, m, d + 1)],
              ],
            }),
            { today: dayFromYmd(2026, 12, 1), timeZone: sheetZone },
          );
          expect(read.ok && read.model.credits[0].issueDate, `${processZone} ${y}-${m}-${d}`).toBe(
            dayFromYmd(y, m, d),
          );
          expect(read.ok && read.model.credits[0].validUntil).toBe(dayFromYmd(y, m, d + 1));
        }
      }
    });
  }

  it("fixed offsets (TikTok account zones) are understood, Intl or not", () => {
    const instant = new Date("2026-12-01T07:30:00Z");
    expect(dayInTimeZone(instant, "UTC-08:00")).toBe(dayFromYmd(2026, 11, 30));
    expect(dayInTimeZone(instant, "UTC-07:00")).toBe(dayFromYmd(2026, 12, 1));
    expect(dayInTimeZone(instant, "GMT+8")).toBe(dayFromYmd(2026, 12, 1));
    expect(dayInTimeZone(instant, "+05:30")).toBe(dayFromYmd(2026, 12, 1));
    expect(() => dayInTimeZone(instant, "Nowhere/City")).toThrow(/Nowhere/);
  });
});
