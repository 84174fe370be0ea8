import { describe, expect, it } from "vitest";
import { simulationBasis } from "../../../src/core/basis";
import { simulate } from "../../../src/core/engine";
import type { Model } from "../../../src/core/model";
import { SOURCE_CASH } from "../../../src/core/plan";
import { scoreCampaigns, spendScores } from "../../../src/core/recommend/recommendCandidates";
import { randomModel } from "../builders";

/** R12 scores as defined: window sums of demand, and of demand less what credits (or cash first) paid. */
function naiveScores(m: Model, c: number, first: number, last: number) {
  const basis = simulationBasis(m);
  const plan = simulate(m, basis);
  const row = basis.demand.demand[c];
  let demand = 0;
  let payable = 0;
  for (let d = first; d <= last; d++) {
    let taken = 0;
    for (let r = 0; r < plan.ledger.length; r++) {
      if (plan.ledger.campaign[r] !== c || plan.ledger.day[r] !== plan.start + d) continue;
      const from = plan.ledger.source[r];
      if (from >= 0 || (!m.account.creditsBeforeCash && from === SOURCE_CASH)) {
        taken += plan.ledger.amount[r];
      }
    }
    const amount = d < row.length ? row[d] : 0;
    demand += amount;
    payable += Math.max(0, amount - taken);
  }
  return { demand, payable };
}

describe("R12 spend scores", () => {
  it("R12: window sums equal demand and payable demand added up day by day from the ledger", () => {
    let checked = 0;
    let withCredit = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const base = randomModel(seed, { otherCredits: true });
      const m: Model = {
        ...base,
        account: { ...base.account, creditsBeforeCash: seed % 3 !== 0 },
      };
      const basis = simulationBasis(m);
      const plan = simulate(m, basis);
      const windows = [
        { first: 0, last: plan.days - 1 },
        { first: Math.floor(plan.days / 3), last: Math.floor(plan.days / 2) },
        { first: plan.days - 1, last: plan.days - 1 },
      ];
      const scores = spendScores(plan, basis, m.account.creditsBeforeCash, windows);
      const all = m.campaigns.map((_, c) => c);
      const own = new Float64Array(m.campaigns.length);
      for (const { first, last } of windows) {
        for (const score of scoreCampaigns(scores, all, first, last, own)) {
          const expected = naiveScores(m, score.campaign, first, last);
          expect({ demand: score.demand, payable: score.payable }).toEqual(expected);
          checked++;
          if (expected.payable < expected.demand) withCredit++;
        }
      }
    }
    // The cases include windows where credits (or cash first) took part of the demand.
    expect(checked).toBeGreaterThan(100);
    expect(withCredit).toBeGreaterThan(10);
  });

  it("R12: scores are kept only for the windows asked for", () => {
    const m = randomModel(3, {});
    const basis = simulationBasis(m);
    const plan = simulate(m, basis);
    const scores = spendScores(plan, basis, true, [{ first: 2, last: 5 }]);
    expect([...scores.slotOfDay.keys()]).toEqual([2, 6]);
    expect(() => scoreCampaigns(scores, [0], 0, 5, new Float64Array(m.campaigns.length))).toThrow(
      /no spend scores kept/,
    );
  });
});
