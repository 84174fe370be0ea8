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

  // Credit sets are bitsets of `words` 32-bit words: a campaign's class and a
  // block's usable credits intersect word by word.
  const words = Math.ceil(active.length / 32);
  const blocks = dayBlocks(active, days);
  const classes = campaignClasses(active, demand.length, words);
  const demandByClass = classBlockDemand(classes, blocks, demand, days);
  const nodes = blockNodes(active, words, blocks, classes, demandByClass);

  // Nodes: 0 source, 1…K credits, then the (block, credits) nodes, then the sink.
  const nodeCount = nodes.demand.length;
  const firstNode = 1 + active.length;
  const sink = firstNode + nodeCount;
  const network = new FlowNetwork(sink + 1, active.length + nodeCount + nodes.members.length);
  active.forEach((credit, k) => {
    network.addEdge(0, 1 + k, credit.capacity);
  });
  addNodeEdges(network, nodes, firstNode, sink);
  const flow = network.maxFlow(0, sink);
  return {
    flow,
    blocks: nodes.blocks,
    campaignClasses: classes.count,
    nodes: sink + 1,
    edges: network.edgeCount,
  };
}

/** Credit k → node n uncapped for each of its credits, node n → sink capped by its demand. */
function addNodeEdges(
  network: FlowNetwork,
  nodes: BlockNodes,
  firstNode: number,
  sink: number,
): void {
  const { memberStart, members, demand } = nodes;
  for (let n = 0; n < demand.length; n++) {
    network.addUncappedEdges(members, memberStart[n], memberStart[n + 1], 1, firstNode + n);
    network.addEdge(firstNode + n, sink, demand[n]);
  }
}

interface DayBlocks {
  count: number;
  blockOfDay: Int32Array;
}

/** Day blocks: cut wherever a credit starts or stops being usable. */
function dayBlocks(active: readonly BoundCredit[], days: number): DayBlocks {
  const cuts = new Set<number>([0, days]);
  for (const c of active) {
    cuts.add(c.firstDay);
    cuts.add(c.lastDay + 1);
  }
  const boundaries = [...cuts].sort((a, b) => a - b);
  const count = boundaries.length - 1;
  const blockOfDay = new Int32Array(days);
  for (let b = 0; b < count; b++) {
    for (let d = boundaries[b]; d < boundaries[b + 1]; d++) blockOfDay[d] = b;
  }
  return { count, blockOfDay };
}

interface CampaignClasses {
  count: number;
  /** Class per campaign, -1 for a campaign no credit may pay. */
  classOfCampaign: Int32Array;
  /** Groups are credits sharing one campaign list; a group set takes `groupWords` words. */
  groupWords: number;
  groupOfCredit: Int32Array;
  /** The groups of class k: words k·groupWords … (k+1)·groupWords − 1. */
  groupsOfClass: Int32Array;
  /** The credits of group g: words g·words … (g+1)·words − 1. */
  creditsOfGroup: Int32Array;
}

/**
 * Campaign classes: campaigns that exactly the same credits may pay for.
 * Credits sharing one campaign list (one restriction result) form a group,
 * and a campaign's credits are the union of its groups, so classes are the
 * distinct sets of groups: each list is walked once, not once per credit.
 */
function campaignClasses(
  active: readonly BoundCredit[],
  campaignCount: number,
  words: number,
): CampaignClasses {
  const groupByList = new Map<ArrayLike<number>, number>();
  const lists: ArrayLike<number>[] = [];
  const groupOfCredit = new Int32Array(active.length);
  active.forEach((credit, k) => {
    let group = groupByList.get(credit.campaigns);
    if (group === undefined) {
      group = lists.length;
      groupByList.set(credit.campaigns, group);
      lists.push(credit.campaigns);
    }
    groupOfCredit[k] = group;
  });
  const groupWords = Math.ceil(lists.length / 32);
  const campaignGroups = new Int32Array(campaignCount * groupWords);
  lists.forEach((list, group) => {
    // One loop per kind of list keeps each loop's element reads monomorphic.
    if (list instanceof Int32Array) setBitTyped(campaignGroups, groupWords, group, list);
    else setBit(campaignGroups, groupWords, group, list);
  });
  const ids = new BitsetIds(groupWords, campaignCount);
  const classOfCampaign = new Int32Array(campaignCount).fill(-1);
  for (let c = 0; c < campaignCount; c++) {
    if (!anyBit(campaignGroups, c * groupWords, groupWords)) continue;
    classOfCampaign[c] = ids.idOf(campaignGroups, c * groupWords);
  }
  const creditsOfGroup = new Int32Array(lists.length * words);
  groupOfCredit.forEach((group, k) => {
    creditsOfGroup[group * words + (k >>> 5)] |= 1 << (k & 31);
  });
  return {
    count: ids.count,
    classOfCampaign,
    groupWords,
    groupOfCredit,
    groupsOfClass: ids.stored(),
    creditsOfGroup,
  };
}

/** Sets bit k in the bitset of each listed campaign. */
function setBitTyped(bits: Int32Array, words: number, k: number, campaigns: Int32Array): void {
  const campaignCount = bits.length / words;
  const word = k >>> 5;
  const bit = 1 << (k & 31);
  for (let j = 0; j < campaigns.length; j++) {
    const c = campaigns[j];
    if (c >= 0 && c < campaignCount) bits[c * words + word] |= bit;
  }
}

/**
 * `setBitTyped` for any other list (plain arrays). The loop is kept twice on
 * purpose: each copy sees one array type, so a cold run optimizes both early;
 * one loop over both types would stay polymorphic.
 */
function setBit(bits: Int32Array, words: number, k: number, campaigns: ArrayLike<number>): void {
  const campaignCount = bits.length / words;
  const word = k >>> 5;
  const bit = 1 << (k & 31);
  for (let j = 0; j < campaigns.length; j++) {
    const c = campaigns[j];
    if (c >= 0 && c < campaignCount) bits[c * words + word] |= bit;
  }
}

/** Demand per (class, block), at class · blocks + block. */
function classBlockDemand(
  classes: CampaignClasses,
  blocks: DayBlocks,
  demand: readonly Float64Array[],
  days: number,
): Float64Array {
  const { blockOfDay } = blocks;
  const sums = new Float64Array(classes.count * blocks.count);
  for (let c = 0; c < demand.length; c++) {
    const cls = classes.classOfCampaign[c];
    if (cls >= 0)
      addByBlock(demand[c], Math.min(days, demand[c].length), blockOfDay, sums, cls * blocks.count);
  }
  return sums;
}

/** Adds a row's positive days into `sums[base + block of the day]`, day by day. */
function addByBlock(
  row: Float64Array,
  limit: number,
  blockOfDay: Int32Array,
  sums: Float64Array,
  base: number,
): void {
  for (let d = 0; d < limit; d++) {
    const amount = row[d];
    if (amount > 0) sums[base + blockOfDay[d]] += amount;
  }
}

interface BlockNodes {
  /** Blocks with at least one usable credit. */
  blocks: number;
  /** Node n's credits are `members[memberStart[n] … memberStart[n + 1] − 1]`, ascending. */
  memberStart: number[];
  members: number[];
  demand: number[];
}

/**
 * Inside a block, classes reached by the same usable credits merge once more:
 * one node per (block, credits usable there) with the summed demand. Groups
 * are disjoint, so two classes reach the same credits in a block exactly when
 * they share the same groups among those with a credit usable there.
 */
function blockNodes(
  active: readonly BoundCredit[],
  words: number,
  blocks: DayBlocks,
  classes: CampaignClasses,
  demandByClass: Float64Array,
): BlockNodes {
  const blockCount = blocks.count;
  const { groupWords, groupsOfClass, creditsOfGroup } = classes;
  const { blockBits, liveGroups } = usableByBlock(active, words, blocks, classes);
  const result: BlockNodes = { blocks: 0, memberStart: [0], members: [], demand: [] };
  const key = new Int32Array(groupWords);
  const reaching = new Int32Array(words);
  const inBlock = new BitsetIds(groupWords, classes.count);
  for (let b = 0; b < blockCount; b++) {
    if (!anyBit(liveGroups, b * groupWords, groupWords)) continue;
    result.blocks += 1;
    inBlock.clear();
    const firstNode = result.demand.length;
    for (let cls = 0; cls < classes.count; cls++) {
      const amount = demandByClass[cls * blockCount + b];
      if (amount <= 0) continue;
      if (!intersect(groupsOfClass, cls * groupWords, liveGroups, b * groupWords, key)) continue;
      const node = firstNode + inBlock.idOf(key, 0);
      if (node < result.demand.length) {
        result.demand[node] += amount;
        continue;
      }
      // A new node: its credits are those of its groups usable in the block.
      creditsOfGroups(key, creditsOfGroup, blockBits, b * words, reaching);
      pushMembers(reaching, result.members);
      result.memberStart.push(result.members.length);
      result.demand.push(amount);
    }
  }
  return result;
}

/** Per block, the credits usable on its days and the groups with such a credit. */
function usableByBlock(
  active: readonly BoundCredit[],
  words: number,
  blocks: DayBlocks,
  classes: CampaignClasses,
): { blockBits: Int32Array; liveGroups: Int32Array } {
  const { count, blockOfDay } = blocks;
  const { groupWords, groupOfCredit } = classes;
  const blockBits = new Int32Array(count * words);
  const liveGroups = new Int32Array(count * groupWords);
  active.forEach((credit, k) => {
    const toBlock =
      credit.lastDay + 1 >= blockOfDay.length ? count : blockOfDay[credit.lastDay + 1];
    const group = groupOfCredit[k];
    for (let b = blockOfDay[credit.firstDay]; b < toBlock; b++) {
      blockBits[b * words + (k >>> 5)] |= 1 << (k & 31);
      liveGroups[b * groupWords + (group >>> 5)] |= 1 << (group & 31);
    }
  });
  return { blockBits, liveGroups };
}

/** `into` = the union of the groups' credits (`key`'s bits) ∧ the block's usable credits at `at`. */
function creditsOfGroups(
  key: Int32Array,
  creditsOfGroup: Int32Array,
  usable: Int32Array,
  at: number,
  into: Int32Array,
): void {
  const words = into.length;
  into.fill(0);
  for (let gw = 0; gw < key.length; gw++) {
    for (let bits = key[gw]; bits !== 0; bits &= bits - 1) {
      const base = (gw * 32 + 31 - Math.clz32(bits & -bits)) * words;
      for (let w = 0; w < words; w++) into[w] |= creditsOfGroup[base + w];
    }
  }
  for (let w = 0; w < words; w++) into[w] &= usable[at + w];
}

/** `into` = a[at…] ∧ b[bt…] word by word; whether any bit is set. */
function intersect(
  a: Int32Array,
  at: number,
  b: Int32Array,
  bt: number,
  into: Int32Array,
): boolean {
  let any = 0;
  for (let w = 0; w < into.length; w++) {
    into[w] = a[at + w] & b[bt + w];
    any |= into[w];
  }
  return any !== 0;
}

function anyBit(bits: Int32Array, at: number, words: number): boolean {
  for (let w = 0; w < words; w++) if (bits[at + w] !== 0) return true;
  return false;
}

/** Appends the indexes of the set bits, ascending. */
function pushMembers(bits: Int32Array, members: number[]): void {
  for (let w = 0; w < bits.length; w++) {
    for (let word = bits[w]; word !== 0; word &= word - 1) {
      members.push(w * 32 + (31 - Math.clz32(word & -word)));
    }
  }
}

/**
 * Distinct bitsets of `width` 32-bit words, numbered 0, 1, … in order of
 * first sight, at most `capacity` of them: an open-addressing table of ids
 * found by hash, compared word by word.
 */
class BitsetIds {
  count = 0;
  /** Id + 1 per slot, 0 when empty. */
  private readonly slots: Int32Array;
  private readonly words: Int32Array;

  constructor(
    private readonly width: number,
    private readonly capacity: number,
  ) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.slots = new Int32Array(size);
    this.words = new Int32Array(Math.max(1, capacity) * width);
  }

  /** The id of the set `bits[at … at + width − 1]`; a new set gets the next id. */
  idOf(bits: Int32Array, at: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hashOf(bits, at, this.width) & mask; ; slot = (slot + 1) & mask) {
      const held = this.slots[slot];
      if (held === 0) return this.add(slot, bits, at);
      if (this.equals(held - 1, bits, at)) return held - 1;
    }
  }

  /** Every set's words, in id order. */
  stored(): Int32Array {
    return this.words.subarray(0, this.count * this.width);
  }

  clear(): void {
    this.count = 0;
    this.slots.fill(0);
  }

  private add(slot: number, bits: Int32Array, at: number): number {
    if (this.count === this.capacity) throw new RangeError("more distinct sets than expected");
    const id = this.count++;
    this.slots[slot] = id + 1;
    for (let w = 0; w < this.width; w++) this.words[id * this.width + w] = bits[at + w];
    return id;
  }

  private equals(id: number, bits: Int32Array, at: number): boolean {
    const base = id * this.width;
    for (let w = 0; w < this.width; w++) if (this.words[base + w] !== bits[at + w]) return false;
    return true;
  }
}

/** FNV-1a over the words. */
function hashOf(bits: Int32Array, at: number, width: number): number {
  let hash = 0x811c9dc5;
  for (let w = 0; w < width; w++) hash = Math.imul(hash ^ bits[at + w], 0x01000193);
  return hash ^ (hash >>> 15);
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
  const assignable = new AssignableCampaigns(model);
  model.credits.forEach((credit, i) => {
    const projected = plan.credits[i];
    if (!projected || NEVER_USABLE.has(projected.status)) return;
    const capacity = projected.remainingAtStart + projected.issued;
    if (capacity <= 0) return;
    const first = Math.max(projected.issuedOn ?? plan.start, plan.start);
    const last = Math.min(projected.lastUsableDay ?? plan.end, plan.end);
    if (first > last) return;
    const matching = restrictions.matching(credit);
    const campaigns = rulesOf(credit).assignable
      ? assignable.among(matching, projected.assignedCampaigns)
      : matching;
    result.push({ capacity, firstDay: first - plan.start, lastDay: last - plan.start, campaigns });
  });
  return result;
}

/**
 * R6: of some campaigns (ascending indexes), those an assignable credit could
 * be assigned: Active/Scheduled ones, or ones already holding one of its
 * slots. Credits share a few restriction results, so the first part is
 * worked out once per result and shared (read-only).
 */
class AssignableCampaigns {
  private readonly newly: boolean[];
  private readonly newlyAmong = new Map<Int32Array, Int32Array>();
  private indexesById: Map<string, number[]> | null = null;

  constructor(private readonly model: Model) {
    this.newly = model.campaigns.map(canBeNewlyAssigned);
  }

  among(matching: Int32Array, holding: readonly string[]): Int32Array {
    let newly = this.newlyAmong.get(matching);
    if (newly === undefined) {
      newly = keepIf(matching, this.newly);
      this.newlyAmong.set(matching, newly);
    }
    const extra = this.heldOnly(matching, holding);
    return extra.length === 0
      ? newly
      : mergeAscending(
          newly,
          extra.sort((a, b) => a - b),
        );
  }

  /** Campaigns among `matching` that hold a slot but could not be newly assigned. */
  private heldOnly(matching: Int32Array, holding: readonly string[]): number[] {
    const extra: number[] = [];
    if (holding.length === 0) return extra;
    if (this.indexesById === null) {
      const byId = new Map<string, number[]>();
      this.model.campaigns.forEach((campaign, c) => {
        const list = byId.get(campaign.id);
        if (list) list.push(c);
        else byId.set(campaign.id, [c]);
      });
      this.indexesById = byId;
    }
    for (const id of new Set(holding)) {
      for (const c of this.indexesById.get(id) ?? []) {
        if (!this.newly[c] && includesSorted(matching, c)) extra.push(c);
      }
    }
    return extra;
  }
}

/** The indexes whose flag is set, in the same order. */
function keepIf(indexes: Int32Array, flag: readonly boolean[]): Int32Array {
  const kept = new Int32Array(indexes.length);
  let n = 0;
  for (let j = 0; j < indexes.length; j++) if (flag[indexes[j]]) kept[n++] = indexes[j];
  return kept.slice(0, n);
}

/** Two ascending lists without common members, merged. */
function mergeAscending(a: Int32Array, b: readonly number[]): Int32Array {
  const merged = new Int32Array(a.length + b.length);
  let i = 0;
  let j = 0;
  for (let k = 0; k < merged.length; k++) {
    merged[k] = j >= b.length || (i < a.length && a[i] < b[j]) ? a[i++] : b[j++];
  }
  return merged;
}

/** Binary search in ascending indexes. */
function includesSorted(sorted: Int32Array, value: number): boolean {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (sorted[mid] < value) lo = mid + 1;
    else hi = mid;
  }
  return lo < sorted.length && sorted[lo] === value;
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
