/**
 * Statuses (SHEETS.md "Real exports (spec v3)"): every row of the status
 * table in docs/sheets.md is read as the table says, and the table covers
 * every value of the Business API's status enums (../shared/real-data/enums).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { CampaignStatus } from "../../src/core";
import { readWorkbook, type Table } from "../../src/sheets";
import { OPTIONS, workbook } from "./helpers";

const DOCS = readFileSync("docs/sheets.md", "utf8");
const ENUMS = readFileSync("../shared/real-data/enums/enums.csv", "utf8");

interface DocRow {
  word: string;
  plannedAs: string;
}

/** The status table: rows `| \`word\` | source | planned as |`. */
function statusTable(): DocRow[] {
  const section = DOCS.slice(DOCS.indexOf("## Statuses"));
  const rows: DocRow[] = [];
  for (const line of section.split("\n")) {
    const m = /^\| `([^`]+)` \| [^|]+ \| (.+) \|$/.exec(line);
    if (m) rows.push({ word: m[1], plannedAs: m[2] });
  }
  return rows;
}

/** Values of the API enums a status column can hold (budget_mode is not one). */
function enumValues(): string[] {
  return ENUMS.split("\n")
    .slice(1)
    .map((line) => (line.split(",")[0] === "budget_mode" ? "" : (line.split(",")[1] ?? "")))
    .filter((value) => value !== "");
}

function readOne(header: string[], row: Table[number]) {
  const read = readWorkbook(workbook({ campaigns: [header, row] }), OPTIONS);
  if (!read.ok) throw new Error(read.error);
  return { campaign: read.model.campaigns[0], warnings: read.warnings };
}

const LABEL: Record<string, CampaignStatus> = {
  Active: "active",
  Scheduled: "scheduled",
  Paused: "paused",
  Draft: "draft",
  Archived: "archived",
  Deleted: "deleted",
  Completed: "completed",
};

describe("status table (docs/sheets.md)", () => {
  const rows = statusTable();

  it("lists every operation_status, primary_status and secondary_status value of the API enums", () => {
    const documented = new Set(rows.map((row) => row.word));
    const values = enumValues();
    expect(values.length).toBeGreaterThan(140);
    expect(values.filter((value) => !documented.has(value))).toEqual([]);
  });

  for (const { word, plannedAs } of rows) {
    it(`R3: '${word}' is planned as ${plannedAs}`, () => {
      const header = ["Campaign ID", "Status", "Budget mode", "Budget", "End date"];
      for (const mode of ["Daily", "Lifetime"]) {
        const { campaign, warnings } = readOne(header, ["1", word, mode, 100, "2026-12-31"]);
        const assumed = warnings.filter((w) => w.code === "STATUS_ASSUMED");
        let expected: CampaignStatus;
        if (plannedAs.startsWith("Active (Daily")) {
          expected = mode === "Lifetime" ? "completed" : "active";
        } else {
          expected = LABEL[plannedAs.split(",")[0]];
        }
        expect(campaign?.status).toBe(expected);
        if (plannedAs.includes("info `STATUS_ASSUMED`")) {
          expect(assumed.map((w) => [w.severity, w.cell])).toEqual([["info", "B2"]]);
        } else if (plannedAs.includes("warning `STATUS_ASSUMED`")) {
          expect(assumed.map((w) => [w.severity, w.cell])).toEqual([["warning", "B2"]]);
        } else {
          expect(assumed).toEqual([]);
        }
        expect(warnings.filter((w) => w.code === "INVALID_VALUE")).toEqual([]);
      }
    });
  }
});

describe("status columns together", () => {
  const header = ["campaign_id", "budget", "operation_status", "secondary_status"];

  it("R3: operation_status DISABLE wins over a delivering secondary_status", () => {
    const { campaign } = readOne(header, ["1", 50, "DISABLE", "CAMPAIGN_STATUS_ENABLE"]);
    expect(campaign?.status).toBe("paused");
  });

  it("R3: otherwise the secondary status decides (ENABLE + out of budget today = Active)", () => {
    const { campaign } = readOne(header, ["1", 50, "ENABLE", "CAMPAIGN_STATUS_BUDGET_EXCEED"]);
    expect(campaign?.status).toBe("active");
    const rejected = readOne(header, ["1", 50, "ENABLE", "CAMPAIGN_STATUS_REVIEW_DISAPPROVED"]);
    expect(rejected.campaign?.status).toBe("paused");
  });

  it("R3: secondary_status beats Primary status; operation_status alone decides when it is all there is", () => {
    const both = readOne(
      ["Campaign ID", "Budget", "Primary status", "secondary_status"],
      ["1", 50, "Active", "ADGROUP_STATUS_TIME_DONE"],
    );
    expect(both.campaign?.status).toBe("completed");
    const alone = readOne(header, ["1", 50, "DELETE", ""]);
    expect(alone.campaign?.status).toBe("deleted");
  });

  it("R11: an unknown API value is Paused with a STATUS_ASSUMED warning naming the cell", () => {
    const { campaign, warnings } = readOne(header, [
      "1",
      50,
      "ENABLE",
      "CAMPAIGN_STATUS_NEW_THING",
    ]);
    expect(campaign?.status).toBe("paused");
    expect(warnings).toContainEqual(
      expect.objectContaining({
        code: "STATUS_ASSUMED",
        severity: "warning",
        sheet: "Campaigns",
        cell: "D2",
        campaign: "1",
      }),
    );
    const primary = readOne(["Campaign ID", "Budget", "Status"], ["1", 50, "STATUS_SOMETHING_NEW"]);
    expect(primary.campaign?.status).toBe("paused");
    expect(primary.warnings.map((w) => w.code)).toContain("STATUS_ASSUMED");
  });

  it("R11: unknown free text is INVALID_VALUE and the row is skipped", () => {
    const read = readWorkbook(
      workbook({
        campaigns: [
          ["Campaign ID", "Budget", "Status"],
          ["1", 50, "Sleeping"],
        ],
      }),
      OPTIONS,
    );
    expect(read.ok && read.model.campaigns).toEqual([]);
    expect(read.ok && read.warnings.find((w) => w.code === "INVALID_VALUE")?.cell).toBe("C2");
  });
});
