/** CONTRACT §5: the figures every face shows are computed once, in the plan. */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulate } from "../../src/core";
import { campaign, credit, day, model } from "./builders";

describe("plan figures (CONTRACT §5)", () => {
  it("R8: at risk is what expires unused; available is remaining at start plus issued", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10, cashBalance: 100_000 },
        campaigns: [campaign("A", { budget: 1_000 }), campaign("B", { budget: 500 })],
        credits: [
          credit("SOON", { amount: 5_000, validUntil: day("2026-12-03") }),
          credit("LATER", { amount: 2_000, issueDate: day("2026-12-05"), validityDays: 30 }),
        ],
      }),
    );
    const soon = plan.credits[0];
    const later = plan.credits[1];
    expect(soon.expired).toBeGreaterThan(0);
    expect(soon.atRisk).toBe(soon.expired);
    expect(later.available).toBe(later.remainingAtStart + later.issued);
    expect(later.atRisk).toBe(0);
    expect(plan.totals.creditAvailable).toBe(soon.available + later.available);
    expect(plan.totals.firstExpiryOn).toBe(soon.expiresOn);
  });

  it("R7: an offer that lapses puts its whole amount at risk", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10, cashBalance: 100_000 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [
          credit("SM", {
            type: "spend_match",
            status: "earning",
            amount: 3_000,
            spendThreshold: 1_000,
            earnBy: day("2026-12-05"),
            issueDate: null,
          }),
        ],
      }),
    );
    expect(plan.credits[0].status).toBe("lapsed");
    expect(plan.credits[0].atRisk).toBe(3_000);
    expect(plan.totals.creditAtRisk).toBe(3_000);
    expect(plan.totals.firstExpiryOn).toBeNull();
  });

  it("totals are the sums and earliest days of the rows, for any plan (R2, R10)", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5_000 }), { minLength: 1, maxLength: 4 }),
        fc.array(fc.integer({ min: 1, max: 3_000 }), { minLength: 1, maxLength: 4 }),
        fc.integer({ min: 0, max: 20_000 }),
        (budgets, amounts, cash) => {
          const plan = simulate(
            model({
              account: { horizonDays: 12, cashBalance: cash },
              campaigns: budgets.map((budget, i) => campaign(`K${i}`, { budget })),
              credits: amounts.map((amount, i) =>
                credit(`C${i}`, { amount, validUntil: day("2026-12-01") + 2 * i + 1 }),
              ),
            }),
          );
          const sum = (values: number[]) => values.reduce((a, b) => a + b, 0);
          const { totals } = plan;
          expect(totals.creditAvailable).toBe(sum(plan.credits.map((c) => c.available)));
          expect(totals.creditAtRisk).toBe(sum(plan.credits.map((c) => c.atRisk)));
          expect(totals.creditAvailable).toBe(totals.creditAtStart + totals.creditIssued);
          expect(totals.outOfPocket).toBe(totals.cashFunded + totals.cardFunded);
          const expiries = plan.credits.filter((c) => c.expired > 0).map((c) => c.expiresOn ?? 0);
          expect(totals.firstExpiryOn).toBe(expiries.length ? Math.min(...expiries) : null);
          const fallbacks = plan.campaigns.flatMap((c) =>
            c.cashFallbackOn === null ? [] : [c.cashFallbackOn],
          );
          expect(totals.firstFallbackOn).toBe(fallbacks.length ? Math.min(...fallbacks) : null);
        },
      ),
      { numRuns: 60 },
    );
  });
});
