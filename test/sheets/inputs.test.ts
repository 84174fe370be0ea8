/** R16: the reader counts rows read, planned and skipped per sheet; the plan carries them. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readAndPlan, readWorkbook, type Table } from "../../src/sheets";
import { skippedRowsNotes } from "../../src/sheets/completeness";
import { AT_TODAY, CAMPAIGN_HEADER, CREDIT_HEADER, OPTIONS, workbook } from "./helpers";

describe("R16 input counts", () => {
  it("R16: every campaign row skipped (Excel serial dates as text): counted, and the plan is incomplete", () => {
    const result = readAndPlan(
      workbook({
        campaigns: [
          ["Campaign ID", "Campaign name", "Budget", "Start date"],
          ["100", "Prospecting", 50, "45992.5x"],
          ["200", "Retargeting", 20, "4/5/2026 13:00 PM"],
        ],
        credits: [
          [...CREDIT_HEADER, "Assigned campaigns"],
          ["C1", "Assignable", 100, "2026-11-20", "100"],
        ],
      }),
      AT_TODAY,
    );
    if (!result.ok) throw new Error(result.error);
    const { plan } = result;
    expect(plan.inputs.campaigns).toEqual({ rows: 2, planned: 0, skipped: 2 });
    expect(plan.inputs.credits).toEqual({ rows: 1, planned: 1, skipped: 0 });
    expect(plan.inputs.topUps).toEqual({ rows: 0, planned: 0, skipped: 0 });
    expect(plan.inputs.adGroups).toEqual({ rows: 0, planned: 0, skipped: 0 });
    expect(plan.complete).toBe(false);
    expect(skippedRowsNotes(plan.inputs)).toEqual([
      "All 2 campaign rows were skipped — this plan leaves them out",
    ]);
    // R16: the skipped campaign is in the sheet: not "unknown", its row was skipped.
    const codes = plan.warnings.map((w) => w.code);
    expect(codes).not.toContain("UNKNOWN_CAMPAIGN");
    const skipped = plan.warnings.find((w) => w.code === "CAMPAIGN_ROW_SKIPPED");
    expect(skipped?.message).toContain("row 2 was skipped");
    expect(skipped).toMatchObject({ sheet: "Credits", cell: "E2", credit: "C1", campaign: "100" });
  });

  it("R16: a later duplicate id is skipped; a top-up before plan start is planned (no effect)", () => {
    const { model } = readOk({
      campaigns: [CAMPAIGN_HEADER, ["100", "A", 50], ["100", "B", 20], ["300", "C", "lots"]],
      topUps: [
        ["Date", "Amount"],
        ["2026-11-01", 100],
        ["2026-12-05", "a lot"],
        ["", ""],
        ["2026-12-06", 50],
      ],
    });
    expect(model.inputs?.campaigns).toEqual({ rows: 3, planned: 1, skipped: 2 });
    expect(model.inputs?.topUps).toEqual({ rows: 3, planned: 2, skipped: 1 });
  });

  it("R16: an optional sheet that lacks a required column: every row skipped", () => {
    const { model } = readOk({
      topUps: [
        ["Date", "Note"],
        ["2026-12-05", "x"],
        ["2026-12-06", "y"],
      ],
    });
    expect(model.inputs?.topUps).toEqual({ rows: 2, planned: 0, skipped: 2 });
  });

  it("R16: rows = planned + skipped, and planned campaigns are the model's (property)", () => {
    const cell = fc.oneof(
      fc.constant("lots"),
      fc.integer({ min: 0, max: 500 }),
      fc.constant(""),
      fc.constant("2026-12-01"),
    );
    const row = fc.tuple(fc.constantFrom("1", "2", "3", "4", ""), fc.constant("Name"), cell);
    fc.assert(
      fc.property(fc.array(row, { maxLength: 12 }), (rows) => {
        const { model } = readOk({ campaigns: [CAMPAIGN_HEADER, ...(rows as Table)] });
        const inputs = model.inputs;
        if (!inputs) throw new Error("no counts");
        for (const counts of Object.values(inputs)) {
          expect(counts.rows).toBe(counts.planned + counts.skipped);
        }
        expect(inputs.campaigns.planned).toBe(model.campaigns.length);
      }),
      { numRuns: 200 },
    );
  });
});

function readOk(overrides: Parameters<typeof workbook>[0]) {
  const read = readWorkbook(workbook(overrides), OPTIONS);
  if (!read.ok) throw new Error(read.error);
  return read;
}
