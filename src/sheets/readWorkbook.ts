/**
 * Tables → model (SHEETS.md). Account first (its currency sets the minor unit,
 * R2), then Campaigns and Credits (required), Top-ups, Spend history and
 * Ad groups (optional). A bad row is skipped with its warnings and every good row is
 * still planned (R11); only a missing required sheet or column is fatal.
 */
import {
  type Account,
  type AdGroup,
  type Campaign,
  type Credit,
  formatMoney,
  type InputCounts,
  type Model,
  type Money,
  type SheetCounts,
  type SkippedCampaign,
  type SpendRecord,
  type TopUp,
  type Warning,
} from "../core";
import { a1 } from "./a1";
import {
  AD_GROUP_COLUMNS,
  type AdGroupsRead,
  adGroupsOfKnownCampaigns,
  campaignsWithAdGroupEnds,
  readAdGroups,
} from "./adGroups";
import { type MoneyFormat, moneyFormat, readDate, readId, readMoney } from "./cells";
import {
  CAMPAIGN_COLUMNS,
  type ColumnSpec,
  CREDIT_COLUMNS,
  SPEND_HISTORY_COLUMNS,
  TOP_UP_COLUMNS,
} from "./columns";
import type { DateOrder } from "./dateText";
import { findHeader, missingColumnMessage } from "./headers";
import { olderVersionRows } from "./historyTables";
import { readAccount } from "./readAccount";
import { duplicateIdWarning, readCampaignRow } from "./readCampaigns";
import { readCreditRow } from "./readCredits";
import { readSpendHistory } from "./readSpendHistory";
import {
  isBlankRow,
  isSummaryRow,
  makeWarning,
  RowReader,
  type SheetContext,
  sheetContext,
} from "./rowReader";
import { isKnownTimeZone } from "./timeZone";
import {
  type ReadFailure,
  type ReadOptions,
  SHEET_NAMES,
  type Table,
  type WorkbookTables,
} from "./types";

export type ReadResult = { ok: true; model: Model; warnings: Warning[] } | ReadFailure;

type SheetOutcome = { ok: true; context: SheetContext; table: Table } | ReadFailure | null;

/** Finds the header of a sheet; a missing sheet or required column is fatal or a warning. */
function openSheet(
  table: Table | undefined,
  sheet: string,
  specs: readonly ColumnSpec[],
  required: boolean,
  warnings: Warning[],
  currency: string,
  dateOrder: DateOrder,
): SheetOutcome {
  if (!Array.isArray(table)) {
    if (required) {
      return { ok: false, error: `${sheet}: the sheet is missing`, sheet, column: null };
    }
    warnings.push(
      makeWarning(
        "MISSING_SHEET",
        "info",
        `There is no ${sheet} sheet: it is treated as empty.`,
        sheet,
        null,
      ),
    );
    return null;
  }
  const header = findHeader(table, specs);
  if ("missing" in header) {
    const error = missingColumnMessage(sheet, header);
    if (required) return { ok: false, error, sheet, column: header.missing.name };
    // An optional sheet that cannot be read is left out, with the reason.
    const row = Math.max(header.closestRow, 0);
    const cell =
      table.length > 0 && Array.isArray(table[row]) && table[row].length > 0 ? `A${row + 1}` : null;
    warnings.push(
      makeWarning("MISSING_COLUMN", "error", `${error}; the sheet is ignored`, sheet, cell),
    );
    return null;
  }
  // `Cost (EUR)` in a USD account: the amounts are in another currency (R2).
  for (const [field, code] of header.currencies) {
    if (code === currency) continue;
    const column = header.columns.get(field) ?? 0;
    const address = a1(header.headerRow, column);
    const error = `${sheet}!${address}: the column '${String(table[header.headerRow][column])}' is in ${code}, but the Account currency is ${currency}: set Currency on the Account sheet to ${code}, or export the report in ${currency}`;
    if (required)
      return { ok: false, error, sheet, column: String(table[header.headerRow][column]) };
    warnings.push(
      makeWarning("INVALID_VALUE", "error", `${error}; the sheet is ignored`, sheet, address),
    );
    return null;
  }
  return {
    ok: true,
    context: sheetContext(sheet, header.headerRow, header.columns, specs, warnings, dateOrder),
    table,
  };
}

/** Ids made from credit names, unique in sheet order: `Promo`, `Promo #2`, `Promo #3`. */
function generatedIds(): (name: string) => string | null {
  const seen = new Map<string, number>();
  return (name) => {
    if (name === "") return null;
    const count = (seen.get(name) ?? 0) + 1;
    seen.set(name, count);
    return count === 1 ? name : `${name} #${count}`;
  };
}

/**
 * R16: the data rows of a sheet that is left out, all skipped: the non-blank
 * rows below its header (below the row closest to one when none was found).
 * A report's summary line is not a data row.
 */
function ignoredRows(table: Table | undefined, headerRow: number): SheetCounts {
  if (!Array.isArray(table)) return noRows();
  let rows = 0;
  for (let r = Math.max(headerRow, 0) + 1; r < table.length; r++) {
    if (!isBlankRow(table[r]) && !isSummaryRow(table[r])) rows++;
  }
  return { rows, planned: 0, skipped: rows };
}

function noRows(): SheetCounts {
  return { rows: 0, planned: 0, skipped: 0 };
}

/** R16 counts of a read sheet: every row read that was not skipped is planned. */
function counted(rows: number, skipped: number): SheetCounts {
  return { rows, planned: rows - skipped, skipped };
}

interface IdentifiedRows<T> {
  records: T[];
  counts: SheetCounts;
  /** R16: ids readable on rows that were skipped (first such row, 1-based). */
  skippedIds: Map<string, number>;
}

/** Reads every data row below the header; rows sharing an id keep the first readable one. */
function readIdentifiedRows<T extends { id: string }>(
  context: SheetContext,
  table: Table,
  kind: "campaign" | "credit",
  readRow: (reader: RowReader) => T | null,
): IdentifiedRows<T> {
  const records: T[] = [];
  const firstRowOfId = new Map<string, number>();
  // Spec v3: in a history table only each id's most recent version is read.
  const older = olderVersionRows(context, table, (cell) => {
    const id = readId(cell);
    return id.ok ? id.value : null;
  });
  const skippedIds = new Map<string, number>();
  let rows = 0;
  let skipped = 0;
  for (let r = context.headerRow + 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row) || isSummaryRow(row)) continue;
    rows++;
    // R16: an older version is a readable row with no effect: it counts as planned.
    if (older?.has(r)) continue;
    const reader = new RowReader(context, row, r);
    const record = readRow(reader);
    if (record === null) {
      skipped++;
      const id = kind === "campaign" ? reader.about.campaign : reader.about.credit;
      if (id && !skippedIds.has(id)) skippedIds.set(id, r + 1);
      continue;
    }
    const firstRow = firstRowOfId.get(record.id);
    if (firstRow !== undefined) {
      context.warnings.push(duplicateIdWarning(context, reader, record.id, firstRow, kind));
      skipped++;
      continue;
    }
    firstRowOfId.set(record.id, r + 1);
    records.push(record);
  }
  // A row skipped for a bad cell whose id another row plans is not "skipped" for that id.
  for (const id of firstRowOfId.keys()) skippedIds.delete(id);
  return { records, counts: counted(rows, skipped), skippedIds };
}

function readTopUps(
  context: SheetContext,
  table: Table,
  money: MoneyFormat,
  timeZone: string,
): { topUps: TopUp[]; counts: SheetCounts } {
  const topUps: TopUp[] = [];
  let rows = 0;
  for (let r = context.headerRow + 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row) || isSummaryRow(row)) continue;
    rows++;
    const reader = new RowReader(context, row, r);
    const day = reader.required(
      "day",
      (c) => readDate(c, timeZone, reader.dateOrder),
      "is empty: a top-up needs its date",
    );
    const amount = reader.required("amount", (c) => readMoney(c, money), "is empty");
    if (reader.problems === 0 && day !== null && amount !== null) topUps.push({ day, amount });
  }
  return { topUps, counts: counted(rows, rows - topUps.length) };
}

/** Where an ignored optional sheet's header is (or the row closest to one), to count the rows below. */
function headerRowGuess(table: Table | undefined, specs: readonly ColumnSpec[]): number {
  if (!Array.isArray(table)) return 0;
  const header = findHeader(table, specs);
  return "missing" in header ? header.closestRow : header.headerRow;
}

/**
 * Spec v3: `Credit balance` (the API's valid_grant_balance) against what the
 * Credits sheet has left: the Available credits usable on plan start (issued
 * by then, not past Valid until), their Amount minus Used. A difference
 * means a credit is missing or out of date on the sheet.
 */
function creditBalanceMismatch(
  creditBalance: Money | null,
  account: Account,
  credits: readonly Credit[],
): Warning | null {
  if (creditBalance === null) return null;
  const start = account.planStart;
  let remaining = 0;
  for (const credit of credits) {
    if (credit.status !== "available") continue;
    if (credit.issueDate !== null && credit.issueDate > start) continue;
    if (credit.validUntil !== null && credit.validUntil < start) continue;
    remaining += credit.amount - credit.used;
  }
  if (remaining === creditBalance) return null;
  const money = (amount: Money) => formatMoney(amount, account.currency, account.minorUnits);
  const cell = account.source?.cells.creditBalance ?? null;
  return makeWarning(
    "CREDIT_BALANCE_MISMATCH",
    "warning",
    `${SHEET_NAMES.account}!${cell}: Credit balance ${money(creditBalance)} is not what the Available credits on the Credits sheet have left (${money(remaining)}); add the missing credits or correct Used, so the plan spends the credits TikTok has`,
    SHEET_NAMES.account,
    cell,
  );
}

/** Reads the five tables into the engine's model, or names the sheet and column that stops it. */
export function readWorkbook(tables: WorkbookTables, options: ReadOptions): ReadResult {
  const timeZone = options.timeZone && isKnownTimeZone(options.timeZone) ? options.timeZone : "UTC";
  const accountRead = readAccount(tables.account, options.today, timeZone);
  const { account } = accountRead;
  const money = moneyFormat(account.currency, account.minorUnits);

  const warnings: Warning[] = [];
  const campaignSheet = openSheet(
    tables.campaigns,
    SHEET_NAMES.campaigns,
    CAMPAIGN_COLUMNS,
    true,
    warnings,
    account.currency,
    accountRead.dateOrder,
  );
  if (campaignSheet !== null && !campaignSheet.ok) return campaignSheet;
  const creditSheet = openSheet(
    tables.credits,
    SHEET_NAMES.credits,
    CREDIT_COLUMNS,
    true,
    warnings,
    account.currency,
    accountRead.dateOrder,
  );
  if (creditSheet !== null && !creditSheet.ok) return creditSheet;

  let campaigns: Campaign[] = [];
  const inputs: InputCounts = {
    campaigns: noRows(),
    credits: noRows(),
    topUps: noRows(),
    spendHistory: noRows(),
    adGroups: noRows(),
  };
  let skippedCampaigns: SkippedCampaign[] = [];
  // Ad groups are read before campaigns (a Lifetime campaign may take its End
  // date from them), but their warnings are listed after the other sheets'.
  // Without the sheet nothing changes (R3 as before), so its absence is no news.
  const adGroupWarnings: Warning[] = [];
  const adGroupSheet = Array.isArray(tables.adGroups)
    ? openSheet(
        tables.adGroups,
        SHEET_NAMES.adGroups,
        AD_GROUP_COLUMNS,
        false,
        adGroupWarnings,
        account.currency,
        accountRead.dateOrder,
      )
    : null;
  let adGroupsRead: AdGroupsRead | null = null;
  if (adGroupSheet?.ok) {
    adGroupsRead = readAdGroups(adGroupSheet.context, adGroupSheet.table, money, timeZone);
    inputs.adGroups = adGroupsRead.counts;
  } else {
    inputs.adGroups = ignoredRows(
      tables.adGroups,
      headerRowGuess(tables.adGroups, AD_GROUP_COLUMNS),
    );
  }
  const endsFromAdGroups = campaignsWithAdGroupEnds(adGroupsRead?.adGroups ?? []);
  if (campaignSheet?.ok) {
    const read = readIdentifiedRows(
      campaignSheet.context,
      campaignSheet.table,
      "campaign",
      (reader) => readCampaignRow(reader, money, timeZone, endsFromAdGroups),
    );
    campaigns = read.records;
    inputs.campaigns = read.counts;
    skippedCampaigns = [...read.skippedIds].map(([id, row]) => ({ id, row }));
  }
  let credits: Credit[] = [];
  if (creditSheet?.ok) {
    const idFromName = creditSheet.context.columns.has("id") ? null : generatedIds();
    const read = readIdentifiedRows(creditSheet.context, creditSheet.table, "credit", (reader) =>
      readCreditRow(reader, money, timeZone, idFromName),
    );
    credits = read.records;
    inputs.credits = read.counts;
    if (idFromName !== null && credits.length > 0) {
      const { context } = creditSheet;
      const address = a1(context.headerRow, context.columns.get("name") ?? 0);
      warnings.push(
        makeWarning(
          "GENERATED_ID",
          "info",
          `${context.sheet}!${address}: there is no Credit ID column, so each credit's id is its name (repeated names get #2, #3…); add a Credit ID column to assign credits by id`,
          context.sheet,
          address,
        ),
      );
    }
  }
  for (const warning of accountRead.warnings) warnings.push(warning);

  let topUps: TopUp[] = [];
  const topUpSheet = openSheet(
    tables.topUps,
    SHEET_NAMES.topUps,
    TOP_UP_COLUMNS,
    false,
    warnings,
    account.currency,
    accountRead.dateOrder,
  );
  if (topUpSheet?.ok) {
    const read = readTopUps(topUpSheet.context, topUpSheet.table, money, timeZone);
    topUps = read.topUps;
    inputs.topUps = read.counts;
  } else {
    inputs.topUps = ignoredRows(tables.topUps, headerRowGuess(tables.topUps, TOP_UP_COLUMNS));
  }

  let spendHistory: SpendRecord[] = [];
  const historySheet = openSheet(
    tables.spendHistory,
    SHEET_NAMES.spendHistory,
    SPEND_HISTORY_COLUMNS,
    false,
    warnings,
    account.currency,
    accountRead.dateOrder,
  );
  if (historySheet?.ok) {
    const known = campaignSheet?.ok ? new Set(campaigns.map((c) => c.id)) : null;
    const read = readSpendHistory(
      historySheet.context,
      historySheet.table,
      money,
      timeZone,
      known,
      skippedCampaigns,
    );
    spendHistory = read.records;
    inputs.spendHistory = read.counts;
  } else {
    inputs.spendHistory = ignoredRows(
      tables.spendHistory,
      headerRowGuess(tables.spendHistory, SPEND_HISTORY_COLUMNS),
    );
  }

  let adGroups: AdGroup[] = [];
  if (adGroupsRead !== null) {
    const known = new Set(campaigns.map((c) => c.id));
    adGroups = adGroupsOfKnownCampaigns(
      adGroupsRead.adGroups,
      known,
      skippedCampaigns,
      adGroupWarnings,
    );
  }
  for (const warning of adGroupWarnings) warnings.push(warning);

  const mismatch = creditBalanceMismatch(accountRead.creditBalance, account, credits);
  if (mismatch) warnings.push(mismatch);

  return {
    ok: true,
    model: {
      account,
      campaigns,
      credits,
      topUps,
      spendHistory,
      adGroups,
      inputs,
      skippedCampaigns,
    },
    warnings,
  };
}
