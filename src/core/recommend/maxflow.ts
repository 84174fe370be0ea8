/**
 * R12: maximum flow (Dinic's algorithm) for the credit upper bound.
 * Capacities are money in minor units (integers below 2^53) or Infinity for
 * uncapped edges; sums stay exact in doubles.
 */

/** A directed network built edge by edge; each edge has a paired reverse edge. */
export class FlowNetwork {
  readonly nodeCount: number;
  /** Edge arrays (typed, grown by doubling); an edge and its reverse are ids e and e ^ 1. */
  private edgeTo: Int32Array;
  private edgeCapacity: Float64Array;
  private edgeOriginal: Float64Array;
  private edgeNext: Int32Array;
  private edgeTotal = 0;
  private firstEdge: Int32Array;

  /** `expectedEdges` only sizes the arrays up front; more edges may be added. */
  constructor(nodeCount: number, expectedEdges = 16) {
    this.nodeCount = nodeCount;
    this.firstEdge = new Int32Array(nodeCount).fill(-1);
    const slots = Math.max(2, 2 * expectedEdges);
    this.edgeTo = new Int32Array(slots);
    this.edgeCapacity = new Float64Array(slots);
    this.edgeOriginal = new Float64Array(slots);
    this.edgeNext = new Int32Array(slots);
  }

  /** Adds `from → to` with `capacity`; returns the edge id (for `flowOn`). */
  addEdge(from: number, to: number, capacity: number): number {
    if (from < 0 || from >= this.nodeCount || to < 0 || to >= this.nodeCount) {
      throw new RangeError(`edge ${from}→${to} outside a ${this.nodeCount}-node network`);
    }
    if (!(capacity >= 0)) throw new RangeError(`edge capacity must be ≥ 0, got ${capacity}`);
    const id = this.edgeTotal;
    this.pushEdge(from, to, capacity);
    this.pushEdge(to, from, 0);
    return id;
  }

  /** Adds uncapped edges `offset + sources[j] → to` for j in start … end − 1, in that order. */
  addUncappedEdges(
    sources: ArrayLike<number>,
    start: number,
    end: number,
    offset: number,
    to: number,
  ): void {
    for (let j = start; j < end; j++)
      this.addEdge(offset + sources[j], to, Number.POSITIVE_INFINITY);
  }

  get edgeCount(): number {
    return this.edgeTotal / 2;
  }

  /** Flow currently on an edge returned by `addEdge` (read off its reverse, finite even when uncapped). */
  flowOn(edge: number): number {
    return this.edgeCapacity[edge ^ 1] - this.edgeOriginal[edge ^ 1];
  }

  /** Dinic: BFS level graph, then blocking flows by iterative DFS. */
  maxFlow(source: number, sink: number): number {
    if (source === sink) throw new RangeError("source and sink must differ");
    const n = this.nodeCount;
    const level = new Int32Array(n);
    const cursor = new Int32Array(n);
    const queue = new Int32Array(n);
    const pathEdges = new Int32Array(n);
    let total = 0;
    while (this.buildLevels(source, sink, level, queue)) {
      for (let v = 0; v < n; v++) cursor[v] = this.firstEdge[v];
      for (;;) {
        const pushed = this.augment(source, sink, level, cursor, pathEdges);
        if (pushed <= 0) break;
        total += pushed;
      }
    }
    return total;
  }

  private pushEdge(from: number, to: number, capacity: number): void {
    if (this.edgeTotal === this.edgeTo.length) this.grow();
    const e = this.edgeTotal++;
    this.edgeTo[e] = to;
    this.edgeCapacity[e] = capacity;
    this.edgeOriginal[e] = capacity;
    this.edgeNext[e] = this.firstEdge[from];
    this.firstEdge[from] = e;
  }

  private grow(): void {
    const slots = this.edgeTo.length * 2;
    const grown = <T extends Int32Array | Float64Array>(old: T, fresh: T): T => {
      fresh.set(old);
      return fresh;
    };
    this.edgeTo = grown(this.edgeTo, new Int32Array(slots));
    this.edgeCapacity = grown(this.edgeCapacity, new Float64Array(slots));
    this.edgeOriginal = grown(this.edgeOriginal, new Float64Array(slots));
    this.edgeNext = grown(this.edgeNext, new Int32Array(slots));
  }

  private buildLevels(source: number, sink: number, level: Int32Array, queue: Int32Array): boolean {
    level.fill(-1);
    level[source] = 0;
    let head = 0;
    let tail = 0;
    queue[tail++] = source;
    while (head < tail) {
      const v = queue[head++];
      for (let e = this.firstEdge[v]; e !== -1; e = this.edgeNext[e]) {
        const w = this.edgeTo[e];
        if (level[w] < 0 && this.edgeCapacity[e] > 0) {
          level[w] = level[v] + 1;
          queue[tail++] = w;
        }
      }
    }
    return level[sink] >= 0;
  }

  /**
   * Finds one source→sink path in the level graph (advancing per-node
   * cursors past dead ends) and pushes its bottleneck. Returns 0 when the
   * blocking flow is complete.
   */
  private augment(
    source: number,
    sink: number,
    level: Int32Array,
    cursor: Int32Array,
    pathEdges: Int32Array,
  ): number {
    let depth = 0;
    let v = source;
    for (;;) {
      if (v === sink) {
        let bottleneck = Number.POSITIVE_INFINITY;
        for (let i = 0; i < depth; i++) {
          const cap = this.edgeCapacity[pathEdges[i]];
          if (cap < bottleneck) bottleneck = cap;
        }
        if (bottleneck === Number.POSITIVE_INFINITY) {
          throw new RangeError("unbounded flow: a source→sink path has no finite capacity");
        }
        for (let i = 0; i < depth; i++) {
          const e = pathEdges[i];
          this.edgeCapacity[e] -= bottleneck;
          this.edgeCapacity[e ^ 1] += bottleneck;
        }
        return bottleneck;
      }
      let advanced = false;
      for (let e = cursor[v]; e !== -1; e = this.edgeNext[e]) {
        const w = this.edgeTo[e];
        if (this.edgeCapacity[e] > 0 && level[w] === level[v] + 1) {
          cursor[v] = e;
          pathEdges[depth++] = e;
          v = w;
          advanced = true;
          break;
        }
      }
      if (advanced) continue;
      // Dead end: drop the node from the level graph and retreat one step.
      cursor[v] = -1;
      level[v] = -1;
      if (depth === 0) return 0;
      depth -= 1;
      const back = pathEdges[depth];
      v = this.edgeTo[back ^ 1];
      cursor[v] = this.edgeNext[back];
    }
  }
}
