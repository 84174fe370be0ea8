/**
 * R1 at the Apps Script edge: Sheets hands a custom function `Date`s built
 * for local midnight in the spreadsheet's time zone and shows returned
 * `Date`s in that zone, whatever zone the script runs in. These helpers
 * convert between such Dates and engine days using only the spreadsheet zone.
 */
import type { Day } from "../core";

const MS_PER_DAY = 86_400_000;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock time the zone shows at `instant`, as if it were UTC milliseconds. */
function wallClock(instantMs: number, timeZone: string): number {
  const fields: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") fields[part.type] = Number(part.value);
  }
  return Date.UTC(
    fields.year,
    fields.month - 1,
    fields.day,
    fields.hour,
    fields.minute,
    fields.second,
  );
}

/** The calendar day the zone shows at that instant. */
export function dayInZone(date: Date, timeZone: string): Day {
  return Math.floor(wallClock(date.getTime(), timeZone) / MS_PER_DAY);
}

/** `YYYY-MM-DD HH:MM:SS` wall-clock text of an instant in the zone. */
export function timestampInZone(date: Date, timeZone: string): string {
  return new Date(wallClock(date.getTime(), timeZone)).toISOString().slice(0, 19).replace("T", " ");
}

/**
 * A Date at local midnight of `day` in the zone (or the first instant of that
 * day when midnight is skipped by a clock change), so Sheets shows `day`.
 */
export function dateForDay(day: Day, timeZone: string): Date {
  const utcMidnight = day * MS_PER_DAY;
  let instant = utcMidnight - (wallClock(utcMidnight, timeZone) - utcMidnight);
  const offset = wallClock(instant, timeZone) - instant;
  instant = utcMidnight - offset;
  if (dayInZone(new Date(instant), timeZone) < day) instant += 3_600_000;
  return new Date(instant);
}

/** Converts many days at once, building each day's Date only once. */
export function dayDates(timeZone: string): (day: Day) => Date {
  const cache = new Map<Day, number>();
  return (day) => {
    let ms = cache.get(day);
    if (ms === undefined) {
      ms = dateForDay(day, timeZone).getTime();
      cache.set(day, ms);
    }
    return new Date(ms);
  };
}
