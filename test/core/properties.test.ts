/**
 * Property tests of the engine's invariants over random accounts (fast-check):
 * money conserved to the minor unit, no negative balance, no credit used
 * outside its validity or by a campaign it may not pay, no time-zone effect.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  Apportioner,
  apportion,
  type Campaign,
  type Credit,
  computeDemand,
  type Model,
  type Plan,
  passesRestrictions,
  SOURCE_CARD,
  SOURCE_CASH,
  SOURCE_UNDELIVERED,
  simulate,
} from "../../src/core";
import { simulationBasis } from "../../src/core/basis";
import { Rerunner, withAssignments } from "../../src/core/recommend";
import { campaign, credit, day, model } from "./builders";

const START = day("2026-12-01");
const PRODUCTS = ["In-feed", "Shopping ads", "Spark ads"];
const COUNTRIES = ["US", "CA", "GB"];

const arbCampaign = (i: number) =>
  fc
    .record({
      status: fc.constantFrom("active", "active", "scheduled", "paused", "draft", "completed"),
      budgetMode: fc.constantFrom("daily", "daily", "dynamic_daily", "lifetime", "no_limit"),
      budget: fc.integer({ min: 0, max: 50_000 }),
      expected: fc.option(fc.integer({ min: 0, max: 30_000 }), { freq: 3 }),
      spent: fc.integer({ min: 0, max: 20_000 }),
      startOffset: fc.option(fc.integer({ min: -10, max: 30 })),
      length: fc.option(fc.integer({ min: 0, max: 40 })),
      product: fc.option(fc.constantFrom(...PRODUCTS)),
      countries: fc.subarray(COUNTRIES),
    })
    .map(
      (r): Campaign =>
        campaign(`K${i}`, {
          status: r.status as Campaign["status"],
          budgetMode: r.budgetMode as Campaign["budgetMode"],
          budget: r.budget,
          expectedDailySpend: r.expected,
          spentToDate: r.spent,
          startDate: r.startOffset === null ? null : START + r.startOffset,
          endDate:
            r.budgetMode === "lifetime"
              ? START + (r.startOffset ?? 0) + (r.length ?? 10)
              : r.length === null
                ? null
                : START + (r.startOffset ?? 0) + r.length,
          adProduct: r.product,
          countries: r.countries,
        }),
    );

const arbCredit = (i: number, campaignCount: number) =>
  fc
    .record({
      type: fc.constantFrom(
        "free",
        "assignable",
        "conditional",
        "business_center",
        "spend_match",
        "coupon",
      ),
      status: fc.constantFrom(
        "available",
        "available",
        "available",
        "earning",
        "to_redeem",
        "used",
        "expired",
      ),
      amount: fc.integer({ min: 0, max: 100_000 }),
      usedShare: fc.integer({ min: 0, max: 100 }),
      issueOffset: fc.integer({ min: -40, max: 20 }),
      validityDays: fc.option(fc.integer({ min: 1, max: 40 })),
      validUntilOffset: fc.option(fc.integer({ min: -5, max: 40 }), { freq: 4 }),
      assigned: fc.subarray(
        Array.from({ length: campaignCount + 1 }, (_, k) => `K${k}`),
        { maxLength: Math.min(4, campaignCount + 1) },
      ),
      products: fc.subarray(PRODUCTS, { maxLength: 2 }),
      countries: fc.subarray(COUNTRIES, { maxLength: 2 }),
      minCash: fc.option(fc.integer({ min: 0, max: 50_000 })),
      threshold: fc.option(fc.integer({ min: 0, max: 100_000 })),
      countedOffset: fc.option(fc.integer({ min: -5, max: 10 })),
      spendSoFar: fc.integer({ min: 0, max: 20_000 }),
      earnByOffset: fc.option(fc.integer({ min: -2, max: 30 })),
      issueDelay: fc.option(fc.integer({ min: 0, max: 8 })),
      redeemOffset: fc.option(fc.integer({ min: -3, max: 20 })),
      redeemByOffset: fc.option(fc.integer({ min: -3, max: 30 })),
    })
    .map((r): Credit => {
      const used = Math.floor((r.amount * r.usedShare) / 200);
      const status =
        r.status === "to_redeem" && r.type !== "coupon"
          ? "available"
          : (r.status as Credit["status"]);
      return credit(`C${i}`, {
        type: r.type as Credit["type"],
        status,
        amount: r.amount,
        used,
        issueDate: START + r.issueOffset,
        validityDays: r.validityDays,
        validUntil: r.validUntilOffset === null ? null : START + r.validUntilOffset,
        assignedCampaigns: r.assigned,
        adProducts: r.products,
        countries: r.countries,
        minCashBalance: r.minCash,
        spendThreshold: r.threshold,
        spendCountedFrom: r.countedOffset === null ? null : START + r.countedOffset,
        spendSoFar: r.spendSoFar,
        earnBy: r.earnByOffset === null ? null : START + r.earnByOffset,
        issueDelay: r.issueDelay,
        redeemOn: r.redeemOffset === null ? null : START + r.redeemOffset,
        redeemBy: r.redeemByOffset === null ? null : START + r.redeemByOffset,
      });
    });

const arbModel: fc.Arbitrary<Model> = fc
  .record({
    campaignCount: fc.integer({ min: 0, max: 6 }),
    creditCount: fc.integer({ min: 0, max: 6 }),
  })
  .chain(({ campaignCount, creditCount }) =>
    fc.record({
      campaigns: fc.tuple(...Array.from({ length: campaignCount }, (_, i) => arbCampaign(i))),
      credits: fc.tuple(
        ...Array.from({ length: creditCount }, (_, i) => arbCredit(i, campaignCount)),
      ),
      horizonDays: fc.integer({ min: 1, max: 45 }),
      cashBalance: fc.integer({ min: -5_000, max: 200_000 }),
      fallbackPayment: fc.constantFrom("none", "card"),
      cardLimit: fc.option(fc.integer({ min: 0, max: 100_000 })),
      creditsBeforeCash: fc.boolean(),
      requirePositiveCash: fc.boolean(),
      creditOrder: fc.constantFrom("soonest_expiry", "sheet_order"),
      accountTier: fc.constantFrom("standard", "high"),
      onePromotionAtATime: fc.boolean(),
      deliveryRate: fc.constantFrom(1, 0.85, 0.5, 0.333),
      topUps: fc.array(
        fc.record({
          offset: fc.integer({ min: -3, max: 45 }),
          amount: fc.integer({ min: 0, max: 50_000 }),
        }),
        { maxLength: 3 },
      ),
    }),
  )
  .map((r) =>
    model({
      account: {
        horizonDays: r.horizonDays,
        cashBalance: r.cashBalance,
        fallbackPayment: r.fallbackPayment as "none" | "card",
        cardLimit: r.cardLimit,
        creditsBeforeCash: r.creditsBeforeCash,
        requirePositiveCash: r.requirePositiveCash,
        creditOrder: r.creditOrder as "soonest_expiry" | "sheet_order",
        accountTier: r.accountTier as "standard" | "high",
        onePromotionAtATime: r.onePromotionAtATime,
        deliveryRate: r.deliveryRate,
      },
      campaigns: r.campaigns,
      credits: r.credits,
      topUps: r.topUps.map((t) => ({ day: START + t.offset, amount: t.amount })),
    }),
  );

const RUNS = { numRuns: 1_000 };

function ledgerByCampaignDay(plan: Plan): Map<string, number> {
  const sums = new Map<string, number>();
  for (let i = 0; i < plan.ledger.length; i++) {
    const key = `${plan.ledger.campaign[i]}:${plan.ledger.day[i]}`;
    sums.set(key, (sums.get(key) ?? 0) + plan.ledger.amount[i]);
  }
  return sums;
}

describe("engine invariants (property tests)", () => {
  it("R2/R4: per campaign-day the sources add up to the demand; totals reconcile", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const plan = simulate(m);
        const { demand } = computeDemand(m);
        const sums = ledgerByCampaignDay(plan);
        demand.forEach((row, c) => {
          row.forEach((amount, i) => {
            expect(sums.get(`${c}:${plan.start + i}`) ?? 0).toBe(amount);
          });
        });
        for (let i = 0; i < plan.ledger.length; i++) {
          expect(Number.isInteger(plan.ledger.amount[i])).toBe(true);
          expect(plan.ledger.amount[i]).toBeGreaterThan(0);
        }
        for (const c of plan.campaigns) {
          expect(c.spend).toBe(c.creditFunded + c.cashFunded + c.cardFunded);
          expect(c.demand).toBe(c.spend + c.undelivered);
        }
        const t = plan.totals;
        expect(t.spend).toBe(t.creditFunded + t.cashFunded + t.cardFunded);
      }),
      RUNS,
    );
  });

  it("R4/R8: per credit remainingAtStart + issued = used + expired + remainingAtEnd", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const plan = simulate(m);
        for (const c of plan.credits) {
          expect(c.remainingAtStart + c.issued).toBe(c.used + c.expired + c.remainingAtEnd);
        }
        const fromLedger = new Map<number, number>();
        for (let i = 0; i < plan.ledger.length; i++) {
          const s = plan.ledger.source[i];
          if (s >= 0) fromLedger.set(s, (fromLedger.get(s) ?? 0) + plan.ledger.amount[i]);
        }
        plan.credits.forEach((c, k) => {
          expect(fromLedger.get(k) ?? 0).toBe(c.used);
        });
      }),
      RUNS,
    );
  });

  it("R4: no balance goes negative; cash never pays from a non-positive balance", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const plan = simulate(m);
        for (const b of plan.balances) expect(b).toBeGreaterThanOrEqual(0);
        for (const c of plan.credits) expect(c.remainingAtEnd).toBeGreaterThanOrEqual(0);
        const floor = Math.min(0, m.account.cashBalance);
        for (const cash of plan.cashByDay) expect(cash).toBeGreaterThanOrEqual(floor);
        if (m.account.cardLimit !== null && m.account.fallbackPayment === "card") {
          expect(plan.account.cardCharged).toBeLessThanOrEqual(m.account.cardLimit);
        }
        if (m.account.fallbackPayment === "none") expect(plan.account.cardCharged).toBe(0);
      }),
      RUNS,
    );
  });

  it("R5/R6/R8: no credit is used outside its validity or by a campaign it may not pay", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const plan = simulate(m);
        for (let i = 0; i < plan.ledger.length; i++) {
          const k = plan.ledger.source[i];
          if (k < 0) {
            expect([SOURCE_CASH, SOURCE_CARD, SOURCE_UNDELIVERED]).toContain(k);
            continue;
          }
          const result = plan.credits[k];
          const input = m.credits[k];
          const d = plan.ledger.day[i];
          const target = m.campaigns[plan.ledger.campaign[i]];
          expect(["available", "earning", "to_redeem"]).toContain(input.status);
          expect(result.issuedOn).not.toBeNull();
          expect(d).toBeGreaterThanOrEqual(result.issuedOn ?? Number.POSITIVE_INFINITY);
          expect(d).toBeLessThanOrEqual(result.lastUsableDay ?? Number.NEGATIVE_INFINITY);
          expect(passesRestrictions(input, target)).toBe(true);
          expect(["active", "scheduled"]).toContain(target.status);
          if (input.type === "assignable") expect(result.assignedCampaigns).toContain(target.id);
        }
      }),
      RUNS,
    );
  });

  it("R1: the same plan whatever the process time zone", () => {
    const zones = ["UTC", "Pacific/Kiritimati", "Pacific/Pago_Pago", "America/Los_Angeles"];
    const original = process.env.TZ;
    try {
      fc.assert(
        fc.property(arbModel, (m) => {
          const plans = zones.map((zone) => {
            process.env.TZ = zone;
            const plan = simulate(m);
            return JSON.stringify({
              ...plan,
              ledger: Array.from(plan.ledger.amount),
              balances: Array.from(plan.balances),
            });
          });
          for (const p of plans) expect(p).toBe(plans[0]);
        }),
        { numRuns: 200 },
      );
    } finally {
      process.env.TZ = original;
    }
  });

  it("R12: a re-run resumed from a checkpoint equals a full simulate of the changed model", () => {
    const withChanges = arbModel.chain((m) =>
      fc.record({
        m: fc.constant(m),
        changes: fc.array(
          fc.record({
            credit: fc.nat({ max: Math.max(0, m.credits.length - 1) }),
            ids: fc.subarray([...m.campaigns.map((c) => c.id), "unknown"]),
          }),
          { minLength: 1, maxLength: 3 },
        ),
      }),
    );
    fc.assert(
      fc.property(withChanges, ({ m, changes }) => {
        if (m.credits.length === 0) return;
        const basis = simulationBasis(m);
        const rerunner = new Rerunner(m, basis, m.credits.keys());
        const asIs = simulate(m, basis);
        expect(Array.from(rerunner.reference.expired)).toEqual(asIs.credits.map((c) => c.expired));
        const change = new Map(changes.map((c) => [c.credit, c.ids]));
        const resumed = rerunner.outcomeWith(change);
        const full = simulate(withAssignments(m, change), basis);
        expect(Array.from(resumed.used)).toEqual(full.credits.map((c) => c.used));
        expect(Array.from(resumed.expired)).toEqual(full.credits.map((c) => c.expired));
        expect(resumed.totalExpired).toBe(full.totals.creditExpired);
      }),
      RUNS,
    );
  });

  it("R4: the same plan and re-runs whether or not the basis keeps the dense day-major demand", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        const dense = simulationBasis(m);
        const written = simulationBasis(m, { denseDemandCells: 0 });
        expect(dense.denseDemand).not.toBeNull();
        expect(written.denseDemand).toBeNull();
        const asPlan = (basis: typeof dense) => {
          const plan = simulate(m, basis);
          return {
            ...plan,
            ledger: Array.from(plan.ledger.amount),
            balances: Array.from(plan.balances),
          };
        };
        expect(asPlan(written)).toEqual(asPlan(dense));
        if (m.credits.length === 0) return;
        // Lean re-runs read today's demand too (R12): every credit loses its list.
        const change = new Map(m.credits.map((_, k) => [k, [] as string[]]));
        const outcome = (basis: typeof dense) =>
          new Rerunner(m, basis, m.credits.keys()).outcomeWith(change);
        expect(outcome(written)).toEqual(outcome(dense));
      }),
      RUNS,
    );
  });

  it("R11: the engine never throws on a well-typed model", () => {
    fc.assert(
      fc.property(arbModel, (m) => {
        expect(() => simulate(m)).not.toThrow();
      }),
      RUNS,
    );
  });
});

/** R2 as written: largest remainder by a full sort of the indexes, ties to the earlier index. */
function apportionBySorting(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (total <= 0 || sum <= 0) return weights.map(() => 0);
  if (total >= sum) return [...weights];
  const exact = weights.map((w) => BigInt(total) * BigInt(w));
  const parts = exact.map((p) => Number(p / BigInt(sum)));
  const remainders = exact.map((p, i) => p - BigInt(parts[i]) * BigInt(sum));
  let left = total - parts.reduce((a, b) => a + b, 0);
  const order = weights.map((_, i) => i);
  order.sort((a, b) =>
    remainders[b] > remainders[a] ? 1 : remainders[b] < remainders[a] ? -1 : a - b,
  );
  for (const i of order) {
    if (left-- <= 0) break;
    parts[i] += 1;
  }
  return parts;
}

describe("R2 apportion (property test)", () => {
  it("R2: equals largest remainder by a full sort, ties to the earlier index", () => {
    // Small weights make many equal remainders, so the tie rule is exercised.
    const weights = fc.oneof(
      fc.array(fc.integer({ min: 0, max: 6 }), { minLength: 1, maxLength: 300 }),
      fc.array(fc.integer({ min: 0, max: 1_000_000 }), { minLength: 1, maxLength: 40 }),
      fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 8 }),
      // As many campaigns as a day's split in a large account: the bucketed cut.
      fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 200, maxLength: 1_500 }),
    );
    fc.assert(
      fc.property(weights, fc.double({ min: 0, max: 1, noNaN: true }), (ws, share) => {
        const sum = ws.reduce((a, b) => a + b, 0);
        const total = Math.floor(sum * share);
        const parts = apportion(total, ws);
        const expected = apportionBySorting(total, ws);
        expect(parts).toEqual(expected);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(Math.min(total, sum));
        // The engine passes the sum and largest weight it gathered.
        const known = new Apportioner().split(total, ws, ws.length, sum, Math.max(0, ...ws));
        expect(Array.from(known)).toEqual(expected);
      }),
      RUNS,
    );
  });
});
