/** R13 money needed and top-up advice, R14 stops, R16 counts: hand-computed cases. */
import { describe, expect, it } from "vitest";
import { buildPlan, type Model, type Plan, simulate } from "../../../src/core";
import { campaign, credit, day, model } from "../builders";

const START = day("2026-12-01");
/** Day index i of the plan as a day number. */
const d = (i: number) => START + i;

/** One campaign spending $1.00 a day (100 cents) for `days` days. */
function oneDollarADay(parts: Parameters<typeof model>[0] & { days?: number }): Model {
  return model({
    ...parts,
    account: { horizonDays: parts.days ?? 10, ...parts.account },
    campaigns: parts.campaigns ?? [campaign("A", { budget: 100 })],
  });
}

const advice = (plan: Plan) => plan.advice.topUps.map((t) => [t.day - START, t.amount]);
const stopsOf = (plan: Plan, c = 0) =>
  plan.campaigns[c].stops.map((s) => [s.from - START, s.to - START]);
const message = (plan: Plan) => plan.warnings.find((w) => w.code === "CASH_RUNS_OUT")?.message;

describe("R13 money needed and top-up advice", () => {
  it("R13: money needed is cash + card + undelivered, beside what cash and card pay", () => {
    // $5 cash, $1 a day for 10 days, a $2 credit: credit 200, cash 500, undelivered 300.
    const plan = buildPlan(
      oneDollarADay({ account: { cashBalance: 500 }, credits: [credit("F", { amount: 200 })] }),
    );
    expect(plan.totals.creditFunded).toBe(200);
    expect(plan.totals.cashFunded).toBe(500);
    expect(plan.totals.undelivered).toBe(300);
    expect(plan.totals.moneyNeeded).toBe(800);
  });

  it("R13: cash that lasts 5 of 10 days: top up the other 5 days' spend on the stop day", () => {
    const plan = buildPlan(oneDollarADay({ account: { cashBalance: 500 } }));
    expect(plan.account.cashRunsOutOn).toBe(d(4));
    expect(stopsOf(plan)).toEqual([[5, 9]]);
    expect(advice(plan)).toEqual([[5, 500]]);
    expect(plan.advice.topUps[0].until).toBe(d(9));
    expect(message(plan)).toContain("Top up 5.00 USD on 2026-12-06");
  });

  it("R13: no stop, no advice", () => {
    const plan = buildPlan(oneDollarADay({ account: { cashBalance: 1_000 } }));
    expect(plan.advice.topUps).toEqual([]);
    expect(plan.advice.replans).toBe(0);
  });

  it("R13: a listed top-up ends the window; the advice covers only up to the day before it", () => {
    // $2 cash; $3 topped up on day 5. Days 2–4 stop, the top-up pays days 5–7, days 8–9 stop.
    const plan = buildPlan(
      oneDollarADay({ account: { cashBalance: 200 }, topUps: [{ day: d(5), amount: 300 }] }),
    );
    expect(stopsOf(plan)).toEqual([
      [2, 4],
      [8, 9],
    ]);
    expect(advice(plan)).toEqual([
      [2, 300],
      [8, 200],
    ]);
  });

  it("R13: a top-up dated after the horizon does not end a window", () => {
    const plan = buildPlan(
      oneDollarADay({ account: { cashBalance: 200 }, topUps: [{ day: d(30), amount: 10_000 }] }),
    );
    expect(advice(plan)).toEqual([[2, 800]]);
  });

  it("R13: a conditional credit the top-up unlocks: the advice is the unlock threshold, not the shortfall", () => {
    // No cash; a $100 credit usable while cash ≥ $3. Shortfall $10, but $3 unlocks the credit,
    // which then pays every day while the $3 stays; $2.99 never unlocks it and lasts 2.99 days.
    const plan = buildPlan(
      oneDollarADay({
        account: { cashBalance: 0 },
        credits: [credit("COND", { type: "conditional", amount: 10_000, minCashBalance: 300 })],
      }),
    );
    expect(plan.totals.undelivered).toBe(1_000);
    expect(advice(plan)).toEqual([[0, 300]]);
  });

  it("R13: the cash gate with negative starting cash: one minor unit above zero lets the credit pay", () => {
    // −$2 cash, Require positive cash balance: every day is a gate day although a free credit
    // could pay. $2.01 makes the balance positive; the credit pays everything, cash stays $0.01.
    const plan = buildPlan(
      oneDollarADay({
        days: 5,
        account: { cashBalance: -200, requirePositiveCash: true },
        credits: [credit("F", { amount: 10_000 })],
      }),
    );
    expect(stopsOf(plan)).toEqual([[0, 4]]);
    expect(plan.totals.creditBlocked).toBeGreaterThan(0);
    expect(advice(plan)).toEqual([[0, 201]]);
    expect(message(plan)).toContain("not positive");
  });

  it("R13: a card limit that runs out: the card pays after cash, the advice is cash, with the card's part", () => {
    // $2 cash, then a card limited to $2.50: cash days 0–1, card days 2–3 and half of day 4.
    // From day 4, $5.50 of cash keeps delivering: $1 a day on days 4–8, and on day 9 cash
    // pays its last $0.50 and the card its last $0.50.
    const plan = buildPlan(
      oneDollarADay({
        account: { cashBalance: 200, fallbackPayment: "card", cardLimit: 250 },
      }),
    );
    expect(plan.account.cashRunsOutOn).toBe(d(1));
    expect(plan.account.cardLimitReachedOn).toBe(d(4));
    expect(stopsOf(plan)).toEqual([[4, 9]]);
    expect(advice(plan)).toEqual([[4, 550]]);
    expect(plan.advice.topUps[0].cardPays).toBe(50);
    expect(plan.advice.cardPaysWithAdvice).toBe(250);
    const text = message(plan) ?? "";
    expect(text).toContain(
      "Cash runs out on 2026-12-02, then the card pays until its 2.50 USD limit runs out on 2026-12-05",
    );
    expect(text).toContain("Top up 5.50 USD on 2026-12-05");
    expect(text).not.toContain("set a card as fallback");
  });

  it("R13: each advised amount works and one minor unit less does not (re-planned)", () => {
    const base = oneDollarADay({
      account: { cashBalance: 0 },
      credits: [credit("COND", { type: "conditional", amount: 10_000, minCashBalance: 300 })],
    });
    const plan = buildPlan(base);
    const [{ day: on, amount }] = plan.advice.topUps;
    const works = simulate({ ...base, topUps: [{ day: on, amount }] });
    const short = simulate({ ...base, topUps: [{ day: on, amount: amount - 1 }] });
    expect(works.totals.undelivered).toBe(0);
    expect(short.totals.undelivered).toBeGreaterThan(0);
  });
});

describe("R14 stops and resumes", () => {
  it("R14: a stop ended by a spend-match credit landing", () => {
    // $3 cash pays days 0–2; that out-of-pocket $3 reaches the offer's threshold on day 2,
    // so it lands on day 4 (default delay 2 calendar days). Day 3 stops; the credit pays from day 4.
    const plan = buildPlan(
      oneDollarADay({
        account: { cashBalance: 300 },
        credits: [
          credit("SM", {
            type: "spend_match",
            status: "earning",
            amount: 10_000,
            issueDate: null,
            spendThreshold: 300,
          }),
        ],
      }),
    );
    expect(plan.credits[0].issuedOn).toBe(d(4));
    expect(stopsOf(plan)).toEqual([[3, 3]]);
    expect(plan.campaigns[0].stoppedOn).toBe(d(3));
    expect(advice(plan)).toEqual([[3, 100]]);
    expect(plan.landings).toEqual([{ day: d(4), credit: "SM", amount: 10_000 }]);
  });

  it("R14: a day without demand ends a stop", () => {
    // Demand on days 0–3 and 5–9 (a one-day gap); no money: two stops.
    const plan = simulate(
      model({
        account: { horizonDays: 10 },
        campaigns: [
          campaign("A", { budget: 100, endDate: d(3) }),
          campaign("B", { budget: 100, startDate: d(5) }),
        ],
      }),
    );
    expect(stopsOf(plan, 0)).toEqual([[0, 3]]);
    expect(stopsOf(plan, 1)).toEqual([[5, 9]]);
    expect(Array.from(plan.undeliveredByDay)).toEqual([
      100, 100, 100, 100, 0, 100, 100, 100, 100, 100,
    ]);
    expect(message(plan)).toContain(
      "from 2026-12-01 to 2026-12-04 and from 2026-12-06 to 2026-12-10",
    );
  });

  it("R14: a top-up ends a stop and the stop day is the first stop's first day", () => {
    const plan = buildPlan(
      oneDollarADay({ account: { cashBalance: 100 }, topUps: [{ day: d(3), amount: 200 }] }),
    );
    expect(stopsOf(plan)).toEqual([
      [1, 2],
      [5, 9],
    ]);
    expect(plan.campaigns[0].stoppedOn).toBe(d(1));
    expect(plan.listedTopUps).toEqual([{ day: d(3), amount: 200 }]);
  });
});

describe("R16 input counts", () => {
  it("R16: a model given without a reader counts every row as read and planned", () => {
    const plan = simulate(
      oneDollarADay({ credits: [credit("F")], topUps: [{ day: d(1), amount: 1 }] }),
    );
    expect(plan.inputs.campaigns).toEqual({ rows: 1, planned: 1, skipped: 0 });
    expect(plan.inputs.credits).toEqual({ rows: 1, planned: 1, skipped: 0 });
    expect(plan.inputs.adGroups).toEqual({ rows: 0, planned: 0, skipped: 0 });
    expect(plan.complete).toBe(true);
  });

  it("R16: the reader's counts are carried; one skipped row makes the plan incomplete", () => {
    const counts = { rows: 0, planned: 0, skipped: 0 };
    const plan = buildPlan({
      ...oneDollarADay({}),
      inputs: {
        campaigns: { rows: 3, planned: 1, skipped: 2 },
        credits: counts,
        topUps: counts,
        spendHistory: counts,
        adGroups: counts,
      },
    });
    expect(plan.inputs.campaigns.skipped).toBe(2);
    expect(plan.complete).toBe(false);
  });
});
