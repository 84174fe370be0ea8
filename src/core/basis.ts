/** What every simulation of one account shares, whatever the credits' assignments. */
import { type CampaignLookup, EligibilityMemo } from "./creditState";
import { computeDemand, type DemandResult, horizonLength } from "./demand";
import { RestrictionIndex } from "./eligibility";
import type { Day, Model } from "./model";

/**
 * What a simulation needs that no credit assignment changes: R3 demand, the
 * campaign lookups of R5/R6 and the holidays of R1. Made once per account
 * and shared by R12's re-runs of the same account with other assignments.
 */
export interface SimulationBasis {
  /** The model parts it was made from; a re-run must share them (checked). */
  readonly source: Pick<Model, "account" | "campaigns" | "topUps" | "spendHistory" | "adGroups">;
  readonly demand: DemandResult;
  /**
   * Day-major copy of the demand: on day index i, the campaigns with demand
   * (sheet order) are `spenders[spendersFrom[i] … spendersFrom[i + 1] - 1]`
   * and `spenderDemand` holds their amounts at the same positions.
   */
  readonly spenders: Int32Array;
  readonly spenderDemand: Float64Array;
  readonly spendersFrom: Int32Array;
  /**
   * The demand once more, day-major and dense: day index i's row holds every
   * campaign's demand at `i × campaigns + c` (zero without demand). The day
   * loop looks up campaigns of a credit's list in today's row, which stays in
   * cache where each campaign's own row would not. Null when campaigns × days
   * exceeds `denseDemandCells` (memory); the day loop then writes each day's
   * row itself.
   */
  readonly denseDemand: Float64Array | null;
  readonly lookup: CampaignLookup;
  readonly holidays: ReadonlySet<Day>;
}

/** Largest dense day-major demand kept (cells, 8 bytes each): 32 MiB. L (2,000 × 365) keeps one, XL (10,000 × 730) does not. */
export const DENSE_DEMAND_CELLS = 1 << 22;

export interface BasisOptions {
  /** Keep `denseDemand` only up to this many campaign-days (default `DENSE_DEMAND_CELLS`; 0 keeps none). */
  denseDemandCells?: number;
}

export function simulationBasis(model: Model, options: BasisOptions = {}): SimulationBasis {
  const campaignIndexById = new Map<string, number>();
  model.campaigns.forEach((c, i) => {
    if (!campaignIndexById.has(c.id)) campaignIndexById.set(c.id, i);
  });
  const demand = computeDemand(model);
  return {
    source: model,
    demand,
    ...spendersByDay(
      demand.demand,
      horizonLength(model),
      options.denseDemandCells ?? DENSE_DEMAND_CELLS,
    ),
    lookup: {
      campaignIndexById,
      restrictions: new RestrictionIndex(model.campaigns),
      eligibility: new EligibilityMemo(),
    },
    holidays: new Set(model.account.holidays),
  };
}

/**
 * Day-major demand: the day loop visits only the campaigns that spend, in
 * memory order. A campaign's days with demand come in a few runs (R3: its
 * schedule), so the runs are found once and both count and copy follow them.
 */
function spendersByDay(
  demand: readonly Float64Array[],
  days: number,
  denseDemandCells: number,
): Pick<SimulationBasis, "spenders" | "spenderDemand" | "spendersFrom" | "denseDemand"> {
  const runs = positiveRuns(demand, days);
  // Spenders per day by a difference array over the runs.
  const change = new Int32Array(days + 1);
  for (let r = 0; r < runs.campaign.length; r++) {
    change[runs.from[r]]++;
    change[runs.to[r]]--;
  }
  const spendersFrom = new Int32Array(days + 1);
  let spending = 0;
  for (let i = 0; i < days; i++) {
    spending += change[i];
    spendersFrom[i + 1] = spendersFrom[i] + spending;
  }
  const spenders = new Int32Array(spendersFrom[days]);
  const spenderDemand = new Float64Array(spendersFrom[days]);
  const next = spendersFrom.slice(0, days);
  // Runs are in campaign order, so each day's spenders stay in sheet order.
  for (let r = 0; r < runs.campaign.length; r++) {
    const c = runs.campaign[r];
    copyRun(demand[c], c, runs.from[r], runs.to[r], next, spenders, spenderDemand);
  }
  const campaigns = demand.length;
  const cells = campaigns * days;
  const denseDemand =
    denseDemandCells > 0 && cells <= denseDemandCells ? new Float64Array(cells) : null;
  if (denseDemand) {
    for (let i = 0; i < days; i++) {
      fillDenseRow(
        denseDemand,
        i * campaigns,
        spenders,
        spenderDemand,
        spendersFrom[i],
        spendersFrom[i + 1],
      );
    }
  }
  return { spenders, spenderDemand, spendersFrom, denseDemand };
}

/** Writes the spenders at positions from … to − 1 into the dense row starting at `base`. */
function fillDenseRow(
  dense: Float64Array,
  base: number,
  spenders: Int32Array,
  spenderDemand: Float64Array,
  from: number,
  to: number,
): void {
  for (let j = from; j < to; j++) dense[base + spenders[j]] = spenderDemand[j];
}

/** Appends campaign c's days from … to − 1 to each day's spenders (`next`: each day's next free slot). */
function copyRun(
  row: Float64Array,
  c: number,
  from: number,
  to: number,
  next: Int32Array,
  spenders: Int32Array,
  spenderDemand: Float64Array,
): void {
  for (let i = from; i < to; i++) {
    const at = next[i]++;
    spenders[at] = c;
    spenderDemand[at] = row[i];
  }
}

/** Each campaign's maximal runs of day indexes [from, to) with demand > 0, campaign by campaign. */
function positiveRuns(demand: readonly Float64Array[], days: number): Runs {
  const runs: Runs = { campaign: [], from: [], to: [] };
  for (let c = 0; c < demand.length; c++) pushRuns(demand[c], c, days, runs);
  return runs;
}

interface Runs {
  campaign: number[];
  from: number[];
  to: number[];
}

function pushRuns(row: Float64Array, c: number, days: number, runs: Runs): void {
  let i = 0;
  for (;;) {
    while (i < days && !(row[i] > 0)) i++;
    if (i >= days) return;
    const from = i;
    while (i < days && row[i] > 0) i++;
    runs.campaign.push(c);
    runs.from.push(from);
    runs.to.push(i);
  }
}
