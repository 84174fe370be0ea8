/**
 * The Spend history sheet (SHEETS.md "Spend history" and "Real exports (spec
 * v3)"): a daily or hourly campaign report as Ads Manager, the Business API or
 * a connector writes it. Rows of one campaign and day are added up (hourly
 * rows, audience breakdowns), so the model holds one record per campaign-day.
 */
import type { Day, SheetCounts, SkippedCampaign, SpendRecord } from "../core";
import { isBlank, type MoneyFormat, type Parsed, readDate, readId, readMoney } from "./cells";
import { isBlankRow, isSummaryRow, makeWarning, RowReader, type SheetContext } from "./rowReader";
import type { Cell, Table } from "./types";

/**
 * The `spend` key of a `metrics` cell holding JSON (`{"spend": "20.000"}`)
 * or a Python-dict string (`{'spend': '20.000'}`), as Airbyte's CSV and
 * file destinations write nested records. Only that key is looked at, so a
 * metrics cell of fifty keys costs one search, not a parse.
 */
const SPEND_KEY =
  /["']spend["']\s*:\s*(?:"([^"]*)"|'([^']*)'|(-?[\d.]+(?:[eE][+-]?\d+)?|null|None))/;

export function spendInMetrics(cell: Cell): Parsed<Cell> {
  if (typeof cell !== "string") return { ok: false, problem: "is not a metrics record" };
  const m = SPEND_KEY.exec(cell);
  if (!m) return { ok: false, problem: "has no spend key (expected a metrics record with spend)" };
  const value = m[1] ?? m[2] ?? m[3];
  return { ok: true, value: value === "null" || value === "None" ? null : value };
}

/** `-` is how reports write an empty metric: no spend. */
function readSpend(cell: Cell, money: MoneyFormat): Parsed<number> {
  if (typeof cell === "string" && cell.trim() === "-") return { ok: true, value: 0 };
  return readMoney(cell, money);
}

export function readSpendHistory(
  context: SheetContext,
  table: Table,
  money: MoneyFormat,
  timeZone: string,
  knownCampaigns: ReadonlySet<string> | null,
  skippedCampaigns: readonly SkippedCampaign[] = [],
): { records: SpendRecord[]; counts: SheetCounts } {
  const skippedRowOf = new Map(skippedCampaigns.map((c) => [c.id, c.row]));
  let rows = 0;
  let skipped = 0;
  const byCampaign = new Map<string, Map<Day, number>>();
  const reportedUnknown = new Set<string>();
  const hasAmount = context.columns.has("amount");
  // Made once, not per row: thousands of rows share them.
  const dayOf = (cell: Cell) => readDate(cell, timeZone, context.dateOrder);
  const spendOf = (cell: Cell) => readSpend(cell, money);
  for (let r = context.headerRow + 1; r < table.length; r++) {
    const row = table[r];
    if (isBlankRow(row) || isSummaryRow(row)) continue;
    const reader = new RowReader(context, row, r);
    // A report's total line has neither date nor campaign: it is not a day of spend.
    if (reader.isBlank("day") && reader.isBlank("campaignId")) continue;
    rows++;
    const day = reader.required("day", dayOf, "is empty");
    const campaignId = reader.required("campaignId", readId, "is empty");
    let amount = 0;
    if (hasAmount || reader.isBlank("metrics")) {
      amount = reader.optional("amount", spendOf, 0);
    } else {
      const inMetrics = reader.optional("metrics", spendInMetrics, null);
      if (!isBlank(inMetrics)) {
        const parsed = readSpend(inMetrics, money);
        if (parsed.ok) amount = parsed.value;
        else reader.invalid("metrics", `has a spend that ${parsed.problem}`);
      }
    }
    if (reader.problems > 0 || day === null || !campaignId) {
      skipped++;
      continue;
    }
    // R16: a readable row of a campaign the plan does not know has no effect: it counts as planned.
    if (knownCampaigns !== null && !knownCampaigns.has(campaignId)) {
      if (!reportedUnknown.has(campaignId)) {
        reportedUnknown.add(campaignId);
        const address = reader.address("campaignId");
        const skippedRow = skippedRowOf.get(campaignId);
        const why =
          skippedRow === undefined
            ? "is not on the Campaigns sheet"
            : `has its Campaigns row ${skippedRow} skipped for an unreadable cell`;
        context.warnings.push(
          makeWarning(
            skippedRow === undefined ? "UNKNOWN_CAMPAIGN" : "CAMPAIGN_ROW_SKIPPED",
            "warning",
            `${context.sheet}!${address}: campaign '${campaignId}' ${why}; its spend history is not used`,
            context.sheet,
            address,
            { campaign: campaignId },
          ),
        );
      }
      continue;
    }
    let days = byCampaign.get(campaignId);
    if (!days) {
      days = new Map();
      byCampaign.set(campaignId, days);
    }
    days.set(day, (days.get(day) ?? 0) + amount);
  }
  const records: SpendRecord[] = [];
  for (const [campaignId, days] of byCampaign) {
    for (const [day, amount] of days) records.push({ day, campaignId, amount });
  }
  return { records, counts: { rows, planned: rows - skipped, skipped } };
}
