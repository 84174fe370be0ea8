/** The Campaigns sheet (SHEETS.md "Campaigns") → model campaigns, in sheet order. */
import type { BudgetMode, Campaign, Warning } from "../core";
import { type MoneyFormat, readDate, readEnumCell, readId, readMoney, readText } from "./cells";
import { CAMPAIGN_COLUMNS } from "./columns";
import { readCountryList } from "./countries";
import { BUDGET_MODE_TABLE } from "./enums";
import { makeWarning, type RowReader, type SheetContext } from "./rowReader";
import { readStatus } from "./statusMapping";

export { CAMPAIGN_COLUMNS };

/** One campaign from one row, or null when a cell is unreadable (its warnings are added). */
export function readCampaignRow(
  reader: RowReader,
  money: MoneyFormat,
  timeZone: string,
  endsFromAdGroups: ReadonlySet<string> = new Set(),
): Campaign | null {
  const id = reader.required("id", readId, "is empty: every campaign needs its id");
  reader.about = { campaign: id };
  if (id !== null) reader.noteInvisibleCharacters("id", id);
  const budgetMode = reader.optional(
    "budgetMode",
    (c) => readEnumCell(c, BUDGET_MODE_TABLE),
    "daily",
  );
  // Out of budget means Active or Completed by budget mode (statusMapping).
  const status = readStatus(reader, budgetMode) ?? "active";
  const readAmount = (c: Parameters<typeof readMoney>[0]) => readMoney(c, money);
  // R3: No limit ignores Budget; the other modes need one.
  const budget =
    budgetMode === "no_limit"
      ? reader.optional("budget", readAmount, 0)
      : reader.required(
          "budget",
          readAmount,
          `is empty: a ${budgetModeLabel(budgetMode)} campaign needs a budget`,
        );
  const expectedDailySpend = reader.optional("expectedDailySpend", readAmount, null);
  const spentToDate = reader.optional("spentToDate", readAmount, 0);
  const date = (c: Parameters<typeof readDate>[0]) => readDate(c, timeZone, reader.dateOrder);
  const startDate = reader.optional("startDate", date, null);
  // R3: a lifetime budget is spread up to its end date, so it needs one
  // (spec v3: or ad groups with an End date, whose latest end it takes).
  const endDate =
    budgetMode === "lifetime" && (id === null || !endsFromAdGroups.has(id))
      ? reader.required("endDate", date, "is empty: a Lifetime budget needs an end date")
      : reader.optional("endDate", date, null);
  if (reader.problems > 0 || id === null || budget === null) return null;
  const adProduct = readText(reader.cell("adProduct"), timeZone);
  return {
    id,
    name: readText(reader.cell("name"), timeZone),
    status,
    budgetMode,
    budget,
    expectedDailySpend,
    spentToDate,
    startDate,
    endDate,
    adProduct: adProduct === "" ? null : adProduct,
    countries: readCountryList(reader, "countries", timeZone),
    source: {
      sheet: reader.sheet,
      row: reader.rowIndex + 1,
      cells: reader.cellAddresses(),
    },
  };
}

function budgetModeLabel(mode: BudgetMode): string {
  return BUDGET_MODE_TABLE[mode].label;
}

/** DUPLICATE_ID on the id cell of a later row; the first readable row is kept. */
export function duplicateIdWarning(
  context: SheetContext,
  reader: RowReader,
  id: string,
  firstRow: number,
  kind: "campaign" | "credit",
): Warning {
  const address = reader.address("id") ?? "A1";
  const about = kind === "campaign" ? { campaign: id } : { credit: id };
  return makeWarning(
    "DUPLICATE_ID",
    "error",
    `${context.sheet}!${address}: ${kind === "campaign" ? "Campaign" : "Credit"} ID '${id}' is already used on row ${firstRow}; this row is skipped`,
    context.sheet,
    address,
    about,
  );
}
