import { describe, expect, it } from "vitest";
import { toMajor } from "../../src/core";
import { readAndPlan } from "../../src/sheets";
import { summaryTable } from "../../src/sheets/outputSheets";

/** A card with a 10.00 limit pays after 30.00 of cash; one campaign row cannot be read. */
function cardPlan() {
  const result = readAndPlan(
    {
      account: [
        ["Plan start", "2026-12-01"],
        ["Horizon days", 10],
        ["Cash balance", 30],
        ["Fallback payment", "Card"],
        ["Card limit", 10],
      ],
      campaigns: [
        ["Campaign ID", "Campaign name", "Budget"],
        ["100", "Prospecting", 20],
        ["101", "Broken", "abc"],
      ],
      credits: [
        ["Credit ID", "Type", "Amount", "Issue date", "Valid until"],
        ["FREE", "Free", 5, "2026-11-20", "2026-12-31"],
      ],
    },
    { now: Date.UTC(2026, 11, 1, 12) },
  );
  if (!result.ok) throw new Error(result.error);
  return result.plan;
}

describe("Plan summary sheet (R13, R14, R16)", () => {
  const plan = cardPlan();
  const table = summaryTable(plan, "2026-12-01 09:00:00 (UTC)");
  const row = (figure: string) => table.rows.find((r) => r[0] === figure);

  it("R16: skipped rows come before the stamp and every total", () => {
    expect(plan.complete).toBe(false);
    expect(table.rows[0][0]).toBe("Skipped rows");
    expect(table.rows[0][4]).toMatch(/1 of 2 campaign rows? (was|were) skipped/);
    expect(table.rows[1][0]).toBe("Plan");
  });

  it("R13: each top-up says what the card then pays, and the card's part of its limit", () => {
    expect(plan.advice.topUps.length).toBeGreaterThan(0);
    const topUps = table.rows.filter((r) => r[0] === "Top up");
    topUps.forEach((r, i) => {
      const advised = plan.advice.topUps[i];
      expect(r.slice(1, 3)).toEqual([toMajor(advised.amount, 2), advised.day]);
      expect(r[4]).toContain("; the card then pays ");
    });
    expect(row("Card pays with the top-ups")?.[1]).toBe(toMajor(plan.advice.cardPaysWithAdvice, 2));
    expect(row("Card pays with the top-ups")?.[4]).toContain("of its 10.00 USD limit");
    expect(row("Card pays")?.[1]).toBe(toMajor(plan.totals.cardFunded, 2));
  });

  it("R14: the stopping campaign's stops, counted", () => {
    const stopping = plan.campaigns.filter((c) => c.stops.length > 0);
    expect(row("Campaigns that stop")?.[3]).toBe(stopping.length);
    for (const c of stopping) {
      expect(row(`Stops: ${c.name} (${c.id})`)?.[3]).toBe(c.stops.length);
    }
  });

  it("every row has the five columns, money and dates in their columns", () => {
    expect(table.kinds).toEqual(["text", "money", "date", "number", "text"]);
    for (const r of table.rows) expect(r).toHaveLength(5);
  });
});
