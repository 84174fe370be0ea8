import { describe, expect, it } from "vitest";
import { isoDate } from "../../../src/core/calendar";
import { simulate } from "../../../src/core/engine";
import { recommend } from "../../../src/core/recommend/recommend";
import { campaign, assignableCredit as credit, model, PLAN_START } from "../builders";

function offer(endsAfterDays: number | null) {
  return model({
    campaigns: [
      campaign("X", {
        budget: 10_000,
        endDate: endsAfterDays === null ? null : PLAN_START + endsAfterDays,
      }),
    ],
    credits: [
      credit("SM", {
        type: "spend_match",
        status: "earning",
        amount: 100_000,
        issueDate: null,
        validityDays: 10,
        spendThreshold: 50_000,
        source: { sheet: "Credits", row: 4, cells: { spendThreshold: "N4" } },
      }),
    ],
    account: { cashBalance: 10_000_000, horizonDays: 30 },
  });
}

describe("R12 spend-match readiness", () => {
  it("R12: an offer that lands and expires with money left raises SPEND_MATCH_LANDS_IDLE", () => {
    // 100.00 a day reaches 500.00 on day 5 (t = start + 4); it lands 2 days later (R7).
    const m = offer(8);
    const plan = simulate(m);
    const landed = plan.credits[0];
    expect(landed.issuedOn).toBe(PLAN_START + 6);
    expect(landed.expired).toBe(70_000);
    const { warnings } = recommend(m, plan);
    expect(warnings).toHaveLength(1);
    const [warning] = warnings;
    expect(warning.code).toBe("SPEND_MATCH_LANDS_IDLE");
    expect(warning.severity).toBe("warning");
    expect(warning.sheet).toBe("Credits");
    expect(warning.cell).toBe("N4");
    expect(warning.credit).toBe("SM");
    expect(warning.message).toContain(isoDate(PLAN_START + 6));
    expect(warning.message).toContain("700.00 USD");
    // 700.00 over its 10 valid days: 70.00 more a day.
    expect(warning.message).toContain("70.00 USD more daily spend");
  });

  it("R12: no warning when the planned campaigns use the landed credit up", () => {
    const m = offer(null);
    const plan = simulate(m);
    expect(plan.credits[0].expired).toBe(0);
    expect(recommend(m, plan).warnings).toEqual([]);
  });

  it("R12: no warning for an offer that never lands in the horizon", () => {
    const m = offer(2);
    const plan = simulate(m);
    expect(plan.credits[0].issued).toBe(0);
    expect(recommend(m, plan).warnings).toEqual([]);
  });
});
