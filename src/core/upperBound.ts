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
import { canBeNewlyAssigned, passesRestrictions } from "./eligibility";
import { FlowNetwork } from "./maxflow";
import type { Model, Money } from "./model";
import type { CreditPlanStatus, Plan } from "./plan";

/** One credit as the bound sees it: amount, usable day range, campaigns it may pay. */
export interface BoundCredit {
  capacity: Money;
  /** First usable day as an index from plan start (inclusive). */
  firstDay: number;
  /** Last usable day as an index from plan start (inclusive). */
  lastDay: number;
  /** Campaign indexes (into the demand rows) this credit may pay for. */
  campaigns: readonly number[];
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

  // Campaign classes: campaigns that exactly the same credits may pay for.
  const creditsOfCampaign = new Map<number, number[]>();
  active.forEach((credit, k) => {
    for (const c of new Set(credit.campaigns)) {
      const list = creditsOfCampaign.get(c);
      if (list) list.push(k);
      else creditsOfCampaign.set(c, [k]);
    }
  });
  const classByKey = new Map<string, number>();
  const classOfCampaign = new Map<number, number>();
  const classesOfCredit: number[][] = active.map(() => []);
  for (const [campaign, creditList] of creditsOfCampaign) {
    const key = creditList.join(",");
    let cls = classByKey.get(key);
    if (cls === undefined) {
      cls = classByKey.size;
      classByKey.set(key, cls);
      for (const k of creditList) classesOfCredit[k].push(cls);
    }
    classOfCampaign.set(campaign, cls);
  }
  const classCount = classByKey.size;

  // Demand per (class, block).
  const classBlockDemand = new Float64Array(classCount * blockCount);
  for (const [campaign, cls] of classOfCampaign) {
    const row = demand[campaign];
    if (!row) continue;
    const base = cls * blockCount;
    const limit = Math.min(days, row.length);
    for (let d = 0; d < limit; d++) {
      const amount = row[d];
      if (amount > 0) classBlockDemand[base + blockOfDay[d]] += amount;
    }
  }

  // Nodes: 0 source, 1…K credits, then one per reachable (class, block) with demand, then sink.
  const nodeOf = new Int32Array(classCount * blockCount).fill(-1);
  let nodeCount = 1 + active.length;
  const usedBlocks = new Uint8Array(blockCount);
  active.forEach((credit, k) => {
    const fromBlock = blockOfDay[credit.firstDay];
    const toBlock = blockIndexOfDay(credit.lastDay + 1);
    for (let b = fromBlock; b < toBlock; b++) {
      usedBlocks[b] = 1;
      for (const cls of classesOfCredit[k]) {
        const slot = cls * blockCount + b;
        if (nodeOf[slot] < 0 && classBlockDemand[slot] > 0) nodeOf[slot] = nodeCount++;
      }
    }
  });
  const sink = nodeCount++;
  const network = new FlowNetwork(nodeCount);
  active.forEach((credit, k) => {
    network.addEdge(0, 1 + k, credit.capacity);
    const fromBlock = blockOfDay[credit.firstDay];
    const toBlock = blockIndexOfDay(credit.lastDay + 1);
    for (let b = fromBlock; b < toBlock; b++) {
      for (const cls of classesOfCredit[k]) {
        const node = nodeOf[cls * blockCount + b];
        if (node >= 0) network.addEdge(1 + k, node, Number.POSITIVE_INFINITY);
      }
    }
  });
  for (let slot = 0; slot < nodeOf.length; slot++) {
    if (nodeOf[slot] >= 0) network.addEdge(nodeOf[slot], sink, classBlockDemand[slot]);
  }
  const flow = network.maxFlow(0, sink);
  let blocks = 0;
  for (const used of usedBlocks) blocks += used;
  return {
    flow,
    blocks,
    campaignClasses: classCount,
    nodes: nodeCount,
    edges: network.edgeCount,
  };
}

/** Plan statuses of credits that are never usable in the horizon. */
const NEVER_USABLE: ReadonlySet<CreditPlanStatus> = new Set([
  "used",
  "unavailable",
  "rejected",
  "lapsed",
  "pending",
]);

/**
 * R12: each credit as the bound sees it. Validity is the plan's projection
 * (issuedOn…lastUsableDay ∩ horizon). Assignable credits may pay any campaign
 * that could be assigned (Active/Scheduled, or already holding a slot) and
 * passes their restrictions; every other type any campaign passing its
 * restrictions — the R5 conditions, the cash gate and card limits are ignored.
 */
export function boundCredits(model: Model, plan: Plan): BoundCredit[] {
  const result: BoundCredit[] = [];
  model.credits.forEach((credit, i) => {
    const projected = plan.credits[i];
    if (!projected || NEVER_USABLE.has(projected.status)) return;
    const capacity = projected.remainingAtStart + projected.issued;
    if (capacity <= 0) return;
    const first = Math.max(projected.issuedOn ?? plan.start, plan.start);
    const last = Math.min(projected.lastUsableDay ?? plan.end, plan.end);
    if (first > last) return;
    const holding = new Set(projected.assignedCampaigns);
    const campaigns: number[] = [];
    model.campaigns.forEach((campaign, c) => {
      if (!passesRestrictions(credit, campaign)) return;
      if (
        credit.type === "assignable" &&
        !canBeNewlyAssigned(campaign) &&
        !holding.has(campaign.id)
      )
        return;
      campaigns.push(c);
    });
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
export function creditUpperBound(model: Model, plan: Plan, demand: readonly Float64Array[]): Money {
  const { flow } = maxCreditFlow(boundCredits(model, plan), demand, plan.days);
  let used = 0;
  for (const credit of plan.credits) used += credit.used;
  return Math.max(Math.round(flow), used);
}
