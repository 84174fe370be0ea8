import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { simulationBasis } from "../../../src/core/basis";
import { passesRestrictions } from "../../../src/core/eligibility";
import { simulate } from "../../../src/core/engine";
import type { Model } from "../../../src/core/model";
import type { Plan, Recommendation } from "../../../src/core/plan";
import { recommend, withAssignment } from "../../../src/core/recommend/recommend";
import { nameList } from "../../../src/core/recommend/recommendReason";
import { Rerunner, withAssignments } from "../../../src/core/recommend/rerunner";
import { assignmentLimitFor } from "../../../src/core/validity";
import { campaign, assignableCredit as credit, model, PLAN_START, randomModel } from "../builders";

interface Optimum {
  set: string[];
  ownExpired: number;
  totalExpired: number;
}

function limitOf(m: Model, plan: Plan, i: number): number {
  const day = plan.credits[i].issuedOn ?? m.credits[i].issueDate ?? m.account.planStart;
  return assignmentLimitFor(day, m.account.assignmentLimit);
}

/** Brute force: every subset of the newly assignable campaigns within the limit, R12 tie rules. */
function bruteForce(m: Model, plan: Plan, i: number): Optimum {
  const eligible = m.campaigns
    .map((c, index) => ({ c, index }))
    .filter(
      ({ c }) =>
        (c.status === "active" || c.status === "scheduled") && passesRestrictions(m.credits[i], c),
    );
  const limit = limitOf(m, plan, i);
  let best: (Optimum & { indexes: number[] }) | null = null;
  for (let mask = 0; mask < 1 << eligible.length; mask++) {
    const chosen = eligible.filter((_, j) => mask & (1 << j));
    if (chosen.length > limit) continue;
    const set = chosen.map(({ c }) => c.id);
    const after = simulate(withAssignment(m, i, set));
    const trial = {
      set,
      indexes: chosen.map(({ index }) => index),
      ownExpired: after.credits[i].expired,
      totalExpired: after.totals.creditExpired,
    };
    if (best === null || better(trial, best)) best = trial;
  }
  if (best === null) throw new Error("no subset");
  return best;
}

function better(a: Optimum & { indexes: number[] }, b: Optimum & { indexes: number[] }): boolean {
  const byCounts =
    a.ownExpired - b.ownExpired ||
    a.totalExpired - b.totalExpired ||
    a.indexes.length - b.indexes.length;
  if (byCounts !== 0) return byCounts < 0;
  for (let j = 0; j < a.indexes.length; j++) {
    if (a.indexes[j] !== b.indexes[j]) return a.indexes[j] < b.indexes[j];
  }
  return false;
}

/** What expires of credit i with the best single newly assignable campaign. */
function bestSingle(m: Model, i: number): number {
  let best = Number.POSITIVE_INFINITY;
  for (const c of m.campaigns) {
    if (c.status !== "active" && c.status !== "scheduled") continue;
    if (!passesRestrictions(m.credits[i], c)) continue;
    best = Math.min(best, simulate(withAssignment(m, i, [c.id])).credits[i].expired);
  }
  return best;
}

/** The assignable credits a brute force would consider (everything R12 may recommend for). */
function assignableIndexes(m: Model): number[] {
  return m.credits.flatMap((c, i) => (c.type === "assignable" ? [i] : []));
}

function checkMeasured(m: Model, plan: Plan, rec: Recommendation): void {
  const i = m.credits.findIndex((c) => c.id === rec.credit);
  expect(rec.expiredBefore).toBe(plan.credits[i].expired);
  const after = simulate(withAssignment(m, i, rec.assign));
  expect(rec.expiredAfter).toBe(after.credits[i].expired);
  expect(rec.expiredAfter).toBeLessThan(rec.expiredBefore);
  expect(rec.reason.length).toBeGreaterThan(10);
}

describe("R12 recommendations", () => {
  it("R12: on random small accounts matches the brute-force optimum in ≥ 95% of cases and never does worse", () => {
    let cases = 0;
    let matches = 0;
    let withGain = 0;
    for (let seed = 1; seed <= 250; seed++) {
      const m = randomModel(seed);
      const plan = simulate(m);
      const { recommendations } = recommend(m, plan);
      for (const i of assignableIndexes(m)) {
        cases += 1;
        const optimum = bruteForce(m, plan, i);
        const rec = recommendations.find((r) => r.credit === m.credits[i].id);
        const before = plan.credits[i].expired;
        if (rec) {
          // Never worse than the current assignment, and measured.
          checkMeasured(m, plan, rec);
        }
        const expectsGain = optimum.ownExpired < before;
        if (expectsGain) withGain += 1;
        const same = expectsGain
          ? rec !== undefined && rec.assign.join(",") === optimum.set.join(",")
          : rec === undefined;
        if (same) matches += 1;
      }
    }
    const rate = matches / cases;
    console.log(
      `R12 brute-force match rate: ${matches}/${cases} = ${(rate * 100).toFixed(1)}% (${withGain} credits with a possible gain)`,
    );
    expect(withGain).toBeGreaterThan(cases / 5);
    expect(rate).toBeGreaterThanOrEqual(0.95);
  });

  it("R12: beyond 8 eligible campaigns (9–15) the search matches the brute force and never misses a better single or prefix set", () => {
    let cases = 0;
    let matches = 0;
    let withGain = 0;
    for (let seed = 1; cases < 30 && seed <= 600; seed++) {
      const random = randomModel(seed, { maxCampaigns: 15 });
      // A limit of 1–3 keeps the brute force (every subset within it) fast;
      // every other account pays cash before credits.
      // Assignable credits start with at most their first campaign, so that
      // most have something to gain, and cash runs out mid-horizon.
      const account = {
        ...random.account,
        assignmentLimit: 1 + (seed % 3),
        creditsBeforeCash: seed % 2 === 0,
        cashBalance: 20_000 + (seed % 7) * 10_000,
      };
      const credits = random.credits.map((c) =>
        c.type === "assignable" ? { ...c, assignedCampaigns: c.assignedCampaigns.slice(0, 1) } : c,
      );
      const m = { ...random, account, credits };
      const plan = simulate(m);
      const targets = assignableIndexes(m).filter((i) => {
        const eligible = m.campaigns.filter(
          (c) =>
            (c.status === "active" || c.status === "scheduled") &&
            passesRestrictions(m.credits[i], c),
        );
        return eligible.length > 8;
      });
      if (targets.length === 0) continue;
      const { recommendations } = recommend(m, plan);
      for (const i of targets) {
        cases += 1;
        const optimum = bruteForce(m, plan, i);
        const rec = recommendations.find((r) => r.credit === m.credits[i].id);
        if (rec) checkMeasured(m, plan, rec);
        const before = plan.credits[i].expired;
        const after = rec ? rec.expiredAfter : before;
        if (optimum.ownExpired < before) withGain += 1;
        if (after === Math.min(before, optimum.ownExpired)) matches += 1;
        // Never worse than the best single campaign.
        const single = bestSingle(m, i);
        expect(after, `seed ${seed} credit ${m.credits[i].id}`).toBeLessThanOrEqual(
          Math.min(before, single),
        );
      }
    }
    console.log(
      `R12 9–15 eligible campaigns: brute-force expiry reached in ${matches}/${cases} (${withGain} with a possible gain)`,
    );
    expect(cases).toBe(30);
    expect(withGain).toBeGreaterThan(cases / 5);
    expect(matches / cases).toBeGreaterThanOrEqual(0.9);
  });

  it("R12: with cash first, candidates are scored by what the credit can pay, not by demand cash already pays", () => {
    // Credits before cash = No: cash (50.00 in all) pays the ten early
    // campaigns on Dec 1–5, when they have all their demand; from Dec 11
    // the two late ones have demand nobody pays. The 4.00 credit can pay
    // only those: 15 days × 0.20 = 3.00 of it by Dec 25.
    const early = Array.from({ length: 10 }, (_, k) =>
      campaign(`E${k + 1}`, { budget: 100, endDate: PLAN_START + 4 }),
    );
    const late = ["L1", "L2"].map((id) => campaign(id, { budget: 10, startDate: PLAN_START + 10 }));
    const m = model({
      campaigns: [...early, ...late],
      credits: [credit("A", { amount: 400, validityDays: 25 })],
      account: { creditsBeforeCash: false, cashBalance: 5_000, assignmentLimit: 2 },
    });
    const plan = simulate(m);
    expect(plan.credits[0].expired).toBe(400);
    const [rec] = recommend(m, plan).recommendations;
    expect(rec?.assign).toEqual(["L1", "L2"]);
    expect(rec?.expiredAfter).toBe(100);
    if (rec) checkMeasured(m, plan, rec);
  });

  it("R12: the heuristic search (no exact search) is never worse than the current assignment", () => {
    let cases = 0;
    let matches = 0;
    for (let seed = 1001; seed <= 1150; seed++) {
      const m = randomModel(seed);
      const plan = simulate(m);
      const { recommendations } = recommend(m, plan, { exhaustiveUpTo: 0 });
      for (const rec of recommendations) checkMeasured(m, plan, rec);
      for (const i of assignableIndexes(m)) {
        const optimum = bruteForce(m, plan, i);
        if (optimum.ownExpired >= plan.credits[i].expired) continue;
        cases += 1;
        const rec = recommendations.find((r) => r.credit === m.credits[i].id);
        if (rec && rec.expiredAfter === optimum.ownExpired) matches += 1;
      }
    }
    console.log(
      `R12 heuristic search reaches the optimal expiry in ${matches}/${cases} credits with a possible gain`,
    );
    expect(cases).toBeGreaterThan(0);
    expect(matches / cases).toBeGreaterThanOrEqual(0.8);
  });

  it("R12: recommended sets respect the limit, statuses and restrictions (property)", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1_000_000 }), fc.boolean(), (seed, heuristic) => {
        const m = randomModel(seed);
        const plan = simulate(m);
        const { recommendations } = recommend(m, plan, heuristic ? { exhaustiveUpTo: 0 } : {});
        for (const rec of recommendations) {
          const i = m.credits.findIndex((c) => c.id === rec.credit);
          expect(m.credits[i].type).toBe("assignable");
          expect(new Set(rec.assign).size).toBe(rec.assign.length);
          expect(rec.assign.length).toBeGreaterThan(0);
          expect(rec.assign.length).toBeLessThanOrEqual(limitOf(m, plan, i));
          for (const id of rec.assign) {
            const target = m.campaigns.find((c) => c.id === id);
            expect(target).toBeDefined();
            if (!target) continue;
            expect(["active", "scheduled"]).toContain(target.status);
            expect(passesRestrictions(m.credits[i], target)).toBe(true);
          }
          // Listed in sheet order.
          const positions = rec.assign.map((id) => m.campaigns.findIndex((c) => c.id === id));
          expect([...positions].sort((a, b) => a - b)).toEqual(positions);
          checkMeasured(m, plan, rec);
        }
      }),
      { numRuns: 200 },
    );
  });

  it("R12: a credit assigned only to a paused campaign gets a recommendation naming why", () => {
    const m = model({
      campaigns: [
        campaign("P", { name: "Old promo", status: "paused" }),
        campaign("X", { name: "Spring sale", budget: 2_000 }),
        campaign("Y", { name: "Retarget", budget: 1_000 }),
        campaign("D", { name: "Draft one", status: "draft" }),
      ],
      credits: [credit("A", { amount: 30_000, validityDays: 10, assignedCampaigns: ["P"] })],
      account: { cashBalance: 1_000_000 },
    });
    const plan = simulate(m);
    expect(plan.credits[0].expired).toBe(30_000);
    const { recommendations } = recommend(m, plan);
    expect(recommendations).toHaveLength(1);
    const [rec] = recommendations;
    // 10 days × 30.00 = 300.00 covers it exactly; both campaigns are needed.
    expect(rec.assign).toEqual(["X", "Y"]);
    expect(rec.expiredAfter).toBe(0);
    expect(rec.reason).toContain("Old promo is paused");
    expect(rec.reason).toContain("Spring sale and Retarget");
    expect(rec.reason).toContain("300.00 USD");
    checkMeasured(m, plan, rec);
  });

  it("R12: fewest campaigns win a tie, and an unassigned credit is recommended too", () => {
    const m = model({
      campaigns: [
        campaign("S", { budget: 500 }),
        campaign("L1", { budget: 5_000 }),
        campaign("L2", { budget: 5_000 }),
      ],
      credits: [credit("A", { amount: 20_000, validityDays: 5 })],
      account: { cashBalance: 1_000_000 },
    });
    const plan = simulate(m);
    const [rec] = recommend(m, plan).recommendations;
    // L1 alone spends 250.00 in 5 days ≥ 200.00; L1 comes before L2 in the sheet.
    expect(rec.assign).toEqual(["L1"]);
    expect(rec.expiredBefore).toBe(20_000);
    expect(rec.expiredAfter).toBe(0);
    expect(rec.reason).toContain("unassigned");
  });

  it("R12: no recommendation when nothing expires or the credit is not usable", () => {
    const m = model({
      campaigns: [campaign("X", { budget: 10_000 })],
      credits: [
        credit("OK", { amount: 5_000, assignedCampaigns: ["X"] }),
        credit("USED", { status: "used", assignedCampaigns: [] }),
        credit("GONE", { status: "expired" }),
        credit("NA", { status: "not_available" }),
        credit("OLD", { issueDate: PLAN_START - 100, validityDays: 30 }),
      ],
      account: { cashBalance: 1_000_000 },
    });
    const plan = simulate(m);
    expect(recommend(m, plan).recommendations).toEqual([]);
  });

  it("R12: credits competing for the same campaigns get their joint effect measured", () => {
    const m = model({
      campaigns: [
        campaign("X", { budget: 1_000 }),
        campaign("Y", { budget: 1_000, adProduct: "Spark" }),
      ],
      credits: [
        credit("A", { amount: 20_000, validityDays: 10 }),
        credit("B", { amount: 20_000, validityDays: 10 }),
      ],
      account: { cashBalance: 1_000_000, horizonDays: 20 },
    });
    const plan = simulate(m);
    const { recommendations } = recommend(m, plan);
    expect(recommendations.map((r) => r.credit)).toEqual(["A", "B"]);
    for (const rec of recommendations) {
      checkMeasured(m, plan, rec);
      expect(rec.reason).toContain("They share campaigns");
    }
    // Applied together, both credits draw on 20.00 a day over the same 10 days: 200.00 in all.
    const joint = simulate({
      ...m,
      credits: m.credits.map((c, i) => ({ ...c, assignedCampaigns: recommendations[i].assign })),
    });
    const jointExpired = joint.credits[0].expired + joint.credits[1].expired;
    expect(recommendations[0].reason).toContain(`leaves ${(jointExpired / 100).toFixed(2)} USD`);
  });

  it("R12: a re-run resumes no later than the changed credit's first day in the balance", () => {
    // X arrives on day 2 and Y on day 3, so both days are kept. Moving X from A
    // to the smaller B changes what X pays on day 2 itself.
    const m = model({
      campaigns: [campaign("A", { budget: 100 }), campaign("B", { budget: 30 })],
      credits: [
        credit("X", { amount: 150, issueDate: PLAN_START + 1, assignedCampaigns: ["A"] }),
        credit("Y", { amount: 500, issueDate: PLAN_START + 2, assignedCampaigns: ["B"] }),
      ],
      account: { horizonDays: 5 },
    });
    const basis = simulationBasis(m);
    const rerunner = new Rerunner(m, basis, [0, 1]);
    const change = new Map([[0, ["B"]]]);
    const full = simulate(withAssignments(m, change), basis);
    const resumed = rerunner.outcomeWith(change);
    expect(full.credits[0].used).toBe(120);
    expect(Array.from(resumed.used)).toEqual(full.credits.map((c) => c.used));
    expect(Array.from(resumed.expired)).toEqual(full.credits.map((c) => c.expired));
    expect(() => new Rerunner(m, basis, [1]).outcomeWith(change)).toThrow(/not watched/);
  });
  it("R12: reasons list campaigns readably", () => {
    expect(nameList(["A"])).toBe("A");
    expect(nameList(["A", "B"])).toBe("A and B");
    expect(nameList(["A", "B", "C"])).toBe("A, B and C");
    expect(nameList(["A", "B", "C", "D", "E"])).toBe("A, B and 3 more");
  });

  it("R12: a tight re-run budget still returns only measured gains", () => {
    for (let seed = 2001; seed <= 2040; seed++) {
      const m = randomModel(seed);
      const plan = simulate(m);
      const { recommendations } = recommend(m, plan, { maxReruns: 1 });
      for (const rec of recommendations) checkMeasured(m, plan, rec);
    }
  });
  it("R12: the budget counts simulated days, so late-arriving credits cost less", () => {
    // Three unassigned credits, valid 5 days from their issue day; a budget of
    // one full re-run (30 days). Arriving on day 23, each re-run resumes there
    // and costs 8 days: all three are measured. Arriving at plan start, each
    // costs 30: only the first is.
    const accountOf = (issueDay: number) =>
      model({
        campaigns: ["A", "B", "C"].map((id) => campaign(id, { budget: 100 })),
        credits: ["X", "Y", "Z"].map((id) =>
          credit(id, { amount: 500, issueDate: issueDay, validityDays: 5, assignedCampaigns: [] }),
        ),
      });
    const late = accountOf(PLAN_START + 22);
    const early = accountOf(PLAN_START);
    const recsOf = (m: Model) => recommend(m, simulate(m), { maxReruns: 1 }).recommendations;
    expect(recsOf(late).map((r) => r.credit)).toEqual(["X", "Y", "Z"]);
    expect(recsOf(early).map((r) => r.credit)).toEqual(["X"]);
    for (const rec of recsOf(late)) checkMeasured(late, simulate(late), rec);
  });
});
