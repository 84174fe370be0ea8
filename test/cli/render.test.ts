import { describe, expect, it } from "vitest";
import { alignedTable, moneyFormatter, renderPlan } from "../../src/cli/render";
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
    const atRisk = text.slice(text.indexOf("Credits at risk"), text.indexOf("\nCredits\n"));
    expect(atRisk).toMatch(/LATE\s+Assignable\s+expires unused\s+2026-12-10\s+\$40\.00/);
    expect(text).toContain("Cash runs out on 2026-12-03");
    expect(text).not.toContain("\u001b[");
  });

  it("colours only when asked (a TTY)", () => {
    expect(renderPlan(samplePlan(), { color: true })).toContain("\u001b[1m");
  });

  it("tables are aligned: numbers right, text left", () => {
    expect(
      alignedTable(
        ["Name", "Amount"],
        [
          ["a", "1"],
          ["bbb", "10.5"],
        ],
        ["left", "right"],
      ),
    ).toEqual(["  Name  Amount", "  ----  ------", "  a          1", "  bbb     10.5"]);
  });

  it("amounts use the currency's symbol and minor unit", () => {
    expect(moneyFormatter("USD", 2)(123456)).toBe("$1,234.56");
    expect(moneyFormatter("JPY", 0)(1234)).toBe("¥1,234");
    expect(moneyFormatter("BHD", 3)(1234)).toMatch(/^BHD\s1\.234$/);
  });
});
