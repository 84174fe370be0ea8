/**
 * Cell coercion (SHEETS.md "Cell values"): each reader takes one cell as
 * Sheets, a CSV or an xlsx reader gives it and returns the model value or a
 * short problem description. Nothing is guessed: ambiguous input is a
 * problem, and the caller turns it into an INVALID_VALUE warning (R11).
 */
import { type Day, isSupportedDay, type Money, parseIsoDate, type WarningCode } from "../core";
import { type DateOrder, readDateText } from "./dateText";
import { type EnumTable, enumDropdown, enumValues } from "./enums";
import { dayInTimeZone } from "./timeZone";
import type { Cell } from "./types";

/** A parsed cell, or its problem; `code` when the problem is not INVALID_VALUE. */
export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string; code?: WarningCode };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const bad = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

export function isBlank(cell: Cell): boolean {
  if (cell === null || cell === undefined) return true;
  if (typeof cell === "string") return cell.trim() === "";
  return false;
}

/**
 * Spreadsheet error values (`#N/A`, `#REF!`, …) as Sheets' `getValues()`
 * returns them and the xlsx loader passes them on: text, but never data.
 */
const ERROR_CELL =
  /^#(?:N\/A|REF!|VALUE!|DIV\/0!|NAME\?|NUM!|NULL!|ERROR!|SPILL!|CALC!|GETTING_DATA|FIELD!|BLOCKED!|CONNECT!|BUSY!|UNKNOWN!)$/;

/** The error value of an error cell (`#N/A`), else null. */
export function errorCellValue(cell: Cell): string | null {
  // Every cell read passes here: most hold no `#`, so the pattern need not run.
  if (typeof cell !== "string" || cell.length > 20 || !cell.includes("#")) return null;
  const text = cell.trim();
  return ERROR_CELL.test(text) ? text : null;
}

function errorCellProblem<T>(cell: Cell): Parsed<T> | null {
  const error = errorCellValue(cell);
  return error === null ? null : bad(`is an error cell (${error}), not a value`);
}

/**
 * Characters that show as nothing (zero-width space and joiners, word
 * joiner, BOM, soft hyphen) or only reorder text (bidi marks, embeddings,
 * overrides, isolates): an id holding one looks like another id but is not.
 */
const INVISIBLE =
  /\u034f|[\u00ad\u061c\u180e\u200b-\u200f\u202a-\u202e\u2060-\u2064\u2066-\u206f\ufeff]/g;

/** The invisible characters of `text` as `U+200B` labels, each once, in order; [] for none. */
export function invisibleCharacters(text: string): string[] {
  const found = text.match(INVISIBLE);
  if (!found) return [];
  return [...new Set(found)].map(
    (ch) => `U+${ch.charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`,
  );
}

/** How a cell is shown inside a message: short, on one line. */
export function showCell(cell: Cell): string {
  let text: string;
  if (cell instanceof Date)
    text = Number.isNaN(cell.getTime()) ? "Invalid Date" : cell.toISOString();
  else text = String(cell);
  text = text.replace(/\s+/g, " ").trim();
  return text.length > 40 ? `${text.slice(0, 37)}…` : text;
}

/** Plain decimal text of a number, never with an exponent. */
export function plainNumberText(value: number): string {
  if (Number.isInteger(value)) {
    return Number.isSafeInteger(value) ? String(value) : BigInt(value).toString();
  }
  const text = String(value);
  if (!/e/i.test(text)) return text;
  return value.toFixed(20).replace(/\.?0+$/, "");
}

/** Text of a cell (names, ad products). Dates become their ISO day in `timeZone`. */
export function readText(cell: Cell, timeZone: string): string {
  if (cell === null || cell === undefined) return "";
  if (typeof cell === "number") return plainNumberText(cell);
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return "";
    const day = dayInTimeZone(cell, timeZone);
    return new Date(day * 86_400_000).toISOString().slice(0, 10);
  }
  return String(cell).trim();
}

/** SHEETS "Real exports": what an id that went through a number cell looks like. */
const SCIENTIFIC_ID = /^[+-]?\d(?:\.\d+)?e\+?\d+$/i;
/** The smallest 16-digit number: a number cell keeps 15 significant digits. */
const SIXTEEN_DIGITS = 1e15;

const ID_PRECISION_LOST: Parsed<never> = {
  ok: false,
  code: "ID_PRECISION_LOST",
  problem:
    "— the id was stored as a number and lost digits; format the column as Plain text and paste the ids again",
};

/**
 * An id that a spreadsheet stored as a number: a number of 16 or more digits
 * (only 15 are kept) or text in scientific notation (`1.79E+18`). Its digits
 * are gone, so two ids may have become one.
 */
function lostDigits(cell: Cell): boolean {
  if (typeof cell === "number") return Math.abs(cell) >= SIXTEEN_DIGITS;
  return typeof cell === "string" && SCIENTIFIC_ID.test(cell.trim());
}

/**
 * Ids stay text: a 19-digit id keeps every digit when the cell is text. An
 * id that lost digits is ID_PRECISION_LOST (an error: the row is skipped),
 * never a guess at the id it was.
 */
export function readId(cell: Cell): Parsed<string> {
  if (lostDigits(cell)) return ID_PRECISION_LOST;
  if (typeof cell === "number") {
    return Number.isFinite(cell) ? ok(plainNumberText(cell)) : bad("is not an id");
  }
  if (cell instanceof Date) return bad("is a date, not an id");
  if (typeof cell === "boolean") return bad("is not an id");
  const error = errorCellProblem<string>(cell);
  if (error) return error;
  return ok(String(cell ?? "").trim());
}

/** A list of ids (Assigned campaigns): readList, with ids that lost digits refused as in readId. */
export function readIdList(cell: Cell, timeZone: string): Parsed<string[]> {
  if (lostDigits(cell)) return ID_PRECISION_LOST;
  const ids = readList(cell, timeZone);
  return ids.some(lostDigits) ? ID_PRECISION_LOST : ok(ids);
}

export interface MoneyFormat {
  currency: string;
  minorUnits: number;
  /** Currency symbols and code accepted around a text amount, longest first. */
  readonly marks: readonly string[];
}

/** One format per currency: its marks are built once. */
const moneyFormats = new Map<string, MoneyFormat>();

/** The symbols (`$`, `US$`) and code of a currency, as text amounts may carry them (shared: do not modify). */
export function moneyFormat(currency: string, minorUnits: number): MoneyFormat {
  const key = `${currency}/${minorUnits}`;
  let format = moneyFormats.get(key);
  if (!format) {
    format = newMoneyFormat(currency, minorUnits);
    moneyFormats.set(key, format);
  }
  return format;
}

function newMoneyFormat(currency: string, minorUnits: number): MoneyFormat {
  let marks: readonly string[] | undefined;
  return {
    currency,
    minorUnits,
    // Built when an amount first carries more than digits: the first Intl
    // formatter loads the locale data (tens of ms), and most sheets hold plain amounts.
    get marks() {
      if (marks === undefined) marks = currencyMarks(currency);
      return marks;
    },
  };
}

/** The currency's code and symbols, longest first. */
function currencyMarks(currency: string): string[] {
  const marks = new Set<string>([currency.toUpperCase()]);
  // en-US shows USD as "$", en-GB as "US$": both are accepted.
  for (const [locale, currencyDisplay] of [
    ["en-US", "symbol"],
    ["en-GB", "symbol"],
    ["en-US", "narrowSymbol"],
  ] as const) {
    try {
      const parts = new Intl.NumberFormat(locale, {
        style: "currency",
        currency,
        currencyDisplay,
      }).formatToParts(1);
      for (const part of parts) if (part.type === "currency") marks.add(part.value);
    } catch {
      // Unknown currency: only its code is accepted.
    }
  }
  return [...marks].sort((a, b) => b.length - a.length);
}

const PLAIN_DECIMAL = /^(\d+|\d{1,3}(?:,\d{3})+)(?:\.(\d+))?$/;

/**
 * R2: exact decimal text (`1234.5`, `1,234.50`) to minor units, rounding half
 * away from zero. Null when the digits do not form a plain decimal,
 * TOO_LARGE when the result exceeds 2^53 minor units (beyond that integers
 * are no longer exact, so sums of money would be wrong).
 */
function decimalToMinor(text: string, minorUnits: number): number | null | typeof TOO_LARGE {
  const m = PLAIN_DECIMAL.exec(text);
  if (!m) return null;
  const whole = m[1].replace(/,/g, "");
  const fraction = m[2] ?? "";
  const kept = fraction.slice(0, minorUnits).padEnd(minorUnits, "0");
  const roundUp = fraction.length > minorUnits && fraction.charCodeAt(minorUnits) >= 53; // "5"
  const digits = whole + kept;
  if (digits.length <= 15) return Number(digits) + (roundUp ? 1 : 0);
  let minor = BigInt(digits);
  if (roundUp) minor += BigInt(1); // not `1n`: Code.js targets ES2019
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return TOO_LARGE;
  return Number(minor);
}

const TOO_LARGE = "too large";

function stripCurrencyMarks(text: string, format: MoneyFormat): string {
  // Plain digits carry no mark: the common case costs one character test.
  const first = text.charCodeAt(0);
  const last = text.charCodeAt(text.length - 1);
  if (first >= 48 && first <= 57 && last >= 48 && last <= 57) return text;
  const upper = text.toUpperCase();
  for (const mark of format.marks) {
    const markUpper = mark.toUpperCase();
    if (upper.startsWith(markUpper)) return text.slice(mark.length).trim();
    if (upper.endsWith(markUpper)) return text.slice(0, text.length - mark.length).trim();
  }
  return text;
}

/**
 * Money: a number, or text holding a plain decimal with a dot, optionally
 * with the account currency's symbol or code and comma thousands separators
 * in groups of three. Never negative unless `allowNegative` (Cash balance).
 */
export function readMoney(cell: Cell, format: MoneyFormat, allowNegative = false): Parsed<Money> {
  const error = errorCellProblem<Money>(cell);
  if (error) return error;
  let negative = false;
  let digits: string;
  if (typeof cell === "number") {
    if (!Number.isFinite(cell)) return bad("is not a number");
    // Past 2^53 minor units plainNumberText would spell out hundreds of digits: refuse first.
    if (Math.abs(cell) * 10 ** format.minorUnits > Number.MAX_SAFE_INTEGER) {
      return bad(tooLargeProblem(format));
    }
    negative = cell < 0;
    digits = plainNumberText(Math.abs(cell));
  } else if (typeof cell === "string") {
    let text = cell.trim();
    if (text.includes("\u00a0")) text = text.replace(/\u00a0/g, " ");
    if (text.startsWith("-") || text.startsWith("−")) {
      negative = true;
      text = text.slice(1).trim();
    }
    text = stripCurrencyMarks(text, format);
    if (text.startsWith("-") || text.startsWith("−")) {
      if (negative) return bad("is not a number");
      negative = true;
      text = text.slice(1).trim();
    }
    if (text.startsWith("+")) text = text.slice(1);
    digits = text;
  } else if (typeof cell === "boolean") {
    return bad("is not a number");
  } else if (cell instanceof Date) {
    return bad("is a date, not an amount");
  } else {
    return bad("is empty");
  }
  const minor = decimalToMinor(digits, format.minorUnits);
  if (minor === TOO_LARGE) return bad(tooLargeProblem(format));
  if (minor === null) {
    return bad(
      typeof cell === "string" && /\d/.test(cell)
        ? `is not a plain amount (write it like 1234.50 or 1,234.50 ${format.currency})`
        : "is not a number",
    );
  }
  if (negative && minor !== 0) {
    if (!allowNegative) return bad("is negative");
    return ok(-minor);
  }
  return ok(minor);
}

function tooLargeProblem(format: MoneyFormat): string {
  const largest = Math.floor(Number.MAX_SAFE_INTEGER / 10 ** format.minorUnits);
  return `is too large (the planner counts money exactly up to ${largest.toLocaleString("en-US")} ${format.currency})`;
}

/** Percent: `85%`, `0.85` or a percent-formatted cell (0.85); a bare 85 is invalid. */
export function readPercent(cell: Cell): Parsed<number> {
  const error = errorCellProblem<number>(cell);
  if (error) return error;
  let value: number;
  if (typeof cell === "number") {
    value = cell;
  } else if (typeof cell === "string") {
    const text = cell.trim();
    const withSign = /^(\d+(?:\.\d+)?)\s*%$/.exec(text);
    if (withSign) value = Number(withSign[1]) / 100;
    else if (/^\d*\.?\d+$/.test(text)) value = Number(text);
    else return bad("is not a percentage");
  } else {
    return bad("is not a percentage");
  }
  if (!Number.isFinite(value) || value < 0) return bad("is not a percentage");
  if (value > 1) return bad("is above 100% (write 85% or 0.85)");
  return ok(value);
}

/** Whole numbers within [min, max]; `30` or `30.0`. */
export function readInteger(cell: Cell, min: number, max: number): Parsed<number> {
  const error = errorCellProblem<number>(cell);
  if (error) return error;
  let value: number;
  if (typeof cell === "number") value = cell;
  else if (typeof cell === "string" && /^[+-]?\d+(?:\.0+)?$/.test(cell.trim()))
    value = Number(cell.trim());
  else return bad("is not a whole number");
  if (!Number.isInteger(value)) return bad("is not a whole number");
  if (value < min || value > max) return bad(`is outside ${min}…${max}`);
  return ok(value);
}

// `2021-10-27 00:00:00`, `2021-09-15 5:00:00`, `2021-10-22T00:00:00.000000Z`, `…+08:00`.
const API_DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:\s*(?:Z|UTC|[+-]\d{2}(?::?\d{2})?))?$/;

/**
 * Dates (R1): a real date cell becomes the calendar day it shows in
 * `timeZone`; text is ISO `YYYY-MM-DD`, or a date and time as the API and
 * connectors write them (`YYYY-MM-DD H:MM:SS`, ISO with fraction and zone),
 * whose date part is taken as written (spec v3), or a month-name, slash or
 * dot date read in the Account's `order` (dateText.ts).
 * A number in a date cell is refused: it is ambiguous (a serial number, a
 * timestamp or a typo) and Sheets hands real dates as Date objects.
 */
export function readDate(cell: Cell, timeZone: string, order: DateOrder): Parsed<Day> {
  if (typeof cell !== "string") return supportedDay(readAnyDate(cell, timeZone, order));
  // Text is read the same in every zone: a report repeats each day on many rows.
  const known = textDates(order);
  let parsed = known.get(cell);
  if (parsed === undefined) {
    parsed = supportedDay(readAnyDate(cell, timeZone, order));
    if (known.size >= MAX_TEXT_DATES) known.clear();
    known.set(cell, parsed);
  }
  return parsed;
}

function supportedDay(parsed: Parsed<Day>): Parsed<Day> {
  if (parsed.ok && !isSupportedDay(parsed.value)) {
    return bad("is outside 1900-01-01 … 9999-12-31, the dates the planner supports");
  }
  return parsed;
}

/** Date cells' text already read, by Date order; forgotten past a bound on memory. */
const textDatesByOrder = new Map<DateOrder, Map<string, Parsed<Day>>>();
const MAX_TEXT_DATES = 10_000;

function textDates(order: DateOrder): Map<string, Parsed<Day>> {
  let known = textDatesByOrder.get(order);
  if (known === undefined) {
    known = new Map();
    textDatesByOrder.set(order, known);
  }
  return known;
}

const SPREADSHEET_DAY_ZERO: Day = -25569; // 1899-12-30

function readAnyDate(cell: Cell, timeZone: string, order: DateOrder): Parsed<Day> {
  const error = errorCellProblem<Day>(cell);
  if (error) return error;
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return bad("is not a valid date");
    const day = dayInTimeZone(cell, timeZone);
    // Sheets and Excel give a time-of-day cell as that time on their day zero, 1899-12-30.
    if (day === SPREADSHEET_DAY_ZERO) return bad("is a time of day, not a date");
    return ok(day);
  }
  if (typeof cell === "number") return bad("is a number, not a date (write YYYY-MM-DD)");
  if (typeof cell !== "string") return bad("is not a date (write YYYY-MM-DD)");
  const text = cell.trim();
  const withTime = API_DATE_TIME.exec(text);
  const day = parseIsoDate(withTime ? withTime[1] : text);
  if (day !== null) return ok(day);
  // Spec v3 "Locale": month names, and slash or dot dates in the Account's Date order.
  return readDateText(text, order) ?? bad("is not a date (write YYYY-MM-DD)");
}

/** Lists: comma, semicolon or new line; spaces trimmed; empty items dropped. */
export function readList(cell: Cell, timeZone: string): string[] {
  if (isBlank(cell)) return [];
  if (typeof cell !== "string") return [readText(cell, timeZone)];
  return cell
    .split(/[,;\r\n]+/)
    .map((item) => item.trim())
    .filter((item) => item !== "");
}

/** Lists of dates (Holidays); `Dec 25, 2026, Jan 1, 2027` is two dates, each holding a comma. */
export function readDateList(cell: Cell, timeZone: string, order: DateOrder): Parsed<Day[]> {
  if (isBlank(cell)) return ok([]);
  if (typeof cell !== "string") {
    const one = readDate(cell, timeZone, order);
    return one.ok ? ok([one.value]) : one;
  }
  const days: Day[] = [];
  const items = readList(cell, timeZone);
  for (let i = 0; i < items.length; i++) {
    let day = readDate(items[i], timeZone, order);
    if (!day.ok && i + 1 < items.length) {
      const joined = readDate(`${items[i]}, ${items[i + 1]}`, timeZone, order);
      if (joined.ok) {
        day = joined;
        i++;
      }
    }
    if (!day.ok) return bad(`has '${showCell(items[i])}', which ${day.problem}`);
    days.push(day.value);
  }
  return ok(days);
}

/** Key used to compare headers, settings and enum values: case, spaces, `_ - .` ignored. */
export function normalizeKey(text: string): string {
  return text.toLowerCase().replace(/[\s_.-]+/g, "");
}

/** Yes/No settings: Yes, No, True, False, Y, N, 1, 0, or a checkbox. */
export function readYesNo(cell: Cell): Parsed<boolean> {
  const error = errorCellProblem<boolean>(cell);
  if (error) return error;
  if (typeof cell === "boolean") return ok(cell);
  if (typeof cell === "number" && (cell === 0 || cell === 1)) return ok(cell === 1);
  if (typeof cell === "string") {
    const key = normalizeKey(cell);
    if (["yes", "y", "true", "1", "on"].includes(key)) return ok(true);
    if (["no", "n", "false", "0", "off"].includes(key)) return ok(false);
  }
  return bad("is not Yes or No");
}

/** Enum values by normalized spelling; `choices` lists the spellings to show in the message. */
export function readEnum<T>(
  cell: Cell,
  spellings: ReadonlyMap<string, T>,
  choices: string,
): Parsed<T> {
  const error = errorCellProblem<T>(cell);
  if (error) return error;
  if (typeof cell !== "string") return bad(`is not one of ${choices}`);
  // Most cells are spelled exactly as a listed value: skip normalizing those.
  const value = spellings.get(cell) ?? spellings.get(normalizeKey(cell));
  return value === undefined ? bad(`is not one of ${choices}`) : ok(value);
}

const spellingMaps = new WeakMap<EnumTable<string>, ReadonlyMap<string, string>>();

/** Spelling → value of an enum table: each label and spelling, as written and normalized. */
export function enumSpellings<T extends string>(table: EnumTable<T>): ReadonlyMap<string, T> {
  let map = spellingMaps.get(table) as ReadonlyMap<string, T> | undefined;
  if (!map) {
    const built = new Map<string, T>();
    for (const value of enumValues(table)) {
      for (const spelling of [table[value].label, ...table[value].spellings]) {
        built.set(normalizeKey(spelling), value);
        built.set(spelling, value);
      }
    }
    spellingMaps.set(table, built);
    map = built;
  }
  return map;
}

/** The labels a message offers: "Active, Scheduled, Paused". */
export function enumChoices<T extends string>(table: EnumTable<T>): string {
  return enumDropdown(table).join(", ");
}

/** A cell read as a value of an enum table (its labels and spellings). */
export function readEnumCell<T extends string>(cell: Cell, table: EnumTable<T>): Parsed<T> {
  // The choices text is only built for a cell that is not a value (hot path: 100,000 rows).
  const value = typeof cell === "string" ? enumValueOf(table, cell) : null;
  return value === null ? bad(`is not one of ${enumChoices(table)}`) : ok(value);
}

/** Free text (a custom-function argument) as a value of the table, or null. */
export function enumValueOf<T extends string>(table: EnumTable<T>, text: string): T | null {
  const map = enumSpellings(table);
  return map.get(text) ?? map.get(normalizeKey(text)) ?? null;
}
