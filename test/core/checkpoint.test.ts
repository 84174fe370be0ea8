import { describe, expect, it } from "vitest";
import { simulationBasis } from "../../src/core/basis";
import { resumeState, takeCheckpoint } from "../../src/core/checkpoint";
import { copyCreditState, initialCreditStates } from "../../src/core/creditState";
import { randomModel } from "./builders";

describe("R12 checkpoints", () => {
  it("copy each credit's state field by field, in the order the initial states have them", () => {
    const m = randomModel(7, {});
    const basis = simulationBasis(m);
    const states = initialCreditStates(m, basis.lookup);
    expect(states.length).toBeGreaterThan(0);
    const checkpoint = takeCheckpoint({
      dayIndex: 0,
      states,
      arrivals: new Map(),
      outOfPocketBefore: new Float64Array(m.account.horizonDays + 1),
      cash: m.account.cashBalance,
      cardCharged: 0,
      cashRunsOutOn: null,
      live: [],
      earning: [],
    });
    const resumed = resumeState(checkpoint, m, basis, []);
    states.forEach((state, k) => {
      for (const copy of [checkpoint.states[k], resumed.states[k], copyCreditState(state)]) {
        expect(copy).not.toBe(state);
        // One shape for every state object: the same keys in the same order.
        expect(Object.keys(copy)).toEqual(Object.keys(state));
        expect(copy).toEqual(state);
      }
    });
    // A copy is independent of the state it was taken from.
    checkpoint.states[0].remaining += 1;
    expect(checkpoint.states[0].remaining).toBe(states[0].remaining + 1);
  });
});
