/**
 * R3 with the optional Ad groups sheet (SHEETS.md "Real exports (spec v3)"):
 * No-limit campaigns want what their delivering ad groups want, and blank
 * campaign dates come from the ad groups. Plan start is 2026-12-01; every
 * figure is worked out by hand in the comments (money in cents).
 */
import { describe, expect, it } from "vitest";
import { computeDemand, type Model, simulate } from "../../src/core";
import { adGroup, campaign, day, model } from "./builders";

/** Demand per day of the campaign at `index`, as plain numbers. */
function perDay(m: Model, index = 0): number[] {
  return Array.from(computeDemand(m).demand[index]);
}

const noLimit = (id: string, fields = {}) =>
  campaign(id, { budgetMode: "no_limit", budget: 0, ...fields });

describe("R3 demand from ad groups", () => {
  it("R3: a No-limit campaign wants the sum of its ad groups' daily budgets, each in its own schedule", () => {
    const m = model({
      account: { horizonDays: 10 },
      campaigns: [noLimit("N")],
      adGroups: [
        // $50 a day on Dec 1–4, $30 a day on Dec 3–10.
        adGroup("G1", "N", {
          budget: 5_000,
          startDate: day("2026-12-01"),
          endDate: day("2026-12-04"),
        }),
        adGroup("G2", "N", {
          budget: 3_000,
          startDate: day("2026-12-03"),
          endDate: day("2026-12-10"),
        }),
      ],
    });
    expect(perDay(m)).toEqual([
      5_000, 5_000, 8_000, 8_000, 3_000, 3_000, 3_000, 3_000, 3_000, 3_000,
    ]);
    const plan = simulate(m);
    // 4 × 50 + 8 × 30 = 440.00
    expect(plan.campaigns[0].demand).toBe(44_000);
    expect(plan.campaigns[0].demandFrom).toBe("adGroups");
    expect(plan.warnings.map((w) => w.code)).not.toContain("NO_SPEND_ESTIMATE");
  });

  it("R3: ad-group daily budgets take the Account Delivery rate, rounded half away from zero", () => {
    const m = model({
      account: { horizonDays: 2, deliveryRate: 0.85 },
      campaigns: [noLimit("N")],
      adGroups: [adGroup("G1", "N", { budget: 1_001 }), adGroup("G2", "N", { budget: 1_000 })],
    });
    // 1001 × 0.85 = 850.85 → 851; 1000 × 0.85 = 850; 1701 a day.
    expect(perDay(m)).toEqual([1_701, 1_701]);
  });

  it("R3: a Lifetime ad group spreads (budget − Spent to date) from max(plan start, start) to its end", () => {
    const m = model({
      account: { horizonDays: 10 },
      campaigns: [noLimit("N")],
      adGroups: [
        // Started before plan start: 1000 − 100 = 900 over Dec 1–3 = 300 a day.
        adGroup("L1", "N", {
          budgetMode: "lifetime",
          budget: 1_000,
          spentToDate: 100,
          startDate: day("2026-11-28"),
          endDate: day("2026-12-03"),
        }),
        // 1001 over Dec 5–6: 501, 500 (the left-over cent to the earliest day).
        adGroup("L2", "N", {
          budgetMode: "lifetime",
          budget: 1_001,
          startDate: day("2026-12-05"),
          endDate: day("2026-12-06"),
        }),
      ],
    });
    expect(perDay(m)).toEqual([300, 300, 300, 0, 501, 500, 0, 0, 0, 0]);
  });

  it("R3: an ad group's days outside its campaign's dates are dropped, not re-spread", () => {
    const m = model({
      account: { horizonDays: 10 },
      campaigns: [noLimit("N", { startDate: day("2026-12-02"), endDate: day("2026-12-05") })],
      adGroups: [
        // 1001 over Dec 5–6 is 501, 500; the campaign ends Dec 5, so only 501 is wanted.
        adGroup("L", "N", {
          budgetMode: "lifetime",
          budget: 1_001,
          startDate: day("2026-12-05"),
          endDate: day("2026-12-06"),
        }),
        // $2 a day, open-ended, inside Dec 2–5 only.
        adGroup("D", "N", { budget: 200 }),
      ],
    });
    expect(perDay(m)).toEqual([0, 200, 200, 200, 701, 0, 0, 0, 0, 0]);
  });

  it("R3: a paused ad group adds nothing; a campaign whose ad groups are all paused spends nothing", () => {
    const m = model({
      account: { horizonDays: 3 },
      campaigns: [noLimit("N"), campaign("D", { budget: 10_000 })],
      adGroups: [
        adGroup("G1", "N", { budget: 5_000 }),
        adGroup("G2", "N", { budget: 9_999, status: "paused" }),
        adGroup("G3", "D", { status: "paused" }),
        adGroup("G4", "D", { status: "deleted" }),
      ],
    });
    expect(perDay(m, 0)).toEqual([5_000, 5_000, 5_000]);
    const plan = simulate(m);
    expect(plan.campaigns.map((c) => [c.demand, c.demandFrom])).toEqual([
      [15_000, "adGroups"],
      [0, "adGroups"],
    ]);
    expect(plan.warnings.map((w) => w.code)).not.toContain("NO_SPEND_ESTIMATE");
  });

  it("R3: a campaign without dates runs from its ad groups' earliest start to their latest end", () => {
    const m = model({
      account: { horizonDays: 10 },
      campaigns: [campaign("D", { budget: 100 })],
      adGroups: [
        adGroup("G1", "D", { startDate: day("2026-12-03"), endDate: day("2026-12-05") }),
        adGroup("G2", "D", { startDate: day("2026-12-04"), endDate: day("2026-12-07") }),
        // A paused ad group does not stretch the schedule.
        adGroup("G3", "D", { status: "paused", endDate: day("2027-01-31") }),
      ],
    });
    // Its own $1 a day (the budget is the campaign's), Dec 3–7.
    expect(perDay(m)).toEqual([0, 0, 100, 100, 100, 100, 100, 0, 0, 0]);
    expect(simulate(m).campaigns[0].demandFrom).toBe("budget");
  });

  it("R3: an open-ended ad group leaves the campaign open-ended; a set campaign date stays", () => {
    const m = model({
      account: { horizonDays: 5 },
      campaigns: [
        campaign("D", { budget: 100 }),
        campaign("E", { budget: 100, startDate: day("2026-12-02") }),
      ],
      adGroups: [
        adGroup("G1", "D", { startDate: day("2026-12-03"), endDate: day("2026-12-03") }),
        adGroup("G2", "D", { startDate: day("2026-12-04") }),
        adGroup("G3", "E", { startDate: day("2026-12-04"), endDate: day("2026-12-04") }),
      ],
    });
    expect(perDay(m, 0)).toEqual([0, 0, 100, 100, 100]);
    // E keeps its own start (Dec 2) and takes the ad group's end (Dec 4).
    expect(perDay(m, 1)).toEqual([0, 100, 100, 100, 0]);
  });

  it("R3: a Lifetime campaign without an End date takes its ad groups' latest end", () => {
    const m = model({
      account: { horizonDays: 10 },
      campaigns: [campaign("L", { budgetMode: "lifetime", budget: 1_000 })],
      adGroups: [
        adGroup("G1", "L", { endDate: day("2026-12-04") }),
        adGroup("G2", "L", { endDate: day("2026-12-05") }),
      ],
    });
    // 1000 over Dec 1–5: 200 a day.
    expect(perDay(m)).toEqual([200, 200, 200, 200, 200, 0, 0, 0, 0, 0]);
    const plan = simulate(m);
    expect(plan.campaigns[0].demandFrom).toBe("budget");
    expect(plan.warnings.map((w) => w.code)).not.toContain("INVALID_VALUE");
  });

  it("R3: a campaign budget of 0 (the API's per-ad-group budget) plans from its ad groups", () => {
    const m = model({
      account: { horizonDays: 2 },
      campaigns: [campaign("Z", { budgetMode: "daily", budget: 0 })],
      adGroups: [adGroup("G", "Z", { budget: 2_000 })],
    });
    expect(perDay(m)).toEqual([2_000, 2_000]);
    expect(simulate(m).campaigns[0].demandFrom).toBe("adGroups");
  });

  it("R3: Expected daily spend, then Spend history under Recent spend, win over the ad groups", () => {
    const history = [{ day: day("2026-11-30"), campaignId: "H", amount: 7_000 }];
    const adGroups = [adGroup("G1", "E", { budget: 5_000 }), adGroup("G2", "H", { budget: 5_000 })];
    const campaigns = [noLimit("E", { expectedDailySpend: 1_234 }), noLimit("H")];
    const budgets = simulate(
      model({ account: { horizonDays: 1 }, campaigns, adGroups, spendHistory: history }),
    );
    expect(budgets.campaigns.map((c) => [c.demand, c.demandFrom])).toEqual([
      [1_234, "expected"],
      [5_000, "adGroups"],
    ]);
    const recent = simulate(
      model({
        account: { horizonDays: 1, forecastFrom: "recent_spend" },
        campaigns,
        adGroups,
        spendHistory: history,
      }),
    );
    // 7000 / 7 = 1000 a day: the run rate.
    expect(recent.campaigns.map((c) => [c.demand, c.demandFrom])).toEqual([
      [1_234, "expected"],
      [1_000, "history"],
    ]);
  });

  it("R3: a No-limit ad group adds nothing and says so; with only such ad groups the campaign's own estimate applies", () => {
    const m = model({
      account: { horizonDays: 1 },
      campaigns: [noLimit("N"), noLimit("M")],
      adGroups: [
        adGroup("G1", "N", { budget: 5_000 }),
        adGroup("G2", "N", { budgetMode: "no_limit", budget: 0 }),
        adGroup("G3", "M", { budgetMode: "no_limit", budget: 0 }),
      ],
    });
    const plan = simulate(m);
    expect(plan.campaigns.map((c) => [c.demand, c.demandFrom])).toEqual([
      [5_000, "adGroups"],
      [0, null],
    ]);
    const noEstimate = plan.warnings.filter((w) => w.code === "NO_SPEND_ESTIMATE");
    expect(noEstimate.map((w) => w.campaign)).toEqual(["N", "M"]);
    expect(noEstimate[0].message).toContain("Ad group G2");
  });

  it("R3: demandFrom names the step without ad groups; null when nothing is planned", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1 },
        campaigns: [
          campaign("B"),
          campaign("X", { expectedDailySpend: 500 }),
          noLimit("H"),
          noLimit("U"),
          campaign("P", { status: "paused" }),
        ],
        spendHistory: [{ day: day("2026-11-30"), campaignId: "H", amount: 700 }],
      }),
    );
    expect(plan.campaigns.map((c) => c.demandFrom)).toEqual([
      "budget",
      "expected",
      "history",
      null,
      null,
    ]);
  });

  it("R3: without an Ad groups sheet the demand is what it was", () => {
    const campaigns = [noLimit("N"), campaign("D", { budget: 700, startDate: day("2026-12-02") })];
    const without = computeDemand(model({ account: { horizonDays: 5 }, campaigns })).demand;
    const empty = computeDemand(
      model({ account: { horizonDays: 5 }, campaigns, adGroups: [] }),
    ).demand;
    expect(empty).toEqual(without);
    expect(Array.from(without[1])).toEqual([0, 700, 700, 700, 700]);
  });
});
