/**
 * R15: the alert digest, with hand-computed items. Plan start is 2026-12-01
 * (builders), so with N = 7 the look-ahead is 2026-12-01 … 2026-12-07.
 */
import { describe, expect, it } from "vitest";
import { type AlertItem, alertDigest, buildPlan, type Model, type Plan } from "../../src/core";
import { campaign, credit, day, model } from "./builders";

const RICH = 100_000_000; // cash that never runs out

function digestOf(m: Model, withinDays?: number) {
  return alertDigest(m, buildPlan(m), withinDays);
}

/** A free credit of 100.00 last usable on `lastDay`, a campaign spending 10.00 a day. */
function expiringFree(lastDay: string): Model {
  return model({
    account: { cashBalance: RICH },
    campaigns: [campaign("X", { budget: 1_000 })],
    credits: [credit("F1", { amount: 10_000, validUntil: day(lastDay) })],
  });
}

const expiresItem = (lastDay: string, expired: number, text: string): AlertItem => ({
  kind: "credit_expires",
  day: day(lastDay),
  amount: expired,
  credit: { id: "F1", name: "Credit F1" },
  campaigns: [],
  action: text,
  assign: [],
  topUps: [],
});

describe("R15 alert digest", () => {
  it("R15: a credit expiring with money on day N−1 is in; on day N it is out", () => {
    // 12-01 … 12-07 is 7 days at 10.00: 70.00 used, 30.00 of 100.00 expires after 12-07.
    const m = expiringFree("2026-12-07");
    const plan = buildPlan(m);
    expect(plan.alerts).toEqual({
      withinDays: 7,
      from: day("2026-12-01"),
      to: day("2026-12-07"),
      items: [
        expiresItem(
          "2026-12-07",
          3_000,
          "30.00 USD expires unused after 2026-12-07: raise the budget of a campaign it can pay for before 2026-12-07.",
        ),
      ],
    });
    // Last usable 2026-12-08 is day N (offset 7): out of a 7-day look-ahead, in with 8.
    const later = expiringFree("2026-12-08");
    expect(digestOf(later).items).toEqual([]);
    expect(digestOf(later, 8).items.map((i) => [i.kind, i.day, i.amount])).toEqual([
      ["credit_expires", day("2026-12-08"), 2_000],
    ]);
  });

  it("R15: the Account's Alert days sets N", () => {
    const m = expiringFree("2026-12-08");
    m.account.alertDays = 8;
    expect(buildPlan(m).alerts?.items.map((i) => i.kind)).toEqual(["credit_expires"]);
  });

  it("R15: an unassigned assignable credit is listed whatever its day, with the R12 assignment that saves it", () => {
    // Unassigned: all 100.00 expires after 12-24; X spends 10.00 a day, so assigned
    // to X it is used up by 12-10 and nothing expires (R12 saves 100.00).
    const m = model({
      account: { cashBalance: RICH },
      campaigns: [campaign("X", { name: "Winter sale", budget: 1_000 })],
      credits: [
        credit("A1", {
          name: "Agency credit",
          type: "assignable",
          amount: 10_000,
          issueDate: day("2026-11-25"),
          validUntil: day("2026-12-24"),
        }),
      ],
    });
    expect(digestOf(m).items).toEqual([
      {
        kind: "credit_unassigned",
        day: day("2026-12-24"),
        amount: 10_000,
        credit: { id: "A1", name: "Agency credit" },
        campaigns: [],
        action:
          "Not assigned to any campaign that can use it, so 100.00 USD expires after 2026-12-24: assign it to Winter sale by 2026-12-24 — that saves 100.00 USD.",
        assign: ["X"],
        topUps: [],
      },
    ]);
  });

  it("R15: campaigns whose first stop starts within N days are one item per day, with the money they leave undelivered", () => {
    // 40.00 cash pays X and Y (10.00 a day each) on 12-01 and 12-02, so both stop on
    // 12-03; a top-up on 12-10 ends the stop: 7 days × 2 × 10.00 go undelivered,
    // and R13 advises exactly that, 140.00 on 12-03 for the window 12-03 … 12-09.
    const m = model({
      account: { cashBalance: 4_000 },
      campaigns: [campaign("X", { budget: 1_000 }), campaign("Y", { budget: 1_000 })],
      topUps: [{ day: day("2026-12-10"), amount: RICH }],
    });
    const plan = buildPlan(m);
    expect(plan.campaigns.map((c) => c.stoppedOn)).toEqual([day("2026-12-03"), day("2026-12-03")]);
    expect(alertDigest(m, plan).items).toEqual([
      {
        kind: "campaigns_stop",
        day: day("2026-12-03"),
        amount: 2 * 7 * 1_000,
        credit: null,
        campaigns: [
          { id: "X", name: "Campaign X" },
          { id: "Y", name: "Campaign Y" },
        ],
        action:
          "2 campaigns (Campaign X and Campaign Y) stop delivering on 2026-12-03 for lack of money: top up 140.00 USD by 2026-12-03.",
        assign: [],
        topUps: [
          { day: day("2026-12-03"), amount: 2 * 7 * 1_000, until: day("2026-12-09"), cardPays: 0 },
        ],
      },
    ]);
  });

  it("R15: a stop item names the R13 top-ups dated on or before the stop", () => {
    const m = model({
      account: { cashBalance: 2_000 },
      campaigns: [campaign("X", { budget: 1_000 })],
      topUps: [{ day: day("2026-12-10"), amount: RICH }],
    });
    const plan = buildPlan(m);
    // R14 stops and R13 advice as the plan carries them (hand-built here).
    const withAdvice = {
      ...plan,
      campaigns: plan.campaigns.map((c) => ({
        ...c,
        stops: [{ from: day("2026-12-03"), to: day("2026-12-09") }],
      })),
      advice: {
        topUps: [
          { day: day("2026-12-03"), amount: 7_000 },
          { day: day("2026-12-20"), amount: 5_000 },
        ],
      },
    } as Plan;
    const [item] = alertDigest(m, withAdvice).items;
    expect(item.kind).toBe("campaigns_stop");
    expect(item.amount).toBe(7 * 1_000);
    expect(item.topUps).toEqual([{ day: day("2026-12-03"), amount: 7_000 }]);
    expect(item.action).toBe(
      "Campaign X stops delivering on 2026-12-03 for lack of money: top up 70.00 USD by 2026-12-03.",
    );
  });

  it("R15: a stop starting on day N is out", () => {
    // 60.00 pays 10.00 a day for 12-01 … 12-06; the stop starts on 12-07 (offset 6) or 12-08.
    const stopsOn = (cash: number) =>
      model({
        account: { cashBalance: cash },
        campaigns: [campaign("X", { budget: 1_000 })],
        topUps: [{ day: day("2026-12-20"), amount: RICH }],
      });
    expect(digestOf(stopsOn(6_000)).items.map((i) => [i.kind, i.day])).toEqual([
      ["campaigns_stop", day("2026-12-07")],
    ]);
    expect(digestOf(stopsOn(7_000)).items).toEqual([]);
  });

  it("R15: a spend-match offer landing idle is listed whatever its day, with the extra daily spend", () => {
    // X spends 100.00 a day until 12-09: the 500.00 threshold is reached on 12-05,
    // the 1,000.00 lands on 12-07 (R7), X uses 300.00 of it; 700.00 expires after
    // 12-16, 70.00 a day over its 10 valid days.
    const m = model({
      account: { cashBalance: RICH },
      campaigns: [campaign("X", { budget: 10_000, endDate: day("2026-12-09") })],
      credits: [
        credit("SM", {
          name: "Spend 500 get 1000",
          type: "spend_match",
          status: "earning",
          amount: 100_000,
          issueDate: null,
          validityDays: 10,
          spendThreshold: 50_000,
        }),
      ],
    });
    const expected: AlertItem = {
      kind: "spend_match_idle",
      day: day("2026-12-07"),
      amount: 70_000,
      credit: { id: "SM", name: "Spend 500 get 1000" },
      campaigns: [],
      action:
        "Lands on 2026-12-07 but 700.00 USD of it expires unused after 2026-12-16: spend about 70.00 USD more per day on campaigns it can pay for, from 2026-12-07 to 2026-12-16.",
      assign: [],
      topUps: [],
    };
    expect(digestOf(m).items).toEqual([expected]);
    expect(digestOf(m, 1).items).toEqual([expected]);
  });

  it("R15: an offer whose Earn by is within N days and that lapses", () => {
    // 10.00 a day from 12-01 cannot reach 1,000.00 by its Earn by.
    const lapsing = (earnBy: string) =>
      model({
        account: { cashBalance: RICH },
        campaigns: [campaign("X", { budget: 1_000 })],
        credits: [
          credit("SM", {
            type: "spend_match",
            status: "earning",
            amount: 20_000,
            issueDate: null,
            spendThreshold: 100_000,
            earnBy: day(earnBy),
          }),
        ],
      });
    expect(digestOf(lapsing("2026-12-07")).items).toEqual([
      {
        kind: "offer_lapses",
        day: day("2026-12-07"),
        amount: 20_000,
        credit: { id: "SM", name: "Credit SM" },
        campaigns: [],
        action:
          "The spend threshold of 1,000.00 USD is not reached by 2026-12-07, so the 200.00 USD offer lapses: raise the budgets of campaigns that count toward it.",
        assign: [],
        topUps: [],
      },
    ]);
    expect(digestOf(lapsing("2026-12-08")).items).toEqual([]);
  });

  it("R15: items are ordered by day, then amount at risk (descending), then kind and sheet order", () => {
    // F1 (30.00) and F2 (60.00) both last usable 12-07; F0 (50.00 left) on 12-05;
    // unassigned A1 (last usable 12-05, 50.00) ties F0 on day and amount.
    const m = model({
      account: { cashBalance: RICH },
      campaigns: [campaign("X", { budget: 1_000, adProduct: "In-Feed Ads" })],
      credits: [
        credit("F1", {
          amount: 10_000,
          validUntil: day("2026-12-07"),
          adProducts: ["In-Feed Ads"],
        }),
        credit("F2", {
          amount: 6_000,
          validUntil: day("2026-12-07"),
          adProducts: ["Spark Ads"],
        }),
        credit("F0", { amount: 5_000, validUntil: day("2026-12-05"), adProducts: ["TopView"] }),
        credit("A1", {
          type: "assignable",
          amount: 5_000,
          validUntil: day("2026-12-05"),
          assignedCampaigns: [],
        }),
      ],
    });
    const items = digestOf(m).items.map((i) => [i.day, i.amount, i.kind, i.credit?.id]);
    expect(items).toEqual([
      [day("2026-12-05"), 5_000, "credit_unassigned", "A1"],
      [day("2026-12-05"), 5_000, "credit_expires", "F0"],
      [day("2026-12-07"), 6_000, "credit_expires", "F2"],
      [day("2026-12-07"), 3_000, "credit_expires", "F1"],
    ]);
  });

  it("R15: an empty digest means nothing needs action", () => {
    // The free credit is used up on 12-10, cash never runs out, nothing is unassigned.
    const m = model({
      account: { cashBalance: RICH },
      campaigns: [campaign("X", { budget: 1_000 })],
      credits: [credit("F1", { amount: 10_000 })],
    });
    expect(buildPlan(m).alerts).toEqual({
      withinDays: 7,
      from: day("2026-12-01"),
      to: day("2026-12-07"),
      items: [],
    });
  });
});
