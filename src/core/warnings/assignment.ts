/** R6/R11: warnings about what a credit is assigned to. */
import { isoDate } from "../calendar";
import type { CreditState } from "../creditState";
import { rulesOf } from "../creditTypes";
import type { Money, Warning } from "../model";
import type { SimulationOutcome } from "../results";
import { creditWarning } from "./warning";

/** R6: unknown, ineligible, over-limit, BC, unassigned and idle assignments. */
export function assignmentWarnings(
  outcome: SimulationOutcome,
  state: CreditState,
  money: (amount: Money) => string,
): Warning[] {
  const { model, start, days } = outcome;
  const { credit } = state;
  const warnings: Warning[] = [];
  const cell = ["assignedCampaigns"];
  if (rulesOf(credit).assignmentIgnored && credit.assignedCampaigns.length > 0) {
    warnings.push(
      creditWarning(
        "BC_CREDIT_ASSIGNED",
        credit,
        cell,
        `Business Center credit ${credit.id} is not assignable: it pays every eligible campaign first, so its assignment is ignored.`,
      ),
    );
  }
  const assignment = state.assignment;
  if (!rulesOf(credit).assignable || !assignment) return warnings;
  const skippedRow = new Map((model.skippedCampaigns ?? []).map((c) => [c.id, c.row]));
  for (const id of assignment.unknown) {
    const row = skippedRow.get(id);
    // R16: a campaign whose row was skipped for an unreadable cell is in the sheet, not unknown.
    warnings.push(
      row === undefined
        ? creditWarning(
            "UNKNOWN_CAMPAIGN",
            credit,
            cell,
            `Credit ${credit.id} is assigned to campaign ${id}, which is not in the Campaigns sheet.`,
            id,
          )
        : creditWarning(
            "CAMPAIGN_ROW_SKIPPED",
            credit,
            cell,
            `Credit ${credit.id} is assigned to campaign ${id}, whose Campaigns row ${row} was skipped for an unreadable cell: the plan leaves the campaign out until that cell is fixed.`,
            id,
          ),
    );
  }
  for (const id of assignment.ineligible) {
    warnings.push(
      creditWarning(
        "ASSIGNED_CAMPAIGN_NOT_ELIGIBLE",
        credit,
        cell,
        `Campaign ${id} cannot be assigned credit ${credit.id}: only Active or Scheduled campaigns can be; the assignment is ignored.`,
        id,
      ),
    );
  }
  if (assignment.overLimit.length > 0) {
    warnings.push(
      creditWarning(
        "ASSIGNMENT_LIMIT_EXCEEDED",
        credit,
        cell,
        `Credit ${credit.id} can be assigned to at most ${state.assignmentLimit} campaigns; these are ignored: ${assignment.overLimit.join(", ")}.`,
      ),
    );
  }
  const value = state.remainingAtStart + state.issued;
  const lastUsable = state.lastUsable;
  if (assignment.campaigns.length === 0) {
    const when =
      lastUsable !== null && state.phase === "live"
        ? ` and is lost after ${isoDate(lastUsable)}`
        : "";
    warnings.push(
      creditWarning(
        "UNASSIGNED_CREDIT",
        credit,
        cell,
        `Assignable credit ${credit.id}${value > 0 ? ` (${money(value)})` : ""} is not assigned to any campaign that can use it: it is never consumed${when}.`,
      ),
    );
    return warnings;
  }
  // Only credits that are in the balance during the horizon can be checked for delivery.
  if (state.phase !== "live" || state.issueDay === null || lastUsable === null) return warnings;
  const from = Math.max(state.issueDay, start) - start;
  const to = Math.min(lastUsable, start + days - 1) - start;
  for (const c of assignment.campaigns) {
    const row = outcome.demand[c];
    let delivers = false;
    for (let i = from; i <= to && !delivers; i++) delivers = row[i] > 0;
    if (!delivers) {
      const campaign = model.campaigns[c];
      warnings.push(
        creditWarning(
          "ASSIGNED_CAMPAIGN_NOT_DELIVERING",
          credit,
          cell,
          `Campaign ${campaign.id} is assigned credit ${credit.id} but is not planned to spend while the credit is valid; the credit is consumed only when the campaign actually runs.`,
          campaign.id,
        ),
      );
    }
  }
  return warnings;
}
