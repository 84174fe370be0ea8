/** R10: warnings about the account's money. */
import { isoDate } from "../calendar";
import type { Day, Warning } from "../model";
import type { CampaignResult } from "../plan";
import type { SimulationOutcome } from "../results";
import { accountWarning } from "./warning";

/** R10: one CASH_RUNS_OUT on the account when any campaign stops for lack of money. */
export function cashWarnings(outcome: SimulationOutcome, campaigns: CampaignResult[]): Warning[] {
  const stopDays = campaigns.map((c) => c.stoppedOn).filter((d): d is Day => d !== null);
  if (stopDays.length === 0) return [];
  const first = Math.min(...stopDays);
  const stopped = campaigns.filter((c) => c.stoppedOn !== null).length;
  return [
    accountWarning(
      "CASH_RUNS_OUT",
      outcome.model,
      `Money runs out on ${isoDate(first)}: ${stopped} campaign${stopped === 1 ? "" : "s"} stop delivering for lack of cash or card. Top up or set a card as fallback.`,
    ),
  ];
}
