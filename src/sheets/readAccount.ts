/**
 * The Account sheet (SHEETS.md "Account"): Setting/Value rows, header row
 * optional, every setting optional with its default. Read first, because
 * its currency sets the minor unit of every amount (R2).
 */
import {
  type Account,
  type Day,
  defaultAccount,
  isUnitlessCurrency,
  type Money,
  minorUnitsOf,
  type Warning,
} from "../core";
import { a1 } from "./a1";
import {
  isBlank,
  moneyFormat,
  normalizeKey,
  type Parsed,
  readDate,
  readDateList,
  readEnumCell,
  readInteger,
  readMoney,
  readPercent,
  readYesNo,
  showCell,
} from "./cells";
import { ACCOUNT_SETTINGS, type AccountSettingField } from "./columns";
import { DATE_ORDER_TABLE, type DateOrder, DEFAULT_DATE_ORDER } from "./dateText";
import {
  ACCOUNT_TIER_TABLE,
  CREDIT_ORDER_TABLE,
  FALLBACK_PAYMENT_TABLE,
  FORECAST_FROM_TABLE,
} from "./enums";
import { isBlankRow, makeWarning } from "./rowReader";
import { isKnownTimeZone } from "./timeZone";
import { type Cell, SHEET_NAMES, type Table } from "./types";

const SHEET = SHEET_NAMES.account;

interface SettingSpelling {
  field: AccountSettingField;
  name: string;
  /** Precedence among the spellings of one setting: lower wins (spec v3). */
  rank: number;
}

const SETTING_BY_KEY = new Map<string, SettingSpelling>();
for (const setting of ACCOUNT_SETTINGS) {
  const spellings: readonly string[] =
    "spellings" in setting ? setting.spellings : [setting.name, ...setting.aliases];
  spellings.forEach((spelling, rank) => {
    const key = normalizeKey(spelling);
    if (!SETTING_BY_KEY.has(key)) {
      SETTING_BY_KEY.set(key, { field: setting.field, name: setting.name, rank });
    }
  });
}

interface SettingCell {
  rowIndex: number;
  columnIndex: number;
  value: Cell;
  rank: number;
}

/** The settings found, and how the sheet is laid out (for the warnings of spec v3). */
interface Collected {
  settings: Map<AccountSettingField, SettingCell[]>;
  /** Table form (one header row of setting names, one value row): the value row read, or -1. */
  valueRow: number;
  /** Table form: the value rows after the first, which are not read. */
  extraRows: number[];
  /** 0-based header row of the table form, or -1. */
  tableHeader: number;
}

function settingOf(cell: Cell): SettingSpelling | undefined {
  if (typeof cell !== "string" || cell.length > 100) return undefined;
  return SETTING_BY_KEY.get(normalizeKey(cell));
}

/** Where the Setting and Value columns are, and the first row of settings; null when there is no such header. */
function settingValueHeader(
  table: Table,
): { setting: number; value: number; firstRow: number } | null {
  for (let r = 0; r < table.length; r++) {
    const row = table[r];
    if (!Array.isArray(row)) continue;
    const keys = row.map((cell) => (typeof cell === "string" ? normalizeKey(cell) : ""));
    const setting = keys.indexOf("setting");
    const value = keys.indexOf("value");
    if (setting >= 0 && value >= 0) return { setting, value, firstRow: r + 1 };
  }
  return null;
}

/**
 * The table form (spec v3): a connector's advertiser table, with a header
 * row naming two or more settings (`currency`, `timezone`, `balance`…) and
 * the values in the row below. A Setting/Value sheet never has two setting
 * names in one row.
 */
function tableFormHeader(table: Table): number {
  for (let r = 0; r < table.length; r++) {
    const row = table[r];
    if (!Array.isArray(row)) continue;
    let named = 0;
    for (const cell of row) if (settingOf(cell)) named += 1;
    if (named >= 2) return r;
  }
  return -1;
}

function add(
  found: Map<AccountSettingField, SettingCell[]>,
  field: AccountSettingField,
  entry: SettingCell,
) {
  const list = found.get(field) ?? [];
  list.push(entry);
  // Stable: the best-ranked spelling first, then sheet order.
  list.sort((a, b) => a.rank - b.rank);
  found.set(field, list);
}

/** Setting → every Value cell given for it, best spelling first, then in sheet order. */
function collectSettings(table: Table): Collected {
  const found = new Map<AccountSettingField, SettingCell[]>();
  const header = settingValueHeader(table);
  const tableHeader = header === null ? tableFormHeader(table) : -1;
  if (tableHeader >= 0) {
    const names = table[tableHeader];
    const valueRows: number[] = [];
    for (let r = tableHeader + 1; r < table.length; r++) {
      if (!isBlankRow(table[r])) valueRows.push(r);
    }
    const [first, ...extraRows] = valueRows;
    if (first !== undefined) {
      names.forEach((cell, column) => {
        const spec = settingOf(cell);
        if (spec) {
          add(found, spec.field, {
            rowIndex: first,
            columnIndex: column,
            value: table[first][column],
            rank: spec.rank,
          });
        }
      });
    }
    return { settings: found, valueRow: first ?? -1, extraRows, tableHeader };
  }
  const { setting, value, firstRow } = header ?? { setting: 0, value: 1, firstRow: 0 };
  for (let r = firstRow; r < table.length; r++) {
    const row = table[r];
    if (!Array.isArray(row)) continue;
    const spec = settingOf(row[setting]);
    if (!spec) continue;
    add(found, spec.field, { rowIndex: r, columnIndex: value, value: row[value], rank: spec.rank });
  }
  return { settings: found, valueRow: -1, extraRows: [], tableHeader: -1 };
}

function readCurrency(cell: Cell): Parsed<string> {
  const text = typeof cell === "string" ? cell.trim() : "";
  if (!/^[A-Za-z]{3}$/.test(text))
    return { ok: false, problem: "is not a 3-letter currency code (ISO 4217)" };
  const code = text.toUpperCase();
  if (!isKnownCurrency(code)) {
    return { ok: false, problem: "is not an ISO 4217 currency code (e.g. USD, EUR, JPY)" };
  }
  return { ok: true, value: code };
}

function readTimeZone(cell: Cell): Parsed<string> {
  const text = typeof cell === "string" ? cell.trim() : "";
  if (text === "" || !isKnownTimeZone(text)) {
    return { ok: false, problem: "is not a time zone (write an IANA name or UTC-08:00)" };
  }
  return { ok: true, value: text };
}

function readAssignmentLimit(cell: Cell): Parsed<number | null> {
  if (typeof cell === "string" && normalizeKey(cell) === "byissuedate")
    return { ok: true, value: null };
  return readInteger(cell, 1, 1000);
}

let knownCurrencies: ReadonlySet<string> | null | undefined;

/**
 * ISO 4217 codes as the runtime's Intl data lists them (Node and Apps
 * Script's V8 both have `Intl.supportedValuesOf`), plus the codes ISO gives
 * no minor unit (XAU, XDR…), which some runtimes leave out. Without
 * `supportedValuesOf` (an older runtime) every well-formed code is taken.
 */
function isKnownCurrency(code: string): boolean {
  if (knownCurrencies === undefined) {
    const intl = Intl as { supportedValuesOf?: (key: string) => string[] };
    knownCurrencies =
      typeof intl.supportedValuesOf === "function"
        ? new Set(intl.supportedValuesOf("currency"))
        : null;
  }
  return knownCurrencies === null || knownCurrencies.has(code) || isUnitlessCurrency(code);
}

export interface AccountRead {
  account: Account;
  warnings: Warning[];
  /** `Credit balance` (valid_grant_balance): what TikTok says is left in credits, or null. */
  creditBalance: Money | null;
  /** `Date order`: how slash and dot dates of every sheet are read (spec v3). */
  dateOrder: DateOrder;
}

/**
 * The zone named by the Account sheet's `Time zone` setting, or null. Shells
 * use it to compute "today" before reading the workbook.
 */
export function accountTimeZone(table: Table | undefined): string | null {
  if (!table) return null;
  const cell = collectSettings(table).settings.get("timeZone")?.[0]?.value;
  const zone = readTimeZone(cell ?? null);
  return zone.ok ? zone.value : null;
}

export function readAccount(table: Table | undefined, today: Day, timeZone: string): AccountRead {
  const account = defaultAccount(today);
  const warnings: Warning[] = [];
  account.source = { sheet: SHEET, row: 1, cells: {} };
  if (!table) {
    warnings.push(
      makeWarning(
        "MISSING_SHEET",
        "info",
        "There is no Account sheet: the default settings apply (USD, plan starts today, 90 days, no cash).",
        SHEET,
        null,
      ),
    );
    return { account, warnings, creditBalance: null, dateOrder: DEFAULT_DATE_ORDER };
  }
  const collected = collectSettings(table);
  const { settings } = collected;
  const cells = account.source.cells;
  // An advertiser table with several advertisers: only the first is this account.
  for (const row of collected.extraRows) {
    const address = a1(row, 0);
    warnings.push(
      makeWarning(
        "DUPLICATE_ID",
        "warning",
        `${SHEET}!${address}: the Account table has more than one record; only row ${collected.valueRow + 1} is read (keep one advertiser's row)`,
        SHEET,
        address,
      ),
    );
  }
  if (settings.size === 0 && table.some((row) => !isBlankRow(row))) {
    warnings.push(
      makeWarning(
        "MISSING_COLUMN",
        "error",
        `${SHEET}!A1: no Account setting is recognized (write Setting and Value columns, or a table with currency, timezone and balance columns); the default settings apply`,
        SHEET,
        "A1",
      ),
    );
  }

  /** Reads the first Value cell of a setting; a blank or unreadable one keeps the default. */
  function setting<T>(field: AccountSettingField, parse: (cell: Cell) => Parsed<T>): T | undefined {
    const first = settings.get(field)?.[0];
    if (!first) return undefined;
    const address = a1(first.rowIndex, first.columnIndex);
    cells[field] = address;
    if (isBlank(first.value)) return undefined;
    const parsed = parse(first.value);
    if (parsed.ok) return parsed.value;
    const name = ACCOUNT_SETTINGS.find((s) => s.field === field)?.name ?? field;
    warnings.push(
      makeWarning(
        "INVALID_VALUE",
        "error",
        `${SHEET}!${address}: ${name} '${showCell(first.value)}' ${parsed.problem}; the default applies`,
        SHEET,
        address,
      ),
    );
    return undefined;
  }

  const currency = setting("currency", readCurrency);
  if (currency !== undefined) {
    account.currency = currency;
    account.minorUnits = minorUnitsOf(currency);
  }
  const money = moneyFormat(account.currency, account.minorUnits);
  // Spec v3 "Locale": read before the date settings, which it orders.
  const dateOrder =
    setting("dateOrder", (c) => readEnumCell(c, DATE_ORDER_TABLE)) ?? DEFAULT_DATE_ORDER;
  const date = (cell: Cell) => readDate(cell, timeZone, dateOrder);

  account.timeZone = setting("timeZone", readTimeZone) ?? null;
  account.planStart = setting("planStart", date) ?? account.planStart;
  account.horizonDays =
    setting("horizonDays", (c) => readInteger(c, 1, 3650)) ?? account.horizonDays;
  account.cashBalance = setting("cashBalance", (c) => readMoney(c, money, true)) ?? 0;
  account.fallbackPayment =
    setting("fallbackPayment", (c) => readEnumCell(c, FALLBACK_PAYMENT_TABLE)) ??
    account.fallbackPayment;
  account.cardLimit = setting("cardLimit", (c) => readMoney(c, money)) ?? null;
  account.creditsBeforeCash = setting("creditsBeforeCash", readYesNo) ?? account.creditsBeforeCash;
  account.requirePositiveCash =
    setting("requirePositiveCash", readYesNo) ?? account.requirePositiveCash;
  account.creditOrder =
    setting("creditOrder", (c) => readEnumCell(c, CREDIT_ORDER_TABLE)) ?? account.creditOrder;
  account.accountTier =
    setting("accountTier", (c) => readEnumCell(c, ACCOUNT_TIER_TABLE)) ?? account.accountTier;
  account.onePromotionAtATime =
    setting("onePromotionAtATime", readYesNo) ?? account.onePromotionAtATime;
  account.creditValidityDays =
    setting("creditValidityDays", (c) => readInteger(c, 1, 3650)) ?? account.creditValidityDays;
  account.deliveryRate = setting("deliveryRate", readPercent) ?? account.deliveryRate;
  account.forecastFrom =
    setting("forecastFrom", (c) => readEnumCell(c, FORECAST_FROM_TABLE)) ?? account.forecastFrom;
  account.assignmentLimit = setting("assignmentLimit", readAssignmentLimit) ?? null;
  const creditBalance = setting("creditBalance", (c) => readMoney(c, money)) ?? null;
  // R15: the alert digest's look-ahead, in days from plan start.
  account.alertDays = setting("alertDays", (c) => readInteger(c, 1, 3650)) ?? account.alertDays;

  // Holidays may be one list cell or several Holidays rows: all are taken.
  const holidays = new Set<Day>();
  for (const entry of settings.get("holidays") ?? []) {
    const address = a1(entry.rowIndex, entry.columnIndex);
    cells.holidays ??= address;
    const parsed = readDateList(entry.value, timeZone, dateOrder);
    if (parsed.ok) for (const day of parsed.value) holidays.add(day);
    else {
      warnings.push(
        makeWarning(
          "INVALID_VALUE",
          "error",
          `${SHEET}!${address}: Holidays '${showCell(entry.value)}' ${parsed.problem}`,
          SHEET,
          address,
        ),
      );
    }
  }
  account.holidays = [...holidays].sort((a, b) => a - b);
  // Settings are read in dependency order; warnings are listed in sheet order.
  const rowOf = (w: Warning) => Number(/\d+$/.exec(w.cell ?? "")?.[0] ?? 0);
  warnings.sort((a, b) => rowOf(a) - rowOf(b));
  return { account, warnings, creditBalance, dateOrder };
}
