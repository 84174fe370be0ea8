/**
 * Rendering of amounts (already in the major unit) and `YYYY-MM-DD` days, in
 * the spreadsheet's locale (the plan's `locale`, default en-US). One date
 * style throughout: the locale's short date with the year (`Dec 25, 2026`).
 */

const DEFAULT_LOCALE = "en-US";
let activeLocale = DEFAULT_LOCALE;
const moneyFormats = new Map<string, Intl.NumberFormat>();
let dateFormat: Intl.DateTimeFormat | null = null;

/** A BCP 47 tag the runtime knows (Apps Script gives `en_US`), or en-US. */
export function usableLocale(tag: string | null | undefined): string {
  if (!tag) return DEFAULT_LOCALE;
  try {
    const [canonical] = Intl.getCanonicalLocales(tag.replace(/_/g, "-"));
    return canonical && Intl.DateTimeFormat.supportedLocalesOf([canonical]).length > 0
      ? canonical
      : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

/** Sets the locale every later format uses (from the plan the server sent). */
export function setLocale(tag: string | null | undefined): void {
  const next = usableLocale(tag);
  if (next === activeLocale) return;
  activeLocale = next;
  moneyFormats.clear();
  dateFormat = null;
}

export function currentLocale(): string {
  return activeLocale;
}

/** What money is formatted by: the plan's currency and its decimals (PlanJson has both). */
export interface MoneyUnit {
  currency: string;
  /** ISO 4217 exponent (R2): every amount shows exactly this many decimals. */
  minorUnits: number;
}

function formatter(unit: MoneyUnit, compact: boolean): Intl.NumberFormat {
  const key = `${unit.currency}|${unit.minorUnits}|${compact}`;
  let found = moneyFormats.get(key);
  if (!found) {
    const digits = compact
      ? { maximumFractionDigits: Math.min(1, unit.minorUnits) }
      : { minimumFractionDigits: unit.minorUnits, maximumFractionDigits: unit.minorUnits };
    try {
      found = new Intl.NumberFormat(activeLocale, {
        style: "currency",
        currency: unit.currency,
        notation: compact ? "compact" : "standard",
        ...digits,
      });
    } catch {
      // An unknown currency code: plain number, code shown by the caller.
      found = new Intl.NumberFormat(activeLocale, digits);
    }
    moneyFormats.set(key, found);
  }
  return found;
}

export function money(amount: number, unit: MoneyUnit): string {
  return formatter(unit, false).format(amount);
}

export function compactMoney(amount: number, unit: MoneyUnit): string {
  return formatter(unit, true).format(amount);
}

const NO_DAY = "—";

/**
 * A plan day in the locale's short date (`Dec 25, 2026`), or a dash when
 * the event does not happen in the horizon. Formatted in UTC: a plan day is
 * a calendar day, not an instant (R1).
 */
export function day(date: string | null | undefined): string {
  if (!date) return NO_DAY;
  const [y, m, d] = date.split("-").map(Number);
  if (!y || !m || !d) return date;
  dateFormat ??= new Intl.DateTimeFormat(activeLocale, {
    year: "numeric",
    month: "short",
    day: "numeric",
    timeZone: "UTC",
  });
  return dateFormat.format(new Date(Date.UTC(y, m - 1, d)));
}

const MONTH_FORMATS = new Map<string, Intl.DateTimeFormat>();

/** A chart tick: month and day only (`Dec 25`); the chart's title row carries the years. */
export function tickDay(date: string): string {
  let format = MONTH_FORMATS.get(activeLocale);
  if (!format) {
    format = new Intl.DateTimeFormat(activeLocale, {
      month: "short",
      day: "numeric",
      timeZone: "UTC",
    });
    MONTH_FORMATS.set(activeLocale, format);
  }
  const [y, m, d] = date.split("-").map(Number);
  return format.format(new Date(Date.UTC(y, m - 1, d)));
}

/** Ids longer than this are shown shortened, the full id on hover and copy. */
export const ID_SHOWN_MAX = 16;

/** `7123456789012345678` → `7123…5678`: long ids stay readable in 300 px. */
export function shortId(id: string): string {
  const chars = Array.from(id);
  if (chars.length <= ID_SHOWN_MAX) return id;
  return `${chars.slice(0, 4).join("")}…${chars.slice(-4).join("")}`;
}

/** Names longer than this are cut in the DOM (CSS ellipsis does the rest); hover shows them whole. */
export const NAME_KEPT_MAX = 200;

export function keptName(name: string): string {
  return name.length <= NAME_KEPT_MAX ? name : `${name.slice(0, NAME_KEPT_MAX)}…`;
}

const MS_PER_DAY = 86_400_000;

/** `YYYY-MM-DD` plus `offset` days (UTC arithmetic: no time zone involved, R1). */
export function addDays(start: string, offset: number): string {
  const [y, m, d] = start.split("-").map(Number);
  return new Date(Date.UTC(y, m - 1, d) + offset * MS_PER_DAY).toISOString().slice(0, 10);
}

/** Whole days from `start` to `date` (both `YYYY-MM-DD`). */
export function daysBetween(start: string, date: string): number {
  const toMs = (text: string) => {
    const [y, m, d] = text.split("-").map(Number);
    return Date.UTC(y, m - 1, d);
  };
  return Math.round((toMs(date) - toMs(start)) / MS_PER_DAY);
}
