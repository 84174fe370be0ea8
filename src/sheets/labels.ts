/**
 * The words a person sees for the model's enum values, in one place: tables,
 * the command line, the sidebar and the synthetic workbooks use these. No
 * runtime import, so the sidebar bundle stays small.
 */
import type {
  BudgetMode,
  CampaignStatus,
  CreditInputStatus,
  CreditPlanStatus,
  CreditType,
} from "../core";

/** Campaigns sheet `Status` values, in the order a dropdown lists them. */
export const CAMPAIGN_STATUS_LABELS: Record<CampaignStatus, string> = {
  active: "Active",
  scheduled: "Scheduled",
  paused: "Paused",
  draft: "Draft",
  archived: "Archived",
  deleted: "Deleted",
  completed: "Completed",
};

export const CAMPAIGN_STATUSES = Object.keys(CAMPAIGN_STATUS_LABELS) as CampaignStatus[];

export const BUDGET_MODE_LABELS: Record<BudgetMode, string> = {
  daily: "Daily",
  lifetime: "Lifetime",
  no_limit: "No limit",
  dynamic_daily: "Dynamic daily",
};

export const CREDIT_TYPE_LABELS: Record<CreditType, string> = {
  free: "Free",
  assignable: "Assignable",
  conditional: "Conditional",
  business_center: "Business Center",
  spend_match: "Spend-match",
  coupon: "Coupon",
};

/** Credits sheet `Status` values (input). */
export const CREDIT_INPUT_STATUS_LABELS: Record<CreditInputStatus, string> = {
  available: "Available",
  earning: "Earning",
  to_redeem: "To redeem",
  used: "Used",
  expired: "Expired",
  not_available: "Not available",
};

/** A credit's status at plan end (CONTRACT §1). */
export const CREDIT_STATUS_LABELS: Record<CreditPlanStatus, string> = {
  used: "Used",
  unavailable: "Not available",
  rejected: "Rejected",
  lapsed: "Lapsed",
  pending: "Pending",
  depleted: "Depleted",
  expired: "Expired",
  available: "Available",
};
