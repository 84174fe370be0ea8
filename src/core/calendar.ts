/** R1: calendar days as integers (days since 1970-01-01, UTC-free arithmetic). */
import type { Day } from "./model";

/**
 * Day number of a proleptic Gregorian date; month is 1…12. Pure arithmetic
 * (H. Hinnant's days_from_civil): no Date, so no time zone can leak in.
 */
export function dayFromYmd(year: number, month: number, dayOfMonth: number): Day {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + dayOfMonth - 1;
  const dayOfEra =
    yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146_097 + dayOfEra - 719_468;
}

/** Year, month (1…12) and day of month of a day number (civil_from_days). */
export function ymdFromDay(day: Day): [number, number, number] {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const dayOfEra = z - era * 146_097;
  const yearOfEra = Math.floor(
    (dayOfEra -
      Math.floor(dayOfEra / 1460) +
      Math.floor(dayOfEra / 36_524) -
      Math.floor(dayOfEra / 146_096)) /
      365,
  );
  const dayOfYear =
    dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
  const mp = Math.floor((5 * dayOfYear + 2) / 153);
  const dayOfMonth = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
  return [year, month, dayOfMonth];
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: Day): string {
  const [year, month, dom] = ymdFromDay(day);
  const pad = (n: number, width: number) => String(n).padStart(width, "0");
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(dom, 2)}`;
}

/** Parses strict `YYYY-MM-DD`; null when it is not a real calendar date. */
export function parseIsoDate(text: string): Day | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return null;
  const [year, month, dom] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (month < 1 || month > 12 || dom < 1 || dom > 31) return null;
  const day = dayFromYmd(year, month, dom);
  return isoDate(day) === `${m[1]}-${m[2]}-${m[3]}` ? day : null;
}

/**
 * R1: the days the planner supports, 1900-01-01 … 9999-12-31: spreadsheets
 * show no earlier dates reliably (Excel's serials start in 1900) and ISO
 * text has four-digit years, so a plan past 9999 could not be written back.
 */
export const FIRST_SUPPORTED_DAY: Day = dayFromYmd(1900, 1, 1);
export const LAST_SUPPORTED_DAY: Day = dayFromYmd(9999, 12, 31);

export function isSupportedDay(day: Day): boolean {
  return day >= FIRST_SUPPORTED_DAY && day <= LAST_SUPPORTED_DAY;
}

/** 0 = Sunday … 6 = Saturday. 1970-01-01 was a Thursday. */
export function dayOfWeek(day: Day): number {
  return (((day + 4) % 7) + 7) % 7;
}

/** R1: Monday–Friday, minus the Account `Holidays`. */
export function isBusinessDay(day: Day, holidays: ReadonlySet<Day>): boolean {
  const dow = dayOfWeek(day);
  return dow !== 0 && dow !== 6 && !holidays.has(day);
}

/**
 * The `count`-th business day after `day`, counting from the day after it
 * (R7: Thursday + 7 business days = the Monday 1½ weeks later).
 */
export function addBusinessDays(day: Day, count: number, holidays: ReadonlySet<Day>): Day {
  let current = day;
  let left = count;
  while (left > 0) {
    current += 1;
    if (isBusinessDay(current, holidays)) left -= 1;
  }
  return current;
}
