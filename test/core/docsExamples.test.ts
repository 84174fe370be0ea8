/**
 * The worked examples of docs/rules.md, run through the real engine: every
 * figure the document states is asserted here (money in cents). If one of
 * these fails, fix the document and the test together.
 */
import { describe, expect, it } from "vitest";
import {
  buildPlan,
  dayOfWeek,
  isoDate,
  type Model,
  type Plan,
  SOURCE_CARD,
  SOURCE_CASH,
  SOURCE_UNDELIVERED,
  simulate,
} from "../../src/core";
import { campaign, credit, day, model } from "./builders";

type Row = [date: string, campaign: string, payer: string, cents: number];

/** The ledger as the document's day-by-day tables: who paid what, per campaign and day. */
function rows(plan: Plan): Row[] {
  const payer = (source: number): string => {
    if (source === SOURCE_CASH) return "cash";
    if (source === SOURCE_CARD) return "card";
    if (source === SOURCE_UNDELIVERED) return "undelivered";
    return plan.credits[source].id;
  };
  const out: Row[] = [];
  for (let i = 0; i < plan.ledger.length; i++) {
    out.push([
      isoDate(plan.ledger.day[i]),
      plan.campaigns[plan.ledger.campaign[i]].id,
      payer(plan.ledger.source[i]),
      plan.ledger.amount[i],
    ]);
  }
  return out;
}

/** A credit's outcome with dates as ISO text, for one readable assertion. */
function outcome(plan: Plan, id: string) {
  const c = plan.credits.find((x) => x.id === id);
  if (!c) throw new Error(`no credit ${id}`);
  const iso = (d: number | null) => (d === null ? null : isoDate(d));
  return {
    status: c.status,
    issuedOn: iso(c.issuedOn),
    lastUsableDay: iso(c.lastUsableDay),
    used: c.used,
    expired: c.expired,
    depletedOn: iso(c.depletedOn),
    expiresOn: iso(c.expiresOn),
  };
}

const codes = (plan: Plan) => plan.warnings.map((w) => w.code);

describe("docs/rules.md worked examples", () => {
  it("R1: the examples start on Tuesday 2026-12-01", () => {
    expect(dayOfWeek(day("2026-12-01"))).toBe(2);
  });

  it("R4/R8 worked example: free credits, soonest expiry first, one expires and one runs out", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 4, cashBalance: 10_000 },
        campaigns: [campaign("A", { budget: 3_000 })],
        credits: [
          credit("F-LATE", { amount: 5_000, validUntil: day("2026-12-31") }),
          credit("F-SOON", { amount: 8_000, validUntil: day("2026-12-02") }),
        ],
      }),
    );
    expect(rows(plan)).toEqual([
      ["2026-12-01", "A", "F-SOON", 3_000],
      ["2026-12-02", "A", "F-SOON", 3_000],
      ["2026-12-03", "A", "F-LATE", 3_000],
      ["2026-12-04", "A", "F-LATE", 2_000],
      ["2026-12-04", "A", "cash", 1_000],
    ]);
    expect(outcome(plan, "F-SOON")).toEqual({
      status: "expired",
      issuedOn: "2026-12-01",
      lastUsableDay: "2026-12-02",
      used: 6_000,
      expired: 2_000,
      depletedOn: null,
      expiresOn: "2026-12-03",
    });
    expect(outcome(plan, "F-LATE")).toMatchObject({
      status: "depleted",
      used: 5_000,
      expired: 0,
      depletedOn: "2026-12-04",
    });
    expect(isoDate(plan.campaigns[0].cashFallbackOn ?? 0)).toBe("2026-12-04");
    expect(plan.account.cashAtEnd).toBe(9_000);
    expect(plan.totals.creditExpired).toBe(2_000);
    expect(codes(plan)).toEqual(["CREDIT_EXPIRES_UNUSED"]);
  });

  it("R6 worked example: assignable credit shared by two campaigns", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 3, cashBalance: 20_000 },
        campaigns: [
          campaign("A", { budget: 3_000 }),
          campaign("B", { budget: 1_000 }),
          campaign("C", { budget: 2_000 }),
        ],
        credits: [
          credit("AS", { type: "assignable", amount: 10_000, assignedCampaigns: ["A", "B"] }),
        ],
      }),
    );
    expect(rows(plan)).toEqual([
      ["2026-12-01", "A", "AS", 3_000],
      ["2026-12-01", "B", "AS", 1_000],
      ["2026-12-01", "C", "cash", 2_000],
      ["2026-12-02", "A", "AS", 3_000],
      ["2026-12-02", "B", "AS", 1_000],
      ["2026-12-02", "C", "cash", 2_000],
      ["2026-12-03", "A", "AS", 1_500],
      ["2026-12-03", "B", "AS", 500],
      ["2026-12-03", "A", "cash", 1_500],
      ["2026-12-03", "B", "cash", 500],
      ["2026-12-03", "C", "cash", 2_000],
    ]);
    expect(outcome(plan, "AS")).toMatchObject({
      status: "depleted",
      lastUsableDay: "2026-12-30",
      used: 10_000,
      expired: 0,
      depletedOn: "2026-12-03",
    });
    expect(plan.campaigns.map((c) => [c.id, c.creditFunded, c.cashFunded])).toEqual([
      ["A", 7_500, 1_500],
      ["B", 2_500, 500],
      ["C", 0, 6_000],
    ]);
    expect(plan.account.cashAtEnd).toBe(12_000);
    expect(codes(plan)).toEqual([]);
  });

  it("R5 worked example: conditional credit waits for its spend threshold and minimum cash", () => {
    const conditional = (cashBalance: number): Model =>
      model({
        account: { horizonDays: 5, cashBalance },
        campaigns: [campaign("A", { budget: 2_500 })],
        credits: [
          credit("COND", {
            type: "conditional",
            amount: 4_000,
            spendThreshold: 6_000,
            minCashBalance: 40_000,
          }),
        ],
      });
    const plan = simulate(conditional(47_500));
    expect(rows(plan)).toEqual([
      ["2026-12-01", "A", "cash", 2_500],
      ["2026-12-02", "A", "cash", 2_500],
      ["2026-12-03", "A", "cash", 2_500],
      ["2026-12-04", "A", "COND", 2_500],
      ["2026-12-05", "A", "COND", 1_500],
      ["2026-12-05", "A", "cash", 1_000],
    ]);
    // End-of-day cash; each is the next day's start: 12-04 starts at exactly $400.00.
    expect(Array.from(plan.cashByDay)).toEqual([45_000, 42_500, 40_000, 40_000, 39_000]);
    expect(outcome(plan, "COND")).toMatchObject({
      status: "depleted",
      used: 4_000,
      expired: 0,
      depletedOn: "2026-12-05",
    });
    expect(plan.account.cashAtEnd).toBe(39_000);
    expect(codes(plan)).toEqual([]);

    // The document's "what if": starting with $470.00, 12-04 starts at $395.00.
    const short = simulate(conditional(47_000));
    expect(short.cashByDay[2]).toBe(39_500);
    expect(outcome(short, "COND")).toMatchObject({ used: 0, depletedOn: null });
    expect(codes(short)).toEqual(["CONDITION_NEVER_MET"]);
  });

  it("R4 worked example: Business Center credit pays first, before a free credit that expires sooner", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 3, cashBalance: 10_000 },
        campaigns: [campaign("A", { budget: 4_000 })],
        credits: [
          credit("FREE", { amount: 6_000, validUntil: day("2026-12-02") }),
          credit("BC", { type: "business_center", amount: 6_000, validUntil: day("2026-12-31") }),
        ],
      }),
    );
    expect(rows(plan)).toEqual([
      ["2026-12-01", "A", "BC", 4_000],
      ["2026-12-02", "A", "BC", 2_000],
      ["2026-12-02", "A", "FREE", 2_000],
      ["2026-12-03", "A", "cash", 4_000],
    ]);
    expect(outcome(plan, "BC")).toMatchObject({
      status: "depleted",
      used: 6_000,
      expired: 0,
      depletedOn: "2026-12-02",
    });
    expect(outcome(plan, "FREE")).toMatchObject({
      status: "expired",
      used: 2_000,
      expired: 4_000,
      expiresOn: "2026-12-03",
    });
    expect(plan.account.cashAtEnd).toBe(6_000);
    expect(codes(plan)).toEqual(["CREDIT_EXPIRES_UNUSED"]);
  });

  it("R7/R8 worked example: spend-match credit earned by cash spend, lands two days later, expires", () => {
    const spendMatch = model({
      account: { horizonDays: 8, cashBalance: 50_000 },
      campaigns: [campaign("A", { budget: 2_500 })],
      credits: [
        credit("SM", {
          type: "spend_match",
          status: "earning",
          amount: 10_000,
          spendThreshold: 6_000,
          validityDays: 3,
          issueDate: null,
        }),
      ],
    });
    const plan = simulate(spendMatch);
    expect(rows(plan)).toEqual([
      ["2026-12-01", "A", "cash", 2_500],
      ["2026-12-02", "A", "cash", 2_500],
      ["2026-12-03", "A", "cash", 2_500],
      ["2026-12-04", "A", "cash", 2_500],
      ["2026-12-05", "A", "SM", 2_500],
      ["2026-12-06", "A", "SM", 2_500],
      ["2026-12-07", "A", "SM", 2_500],
      ["2026-12-08", "A", "cash", 2_500],
    ]);
    expect(outcome(plan, "SM")).toEqual({
      status: "expired",
      issuedOn: "2026-12-05",
      lastUsableDay: "2026-12-07",
      used: 7_500,
      expired: 2_500,
      depletedOn: null,
      expiresOn: "2026-12-08",
    });
    expect(plan.credits[0].issued).toBe(10_000);
    expect(plan.campaigns[0].cashFunded).toBe(12_500);
    expect(plan.account.cashAtEnd).toBe(37_500);
    expect(codes(plan)).toEqual(["CREDIT_EXPIRES_UNUSED"]);

    // R12 on the full plan: $25.00 at risk over 3 days, about $8.34 more a day.
    const idle = buildPlan(spendMatch).warnings.filter((w) => w.code === "SPEND_MATCH_LANDS_IDLE");
    expect(idle).toHaveLength(1);
    expect(idle[0].credit).toBe("SM");
    expect(idle[0].message).toContain("25.00 USD");
    expect(idle[0].message).toContain("8.34 USD");
    expect(idle[0].message).toContain("from 2026-12-05 to 2026-12-07");
  });

  it("R9 worked example: coupon redeemed on its day; a code redeemed too late is rejected", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 4, cashBalance: 10_000 },
        campaigns: [campaign("A", { budget: 3_000 })],
        credits: [
          credit("CP1", {
            type: "coupon",
            status: "to_redeem",
            amount: 4_000,
            redeemOn: day("2026-12-02"),
            issueDate: null,
          }),
          credit("CP2", {
            type: "coupon",
            status: "to_redeem",
            amount: 2_500,
            redeemOn: day("2026-12-04"),
            redeemBy: day("2026-12-03"),
            issueDate: null,
          }),
        ],
      }),
    );
    expect(rows(plan)).toEqual([
      ["2026-12-01", "A", "cash", 3_000],
      ["2026-12-02", "A", "CP1", 3_000],
      ["2026-12-03", "A", "CP1", 1_000],
      ["2026-12-03", "A", "cash", 2_000],
      ["2026-12-04", "A", "cash", 3_000],
    ]);
    expect(outcome(plan, "CP1")).toEqual({
      status: "depleted",
      issuedOn: "2026-12-02",
      lastUsableDay: "2026-12-31",
      used: 4_000,
      expired: 0,
      depletedOn: "2026-12-03",
      expiresOn: null,
    });
    expect(outcome(plan, "CP2")).toMatchObject({ status: "rejected", issuedOn: null, used: 0 });
    expect(plan.credits[1].issued).toBe(0);
    expect(plan.account.cashAtEnd).toBe(2_000);
    expect(codes(plan)).toEqual(["COUPON_EXPIRED"]);
  });
});
