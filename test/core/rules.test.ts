import { describe, expect, it } from "vitest";
import {
  addBusinessDays,
  apportion,
  assignmentLimitFor,
  dayOfWeek,
  earnedIssueDay,
  isoDate,
  lastUsableDay,
  type Plan,
  SOURCE_CASH,
  SOURCE_UNDELIVERED,
  simulate,
} from "../../src/core";
import { campaign, credit, day, model } from "./builders";

const codes = (plan: Plan) => plan.warnings.map((w) => w.code);
const creditOf = (plan: Plan, id: string) => {
  const found = plan.credits.find((c) => c.id === id);
  if (!found) throw new Error(`no credit ${id}`);
  return found;
};
const campaignOf = (plan: Plan, id: string) => {
  const found = plan.campaigns.find((c) => c.id === id);
  if (!found) throw new Error(`no campaign ${id}`);
  return found;
};
/** Amount a source paid a campaign on a day, from the ledger. */
function paid(plan: Plan, iso: string, campaignId: string, source: number): number {
  const d = day(iso);
  const c = plan.campaigns.findIndex((x) => x.id === campaignId);
  let total = 0;
  for (let i = 0; i < plan.ledger.length; i++) {
    if (
      plan.ledger.day[i] === d &&
      plan.ledger.campaign[i] === c &&
      plan.ledger.source[i] === source
    ) {
      total += plan.ledger.amount[i];
    }
  }
  return total;
}
const creditIndex = (plan: Plan, id: string) => plan.credits.findIndex((c) => c.id === id);

describe("R1 calendar days", () => {
  it("R1: days are integers and round-trip through ISO dates", () => {
    expect(isoDate(day("2026-12-01"))).toBe("2026-12-01");
    expect(day("1970-01-01")).toBe(0);
    expect(dayOfWeek(day("2026-11-21"))).toBe(6); // a Saturday
  });
  it("R1: business days skip weekends and listed holidays", () => {
    const thursday = day("2026-12-03");
    expect(isoDate(addBusinessDays(thursday, 1, new Set()))).toBe("2026-12-04");
    expect(isoDate(addBusinessDays(thursday, 2, new Set()))).toBe("2026-12-07");
    expect(isoDate(addBusinessDays(thursday, 2, new Set([day("2026-12-07")])))).toBe("2026-12-08");
  });
});

describe("R2 money", () => {
  it("R2: largest remainder, ties to the earlier campaign, exact totals", () => {
    expect(apportion(100, [100, 100, 100])).toEqual([34, 33, 33]);
    expect(apportion(2, [1, 1, 1])).toEqual([1, 1, 0]);
    expect(apportion(5, [3, 3])).toEqual([3, 2]);
    expect(apportion(7, [10, 20, 30])).toEqual([1, 2, 4]);
    expect(apportion(0, [1, 2])).toEqual([0, 0]);
  });
  it("R2: splits beyond 2^53 products stay exact", () => {
    const parts = apportion(9_000_000_000_000, [7_000_000_000_000, 5_000_000_000_000]);
    expect(parts[0] + parts[1]).toBe(9_000_000_000_000);
  });
  it("R2: a short shared credit splits a day's spend exactly between campaigns", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1 },
        campaigns: [
          campaign("A", { budget: 100 }),
          campaign("B", { budget: 100 }),
          campaign("C", { budget: 100 }),
        ],
        credits: [credit("F", { amount: 100 })],
      }),
    );
    const f = creditIndex(plan, "F");
    expect([
      paid(plan, "2026-12-01", "A", f),
      paid(plan, "2026-12-01", "B", f),
      paid(plan, "2026-12-01", "C", f),
    ]).toEqual([34, 33, 33]);
  });
});

describe("R3 demand", () => {
  it("R3: a paused campaign consumes no credit", () => {
    const plan = simulate(
      model({ campaigns: [campaign("P", { status: "paused" })], credits: [credit("F")] }),
    );
    expect(campaignOf(plan, "P").demand).toBe(0);
    expect(creditOf(plan, "F").used).toBe(0);
  });
  it("R3: a zero budget does not deliver even with an expected spend", () => {
    const plan = simulate(
      model({ campaigns: [campaign("Z", { budget: 0, expectedDailySpend: 500 })] }),
    );
    expect(campaignOf(plan, "Z").demand).toBe(0);
  });
  it("R3: expected daily spend wins over the budget", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 3 },
        campaigns: [campaign("A", { budget: 10_000, expectedDailySpend: 2_500 })],
      }),
    );
    expect(campaignOf(plan, "A").demand).toBe(7_500);
  });
  it("R3: budget × delivery rate, rounded half away from zero", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1, deliveryRate: 0.85 },
        campaigns: [campaign("A", { budget: 1_001 })],
      }),
    );
    expect(campaignOf(plan, "A").demand).toBe(851); // 850.85
  });
  it("R3: start and end dates bound the spend", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10 },
        campaigns: [
          campaign("A", { budget: 100, startDate: day("2026-12-03"), endDate: day("2026-12-05") }),
        ],
      }),
    );
    expect(campaignOf(plan, "A").demand).toBe(300);
  });
  it("R3: No limit uses the 7-day run rate from Spend history, else warns NO_SPEND_ESTIMATE", () => {
    const history = [
      { day: day("2026-11-24"), campaignId: "N", amount: 700 },
      { day: day("2026-11-30"), campaignId: "N", amount: 350 },
      { day: day("2026-11-30"), campaignId: "N", amount: 350 },
      { day: day("2026-11-23"), campaignId: "N", amount: 99_999 }, // 8 days before: ignored
    ];
    const plan = simulate(
      model({
        account: { horizonDays: 2 },
        campaigns: [
          campaign("N", { budgetMode: "no_limit" }),
          campaign("M", { budgetMode: "no_limit" }),
        ],
        spendHistory: history,
      }),
    );
    expect(campaignOf(plan, "N").demand).toBe(400); // 1400 / 7 = 200 a day
    expect(campaignOf(plan, "M").demand).toBe(0);
    expect(
      plan.warnings.filter((w) => w.code === "NO_SPEND_ESTIMATE").map((w) => w.campaign),
    ).toEqual(["M"]);
  });
  it("R3: Recent spend forecast caps the run rate at the daily budget", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1, forecastFrom: "recent_spend" },
        campaigns: [campaign("A", { budget: 100 }), campaign("B", { budget: 1_000 })],
        spendHistory: [
          { day: day("2026-11-30"), campaignId: "A", amount: 7_000 },
          { day: day("2026-11-30"), campaignId: "B", amount: 3_500 },
        ],
      }),
    );
    expect(campaignOf(plan, "A").demand).toBe(100);
    expect(campaignOf(plan, "B").demand).toBe(500);
  });
  it("R3: lifetime budgets spread evenly, left-over units to the earliest days", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 5 },
        campaigns: [
          campaign("L", {
            budgetMode: "lifetime",
            budget: 1_000,
            spentToDate: 2,
            endDate: day("2026-12-05"),
          }),
        ],
      }),
    );
    const c = 0;
    const perDay = [0, 1, 2, 3, 4].map((i) => {
      let sum = 0;
      for (let r = 0; r < plan.ledger.length; r++) {
        if (plan.ledger.campaign[r] === c && plan.ledger.day[r] === plan.start + i)
          sum += plan.ledger.amount[r];
      }
      return sum;
    });
    expect(perDay).toEqual([200, 200, 200, 199, 199]);
  });
  it("R3: lifetime with expected spend is capped by what is left", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10 },
        campaigns: [
          campaign("L", {
            budgetMode: "lifetime",
            budget: 1_000,
            expectedDailySpend: 300,
            endDate: day("2026-12-10"),
          }),
        ],
      }),
    );
    expect(campaignOf(plan, "L").demand).toBe(1_000);
  });
  it("R3: a lifetime campaign without an end date is an input error", () => {
    const plan = simulate(model({ campaigns: [campaign("L", { budgetMode: "lifetime" })] }));
    expect(codes(plan)).toContain("INVALID_VALUE");
    expect(campaignOf(plan, "L").demand).toBe(0);
  });
});

describe("R4 waterfall", () => {
  it("R4: a BC credit pays before a free credit that expires sooner", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1 },
        campaigns: [campaign("A", { budget: 1_000 })],
        credits: [
          credit("FREE", { amount: 5_000, validUntil: day("2026-12-02") }),
          credit("BC", { type: "business_center", amount: 5_000, validUntil: day("2026-12-31") }),
        ],
      }),
    );
    expect(creditOf(plan, "BC").used).toBe(1_000);
    expect(creditOf(plan, "FREE").used).toBe(0);
  });
  it("R4: soonest last usable day first inside a tier", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1 },
        campaigns: [campaign("A", { budget: 1_000 })],
        credits: [
          credit("LATE", { validUntil: day("2026-12-20") }),
          credit("SOON", { validUntil: day("2026-12-05") }),
        ],
      }),
    );
    expect(creditOf(plan, "SOON").used).toBe(1_000);
    expect(creditOf(plan, "LATE").used).toBe(0);
  });
  it("R4: Sheet order uses the row alone", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1, creditOrder: "sheet_order" },
        campaigns: [campaign("A", { budget: 1_000 })],
        credits: [
          credit("LATE", { validUntil: day("2026-12-20") }),
          credit("SOON", { validUntil: day("2026-12-05") }),
        ],
      }),
    );
    expect(creditOf(plan, "LATE").used).toBe(1_000);
  });
  it("R4: expired credit is lost the day after its last usable day", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("F", { amount: 1_000, validUntil: day("2026-12-03") })],
      }),
    );
    const f = creditOf(plan, "F");
    expect(f.used).toBe(300);
    expect(f.expired).toBe(700);
    expect(isoDate(f.expiresOn ?? 0)).toBe("2026-12-04");
    expect(f.status).toBe("expired");
    expect(codes(plan)).toContain("CREDIT_EXPIRES_UNUSED");
  });
  it("R4: a credit whose last usable day is before plan start books nothing", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A")],
        credits: [credit("OLD", { issueDate: day("2026-10-01"), validityDays: 30 })],
      }),
    );
    const old = creditOf(plan, "OLD");
    expect(old.status).toBe("expired");
    expect(old.used + old.expired + old.remainingAtStart).toBe(0);
  });
  it("R4: the cash gate stops delivery and reports blocked credit (no card)", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 2, requirePositiveCash: true, cashBalance: 0 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("F", { amount: 1_000 })],
      }),
    );
    expect(creditOf(plan, "F").used).toBe(0);
    expect(creditOf(plan, "F").blocked).toBe(200);
    expect(plan.totals.creditBlocked).toBe(200);
    expect(campaignOf(plan, "A").undelivered).toBe(200);
    expect(codes(plan)).toEqual(
      expect.arrayContaining(["CREDIT_BLOCKED_BY_CASH", "CASH_RUNS_OUT"]),
    );
    expect(plan.account.cashRunsOutOn).toBeNull(); // gate days are not asks (R10)
  });
  it("R4: blocked credit counts only the demand of the blocked day", () => {
    // Day 1 leaves 70 of A's demand unmet by the small credit; A does not spend
    // on day 2, so nothing of that day's demand could have been paid by Y.
    const plan = simulate(
      model({
        account: { horizonDays: 2, requirePositiveCash: true, cashBalance: 0 },
        campaigns: [
          campaign("A", { budget: 100, endDate: day("2026-12-01") }),
          campaign("B", { budget: 50 }),
        ],
        credits: [credit("Y", { type: "assignable", amount: 30, assignedCampaigns: ["A"] })],
      }),
    );
    expect(creditOf(plan, "Y").blocked).toBe(30);
    expect(plan.totals.creditBlocked).toBe(30);
  });
  it("R4: a blocked credit is capped at the most it held on the gate days (spec v3)", () => {
    // Cash 0, gate on, $100 free credit, $100 a day for 5 days: each gate day
    // it would have paid $100, but it never held more than $100.
    const plan = simulate(
      model({
        account: { horizonDays: 5, requirePositiveCash: true, cashBalance: 0 },
        campaigns: [campaign("A", { budget: 10_000 })],
        credits: [credit("F1", { amount: 10_000 })],
      }),
    );
    expect(creditOf(plan, "F1").blocked).toBe(10_000);
    expect(plan.totals.creditBlocked).toBe(10_000);
    const warning = plan.warnings.find((w) => w.code === "CREDIT_BLOCKED_BY_CASH");
    expect(warning?.credit).toBe("F1");
    expect(warning?.message).toContain("100.00 USD of credit F1");
    expect(warning?.message).toContain("on 5 days from 2026-12-01");
  });
  it("R4: blocked amounts add up over gate days while the credit holds enough (spec v3)", () => {
    // $1 a day on a $10 credit: a 1-cent top-up on day 4 opens the gate from
    // then on (credits pay before cash, so the cent stays); days 1–3 are gate
    // days, 3 × $1 blocked, below the $10 cap.
    const plan = simulate(
      model({
        account: { horizonDays: 5, requirePositiveCash: true, cashBalance: 0 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("F", { amount: 1_000 })],
        topUps: [{ day: day("2026-12-04"), amount: 1 }],
      }),
    );
    const f = creditOf(plan, "F");
    expect(f.used).toBe(200);
    expect(f.blocked).toBe(300);
    expect(plan.warnings.find((w) => w.code === "CREDIT_BLOCKED_BY_CASH")?.message).toContain(
      "on 3 days from 2026-12-01",
    );
  });
  it("R4: the cash gate opens when a card can pay", () => {
    const plan = simulate(
      model({
        account: {
          horizonDays: 2,
          requirePositiveCash: true,
          cashBalance: 0,
          fallbackPayment: "card",
        },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("F", { amount: 150 })],
      }),
    );
    expect(creditOf(plan, "F").used).toBe(150);
    expect(campaignOf(plan, "A").cardFunded).toBe(50);
    expect(plan.totals.creditBlocked).toBe(0);
  });
  it("R4: a top-up on the day opens the gate that day", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 2, requirePositiveCash: true, cashBalance: 0 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("F", { amount: 1_000 })],
        topUps: [{ day: day("2026-12-02"), amount: 1 }],
      }),
    );
    expect(creditOf(plan, "F").used).toBe(100);
    expect(creditOf(plan, "F").blocked).toBe(100);
  });
  it("R4: cash pays after credits, card after cash up to its limit, the rest is undelivered", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 3, cashBalance: 100, fallbackPayment: "card", cardLimit: 150 },
        campaigns: [campaign("A", { budget: 200 })],
        credits: [credit("F", { amount: 250 })],
      }),
    );
    const a = campaignOf(plan, "A");
    expect(a.creditFunded).toBe(250);
    expect(a.cashFunded).toBe(100);
    expect(a.cardFunded).toBe(150);
    expect(a.undelivered).toBe(100);
    expect(a.demand).toBe(a.spend + a.undelivered);
    expect(isoDate(a.stoppedOn ?? 0)).toBe("2026-12-03");
    expect(isoDate(a.cashFallbackOn ?? 0)).toBe("2026-12-02");
  });
  it("R4: Credits before cash = No spends cash first", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1, cashBalance: 60, creditsBeforeCash: false },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("F", { amount: 1_000 })],
      }),
    );
    expect(campaignOf(plan, "A").cashFunded).toBe(60);
    expect(creditOf(plan, "F").used).toBe(40);
  });
  it("R4: top-ups dated before plan start are ignored", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1, cashBalance: 0 },
        campaigns: [campaign("A", { budget: 100 })],
        topUps: [{ day: day("2026-11-30"), amount: 1_000 }],
      }),
    );
    expect(campaignOf(plan, "A").cashFunded).toBe(0);
  });
});

describe("R5 which credits a campaign may use", () => {
  it("R5: ad product and country restrictions", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1 },
        campaigns: [
          campaign("SHOP", { budget: 100, adProduct: "Shopping ads", countries: ["US"] }),
          campaign("VID", { budget: 100, adProduct: "In-feed", countries: ["US"] }),
          campaign("MULTI", { budget: 100, adProduct: "Shopping ads", countries: ["US", "CA"] }),
          campaign("ANY", { budget: 100, adProduct: "Shopping ads" }),
        ],
        credits: [credit("R", { adProducts: ["shopping ads"], countries: ["US"] })],
      }),
    );
    const r = creditIndex(plan, "R");
    expect(paid(plan, "2026-12-01", "SHOP", r)).toBe(100);
    expect(paid(plan, "2026-12-01", "VID", r)).toBe(0);
    expect(paid(plan, "2026-12-01", "MULTI", r)).toBe(0);
    expect(paid(plan, "2026-12-01", "ANY", r)).toBe(100);
  });
  it("R5: a credit is not used before its issue day", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 5 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("F", { issueDate: day("2026-12-04") })],
      }),
    );
    expect(creditOf(plan, "F").used).toBe(200);
  });
  it("R5: a conditional credit pays only on days its conditions hold", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 4, cashBalance: 10_000 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("C", { type: "conditional", spendThreshold: 150, amount: 1_000 })],
      }),
    );
    // Day 1 and 2: cash pays (out-of-pocket 100, 200); day 3 the threshold holds.
    expect(creditOf(plan, "C").used).toBe(200);
    expect(campaignOf(plan, "A").cashFunded).toBe(200);
  });
  it("R5: a conditional credit needs the minimum cash balance at the start of the day", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 3, cashBalance: 50 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("C", { type: "conditional", minCashBalance: 500 })],
      }),
    );
    expect(creditOf(plan, "C").used).toBe(0);
    expect(codes(plan)).toContain("CONDITION_NEVER_MET");
  });
  it("R5: a restriction that matches no active campaign is flagged", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A", { adProduct: "In-feed" })],
        credits: [credit("R", { adProducts: ["Shopping ads"] })],
      }),
    );
    expect(codes(plan)).toContain("RESTRICTION_MATCHES_NOTHING");
  });
});

describe("R6 assignable credits", () => {
  it("R6: limit is 10 for credits issued on or before 2024-07-31 and 30 after", () => {
    expect(assignmentLimitFor(day("2024-07-31"))).toBe(10);
    expect(assignmentLimitFor(day("2024-08-01"))).toBe(30);
    expect(assignmentLimitFor(day("2024-08-01"), 5)).toBe(5);
  });
  it("R6: an unassigned credit is never consumed and is lost at expiry", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 40 },
        campaigns: [campaign("A")],
        credits: [credit("AS", { type: "assignable", amount: 500 })],
      }),
    );
    expect(creditOf(plan, "AS").used).toBe(0);
    expect(creditOf(plan, "AS").expired).toBe(500);
    expect(codes(plan)).toContain("UNASSIGNED_CREDIT");
  });
  it("R6: pro-rata sharing when a shared assignable credit runs short", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1 },
        campaigns: [
          campaign("A", { budget: 300 }),
          campaign("B", { budget: 100 }),
          campaign("C", { budget: 500 }),
        ],
        credits: [credit("AS", { type: "assignable", amount: 200, assignedCampaigns: ["A", "B"] })],
      }),
    );
    const as = creditIndex(plan, "AS");
    expect(paid(plan, "2026-12-01", "A", as)).toBe(150);
    expect(paid(plan, "2026-12-01", "B", as)).toBe(50);
    expect(paid(plan, "2026-12-01", "C", as)).toBe(0);
  });
  it("R6: limit of 10 on a credit issued 2024-07-31, 30 on 2024-08-01", () => {
    const campaigns = Array.from({ length: 35 }, (_, i) => campaign(`K${i}`, { budget: 1 }));
    const ids = campaigns.map((c) => c.id);
    const run = (issue: string) =>
      simulate(
        model({
          account: { planStart: day("2024-08-05"), horizonDays: 1 },
          campaigns,
          credits: [
            credit("AS", {
              type: "assignable",
              issueDate: day(issue),
              validityDays: 30,
              assignedCampaigns: ids,
            }),
          ],
        }),
      );
    const old = run("2024-07-31");
    expect(creditOf(old, "AS").assignedCampaigns).toHaveLength(10);
    expect(creditOf(old, "AS").used).toBe(10);
    const limit = old.warnings.filter((w) => w.code === "ASSIGNMENT_LIMIT_EXCEEDED");
    expect(limit).toHaveLength(1);
    expect(limit[0].message).toContain("K10");
    const recent = run("2024-08-01");
    expect(creditOf(recent, "AS").assignedCampaigns).toHaveLength(30);
  });
  it("R6: unknown and ineligible ids take no slot; paused keeps its slot; warnings per id", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 5, assignmentLimit: 2 },
        campaigns: [
          campaign("P", { status: "paused" }),
          campaign("D", { status: "draft" }),
          campaign("A", { budget: 100 }),
          campaign("B", { budget: 100 }),
        ],
        credits: [
          credit("AS", { type: "assignable", assignedCampaigns: ["X", "D", "P", "A", "B"] }),
        ],
      }),
    );
    expect(creditOf(plan, "AS").assignedCampaigns).toEqual(["P", "A"]);
    expect(codes(plan)).toEqual(
      expect.arrayContaining([
        "UNKNOWN_CAMPAIGN",
        "ASSIGNED_CAMPAIGN_NOT_ELIGIBLE",
        "ASSIGNMENT_LIMIT_EXCEEDED",
        "ASSIGNED_CAMPAIGN_NOT_DELIVERING",
      ]),
    );
    const idle = plan.warnings.filter((w) => w.code === "ASSIGNED_CAMPAIGN_NOT_DELIVERING");
    expect(idle.map((w) => w.campaign)).toEqual(["P"]);
    expect(creditOf(plan, "AS").used).toBe(500);
  });
  it("R6: a BC credit's assignment is ignored with BC_CREDIT_ASSIGNED", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 1 },
        campaigns: [campaign("A", { budget: 100 }), campaign("B", { budget: 100 })],
        credits: [credit("BC", { type: "business_center", assignedCampaigns: ["A"] })],
      }),
    );
    expect(codes(plan)).toContain("BC_CREDIT_ASSIGNED");
    expect(creditOf(plan, "BC").used).toBe(200);
  });
});

describe("R7 credits earned by a spend threshold", () => {
  it("R7: credit-funded spend does not count toward a spend-match threshold", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10, cashBalance: 100_000 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [
          credit("FREE", { amount: 300 }),
          credit("SM", {
            type: "spend_match",
            status: "earning",
            amount: 1_000,
            spendThreshold: 200,
            issueDate: null,
          }),
        ],
      }),
    );
    // Days 1–3 are paid by FREE; cash pays days 4 and 5, the threshold is reached on day 5.
    const sm = creditOf(plan, "SM");
    expect(isoDate(sm.issuedOn ?? 0)).toBe("2026-12-07"); // + 2 calendar days
    expect(sm.issued).toBe(1_000);
    expect(sm.used).toBe(400); // days 7–10
  });
  it("R7: Spend so far counts; reached before plan start means t = the day before", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 5, accountTier: "high" },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [
          credit("E", {
            type: "assignable",
            status: "earning",
            spendThreshold: 500,
            spendSoFar: 500,
            assignedCampaigns: ["A"],
            issueDate: null,
          }),
        ],
      }),
    );
    expect(isoDate(creditOf(plan, "E").issuedOn ?? 0)).toBe("2026-12-01");
  });
  it("R7: business-day delay for other types: Thursday + 7 business days is the Monday 1½ weeks later", () => {
    expect(
      isoDate(earnedIssueDay(day("2026-12-03"), "assignable", null, "standard", new Set())),
    ).toBe("2026-12-14");
    expect(isoDate(earnedIssueDay(day("2026-12-03"), "assignable", null, "high", new Set()))).toBe(
      "2026-12-04",
    );
    expect(
      isoDate(earnedIssueDay(day("2026-12-03"), "spend_match", 0, "standard", new Set())),
    ).toBe("2026-12-04");
    expect(
      isoDate(earnedIssueDay(day("2026-12-03"), "spend_match", null, "standard", new Set())),
    ).toBe("2026-12-05");
  });
  it("R7: the offer lapses when Earn by passes first", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 10, cashBalance: 100_000 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [
          credit("SM", {
            type: "spend_match",
            status: "earning",
            spendThreshold: 1_000,
            earnBy: day("2026-12-05"),
            issueDate: null,
          }),
        ],
      }),
    );
    expect(creditOf(plan, "SM").status).toBe("lapsed");
    expect(codes(plan)).toContain("OFFER_LAPSES");
  });
  it("R7: an offer not reached in the horizon stays pending", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 3, cashBalance: 100_000 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [
          credit("SM", {
            type: "spend_match",
            status: "earning",
            spendThreshold: 10_000,
            issueDate: null,
          }),
        ],
      }),
    );
    expect(creditOf(plan, "SM").status).toBe("pending");
    expect(creditOf(plan, "SM").issuedOn).toBeNull();
  });
  it("R7: Spend counted from later than plan start starts the count there", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 6, cashBalance: 100_000, accountTier: "high" },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [
          credit("E", {
            type: "free",
            status: "earning",
            spendThreshold: 200,
            spendCountedFrom: day("2026-12-03"),
            issueDate: null,
          }),
        ],
      }),
    );
    expect(isoDate(creditOf(plan, "E").issuedOn ?? 0)).toBe("2026-12-05");
  });
});

describe("R8 validity", () => {
  it("R8: Valid until wins; else issue date + validity − 1 (the issue day is day 1)", () => {
    expect(lastUsableDay(day("2026-12-01"), null, 30)).toBe(day("2026-12-30"));
    expect(lastUsableDay(day("2026-12-01"), day("2026-12-10"), 30)).toBe(day("2026-12-10"));
  });
  it("R8: the account's Credit validity days is the default", () => {
    const plan = simulate(
      model({
        account: { creditValidityDays: 5 },
        campaigns: [campaign("A", { budget: 1 })],
        credits: [credit("F")],
      }),
    );
    expect(isoDate(creditOf(plan, "F").lastUsableDay ?? 0)).toBe("2026-12-05");
  });
});

describe("R9 coupons", () => {
  it("R9: a coupon is redeemed on its day and works like a free credit", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 5 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [
          credit("CP", {
            type: "coupon",
            status: "to_redeem",
            redeemOn: day("2026-12-03"),
            issueDate: null,
          }),
        ],
      }),
    );
    const cp = creditOf(plan, "CP");
    expect(isoDate(cp.issuedOn ?? 0)).toBe("2026-12-03");
    expect(cp.used).toBe(300);
    expect(cp.issued).toBe(10_000);
  });
  it("R9: a coupon redeemed after its code expires is rejected (COUPON_EXPIRED wins)", () => {
    const plan = simulate(
      model({
        campaigns: [campaign("A")],
        credits: [
          credit("SM", {
            type: "spend_match",
            status: "earning",
            spendThreshold: 1e9,
            issueDate: null,
          }),
          credit("CP", {
            type: "coupon",
            status: "to_redeem",
            redeemOn: day("2026-12-05"),
            redeemBy: day("2026-12-04"),
            issueDate: null,
          }),
        ],
      }),
    );
    expect(creditOf(plan, "CP").status).toBe("rejected");
    const couponWarnings = plan.warnings.filter((w) => w.credit === "CP").map((w) => w.code);
    expect(couponWarnings).toEqual(["COUPON_EXPIRED"]);
  });
  it("R9: one promotion at a time rejects a coupon while a spend-match offer is earning", () => {
    const parts = {
      campaigns: [campaign("A")],
      credits: [
        credit("SM", {
          type: "spend_match" as const,
          status: "earning" as const,
          spendThreshold: 1e9,
          issueDate: null,
        }),
        credit("CP", { type: "coupon" as const, status: "to_redeem" as const, issueDate: null }),
      ],
    };
    const plan = simulate(model(parts));
    expect(creditOf(plan, "CP").status).toBe("rejected");
    expect(codes(plan)).toContain("PROMOTION_CONFLICT");
    const allowed = simulate(model({ ...parts, account: { onePromotionAtATime: false } }));
    expect(creditOf(allowed, "CP").status).not.toBe("rejected");
  });
});

describe("R10 fallback and stop", () => {
  it("R10: fallback day, run-out day and stop day", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 5, cashBalance: 150 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("F", { amount: 100 })],
      }),
    );
    const a = campaignOf(plan, "A");
    expect(isoDate(a.cashFallbackOn ?? 0)).toBe("2026-12-02");
    expect(isoDate(plan.account.cashRunsOutOn ?? 0)).toBe("2026-12-03");
    expect(isoDate(a.stoppedOn ?? 0)).toBe("2026-12-03");
    expect(plan.warnings.filter((w) => w.code === "CASH_RUNS_OUT")).toHaveLength(1);
    expect(paid(plan, "2026-12-03", "A", SOURCE_CASH)).toBe(50);
    expect(paid(plan, "2026-12-03", "A", SOURCE_UNDELIVERED)).toBe(50);
  });
  it("R10: a credit running out never pauses a campaign", () => {
    const plan = simulate(
      model({
        account: { horizonDays: 3, cashBalance: 10_000 },
        campaigns: [campaign("A", { budget: 100 })],
        credits: [credit("F", { amount: 50 })],
      }),
    );
    expect(campaignOf(plan, "A").spend).toBe(300);
    expect(creditOf(plan, "F").status).toBe("depleted");
  });
});

describe("R11 warnings", () => {
  it("R11: warnings carry severity, sheet, cell and ids", () => {
    const c = credit("AS", {
      type: "assignable",
      source: { sheet: "Credits", row: 3, cells: { assignedCampaigns: "J3" } },
    });
    const plan = simulate(model({ campaigns: [campaign("A")], credits: [c] }));
    const w = plan.warnings.find((x) => x.code === "UNASSIGNED_CREDIT");
    expect(w).toMatchObject({
      severity: "warning",
      sheet: "Credits",
      cell: "J3",
      credit: "AS",
      campaign: null,
    });
    expect(w?.message).toMatch(/not assigned/);
  });
});
