/**
 * Dates as people and exports write them (SHEETS.md "Real exports (spec
 * v3)": Locale): a month name (`Dec 1, 2026`, `1 Dec 2026`, `1-Dec-2026`)
 * is read as it stands; slash and dot dates (`12/01/2026`, `01.12.2026`)
 * follow the Account's `Date order` (MDY by default, DMY, YMD), because
 * `01/12/2026` is January 12 in one locale and December 1 in another. A
 * date that is not a date in that order is refused, never read the other
 * way round: the message says which Date order would read it.
 */
import { type Day, dayFromYmd, ymdFromDay } from "../core";
import type { EnumTable } from "./enums";

export type DateOrder = "mdy" | "dmy" | "ymd";

/** SHEETS.md: `MDY` is the default. */
export const DEFAULT_DATE_ORDER: DateOrder = "mdy";

/** Account `Date order` values and the other ways people write them. */
export const DATE_ORDER_TABLE: EnumTable<DateOrder> = {
  mdy: { label: "MDY", spellings: ["M/D/Y", "MM/DD/YYYY", "Month/Day/Year", "M.D.Y"] },
  dmy: { label: "DMY", spellings: ["D/M/Y", "DD/MM/YYYY", "Day/Month/Year", "D.M.Y"] },
  ymd: { label: "YMD", spellings: ["Y/M/D", "YYYY/MM/DD", "Year/Month/Day", "Y.M.D"] },
};

const ORDER_WORDS: Record<DateOrder, string> = {
  mdy: "month/day/year",
  dmy: "day/month/year",
  ymd: "year/month/day",
};

/** A date read from text, or why it is not one; null when the text is in none of these forms. */
export type DateTextRead = { ok: true; value: Day } | { ok: false; problem: string } | null;

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
] as const;

/** 1…12 for an English month name or its abbreviation (`Dec`, `December`, `Sept`), else 0. */
function monthNumber(word: string): number {
  const lower = word.toLowerCase();
  if (lower.length < 3) return 0;
  return MONTHS.findIndex((month) => month.startsWith(lower)) + 1;
}

/** A time of day after the date (`10:00`, `9:30:15 PM`): the date part is taken as written. */
const TIME = String.raw`(?:[ T]+(\d{1,2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:\s*([AaPp][Mm]))?)?`;

/** Whether the time groups (hour, minute, second, AM/PM) after a date are a real time of day. */
function isTimeOfDay(hour?: string, minute?: string, second?: string, half?: string): boolean {
  if (hour === undefined) return true;
  const h = Number(hour);
  const hoursOk = half === undefined ? h <= 23 : h >= 1 && h <= 12;
  return hoursOk && Number(minute) <= 59 && (second === undefined || Number(second) <= 59);
}
const WEEKDAY = String.raw`(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?`;
const ORDINAL = "(?:st|nd|rd|th)?";
// `Dec 1, 2026`, `December 1st 2026`, `Tue, Dec 1, 2026`
const MONTH_FIRST = new RegExp(
  `^${WEEKDAY}([a-z]+)\\.?\\s+(\\d{1,2})${ORDINAL},?\\s+(\\d{4})${TIME}$`,
  "i",
);
// `1 Dec 2026`, `01-Dec-2026`, `1 December, 2026`
const DAY_FIRST = new RegExp(
  `^${WEEKDAY}(\\d{1,2})${ORDINAL}[\\s-]+([a-z]+)\\.?,?[\\s-]+(\\d{4})${TIME}$`,
  "i",
);
// `12/01/2026`, `01.12.2026`, `2026/12/01`: the same separator twice.
const NUMERIC = new RegExp(`^(\\d{1,4})([/.])(\\d{1,2})\\2(\\d{1,4})\\.?${TIME}$`);

/** The day of a calendar date, or null when there is no such date (Feb 30). */
function calendarDay(year: number, month: number, dayOfMonth: number): Day | null {
  if (month < 1 || month > 12 || dayOfMonth < 1 || dayOfMonth > 31) return null;
  const day = dayFromYmd(year, month, dayOfMonth);
  const [y, m, d] = ymdFromDay(day);
  return y === year && m === month && d === dayOfMonth ? day : null;
}

const NOT_A_DATE = { ok: false, problem: "is not a date (write YYYY-MM-DD)" } as const;

function monthNameDate(monthWord: string, dayText: string, yearText: string): DateTextRead {
  const month = monthNumber(monthWord);
  if (month === 0) return NOT_A_DATE;
  const day = calendarDay(Number(yearText), month, Number(dayText));
  return day === null ? NOT_A_DATE : { ok: true, value: day };
}

/** `a/b/yyyy` in `order` (the year last), or null when that order finds no date. */
function yearLast(first: number, second: number, year: number, order: DateOrder): Day | null {
  if (order === "mdy") return calendarDay(year, first, second);
  if (order === "dmy") return calendarDay(year, second, first);
  return null;
}

function numericDate(parts: string[], order: DateOrder): DateTextRead {
  const [a, b, c] = parts;
  // A four-digit first part is a year: 2026/12/01 is year/month/day in every locale.
  if (a.length === 4) {
    const day = calendarDay(Number(a), Number(b), Number(c));
    return day === null ? NOT_A_DATE : { ok: true, value: day };
  }
  if (c.length !== 4) {
    return { ok: false, problem: "is not a date: write the year with 4 digits (or YYYY-MM-DD)" };
  }
  const day = yearLast(Number(a), Number(b), Number(c), order);
  if (day !== null) return { ok: true, value: day };
  const other = (["mdy", "dmy"] as const).find(
    (o) => o !== order && yearLast(Number(a), Number(b), Number(c), o) !== null,
  );
  const setting = `the Account's Date order is ${DATE_ORDER_TABLE[order].label} (${ORDER_WORDS[order]})`;
  if (other === undefined) return { ok: false, problem: `is not a date: ${setting}` };
  return {
    ok: false,
    problem: `is not a date in ${ORDER_WORDS[order]} order (${setting}); if your dates are ${ORDER_WORDS[other]}, set Date order to ${DATE_ORDER_TABLE[other].label} on the Account sheet`,
  };
}

/**
 * A month-name, slash or dot date, or null when `text` is none of these
 * (the caller's other forms and message apply).
 */
export function readDateText(text: string, order: DateOrder): DateTextRead {
  const first = text.charCodeAt(0);
  const startsWithDigit = first >= 48 && first <= 57;
  const numeric = startsWithDigit ? NUMERIC.exec(text) : null;
  const monthFirst = numeric || startsWithDigit ? null : MONTH_FIRST.exec(text);
  const dayFirst = numeric || monthFirst ? null : DAY_FIRST.exec(text);
  const match = numeric ?? monthFirst ?? dayFirst;
  if (!match) return null;
  // The last four groups are the time's: `4/5/2026 13:00 PM` is no time, so no date.
  const [hour, minute, second, half] = match.slice(-4);
  if (!isTimeOfDay(hour, minute, second, half)) return NOT_A_DATE;
  if (numeric) return numericDate([numeric[1], numeric[3], numeric[4]], order);
  if (monthFirst) return monthNameDate(monthFirst[1], monthFirst[2], monthFirst[3]);
  return monthNameDate(match[2], match[1], match[3]);
}
