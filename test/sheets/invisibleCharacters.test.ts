import { describe, expect, it } from "vitest";
import { readWorkbook } from "../../src/sheets";
import { invisibleCharacters } from "../../src/sheets/cells";
import { CAMPAIGN_HEADER, OPTIONS, workbook } from "./helpers";

describe("R11: ids that differ only by invisible characters (issue 16.10)", () => {
  it("two campaign ids that look identical: the one with a zero-width space is pointed at", () => {
    const read = readWorkbook(
      workbook({
        campaigns: [CAMPAIGN_HEADER, ["100", "A", 10], ["10\u200b0", "B", 10]],
      }),
      OPTIONS,
    );
    if (!read.ok) throw new Error(read.error);
    expect(read.model.campaigns.map((c) => c.id)).toEqual(["100", "10\u200b0"]);
    const warnings = read.warnings.filter((w) => w.code === "INVISIBLE_CHARACTERS");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ severity: "warning", sheet: "Campaigns", cell: "A3" });
    expect(warnings[0].message).toContain("U+200B");
  });

  it("credit ids and Assigned campaigns with a BOM, a joiner or bidi marks are pointed at", () => {
    const read = readWorkbook(
      workbook({
        credits: [
          ["Credit ID", "Type", "Amount", "Issue date", "Assigned campaigns"],
          ["C\ufeff1", "Free", 10, "2026-11-20", ""],
          ["A1", "Assignable", 10, "2026-11-20", "1\u200d00, \u202e100"],
          ["C2", "Free", 10, "2026-11-20", ""],
        ],
      }),
      OPTIONS,
    );
    if (!read.ok) throw new Error(read.error);
    const cells = read.warnings
      .filter((w) => w.code === "INVISIBLE_CHARACTERS")
      .map((w) => [w.cell, w.message.match(/U\+[0-9A-F]{4}/g)]);
    expect(cells).toEqual([
      ["A2", ["U+FEFF"]],
      ["E3", ["U+200D", "U+202E"]],
    ]);
  });

  it("plain ids, accents and emoji raise nothing", () => {
    for (const text of ["Prospecting-01", "Café", "Ünïcödé 🎯", "ＣＡＭＰ"]) {
      expect(invisibleCharacters(text)).toEqual([]);
    }
    expect(invisibleCharacters("a\u2060b\u200ec\u2066d\u00ade")).toEqual([
      "U+2060",
      "U+200E",
      "U+2066",
      "U+00AD",
    ]);
  });
});
