/** R11: one place that knows each warning code's severity and how to point it. */
import type { Campaign, Credit, Model, Severity, SourceRef, Warning, WarningCode } from "../model";

const SEVERITY: Record<WarningCode, Severity> = {
  MISSING_SHEET: "info",
  MISSING_COLUMN: "error",
  INVALID_VALUE: "error",
  DUPLICATE_ID: "error",
  ID_PRECISION_LOST: "error",
  UNKNOWN_CAMPAIGN: "warning",
  UNASSIGNED_CREDIT: "warning",
  ASSIGNMENT_LIMIT_EXCEEDED: "warning",
  ASSIGNED_CAMPAIGN_NOT_ELIGIBLE: "warning",
  ASSIGNED_CAMPAIGN_NOT_DELIVERING: "warning",
  BC_CREDIT_ASSIGNED: "info",
  RESTRICTION_MATCHES_NOTHING: "warning",
  CONDITION_NEVER_MET: "warning",
  CREDIT_EXPIRES_UNUSED: "warning",
  CREDIT_BLOCKED_BY_CASH: "warning",
  CASH_RUNS_OUT: "warning",
  OFFER_LAPSES: "warning",
  COUPON_EXPIRED: "warning",
  PROMOTION_CONFLICT: "warning",
  NO_SPEND_ESTIMATE: "warning",
  SPEND_MATCH_LANDS_IDLE: "warning",
  CAMPAIGN_ROW_SKIPPED: "warning",
  // `info` for "Not delivering", `warning` for an unknown API value: the reader says which.
  STATUS_ASSUMED: "warning",
  CREDIT_BALANCE_MISMATCH: "warning",
  UNREAD_REQUIREMENTS: "info",
  GENERATED_ID: "info",
  TEXT_ENCODING: "info",
  INVISIBLE_CHARACTERS: "warning",
  UNKNOWN_COUNTRY: "warning",
};

export function severityOf(code: WarningCode): Severity {
  return SEVERITY[code];
}

/** R11: a warning pointing at the first of `fields` the reader located in `at`'s row. */
function pointedWarning(
  code: WarningCode,
  at: { source?: SourceRef },
  defaultSheet: string,
  fields: readonly string[],
  message: string,
  credit: string | null,
  campaign: string | null,
): Warning {
  return {
    code,
    severity: SEVERITY[code],
    message,
    sheet: at.source?.sheet ?? defaultSheet,
    cell: firstCell(at.source?.cells, fields),
    credit,
    campaign,
  };
}

/** A warning about a credit, pointing at the first of `fields` the reader located. */
export function creditWarning(
  code: WarningCode,
  credit: Credit,
  fields: readonly string[],
  message: string,
  campaign: string | null = null,
): Warning {
  return pointedWarning(code, credit, "Credits", fields, message, credit.id, campaign);
}

/** A warning about a campaign, pointing at the first of `fields` the reader located. */
export function campaignWarning(
  code: WarningCode,
  campaign: Campaign,
  fields: readonly string[],
  message: string,
): Warning {
  return pointedWarning(code, campaign, "Campaigns", fields, message, null, campaign.id);
}

/** A warning about the account's cash (R4 gate, R10 run-out): points at Cash balance. */
export function accountWarning(
  code: WarningCode,
  model: Model,
  message: string,
  credit: string | null = null,
  campaign: string | null = null,
): Warning {
  return pointedWarning(code, model.account, "Account", ["cashBalance"], message, credit, campaign);
}

function firstCell(
  cells: Partial<Record<string, string>> | undefined,
  fields: readonly string[],
): string | null {
  if (!cells) return null;
  for (const field of fields) {
    const cell = cells[field];
    if (cell) return cell;
  }
  return null;
}
