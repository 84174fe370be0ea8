/**
 * Properties of R13 advice and R14 stops over random accounts that run short
 * of money (fast-check): the advice leaves no stop, one minor unit less of an
 * advised amount leaves one in its window, stops are the ledger's undelivered
 * days in maximal runs.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  buildPlan,
  type Credit,
  type Model,
  type Plan,
  SOURCE_UNDELIVERED,
  simulate,
} from "../../../src/core";
import { campaign, credit, day, model } from "../builders";

const START = day("2026-12-01");
const DAYS = 40;

const arbCredit = (i: number) =>
  fc
    .record({
      type: fc.constantFrom("free", "conditional", "spend_match", "coupon", "business_center"),
      amount: fc.integer({ min: 0, max: 5_000 }),
      issueOffset: fc.integer({ min: -5, max: 30 }),
      validityDays: fc.option(fc.integer({ min: 1, max: 30 })),
      minCash: fc.option(fc.integer({ min: 0, max: 3_000 })),
      threshold: fc.option(fc.integer({ min: 0, max: 3_000 })),
      redeemOffset: fc.integer({ min: 0, max: 30 }),
    })
    .map((r): Credit => {
      const earning = r.type === "spend_match";
      const coupon = r.type === "coupon";
      return credit(`C${i}`, {
        type: r.type as Credit["type"],
        amount: r.amount,
        status: earning ? "earning" : coupon ? "to_redeem" : "available",
        issueDate: earning || coupon ? null : START + r.issueOffset,
        validityDays: r.validityDays,
        minCashBalance: r.type === "conditional" ? r.minCash : null,
        spendThreshold: earning
          ? (r.threshold ?? 500)
          : r.type === "conditional"
            ? r.threshold
            : null,
        redeemOn: coupon ? START + r.redeemOffset : null,
      });
    });

const arbModel: fc.Arbitrary<Model> = fc
  .record({
    budgets: fc.array(
      fc.record({
        budget: fc.integer({ min: 1, max: 500 }),
        startOffset: fc.integer({ min: 0, max: 20 }),
        length: fc.option(fc.integer({ min: 0, max: 40 })),
      }),
      { minLength: 1, maxLength: 4 },
    ),
    credits: fc
      .integer({ min: 0, max: 4 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => arbCredit(i)))),
    cash: fc.integer({ min: -2_000, max: 5_000 }),
    topUps: fc.array(
      fc.record({
        offset: fc.integer({ min: -3, max: DAYS + 5 }),
        amount: fc.integer({ min: 0, max: 5_000 }),
      }),
      { maxLength: 4 },
    ),
    requirePositiveCash: fc.boolean(),
    card: fc.option(fc.integer({ min: 0, max: 3_000 })),
    creditsBeforeCash: fc.boolean(),
    onePromotionAtATime: fc.boolean(),
  })
  .map((r) =>
    model({
      account: {
        horizonDays: DAYS,
        cashBalance: r.cash,
        requirePositiveCash: r.requirePositiveCash,
        fallbackPayment: r.card === null ? "none" : "card",
        cardLimit: r.card,
        creditsBeforeCash: r.creditsBeforeCash,
        onePromotionAtATime: r.onePromotionAtATime,
      },
      campaigns: r.budgets.map((b, i) =>
        campaign(`K${i}`, {
          budget: b.budget,
          startDate: START + b.startOffset,
          endDate: b.length === null ? null : START + b.startOffset + b.length,
        }),
      ),
      credits: [...r.credits],
      topUps: r.topUps.map((t) => ({ day: START + t.offset, amount: t.amount })),
    }),
  );

function withTopUps(m: Model, extra: { day: number; amount: number }[]): Model {
  return { ...m, topUps: [...m.topUps, ...extra] };
}

/** Whether any demand goes undelivered on from…to (inclusive). */
function undeliveredIn(plan: Plan, from: number, to: number): boolean {
  for (let i = from - plan.start; i <= to - plan.start; i++) {
    if (plan.undeliveredByDay[i] > 0) return true;
  }
  return false;
}

describe("R13/R14 properties", () => {
  it("R13: applying the advice as top-ups leaves no stop", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const plan = buildPlan(m, { recommendations: false });
        const applied = simulate(withTopUps(m, plan.advice.topUps));
        expect(applied.totals.undelivered).toBe(0);
        expect(applied.campaigns.every((c) => c.stops.length === 0)).toBe(true);
        expect(plan.advice.topUps.length === 0).toBe(plan.totals.undelivered === 0);
      }),
      { numRuns: 100 },
    );
  });

  it("R13: each advised amount minus one minor unit leaves a stop in its window", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const { topUps } = buildPlan(m, { recommendations: false }).advice;
        topUps.forEach((t, k) => {
          expect(t.amount).toBeGreaterThan(0);
          const before = topUps.slice(0, k);
          const short = simulate(withTopUps(m, [...before, { day: t.day, amount: t.amount - 1 }]));
          expect(undeliveredIn(short, t.day, t.until)).toBe(true);
          // The advice's day is a stop day of the plan with the advice so far (R13)…
          const sofar = simulate(withTopUps(m, before));
          expect(undeliveredIn(sofar, t.day, t.day)).toBe(true);
          // …and the first: every day before it delivers (R13 walks forward).
          expect(undeliveredIn(sofar, m.account.planStart, t.day - 1)).toBe(false);
        });
      }),
      { numRuns: 100 },
    );
  });

  it("R14: stops are the ledger's undelivered days, in maximal runs", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const plan = simulate(m);
        plan.campaigns.forEach((c, ci) => {
          const days = new Set<number>();
          for (let r = 0; r < plan.ledger.length; r++) {
            if (plan.ledger.campaign[r] === ci && plan.ledger.source[r] === SOURCE_UNDELIVERED) {
              days.add(plan.ledger.day[r]);
            }
          }
          const covered = new Set<number>();
          c.stops.forEach((s, k) => {
            expect(s.from).toBeLessThanOrEqual(s.to);
            if (k > 0) expect(s.from).toBeGreaterThan(c.stops[k - 1].to + 1);
            for (let x = s.from; x <= s.to; x++) covered.add(x);
          });
          expect([...covered].sort()).toEqual([...days].sort());
          expect(c.stoppedOn).toBe(c.stops[0]?.from ?? null);
          expect(plan.totals.moneyNeeded).toBe(
            plan.totals.cashFunded + plan.totals.cardFunded + plan.totals.undelivered,
          );
        });
      }),
      { numRuns: 150 },
    );
  });
});
