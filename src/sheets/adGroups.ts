/**
 * The optional Ad groups sheet (SHEETS.md "Real exports (spec v3)",
 * `adgroups.csv`): in the Business API and the connectors' ad-group tables
 * a campaign's schedule lives on its ad groups, and so do the budgets of a
 * No-limit campaign (R3). Read like the Campaigns sheet: the same status
 * words, budget modes, money, dates and id rules; a connector's history
 * table keeps each ad group's most recent version.
 */
import type { AdGroup, SheetCounts, SkippedCampaign, Warning } from "../core";
import { type MoneyFormat, readDate, readEnumCell, readId, readMoney } from "./cells";
import type { ColumnSpec } from "./columns";
import { BUDGET_MODE_TABLE } from "./enums";
import { olderVersionRows, VERSION_COLUMNS } from "./historyTables";
import { isBlankRow, isSummaryRow, makeWarning, RowReader, type SheetContext } from "./rowReader";
import { readStatus } from "./statusMapping";
import type { Table } from "./types";

export const AD_GROUP_COLUMNS: readonly ColumnSpec[] = [
  { field: "id", name: "Ad group ID", aliases: ["adgroup_id"], required: true },
  { field: "campaignId", name: "Campaign ID", aliases: ["campaign_id"], required: true },
  { field: "status", name: "Status", aliases: ["Primary status"] },
  // Business API / connector columns; combined with Status as on the Campaigns sheet.
  { field: "operationStatus", name: "operation_status", aliases: [], exportOnly: true },
  { field: "secondaryStatus", name: "secondary_status", aliases: [], exportOnly: true },
  { field: "budgetMode", name: "Budget mode", aliases: ["budget_mode", "Budget type"] },
  {
    field: "budget",
    name: "Budget",
    aliases: ["budget", "Daily budget", "Ad group budget"],
    required: true,
  },
  { field: "spentToDate", name: "Spent to date", aliases: ["Spent"] },
  { field: "startDate", name: "Start date", aliases: ["schedule_start_time", "Start"] },
  { field: "endDate", name: "End date", aliases: ["schedule_end_time", "End"] },
  ...VERSION_COLUMNS,
];

/** One ad group from one row, or null when a cell is unreadable (its warnings are added). */
function readAdGroupRow(reader: RowReader, money: MoneyFormat, timeZone: string): AdGroup | null {
  const id = reader.required("id", readId, "is empty: every ad group needs its id");
  const campaignId = reader.required(
    "campaignId",
    readId,
    "is empty: an ad group needs the id of its campaign",
  );
  reader.about = { campaign: campaignId };
  if (id !== null) reader.noteInvisibleCharacters("id", id);
  if (campaignId !== null) reader.noteInvisibleCharacters("campaignId", campaignId);
  const budgetMode = reader.optional(
    "budgetMode",
    (c) => readEnumCell(c, BUDGET_MODE_TABLE),
    "daily",
  );
  const status = readStatus(reader, budgetMode) ?? "active";
  const amount = (c: Parameters<typeof readMoney>[0]) => readMoney(c, money);
  // R3: No limit ignores Budget; the other modes need one.
  const budget =
    budgetMode === "no_limit"
      ? reader.optional("budget", amount, 0)
      : reader.required(
          "budget",
          amount,
          `is empty: a ${BUDGET_MODE_TABLE[budgetMode].label} ad group needs a budget`,
        );
  const spentToDate = reader.optional("spentToDate", amount, 0);
  const date = (c: Parameters<typeof readDate>[0]) => readDate(c, timeZone, reader.dateOrder);
  const startDate = reader.optional("startDate", date, null);
  // R3: a lifetime budget is spread up to its end date, so it needs one.
  const endDate =
    budgetMode === "lifetime"
      ? reader.required("endDate", date, "is empty: a Lifetime budget needs an end date")
      : reader.optional("endDate", date, null);
  if (reader.problems > 0 || id === null || campaignId === null || budget === null) return null;
  if (startDate !== null && endDate !== null && endDate < startDate) {
    reader.invalid("endDate", "is before the Start date");
    return null;
  }
  return {
    id,
    campaignId,
    status,
    budgetMode,
    budget,
    spentToDate,
    startDate,
    endDate,
    source: { sheet: reader.sheet, row: reader.rowIndex + 1, cells: reader.cellAddresses() },
  };
}

export interface AdGroupsRead {
  adGroups: AdGroup[];
  counts: SheetCounts;
}

/**
 * Every data row below the header. Rows sharing an Ad group ID keep the
 * first readable one (DUPLICATE_ID on the others), except in a history
 * table, where the most recent version is the ad group.
 */
export function readAdGroups(
  context: SheetContext,
  table: Table,
  money: MoneyFormat,
  timeZone: string,
): AdGroupsRead {
  const adGroups: AdGroup[] = [];
  const firstRowOfId = new Map<string, number>();
  const older = olderVersionRows(context, table, (cell) => {
    const id = readId(cell);
    return id.ok ? id.value : null;
  });
  let rows = 0;
  let skipped = 0;
  for (let r = context.headerRow + 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row) || isSummaryRow(row)) continue;
    rows++;
    // R16: an older version is a readable row with no effect: it counts as planned.
    if (older?.has(r)) continue;
    const reader = new RowReader(context, row, r);
    const group = readAdGroupRow(reader, money, timeZone);
    if (group === null) {
      skipped++;
      continue;
    }
    const firstRow = firstRowOfId.get(group.id);
    if (firstRow !== undefined) {
      const address = reader.address("id") ?? "A1";
      context.warnings.push(
        makeWarning(
          "DUPLICATE_ID",
          "error",
          `${context.sheet}!${address}: Ad group ID '${group.id}' is already used on row ${firstRow}; this row is skipped`,
          context.sheet,
          address,
          { campaign: group.campaignId },
        ),
      );
      skipped++;
      continue;
    }
    firstRowOfId.set(group.id, r + 1);
    adGroups.push(group);
  }
  return { adGroups, counts: { rows, planned: rows - skipped, skipped } };
}

/**
 * Campaign ids whose ad groups have an End date: a Lifetime campaign among
 * them may leave its own End date blank (it takes their latest end, spec v3).
 */
export function campaignsWithAdGroupEnds(adGroups: readonly AdGroup[]): Set<string> {
  const ids = new Set<string>();
  for (const group of adGroups) if (group.endDate !== null) ids.add(group.campaignId);
  return ids;
}

/**
 * The ad groups of campaigns the plan knows. Those of a campaign not on the
 * Campaigns sheet raise one UNKNOWN_CAMPAIGN per campaign id (or
 * CAMPAIGN_ROW_SKIPPED when its Campaigns row was skipped), on the first
 * such ad group's Campaign ID cell; they have no effect on the plan.
 */
export function adGroupsOfKnownCampaigns(
  adGroups: readonly AdGroup[],
  known: ReadonlySet<string>,
  skippedCampaigns: readonly SkippedCampaign[],
  warnings: Warning[],
): AdGroup[] {
  const skippedRowOf = new Map<string, number>(skippedCampaigns.map((c) => [c.id, c.row]));
  const reported = new Set<string>();
  const kept: AdGroup[] = [];
  for (const group of adGroups) {
    if (known.has(group.campaignId)) {
      kept.push(group);
      continue;
    }
    if (reported.has(group.campaignId)) continue;
    reported.add(group.campaignId);
    const sheet = group.source?.sheet ?? "Ad groups";
    const address = group.source?.cells.campaignId ?? null;
    const skippedRow = skippedRowOf.get(group.campaignId);
    const why =
      skippedRow === undefined
        ? "is not on the Campaigns sheet"
        : `has its Campaigns row ${skippedRow} skipped for an unreadable cell`;
    warnings.push(
      makeWarning(
        skippedRow === undefined ? "UNKNOWN_CAMPAIGN" : "CAMPAIGN_ROW_SKIPPED",
        "warning",
        `${sheet}!${address}: campaign '${group.campaignId}' of ad group '${group.id}' ${why}; its ad groups are not used`,
        sheet,
        address,
        { campaign: group.campaignId },
      ),
    );
  }
  return kept;
}
