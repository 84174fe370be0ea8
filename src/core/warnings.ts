/** R11: one place that knows each warning code's severity and how to point it. */
import type { Campaign, Credit, Model, Severity, Warning, WarningCode } from "./model";

const SEVERITY: Record<WarningCode, Severity> = {
  MISSING_SHEET: "info",
  MISSING_COLUMN: "error",
  INVALID_VALUE: "error",
  DUPLICATE_ID: "error",
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
};

export function severityOf(code: WarningCode): Severity {
  return SEVERITY[code];
}

/** A warning about a credit, pointing at the first of `fields` the reader located. */
export function creditWarning(
  code: WarningCode,
  credit: Credit,
  fields: readonly string[],
  message: string,
  campaign: string | null = null,
): Warning {
  return {
    code,
    severity: SEVERITY[code],
    message,
    sheet: credit.source?.sheet ?? "Credits",
    cell: firstCell(credit.source?.cells, fields),
    credit: credit.id,
    campaign,
  };
}

/** A warning about a campaign, pointing at the first of `fields` the reader located. */
export function campaignWarning(
  code: WarningCode,
  campaign: Campaign,
  fields: readonly string[],
  message: string,
): Warning {
  return {
    code,
    severity: SEVERITY[code],
    message,
    sheet: campaign.source?.sheet ?? "Campaigns",
    cell: firstCell(campaign.source?.cells, fields),
    credit: null,
    campaign: campaign.id,
  };
}

/** A warning about the account's cash (R4 gate, R10 run-out): points at Cash balance. */
export function accountWarning(
  code: WarningCode,
  model: Model,
  message: string,
  credit: string | null = null,
  campaign: string | null = null,
): Warning {
  return {
    code,
    severity: SEVERITY[code],
    message,
    sheet: model.account.source?.sheet ?? "Account",
    cell: firstCell(model.account.source?.cells, ["cashBalance"]),
    credit,
    campaign,
  };
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
