/** The Credits sheet (SHEETS.md "Credits") → model credits, in sheet order. */
import { CREDIT_TYPES, type Credit, type Day } from "../core";
import {
  enumChoices,
  type MoneyFormat,
  type Parsed,
  readDate,
  readEnumCell,
  readId,
  readIdList,
  readInteger,
  readList,
  readMoney,
  readText,
} from "./cells";
import { readCountryList } from "./countries";
import type { DateOrder } from "./dateText";
import { CREDIT_STATUS_TABLE, CREDIT_TYPE_TABLE } from "./enums";
import type { RowReader } from "./rowReader";
import type { Cell } from "./types";

const RANGE_SEPARATOR = /\s*~\s*|\s+to\s+|\s+[-–]\s+/i;

/** `2024-01-15 ~ 2024-03-15` (also `to` or ` - `): first and last day. */
export function readDateRange(cell: Cell, timeZone: string, order: DateOrder): Parsed<[Day, Day]> {
  const parts = typeof cell === "string" ? cell.trim().split(RANGE_SEPARATOR) : [];
  if (parts.length !== 2) {
    return { ok: false, problem: "is not a date range (write 2024-01-15 ~ 2024-03-15)" };
  }
  const from = readDate(parts[0], timeZone, order);
  const to = readDate(parts[1], timeZone, order);
  if (!from.ok || !to.ok) {
    return { ok: false, problem: "has a date that is not a date (write 2024-01-15 ~ 2024-03-15)" };
  }
  if (to.value < from.value) return { ok: false, problem: "ends before it starts" };
  return { ok: true, value: [from.value, to.value] };
}

const TYPE_NEEDED = `is empty: write one of ${enumChoices(CREDIT_TYPE_TABLE)}`;

/** One credit from one row, or null when a cell is unreadable (its warnings are added). */
export function readCreditRow(
  reader: RowReader,
  money: MoneyFormat,
  timeZone: string,
  idFromName: ((name: string) => string | null) | null = null,
): Credit | null {
  let id: string | null;
  if (idFromName) {
    id = idFromName(readText(reader.cell("name"), timeZone));
    if (id === null) {
      reader.invalid("name", "is empty: without a Credit ID column, a credit is known by its name");
    }
  } else id = reader.required("id", readId, "is empty: every credit needs its id");
  reader.about = { credit: id };
  if (id !== null) reader.noteInvisibleCharacters("id", id);
  const assigned = reader.cell("assignedCampaigns");
  if (typeof assigned === "string") reader.noteInvisibleCharacters("assignedCampaigns", assigned);
  const type = reader.required("type", (c) => readEnumCell(c, CREDIT_TYPE_TABLE), TYPE_NEEDED);
  const amountOf = (c: Cell) => readMoney(c, money);
  const amount = reader.required("amount", amountOf, "is empty: write the credit's face value");
  const status = reader.optional(
    "status",
    (c) => readEnumCell(c, CREDIT_STATUS_TABLE),
    "available",
  );
  if (status === "to_redeem" && type !== null && !CREDIT_TYPES[type].redeemable) {
    reader.invalid("status", "is for coupons only");
  }

  let used = 0;
  if (!reader.isBlank("used") || reader.isBlank("unused")) {
    used = reader.optional("used", amountOf, 0);
    if (amount !== null && used > amount) reader.invalid("used", "is more than the Amount");
  } else {
    // `Unused amount` instead of Used: Used = Amount − Unused.
    const unused = reader.optional("unused", amountOf, null);
    if (unused !== null && amount !== null) {
      if (unused > amount) reader.invalid("unused", "is more than the Amount");
      else used = amount - unused;
    }
  }

  const date = (c: Cell) => readDate(c, timeZone, reader.dateOrder);
  // The Promotions page's one "Valid dates" cell stands in for Issue date and Valid until.
  const range = reader.isBlank("validDates")
    ? null
    : reader.optional("validDates", (c) => readDateRange(c, timeZone, reader.dateOrder), null);
  const fromRange = (field: "issueDate" | "validUntil") =>
    range !== null && reader.isBlank(field) ? range[field === "issueDate" ? 0 : 1] : undefined;
  // An available credit's validity counts from its issue date (R8).
  const issueDate =
    fromRange("issueDate") ??
    (status === "available" && range === null
      ? reader.required("issueDate", date, "is empty: an Available credit needs its issue date")
      : reader.optional("issueDate", date, null));
  const validUntil = fromRange("validUntil") ?? reader.optional("validUntil", date, null);
  // Free text the planner cannot turn into rules: said, not guessed (spec v3).
  for (const field of ["requirements", "restrictions"] as const) {
    if (!reader.isBlank(field)) {
      reader.note(
        "UNREAD_REQUIREMENTS",
        "info",
        field,
        "is not read as a rule: put what it requires in Type, Spend threshold, Min cash balance, Ad products or Countries",
      );
    }
  }
  const validityDays = reader.optional("validityDays", (c) => readInteger(c, 1, 3650), null);
  const minCashBalance = reader.optional("minCashBalance", amountOf, null);
  // R7: an Earning offer is issued when its threshold is reached.
  const spendThreshold =
    status === "earning"
      ? reader.required(
          "spendThreshold",
          amountOf,
          "is empty: an Earning offer needs its threshold",
        )
      : reader.optional("spendThreshold", amountOf, null);
  const spendCountedFrom = reader.optional("spendCountedFrom", date, null);
  const spendSoFar = reader.optional("spendSoFar", amountOf, 0);
  const earnBy = reader.optional("earnBy", date, null);
  const issueDelay = reader.optional("issueDelay", (c) => readInteger(c, 0, 365), null);
  const redeemOn = reader.optional("redeemOn", date, null);
  const redeemBy = reader.optional("redeemBy", date, null);
  const assignedCampaigns = reader.optional(
    "assignedCampaigns",
    (c) => readIdList(c, timeZone),
    [] as string[],
  );
  if (reader.problems > 0 || id === null || type === null || amount === null) return null;

  const list = (field: string) => readList(reader.cell(field), timeZone);
  return {
    id,
    name: readText(reader.cell("name"), timeZone),
    type,
    amount,
    used,
    status,
    issueDate,
    validUntil,
    validityDays,
    assignedCampaigns,
    adProducts: list("adProducts"),
    countries: readCountryList(reader, "countries", timeZone),
    minCashBalance,
    spendThreshold,
    spendCountedFrom,
    spendSoFar,
    earnBy,
    issueDelay,
    redeemOn,
    redeemBy,
    source: { sheet: reader.sheet, row: reader.rowIndex + 1, cells: reader.cellAddresses() },
  };
}
