/** R1: calendar days as integers (days since 1970-01-01, UTC-free arithmetic). */
import type { Day } from "./model";

const MS_PER_DAY = 86_400_000;

/** Day number of a proleptic Gregorian date; month is 1…12. */
export function dayFromYmd(year: number, month: number, dayOfMonth: number): Day {
  return Math.floor(Date.UTC(year, month - 1, dayOfMonth) / MS_PER_DAY);
}

/** `YYYY-MM-DD` of a day number. */
export function isoDate(day: Day): string {
  return new Date(day * MS_PER_DAY).toISOString().slice(0, 10);
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
