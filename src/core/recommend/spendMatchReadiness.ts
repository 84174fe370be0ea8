/**
 * R12: spend-match readiness. An Earning spend-match offer that lands in the
 * horizon and is projected to expire with an amount left gets
 * `SPEND_MATCH_LANDS_IDLE` (seed 004: "have your follow-up campaigns planned
 * and ready before you hit the threshold").
 */
import { isoDate } from "../calendar";
import { rulesOf } from "../creditTypes";
import type { Model, Money, Warning } from "../model";
import type { Plan } from "../plan";
import { creditWarning } from "../warnings/warning";
import { moneyText } from "./recommendReason";

export interface IdleSpendMatch {
  creditIndex: number;
  issuedOn: number;
  lastUsableDay: number;
  atRisk: Money;
  /** Extra spend per day over the credit's validity in the horizon that would use it up. */
  extraDaily: Money;
}

/** The landed spend-match offers the plan projects to expire with an amount left. */
export function idleSpendMatches(model: Model, plan: Plan): IdleSpendMatch[] {
  const result: IdleSpendMatch[] = [];
  model.credits.forEach((credit, i) => {
    if (!rulesOf(credit).watchLanding || credit.status !== "earning") return;
    const projected = plan.credits[i];
    if (!projected || projected.issued <= 0 || projected.expired <= 0) return;
    const { issuedOn, lastUsableDay } = projected;
    if (issuedOn === null || lastUsableDay === null) return;
    if (issuedOn < plan.start || issuedOn > plan.end) return;
    const last = Math.min(lastUsableDay, plan.end);
    const validDays = Math.max(1, last - issuedOn + 1);
    result.push({
      creditIndex: i,
      issuedOn,
      lastUsableDay: last,
      atRisk: projected.expired,
      extraDaily: Math.ceil(projected.expired / validDays),
    });
  });
  return result;
}

/** R12/R11: one warning per idle spend-match credit, pointing at its Spend threshold cell. */
export function spendMatchReadiness(model: Model, plan: Plan): Warning[] {
  return idleSpendMatches(model, plan).map((idle) => {
    const credit = model.credits[idle.creditIndex];
    const message =
      `Spend-match ${credit.id} is projected to land on ${isoDate(idle.issuedOn)}, but ` +
      `${moneyText(model, idle.atRisk)} of it expires unused after ${isoDate(idle.lastUsableDay)}: ` +
      `about ${moneyText(model, idle.extraDaily)} more daily spend on campaigns it can pay for, ` +
      `from ${isoDate(idle.issuedOn)} to ${isoDate(idle.lastUsableDay)}, would use it up.`;
    return creditWarning("SPEND_MATCH_LANDS_IDLE", credit, ["spendThreshold"], message);
  });
}
