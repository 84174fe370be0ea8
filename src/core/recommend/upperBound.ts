/**
 * R12: the most credit, all credits together, that any choice of assignments
 * could use in the horizon — a max-flow over credit → (campaign, day) edges.
 *
 * The graph is reduced without changing its max-flow:
 * - days merge into blocks: consecutive days with the same set of usable
 *   credits (a block boundary is a day some credit starts or stops being usable);
 * - campaigns merge into classes: campaigns that the same credits may pay for.
 * Inside a block every credit that reaches a class reaches each of its
 * campaign-days, so one node per (class, block) capped by the summed demand
 * carries exactly the flow the per-day graph would.
 */

import { rulesOf } from "../creditTypes";
import { canBeNewlyAssigned, RestrictionIndex } from "../eligibility";
import type { Model, Money } from "../model";
import { NEVER_USABLE, type Plan } from "../plan";
import { FlowNetwork } from "./maxflow";

/** One credit as the bound sees it: amount, usable day range, campaigns it may pay. */
export interface BoundCredit {
  capacity: Money;
  /** First usable day as an index from plan start (inclusive). */
  firstDay: number;
  /** Last usable day as an index from plan start (inclusive). */
  lastDay: number;
  /** Campaign indexes (into the demand rows) this credit may pay for. */
  campaigns: ArrayLike<number>;
}

export interface ReducedFlow {
  flow: Money;
  /** Day blocks with at least one usable credit. */
  blocks: number;
  campaignClasses: number;
  /** Nodes and edges of the reduced network (source and sink included). */
  nodes: number;
  edges: number;
}

/**
 * Max-flow from credits (capped by their amount) to campaign-days (capped by
 * demand), on the reduced graph. `demand[c][d]` is campaign c's demand on day
 * index d of a `days`-day horizon.
 */
export function maxCreditFlow(
  credits: readonly BoundCredit[],
  demand: readonly Float64Array[],
  days: number,
): ReducedFlow {
  const active = credits
    .map((credit) => ({
      ...credit,
      firstDay: Math.max(0, credit.firstDay),
      lastDay: Math.min(days - 1, credit.lastDay),
    }))
    .filter((c) => c.capacity > 0 && c.firstDay <= c.lastDay && c.campaigns.length > 0);
  const empty = { flow: 0, blocks: 0, campaignClasses: 0, nodes: 2, edges: 0 };
  if (active.length === 0) return empty;

  // Day blocks: cut wherever a credit starts or stops being usable.
  const cuts = new Set<number>([0, days]);
  for (const c of active) {
    cuts.add(c.firstDay);
    cuts.add(c.lastDay + 1);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);
  const blockCount = boundaries.length - 1;
  const blockOfDay = new Int32Array(days);
  for (let b = 0; b < blockCount; b++) {
    for (let d = boundaries[b]; d < boundaries[b + 1]; d++) blockOfDay[d] = b;
  }
  const blockIndexOfDay = (day: number) => (day >= days ? blockCount : blockOfDay[day]);

  // Credit sets are bitsets of `words` 32-bit words: a campaign's class and a
  // block's usable credits intersect word by word, and a set's key is its words.
  const words = Math.ceil(active.length / 32);
  const setKey = (bits: Uint32Array, at: number) => bits.subarray(at, at + words).join(",");

  // Campaign classes: campaigns that exactly the same credits may pay for.
  const campaignCount = demand.length;
  const campaignBits = new Uint32Array(campaignCount * words);
  active.forEach((credit, k) => {
    const word = k >>> 5;
    const bit = 1 << (k & 31);
    for (let j = 0; j < credit.campaigns.length; j++) {
      const c = credit.campaigns[j];
      if (c >= 0 && c < campaignCount) campaignBits[c * words + word] |= bit;
    }
  });
  const classByKey = new Map<string, number>();
  const classOfCampaign = new Int32Array(campaignCount).fill(-1);
  const classBits: number[] = [];
  for (let c = 0; c < campaignCount; c++) {
    let any = 0;
    for (let w = 0; w < words; w++) any |= campaignBits[c * words + w];
    if (any === 0) continue;
    const key = setKey(campaignBits, c * words);
    let cls = classByKey.get(key);
    if (cls === undefined) {
      cls = classByKey.size;
      classByKey.set(key, cls);
      for (let w = 0; w < words; w++) classBits.push(campaignBits[c * words + w]);
    }
    classOfCampaign[c] = cls;
  }
  const classCount = classByKey.size;

  // Demand per (class, block).
  const classBlockDemand = new Float64Array(classCount * blockCount);
  for (let c = 0; c < campaignCount; c++) {
    const cls = classOfCampaign[c];
    if (cls < 0) continue;
    const row = demand[c];
    const base = cls * blockCount;
    const limit = Math.min(days, row.length);
    for (let d = 0; d < limit; d++) {
      const amount = row[d];
      if (amount > 0) classBlockDemand[base + blockOfDay[d]] += amount;
    }
  }

  // Inside a block, classes reached by the same usable credits merge once more:
  // one node per (block, credits usable there) with the summed demand.
  const blockBits = new Uint32Array(blockCount * words);
  active.forEach((credit, k) => {
    const toBlock = blockIndexOfDay(credit.lastDay + 1);
    for (let b = blockOfDay[credit.firstDay]; b < toBlock; b++) {
      blockBits[b * words + (k >>> 5)] |= 1 << (k & 31);
    }
  });
  const nodeCredits: number[][] = [];
  const nodeDemand: number[] = [];
  const reaching = new Uint32Array(words);
  let blocks = 0;
  for (let b = 0; b < blockCount; b++) {
    let anyUsable = 0;
    for (let w = 0; w < words; w++) anyUsable |= blockBits[b * words + w];
    if (anyUsable === 0) continue;
    blocks += 1;
    const nodeByKey = new Map<string, number>();
    for (let cls = 0; cls < classCount; cls++) {
      const amount = classBlockDemand[cls * blockCount + b];
      if (amount <= 0) continue;
      let anyReaching = 0;
      for (let w = 0; w < words; w++) {
        reaching[w] = classBits[cls * words + w] & blockBits[b * words + w];
        anyReaching |= reaching[w];
      }
      if (anyReaching === 0) continue;
      const key = setKey(reaching, 0);
      const node = nodeByKey.get(key);
      if (node === undefined) {
        nodeByKey.set(key, nodeCredits.length);
        nodeCredits.push(membersOf(reaching));
        nodeDemand.push(amount);
      } else {
        nodeDemand[node] += amount;
      }
    }
  }

  // Nodes: 0 source, 1…K credits, then the (block, credits) nodes, then the sink.
  const firstNode = 1 + active.length;
  const sink = firstNode + nodeCredits.length;
  let edgeCount = active.length + nodeCredits.length;
  for (const reaching of nodeCredits) edgeCount += reaching.length;
  const network = new FlowNetwork(sink + 1, edgeCount);
  active.forEach((credit, k) => {
    network.addEdge(0, 1 + k, credit.capacity);
  });
  nodeCredits.forEach((reaching, n) => {
    for (const k of reaching) network.addEdge(1 + k, firstNode + n, Number.POSITIVE_INFINITY);
    network.addEdge(firstNode + n, sink, nodeDemand[n]);
  });
  const flow = network.maxFlow(0, sink);
  return {
    flow,
    blocks,
    campaignClasses: classCount,
    nodes: sink + 1,
    edges: network.edgeCount,
  };
}

/** The credit indexes whose bits are set, ascending. */
function membersOf(bits: Uint32Array): number[] {
  const members: number[] = [];
  for (let w = 0; w < bits.length; w++) {
    for (let word = bits[w]; word !== 0; word &= word - 1) {
      members.push(w * 32 + (31 - Math.clz32(word & -word)));
    }
  }
  return members;
}

/**
 * R12: each credit as the bound sees it. Validity is the plan's projection
 * (issuedOn…lastUsableDay ∩ horizon). Assignable credits may pay any campaign
 * that could be assigned (Active/Scheduled, or already holding a slot) and
 * passes their restrictions; every other type any campaign passing its
 * restrictions — the R5 conditions, the cash gate and card limits are ignored.
 */
export function boundCredits(
  model: Model,
  plan: Plan,
  restrictions: RestrictionIndex = new RestrictionIndex(model.campaigns),
): BoundCredit[] {
  const result: BoundCredit[] = [];
  const newlyAssignable = model.campaigns.map(canBeNewlyAssigned);
  model.credits.forEach((credit, i) => {
    const projected = plan.credits[i];
    if (!projected || NEVER_USABLE.has(projected.status)) return;
    const capacity = projected.remainingAtStart + projected.issued;
    if (capacity <= 0) return;
    const first = Math.max(projected.issuedOn ?? plan.start, plan.start);
    const last = Math.min(projected.lastUsableDay ?? plan.end, plan.end);
    if (first > last) return;
    const matching = restrictions.matching(credit);
    let campaigns: ArrayLike<number> = matching;
    if (rulesOf(credit).assignable) {
      const holding = new Set(projected.assignedCampaigns);
      const assignable: number[] = [];
      for (const c of matching) {
        if (newlyAssignable[c] || holding.has(model.campaigns[c].id)) assignable.push(c);
      }
      campaigns = assignable;
    }
    result.push({ capacity, firstDay: first - plan.start, lastDay: last - plan.start, campaigns });
  });
  return result;
}

/**
 * R12: the credit upper bound. It is a relaxation of the simulation, so it is
 * never below what the plan uses; should a modelling difference (for
 * instance a credit paying on a day the plan's projection does not show)
 * ever make the flow smaller, the plan's own use is the tighter truth and wins.
 */
export function creditUpperBound(
  model: Model,
  plan: Plan,
  demand: readonly Float64Array[],
  restrictions: RestrictionIndex = new RestrictionIndex(model.campaigns),
): Money {
  const { flow } = maxCreditFlow(boundCredits(model, plan, restrictions), demand, plan.days);
  let used = 0;
  for (const credit of plan.credits) used += credit.used;
  return Math.max(Math.round(flow), used);
}
