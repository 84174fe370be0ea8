import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FlowNetwork } from "../../../src/core/recommend/maxflow";

interface EdgeSpec {
  from: number;
  to: number;
  capacity: number;
}

function networkOf(nodeCount: number, edges: EdgeSpec[]): FlowNetwork {
  const network = new FlowNetwork(nodeCount);
  for (const e of edges) network.addEdge(e.from, e.to, e.capacity);
  return network;
}

/** Max-flow = min-cut: the cheapest cut over every source-side set (small graphs only). */
function minCutByEnumeration(nodeCount: number, edges: EdgeSpec[], s: number, t: number): number {
  const others = [...Array(nodeCount).keys()].filter((v) => v !== s && v !== t);
  let best = Number.POSITIVE_INFINITY;
  for (let mask = 0; mask < 1 << others.length; mask++) {
    const sourceSide = new Set([s]);
    others.forEach((v, i) => {
      if (mask & (1 << i)) sourceSide.add(v);
    });
    let cut = 0;
    for (const e of edges) if (sourceSide.has(e.from) && !sourceSide.has(e.to)) cut += e.capacity;
    best = Math.min(best, cut);
  }
  return best;
}

describe("R12 max-flow (Dinic)", () => {
  it("R12: solves the textbook network (CLRS 26.1, flow 23)", () => {
    const edges = [
      { from: 0, to: 1, capacity: 16 },
      { from: 0, to: 2, capacity: 13 },
      { from: 2, to: 1, capacity: 4 },
      { from: 1, to: 3, capacity: 12 },
      { from: 3, to: 2, capacity: 9 },
      { from: 2, to: 4, capacity: 14 },
      { from: 4, to: 3, capacity: 7 },
      { from: 3, to: 5, capacity: 20 },
      { from: 4, to: 5, capacity: 4 },
    ];
    expect(networkOf(6, edges).maxFlow(0, 5)).toBe(23);
  });

  it("R12: a bipartite credit → campaign-day graph with uncapped middle edges", () => {
    // source 0, credits 1-2, campaign-days 3-4, sink 5.
    const network = new FlowNetwork(6);
    network.addEdge(0, 1, 100);
    network.addEdge(0, 2, 50);
    const c1a = network.addEdge(1, 3, Number.POSITIVE_INFINITY);
    const c1b = network.addEdge(1, 4, Number.POSITIVE_INFINITY);
    const c2a = network.addEdge(2, 3, Number.POSITIVE_INFINITY);
    network.addEdge(3, 5, 60);
    network.addEdge(4, 5, 70);
    expect(network.maxFlow(0, 5)).toBe(130);
    // Credit 2 can only reach node 3, so node 3's 60 splits 50/10 or similar and credit 1 fills the rest.
    expect(network.flowOn(c2a)).toBe(50);
    expect(network.flowOn(c1a) + network.flowOn(c1b)).toBe(80);
  });

  it("R12: disconnected sink gives zero; parallel edges add up", () => {
    expect(networkOf(3, [{ from: 0, to: 1, capacity: 5 }]).maxFlow(0, 2)).toBe(0);
    const parallel = networkOf(2, [
      { from: 0, to: 1, capacity: 3 },
      { from: 0, to: 1, capacity: 4 },
    ]);
    expect(parallel.maxFlow(0, 1)).toBe(7);
  });

  it("R12: flow needs a residual (reverse) edge to reach the optimum", () => {
    // Greedy along 0→1→2→3 blocks; the optimum reroutes through the reverse of 1→2.
    const edges = [
      { from: 0, to: 1, capacity: 1 },
      { from: 0, to: 2, capacity: 1 },
      { from: 1, to: 2, capacity: 1 },
      { from: 1, to: 3, capacity: 1 },
      { from: 2, to: 3, capacity: 1 },
    ];
    expect(networkOf(4, edges).maxFlow(0, 3)).toBe(2);
  });

  it("R12: rejects bad edges and an unbounded path", () => {
    const network = new FlowNetwork(2);
    expect(() => network.addEdge(0, 2, 1)).toThrow(RangeError);
    expect(() => network.addEdge(0, 1, -1)).toThrow(RangeError);
    network.addEdge(0, 1, Number.POSITIVE_INFINITY);
    expect(() => network.maxFlow(0, 1)).toThrow(/unbounded/);
  });

  it("R12: equals the minimum cut on random small networks (property)", () => {
    const edgeArb = (n: number) =>
      fc.record({
        from: fc.integer({ min: 0, max: n - 1 }),
        to: fc.integer({ min: 0, max: n - 1 }),
        capacity: fc.integer({ min: 0, max: 1_000_000 }),
      });
    const graphArb = fc
      .integer({ min: 2, max: 8 })
      .chain((n) =>
        fc.record({ n: fc.constant(n), edges: fc.array(edgeArb(n), { maxLength: 24 }) }),
      );
    fc.assert(
      fc.property(graphArb, ({ n, edges }) => {
        const clean = edges.filter((e) => e.from !== e.to);
        const flow = networkOf(n, clean).maxFlow(0, n - 1);
        expect(flow).toBe(minCutByEnumeration(n, clean, 0, n - 1));
      }),
      { numRuns: 300 },
    );
  });

  it("R12: handles a large layered network quickly", () => {
    // 300 credits × 2,000 campaign-block nodes, each credit reaching 40 of them.
    const credits = 300;
    const blocks = 2000;
    const network = new FlowNetwork(2 + credits + blocks);
    const sink = 1 + credits + blocks;
    let supply = 0;
    for (let k = 0; k < credits; k++) {
      const capacity = 1000 + ((k * 7919) % 5000);
      supply += capacity;
      network.addEdge(0, 1 + k, capacity);
      for (let j = 0; j < 40; j++) {
        network.addEdge(
          1 + k,
          1 + credits + ((k * 37 + j * 53) % blocks),
          Number.POSITIVE_INFINITY,
        );
      }
    }
    let demand = 0;
    for (let b = 0; b < blocks; b++) {
      const capacity = 300 + ((b * 104729) % 900);
      demand += capacity;
      network.addEdge(1 + credits + b, sink, capacity);
    }
    const started = performance.now();
    const flow = network.maxFlow(0, sink);
    expect(flow).toBeLessThanOrEqual(Math.min(supply, demand));
    expect(flow).toBeGreaterThan(0);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
