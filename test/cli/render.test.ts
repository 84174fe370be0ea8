import { describe, expect, it } from "vitest";
import {
  alignedTable,
  amountFormatter,
  MAX_WIDTH,
  renderDaily,
  renderPlan,
  wrapText,
} from "../../src/cli/render";
import { readAndPlan } from "../../src/sheets";

function samplePlan() {
  const result = readAndPlan(
    {
      account: [
        ["Plan start", "2026-12-01"],
        ["Horizon days", 20],
        ["Cash balance", 30],
      ],
      campaigns: [
        ["Campaign ID", "Campaign name", "Budget"],
        ["100", "Prospecting", 20],
      ],
      credits: [
        ["Credit ID", "Type", "Amount", "Issue date", "Valid until"],
        ["LATE", "Assignable", 40, "2026-11-20", "2026-12-10"],
        ["FREE", "Free", 25, "2026-11-20", "2026-12-31"],
      ],
    },
    { now: Date.UTC(2026, 11, 1, 12) },
  );
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

describe("human output", () => {
  it("credits at risk come first, with the last usable day and the amount", () => {
    const text = renderPlan(samplePlan(), { color: false });
    const atRisk = text.slice(text.indexOf("Credits at risk"), text.indexOf("\nCredits ("));
    expect(atRisk).toMatch(/LATE\s+Assignable\s+expires unused\s+2026-12-10\s+40\.00/);
    // One money style: the currency once in the header, amounts as numbers.
    expect(atRisk).toContain("At risk (USD)");
    expect(text).not.toContain("$");
    expect(text).toContain("Cash runs out on 2026-12-03");
    expect(text).not.toContain("\u001b[");
  });

  it("colours only when asked (a TTY)", () => {
    expect(renderPlan(samplePlan(), { color: true })).toContain("\u001b[1m");
  });

  it("tables are aligned: numbers right, text left", () => {
    expect(
      alignedTable(
        [{ header: "Name" }, { header: "Amount", align: "right" }],
        [
          ["a", "1"],
          ["bbb", "10.5"],
        ],
      ),
    ).toEqual(["  Name  Amount", "  ----  ------", "  a          1", "  bbb     10.5"]);
  });

  it("a table wider than 100 columns cuts names and wraps messages, never ids or amounts", () => {
    const id = "7123456789012345678";
    const lines = alignedTable(
      [
        { header: "Campaign" },
        { header: "Name", give: "cut" },
        { header: "Amount", align: "right" },
        { header: "Message", give: "wrap", min: 20 },
      ],
      [[id, "n".repeat(80), "1,234,567.89", "word ".repeat(40).trim()]],
    );
    for (const line of lines) expect(line.length).toBeLessThanOrEqual(MAX_WIDTH);
    expect(lines[2]).toContain(id);
    expect(lines[2]).toContain("1,234,567.89");
    expect(lines[2]).toContain("…");
    // The message went on over more lines, nothing lost.
    const words =
      lines
        .slice(2)
        .join(" ")
        .match(/\bword\b/g) ?? [];
    expect(words).toHaveLength(40);
  });

  it("wraps at word boundaries and splits only words longer than a line", () => {
    expect(wrapText("aa bb cc", 5)).toEqual(["aa bb", "cc"]);
    expect(wrapText("abcdefgh", 3)).toEqual(["abc", "def", "gh"]);
  });

  it("amounts use the currency's minor unit and grouping", () => {
    expect(amountFormatter(2)(123456)).toBe("1,234.56");
    expect(amountFormatter(0)(1234)).toBe("1,234");
    expect(amountFormatter(3)(1234)).toBe("1.234");
  });

  it("one campaign stopping reads in the singular (R10)", () => {
    const text = renderPlan(samplePlan(), { color: false });
    expect(text).toContain("1 campaign stops delivering");
  });

  it("--daily as a table: a row per ledger entry, dated, with who paid", () => {
    const plan = samplePlan();
    const lines = renderDaily(plan).trim().split("\n");
    expect(lines[0]).toBe(`Daily ledger (${plan.ledger.length} rows)`);
    expect(lines).toHaveLength(plan.ledger.length + 3);
    expect(lines[3]).toMatch(/^ {2}2026-12-01 {2}100 +credit:\S+ +\d+\.\d{2}$/);
  });
});

describe("terminal safety with wrapping (issue 16.8)", () => {
  it("a control character in a cell is shown escaped and measured as shown", () => {
    const lines = alignedTable(
      [{ header: "Name" }, { header: "Amount", align: "right" }],
      [
        ["a\u001b[2Jb", "1"],
        ["plain", "10"],
      ],
    );
    expect(lines.join("\n")).not.toContain("\u001b");
    expect(lines[2]).toBe("  a\\x1b[2Jb       1");
    expect(lines[3]).toBe(`  plain${" ".repeat(10)}10`);
  });

  it("wrapped words are escaped too", () => {
    expect(wrapText("one \u009btwo three", 9)).toEqual(["one", "\\x9btwo", "three"]);
  });
});

describe("where demand comes from (issue 12, spec v3 demandFrom)", () => {
  it("the campaigns section says, in words, which campaigns plan from ad groups or an expectation", () => {
    const result = readAndPlan(
      {
        campaigns: [
          ["Campaign ID", "Campaign name", "Budget mode", "Budget", "Expected daily spend"],
          ["100", "From ad groups", "No limit", "", ""],
          ["300", "From expectation", "Daily", "20", "15"],
        ],
        credits: [["Credit ID", "Type", "Amount"]],
        adGroups: [
          ["Ad group ID", "Campaign ID", "Status", "Budget mode", "Budget"],
          ["A1", "100", "Active", "Daily", "50"],
        ],
      },
      { now: Date.UTC(2026, 11, 1, 12) },
    );
    if (!result.ok) throw new Error(result.error);
    const text = renderPlan(result.plan, { color: false });
    expect(text).toContain("  Demand from ad groups: 100\n");
    expect(text).toContain("  Demand from expected spend: 300\n");
  });
});
