import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { computeDemand } from "../../../src/core/demand";
import { canBeNewlyAssigned, passesRestrictions } from "../../../src/core/eligibility";
import { simulate } from "../../../src/core/engine";
import type { Model } from "../../../src/core/model";
import type { Plan } from "../../../src/core/plan";
import { recommend } from "../../../src/core/recommend/recommend";
import {
  boundCredits,
  creditUpperBound,
  maxCreditFlow,
} from "../../../src/core/recommend/upperBound";
import { assignmentLimitFor } from "../../../src/core/validity";
import { campaign, assignableCredit as credit, model, prng, randomModel } from "../builders";

function creditUsed(plan: Plan): number {
  return plan.credits.reduce((sum, c) => sum + c.used, 0);
}

/** Another choice of assignments: random eligible campaigns within each credit's limit. */
function reassigned(m: Model, plan: Plan, seed: number): Model {
  const random = prng(seed);
  return {
    ...m,
    credits: m.credits.map((c, i) => {
      if (c.type !== "assignable") return c;
      const limit = assignmentLimitFor(
        plan.credits[i].issuedOn ?? c.issueDate ?? m.account.planStart,
        m.account.assignmentLimit,
      );
      const ids = m.campaigns
        .filter((k) => canBeNewlyAssigned(k) && passesRestrictions(c, k) && random() < 0.6)
        .map((k) => k.id)
        .slice(0, limit);
      return { ...c, assignedCampaigns: ids };
    }),
  };
}

describe("R12 credit upper bound", () => {
  it("R12: the bound is never below the credit any plan uses (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), (seed) => {
        const m = randomModel(seed);
        const plan = simulate(m);
        const bound = recommend(m, plan).creditUpperBound;
        expect(bound).toBeGreaterThanOrEqual(creditUsed(plan));
        // Other assignments (the bound covers any choice of assignments).
        for (let k = 1; k <= 3; k++) {
          const other = simulate(reassigned(m, plan, seed * 7 + k));
          expect(bound).toBeGreaterThanOrEqual(creditUsed(other));
        }
        // The raw max-flow itself (before the max with the plan's use) is a relaxation too.
        const raw = maxCreditFlow(boundCredits(m, plan), computeDemand(m).demand, plan.days).flow;
        expect(raw).toBeGreaterThanOrEqual(creditUsed(plan));
        expect(creditUpperBound(m, plan, computeDemand(m).demand)).toBe(bound);
      }),
      { numRuns: 200 },
    );
  });

  it("R12: the bound equals what the best assignment uses when it can use everything", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.integer({ min: 1, max: 6 }),
        fc.integer({ min: 5, max: 30 }),
        fc.integer({ min: 1, max: 1_000_000 }),
        (creditCount, campaignsPerCredit, validity, seed) => {
          const random = prng(seed);
          // Each assignable credit has its own ad product and campaigns whose demand in its
          // validity exceeds its amount; a free credit over everything takes a share of the rest.
          const campaigns = [];
          const credits = [];
          let leftover = 0;
          for (let k = 0; k < creditCount; k++) {
            const product = `P${k}`;
            let demandInWindow = 0;
            for (let j = 0; j < campaignsPerCredit; j++) {
              const budget = 100 * (1 + Math.floor(random() * 50));
              demandInWindow += budget * validity;
              campaigns.push(campaign(`${product}-${j}`, { adProduct: product, budget }));
            }
            const amount = Math.floor(demandInWindow * (0.2 + 0.7 * random()));
            leftover += demandInWindow - amount;
            credits.push(
              credit(`A${k}`, { amount, validityDays: validity, adProducts: [product] }),
            );
          }
          const freeAmount = Math.floor(leftover * random());
          credits.push(credit("F", { type: "free", amount: freeAmount, validityDays: validity }));
          const m = model({
            campaigns: campaigns,
            credits: credits,
            account: { cashBalance: 10_000_000, horizonDays: 40 },
          });
          const plan = simulate(m);
          const { recommendations, creditUpperBound: bound } = recommend(m, plan);
          const applied = simulate({
            ...m,
            credits: m.credits.map((c) => {
              const rec = recommendations.find((r) => r.credit === c.id);
              return rec ? { ...c, assignedCampaigns: rec.assign } : c;
            }),
          });
          expect(creditUsed(applied)).toBe(bound);
          expect(bound).toBe(credits.reduce((sum, c) => sum + c.amount, 0));
        },
      ),
      { numRuns: 60 },
    );
  });

  it("R12: a restricted credit's bound counts only campaigns it may pay, inside its validity", () => {
    const m = model({
      campaigns: [
        campaign("S", { adProduct: "Spark", budget: 1_000 }),
        campaign("T", { adProduct: "TopView", budget: 100_000 }),
        campaign("P", { adProduct: "Spark", budget: 100_000, status: "paused" }),
      ],
      credits: [credit("A", { amount: 1_000_000, validityDays: 7, adProducts: ["Spark"] })],
      account: { cashBalance: 0, horizonDays: 30 },
    });
    const plan = simulate(m);
    // Only S (10.00 a day) for 7 days: 70.00; paused P has no demand, T is not Spark.
    expect(recommend(m, plan).creditUpperBound).toBe(7_000);
  });

  it("R12: conditional credits and the cash gate are relaxed, so the bound may exceed the plan", () => {
    const m = model({
      campaigns: [campaign("X", { budget: 1_000 })],
      credits: [credit("Q", { type: "conditional", amount: 5_000, minCashBalance: 100_000 })],
      account: { cashBalance: 0, horizonDays: 10 },
    });
    const plan = simulate(m);
    expect(creditUsed(plan)).toBe(0);
    expect(recommend(m, plan).creditUpperBound).toBe(5_000);
  });

  it("R12: random accounts give a bound between the plan's use and all credit available", () => {
    for (let seed = 500; seed < 560; seed++) {
      const m = randomModel(seed);
      const plan = simulate(m);
      const bound = recommend(m, plan).creditUpperBound;
      const available = plan.credits.reduce((s, c) => s + c.remainingAtStart + c.issued, 0);
      expect(bound).toBeGreaterThanOrEqual(creditUsed(plan));
      expect(bound).toBeLessThanOrEqual(available);
    }
  });
});
