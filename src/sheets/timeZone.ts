/**
 * R1: turning an instant into the calendar day a spreadsheet (or an ad
 * account) shows, whatever zone the process runs in. IANA names go through
 * Intl.DateTimeFormat; fixed offsets such as `UTC-08:00` (TikTok account
 * zones, which Intl does not accept) are applied by hand.
 */
import { type Day, dayFromYmd } from "../core";

const MS_PER_MINUTE = 60_000;
const MS_PER_DAY = 86_400_000;
const FIXED_OFFSET = /^(?:UTC|GMT)?\s*([+-])\s*(\d{1,2})(?::?(\d{2}))?$/i;

/** Epoch milliseconds → calendar day. */
type DayOfInstant = (instantMs: number) => Day;

const converters = new Map<string, DayOfInstant | null>();

function fixedOffsetMinutes(zone: string): number | null {
  const m = FIXED_OFFSET.exec(zone.trim());
  if (!m) return null;
  const hours = Number(m[2]);
  const minutes = m[3] === undefined ? 0 : Number(m[3]);
  if (hours > 14 || minutes > 59) return null;
  return (m[1] === "-" ? -1 : 1) * (hours * 60 + minutes);
}

function makeConverter(zone: string): DayOfInstant | null {
  const trimmed = zone.trim();
  if (/^(utc|gmt|z)$/i.test(trimmed)) {
    return (instantMs) => Math.floor(instantMs / MS_PER_DAY);
  }
  const offset = fixedOffsetMinutes(trimmed);
  if (offset !== null) {
    return (instantMs) => Math.floor((instantMs + offset * MS_PER_MINUTE) / MS_PER_DAY);
  }
  let format: Intl.DateTimeFormat;
  try {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone: trimmed,
      year: "numeric",
      month: "numeric",
      day: "numeric",
    });
  } catch {
    return null;
  }
  return (instantMs) => {
    let year = 0;
    let month = 0;
    let dom = 0;
    for (const part of format.formatToParts(instantMs)) {
      if (part.type === "year") year = Number(part.value);
      else if (part.type === "month") month = Number(part.value);
      else if (part.type === "day") dom = Number(part.value);
    }
    return dayFromYmd(year, month, dom);
  };
}

function converterFor(zone: string): DayOfInstant | null {
  let converter = converters.get(zone);
  if (converter === undefined) {
    converter = makeConverter(zone);
    converters.set(zone, converter);
  }
  return converter;
}

/** True when `zone` is an IANA name or a fixed offset the planner understands. */
export function isKnownTimeZone(zone: string): boolean {
  return converterFor(zone) !== null;
}

/**
 * The calendar day of an instant (a Date or epoch milliseconds) in `zone`
 * (R1). Throws on an unknown zone; check with `isKnownTimeZone` first when
 * the zone comes from a user.
 */
export function dayInTimeZone(instant: Date | number, zone = "UTC"): Day {
  const converter = converterFor(zone);
  if (converter === null) throw new Error(`Unknown time zone '${zone}'`);
  return converter(typeof instant === "number" ? instant : instant.getTime());
}
