/** Rendering of amounts (already in the major unit) and `YYYY-MM-DD` days. */

const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${compact}`;
  let found = formatters.get(key);
  if (!found) {
    try {
      found = new Intl.NumberFormat("en-US", {
        style: "currency",
        currency,
        notation: compact ? "compact" : "standard",
        maximumFractionDigits: compact ? 1 : undefined,
      });
    } catch {
      // An unknown currency code: plain number, code shown by the caller.
      found = new Intl.NumberFormat("en-US", { maximumFractionDigits: 2 });
    }
    formatters.set(key, found);
  }
  return found;
}

export function money(amount: number, currency: string): string {
  return formatter(currency, false).format(amount);
}

export function compactMoney(amount: number, currency: string): string {
  return formatter(currency, true).format(amount);
}

/** A plan date or a dash when the event does not happen in the horizon. */
export function day(date: string | null): string {
  return date ?? "—";
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/**
 * A compact day for narrow table cells: `Dec 3`, with the year (`Jan 1 ’27`)
 * when it differs from the plan start's year. A dash when there is no day.
 */
export function shortDay(date: string | null, planStart: string): string {
  if (date === null) return "—";
  const [year, month, dom] = date.split("-");
  const text = `${MONTHS[Number(month) - 1]} ${Number(dom)}`;
  return year === planStart.slice(0, 4) ? text : `${text} ’${year.slice(2)}`;
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
