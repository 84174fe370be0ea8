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
  readonly lookup: CampaignLookup;
  readonly holidays: ReadonlySet<Day>;
}

export function simulationBasis(model: Model): SimulationBasis {
  const campaignIndexById = new Map<string, number>();
  model.campaigns.forEach((c, i) => {
    if (!campaignIndexById.has(c.id)) campaignIndexById.set(c.id, i);
  });
  const demand = computeDemand(model);
  return {
    source: model,
    demand,
    ...spendersByDay(demand.demand, horizonLength(model)),
    lookup: {
      campaignIndexById,
      restrictions: new RestrictionIndex(model.campaigns),
      eligibility: new EligibilityMemo(),
    },
    holidays: new Set(model.account.holidays),
  };
}

/** Day-major demand: the day loop visits only the campaigns that spend, in memory order. */
function spendersByDay(
  demand: readonly Float64Array[],
  days: number,
): Pick<SimulationBasis, "spenders" | "spenderDemand" | "spendersFrom"> {
  const spendersFrom = new Int32Array(days + 1);
  for (const row of demand) for (let i = 0; i < days; i++) if (row[i] > 0) spendersFrom[i + 1]++;
  for (let i = 0; i < days; i++) spendersFrom[i + 1] += spendersFrom[i];
  const spenders = new Int32Array(spendersFrom[days]);
  const spenderDemand = new Float64Array(spendersFrom[days]);
  const next = spendersFrom.slice(0, days);
  demand.forEach((row, c) => {
    for (let i = 0; i < days; i++) {
      if (row[i] > 0) {
        spenders[next[i]] = c;
        spenderDemand[next[i]++] = row[i];
      }
    }
  });
  return { spenders, spenderDemand, spendersFrom };
}
