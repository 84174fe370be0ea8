import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowNetwork } from "../../../src/core/recommend/maxflow";
import { type BoundCredit, maxCreditFlow } from "../../../src/core/recommend/upperBound";

/** The unreduced graph: one node per (campaign, day). */
function perDayFlow(credits: BoundCredit[], demand: Float64Array[], days: number): number {
  const campaigns = demand.length;
  const nodeOf = (c: number, d: number) => 1 + credits.length + c * days + d;
  const sink = 1 + credits.length + campaigns * days;
  const network = new FlowNetwork(sink + 1);
  credits.forEach((credit, k) => {
    network.addEdge(0, 1 + k, credit.capacity);
    for (const c of Array.from(credit.campaigns)) {
      for (let d = Math.max(0, credit.firstDay); d <= Math.min(days - 1, credit.lastDay); d++) {
        network.addEdge(1 + k, nodeOf(c, d), Number.POSITIVE_INFINITY);
      }
    }
  });
  for (let c = 0; c < campaigns; c++) {
    for (let d = 0; d < days; d++) network.addEdge(nodeOf(c, d), sink, demand[c][d]);
  }
  return network.maxFlow(0, sink);
}

const instanceArb = fc
  .record({
    days: fc.integer({ min: 1, max: 20 }),
    campaigns: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ days, campaigns }) =>
    fc.record({
      days: fc.constant(days),
      demand: fc.array(
        fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 5000 })), {
          minLength: days,
          maxLength: days,
        }),
        { minLength: campaigns, maxLength: campaigns },
      ),
      credits: fc.array(
        fc.record({
          capacity: fc.integer({ min: 0, max: 40_000 }),
          firstDay: fc.integer({ min: -3, max: days + 2 }),
          span: fc.integer({ min: 0, max: days }),
          campaigns: fc.subarray([...Array(campaigns).keys()]),
        }),
        { maxLength: 5 },
      ),
    }),
  );

describe("R12 reduced credit flow graph", () => {
  it("R12: merging day blocks and campaign classes keeps the per-day max-flow (property)", () => {
    fc.assert(
      fc.property(instanceArb, ({ days, demand, credits }) => {
        const rows = demand.map((row) => Float64Array.from(row));
        const bound: BoundCredit[] = credits.map((c) => ({
          capacity: c.capacity,
          firstDay: c.firstDay,
          lastDay: c.firstDay + c.span - 1,
          campaigns: c.campaigns,
        }));
        expect(maxCreditFlow(bound, rows, days).flow).toBe(perDayFlow(bound, rows, days));
      }),
      { numRuns: 300 },
    );
  });

  it("R12: credits sharing one campaign list (typed or not) keep the per-day max-flow (property)", () => {
    fc.assert(
      fc.property(instanceArb, fc.boolean(), ({ days, demand, credits }, typed) => {
        const rows = demand.map((row) => Float64Array.from(row));
        // Every other credit reuses the list object of the one before it, as restriction results are shared.
        const lists = credits.map((c) => (typed ? Int32Array.from(c.campaigns) : c.campaigns));
        const bound: BoundCredit[] = credits.map((c, k) => ({
          capacity: c.capacity,
          firstDay: c.firstDay,
          lastDay: c.firstDay + c.span - 1,
          campaigns: lists[k % 2 === 1 ? k - 1 : k],
        }));
        expect(maxCreditFlow(bound, rows, days).flow).toBe(perDayFlow(bound, rows, days));
      }),
      { numRuns: 300 },
    );
  });

  it("R12: one credit over two blocks, two campaigns sharing an eligibility class", () => {
    const demand = [Float64Array.from([10, 10, 10, 10]), Float64Array.from([5, 5, 5, 5])];
    const credits: BoundCredit[] = [
      { capacity: 1000, firstDay: 0, lastDay: 1, campaigns: [0, 1] },
      { capacity: 7, firstDay: 2, lastDay: 3, campaigns: [1] },
    ];
    const reduced = maxCreditFlow(credits, demand, 4);
    // First credit: both campaigns on days 0-1 (30); second: campaign 1 on days 2-3, capped at 7.
    expect(reduced.flow).toBe(37);
    expect(reduced.blocks).toBe(2);
    // Classes: {credit 0} for campaign 0, {credit 0, credit 1} for campaign 1.
    expect(reduced.campaignClasses).toBe(2);
  });

  it("R12: a year of days with one long credit collapses to one block per class", () => {
    const days = 365;
    const demand = Array.from({ length: 50 }, (_, c) => new Float64Array(days).fill(100 + c));
    const reduced = maxCreditFlow(
      [{ capacity: 10_000_000, firstDay: 0, lastDay: days - 1, campaigns: [...Array(50).keys()] }],
      demand,
      days,
    );
    let total = 0;
    for (const row of demand) for (const v of row) total += v;
    expect(reduced.flow).toBe(total);
    expect(reduced.blocks).toBe(1);
    expect(reduced.campaignClasses).toBe(1);
    expect(reduced.nodes).toBe(4);
  });

  it("R12: no usable credit gives zero", () => {
    const demand = [Float64Array.from([10, 10])];
    expect(maxCreditFlow([], demand, 2).flow).toBe(0);
    expect(
      maxCreditFlow([{ capacity: 5, firstDay: 3, lastDay: 9, campaigns: [0] }], demand, 2).flow,
    ).toBe(0);
    expect(
      maxCreditFlow([{ capacity: 0, firstDay: 0, lastDay: 1, campaigns: [0] }], demand, 2).flow,
    ).toBe(0);
  });
});
