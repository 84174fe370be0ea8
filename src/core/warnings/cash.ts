/** R10: warnings about the account's money. */
import { cashRunsOutMessage } from "../answers/cashRunsOut";
import type { Warning } from "../model";
import type { AccountResult, CampaignResult } from "../plan";
import type { SimulationOutcome } from "../results";
import { accountWarning } from "./warning";

/**
 * R10: one CASH_RUNS_OUT on the account when any campaign stops for lack of
 * money; it names what ran out and every stop (R14). `buildPlan` adds the
 * R13 advice to its message.
 */
export function cashWarnings(
  outcome: SimulationOutcome,
  campaigns: CampaignResult[],
  account: AccountResult,
): Warning[] {
  const message = cashRunsOutMessage(
    { model: outcome.model, campaigns, account, cashByDay: outcome.cashByDay },
    null,
  );
  return message === null ? [] : [accountWarning("CASH_RUNS_OUT", outcome.model, message)];
}
