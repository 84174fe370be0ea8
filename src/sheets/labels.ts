/**
 * The words a person sees for the model's enum values, in one place: tables,
 * the command line, the sidebar and the synthetic workbooks use these. Input
 * enums take their labels from their tables (enums.ts); only data is
 * imported, so the sidebar bundle stays small.
 */
import type { AlertKind, CreditPlanStatus, DemandSource } from "../core";
import {
  BUDGET_MODE_TABLE,
  CAMPAIGN_STATUS_TABLE,
  CREDIT_STATUS_TABLE,
  CREDIT_TYPE_TABLE,
  enumLabels,
  enumValues,
} from "./enums";

/** Campaigns sheet `Status` values, in the order a dropdown lists them. */
export const CAMPAIGN_STATUS_LABELS = enumLabels(CAMPAIGN_STATUS_TABLE);

export const CAMPAIGN_STATUSES = enumValues(CAMPAIGN_STATUS_TABLE);

export const BUDGET_MODE_LABELS = enumLabels(BUDGET_MODE_TABLE);

export const CREDIT_TYPE_LABELS = enumLabels(CREDIT_TYPE_TABLE);

/** Credits sheet `Status` values (input). */
export const CREDIT_INPUT_STATUS_LABELS = enumLabels(CREDIT_STATUS_TABLE);

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

/** R15 digest item kinds, as a person reads them. */
export const ALERT_KIND_LABELS: Record<AlertKind, string> = {
  credit_expires: "Credit expires",
  credit_unassigned: "Credit not assigned",
  campaigns_stop: "Campaigns stop",
  spend_match_idle: "Spend-match lands idle",
  offer_lapses: "Offer lapses",
};

/** Where a campaign's planned demand comes from (spec v3 `demandFrom`), as the faces say it. */
export const DEMAND_FROM_LABELS: Record<DemandSource, string> = {
  budget: "Budget",
  expected: "Expected spend",
  history: "Spend history",
  adGroups: "Ad groups",
};
