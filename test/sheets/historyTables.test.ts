/**
 * History tables (SHEETS.md "Real exports (spec v3)"): Fivetran's
 * campaign_history keeps one row per version; the most recent wins.
 */
import { describe, expect, it } from "vitest";
import { readWorkbook, type Table } from "../../src/sheets";
import { OPTIONS, workbook } from "./helpers";
import { fivetranTable } from "./realData";

/** The seed with one more version of a campaign, as the connector appends it after an edit. */
function withVersion(table: Table, id: string, changes: Record<string, string>): Table {
  const header = table[0].map(String);
  const base = table.find((row, i) => i > 0 && row[0] === id);
  if (!base) throw new Error(`no campaign ${id}`);
  const row = [...base];
  for (const [column, value] of Object.entries(changes)) row[header.indexOf(column)] = value;
  return [...table, row];
}

function read(campaigns: Table) {
  const result = readWorkbook(workbook({ campaigns }), OPTIONS);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe("history tables", () => {
  it("spec v3: the latest UPDATED_AT version of a campaign wins, wherever it sits; older ones are not duplicates", () => {
    let table = fivetranTable("tiktok_campaign_history_data");
    // Campaign 1 raised to 600 later; an older version of campaign 2 (budget 100) listed last.
    table = withVersion(table, "1", { UPDATED_AT: "2021-09-16 08:00:00.000", BUDGET: "600" });
    table = withVersion(table, "2", { UPDATED_AT: "2021-09-01 00:00:00.000", BUDGET: "100" });
    const result = read(table);
    // Sheet order (R2 ties) is the order of the kept versions: campaign 1 is now on row 6.
    expect(result.model.campaigns.map((c) => [c.id, c.budget])).toEqual([
      ["2", 30000],
      ["3", 45000],
      ["4", 30000],
      ["1", 60000],
    ]);
    // The kept version is the campaign's source row (its cells are what warnings point at).
    expect(result.model.campaigns[3].source?.row).toBe(6);
    expect(result.warnings.filter((w) => w.code === "DUPLICATE_ID")).toEqual([]);
  });

  it("spec v3: is_most_recent_record decides before the times; _fivetran_synced breaks a tie", () => {
    const result = read([
      ["campaign_id", "budget", "updated_at", "_fivetran_synced", "is_most_recent_record"],
      ["7", "10", "2021-09-20 00:00:00", "2021-09-20 01:00:00", "false"],
      ["7", "20", "2021-09-10 00:00:00", "2021-09-10 01:00:00", "true"],
      ["8", "30", "2021-09-10 00:00:00", "2021-09-10 01:00:00", "false"],
      ["8", "40", "2021-09-10 00:00:00", "2021-09-11 01:00:00", "false"],
    ]);
    expect(result.model.campaigns.map((c) => [c.id, c.budget])).toEqual([
      ["7", 2000],
      ["8", 4000],
    ]);
  });

  it("R11: without a version column, rows sharing an id are still DUPLICATE_ID", () => {
    const result = read([
      ["Campaign ID", "Budget"],
      ["7", "10"],
      ["7", "20"],
    ]);
    expect(result.warnings.map((w) => w.code)).toContain("DUPLICATE_ID");
  });
});
