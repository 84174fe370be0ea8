/** R6, R7, R8: the date rules a custom function can also ask for. */
import { addBusinessDays, dayFromYmd } from "./calendar";
import { CREDIT_TYPES } from "./creditTypes";
import type { CreditType, Day } from "./model";

/** R8: `Valid until` when given, else issue day + validity − 1 (issue day is day 1). */
export function lastUsableDay(issueDay: Day, validUntil: Day | null, validityDays: number): Day {
  return validUntil ?? issueDay + validityDays - 1;
}

const LIMIT_CHANGE_DAY = dayFromYmd(2024, 7, 31);

/** R6: 10 campaigns for a credit issued on or before 2024-07-31, 30 after. */
export function assignmentLimitFor(issueDay: Day, override: number | null = null): number {
  if (override !== null) return override;
  return issueDay <= LIMIT_CHANGE_DAY ? 10 : 30;
}

/**
 * R7: the day an earned credit lands when the threshold is reached on day
 * `thresholdDay`. Spend-match delays are calendar days (default 2), others
 * business days counted from the day after (default 7, 0 for tier High).
 * A delay of 0 means the start of the next day: the planner works in whole days.
 */
export function earnedIssueDay(
  thresholdDay: Day,
  type: CreditType,
  explicitDelay: number | null,
  tier: "standard" | "high",
  holidays: ReadonlySet<Day>,
): Day {
  const rule = CREDIT_TYPES[type].issueDelay;
  if (rule.unit === "calendar") {
    const delay = explicitDelay ?? rule.days;
    return thresholdDay + Math.max(delay, 1);
  }
  const delay = explicitDelay ?? (tier === "high" ? rule.highTierDays : rule.standardDays);
  if (delay <= 0) return thresholdDay + 1;
  return addBusinessDays(thresholdDay, delay, holidays);
}
