/**
 * Server-written sentences (warnings, recommendation reasons) shown in the
 * sidebar's one style: their `YYYY-MM-DD` days become the locale's short
 * date and their `1,234.50 USD` amounts the locale's money, each an
 * unbreakable piece; long digit ids are shortened with the full id on hover.
 * Formatting only: numbers are read back exactly as written, never added.
 */
import type { Child } from "./dom";
import type { MoneyUnit } from "./format";
import { dateText, idText, moneyText } from "./values";

const TOKEN = /(\d{4}-\d{2}-\d{2})|(-?\d{1,3}(?:,\d{3})*(?:\.\d+)?) ([A-Z]{3})\b|(\d{13,})/g;

export function richText(text: string, unit: MoneyUnit): Child[] {
  const parts: Child[] = [];
  let last = 0;
  for (const match of text.matchAll(TOKEN)) {
    const at = match.index ?? 0;
    if (at > last) parts.push(text.slice(last, at));
    const [whole, date, amount, code, id] = match;
    if (date) parts.push(dateText(date));
    else if (amount && code === unit.currency)
      parts.push(moneyText(Number(amount.replace(/,/g, "")), unit));
    else if (id) parts.push(idText(id));
    else parts.push(whole);
    last = at + whole.length;
  }
  if (last < text.length) parts.push(text.slice(last));
  return parts;
}
