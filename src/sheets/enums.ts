/**
 * One table per input enum (SHEETS.md): for every value the model knows, the
 * label people see (templates, dropdowns, tables, the sidebar) and every
 * other spelling the reader accepts (exports, API values, custom-function
 * arguments). Typed `Record<Enum, …>`, so a value added to a model union is a
 * compile error here until it has its row — and then every reader, dropdown,
 * label and alias follows. Data only (type imports), so the sidebar can use
 * the labels without pulling in the reader.
 */
import type { Account, BudgetMode, CampaignStatus, CreditInputStatus, CreditType } from "../core";

/** One enum value: the label (also the first accepted spelling) and the other spellings. */
export interface EnumRow {
  label: string;
  /** Also read as this value (compared after `normalizeKey`: case, spaces, `_ . -` ignored). */
  spellings: readonly string[];
}

/** An input enum's table, in the order a dropdown lists its values. */
export type EnumTable<T extends string> = Readonly<Record<T, EnumRow>>;

export const CREDIT_TYPE_TABLE: EnumTable<CreditType> = {
  free: { label: "Free", spellings: ["Free credit"] },
  assignable: { label: "Assignable", spellings: ["Assignable credit"] },
  conditional: { label: "Conditional", spellings: ["Conditional credit"] },
  business_center: {
    label: "Business Center",
    spellings: ["Business Center (BC)", "BC", "BC credit", "business_center"],
  },
  spend_match: {
    label: "Spend-match",
    spellings: ["Spend-match (Spend X get Y)", "Spend match", "Spend X get Y"],
  },
  coupon: { label: "Coupon", spellings: ["Coupon code"] },
};

/** Credits sheet `Status` (input). */
export const CREDIT_STATUS_TABLE: EnumTable<CreditInputStatus> = {
  available: { label: "Available", spellings: [] },
  earning: { label: "Earning", spellings: [] },
  to_redeem: { label: "To redeem", spellings: [] },
  used: { label: "Used", spellings: [] },
  expired: { label: "Expired", spellings: [] },
  not_available: { label: "Not available", spellings: ["Unavailable"] },
};

/**
 * Campaigns sheet `Status`: the seven statuses and their labels. The many
 * Ads Manager and API words (and what they mean for a budget mode) are the
 * reader's `STATUS_WORDS` (statusMapping.ts), keyed by these same values.
 */
export const CAMPAIGN_STATUS_TABLE: EnumTable<CampaignStatus> = {
  active: { label: "Active", spellings: [] },
  scheduled: { label: "Scheduled", spellings: [] },
  paused: { label: "Paused", spellings: [] },
  draft: { label: "Draft", spellings: [] },
  archived: { label: "Archived", spellings: [] },
  deleted: { label: "Deleted", spellings: [] },
  completed: { label: "Completed", spellings: [] },
};

export const BUDGET_MODE_TABLE: EnumTable<BudgetMode> = {
  daily: { label: "Daily", spellings: ["BUDGET_MODE_DAY", "Day"] },
  lifetime: { label: "Lifetime", spellings: ["BUDGET_MODE_TOTAL", "Total"] },
  no_limit: { label: "No limit", spellings: ["BUDGET_MODE_INFINITE", "Unlimited", "Infinite"] },
  dynamic_daily: {
    label: "Dynamic daily",
    spellings: ["BUDGET_MODE_DYNAMIC_DAILY_BUDGET", "Dynamic daily budget"],
  },
};

export const FALLBACK_PAYMENT_TABLE: EnumTable<Account["fallbackPayment"]> = {
  none: { label: "None", spellings: ["Manual payment", "Manual", "Prepaid"] },
  card: { label: "Card", spellings: ["Automatic payment", "Automatic", "Credit card"] },
};

export const CREDIT_ORDER_TABLE: EnumTable<Account["creditOrder"]> = {
  soonest_expiry: { label: "Soonest expiry", spellings: ["Soonest expiry first", "Expiry"] },
  sheet_order: { label: "Sheet order", spellings: ["Sheet"] },
};

export const ACCOUNT_TIER_TABLE: EnumTable<Account["accountTier"]> = {
  standard: { label: "Standard", spellings: [] },
  high: { label: "High", spellings: ["Higher"] },
};

export const FORECAST_FROM_TABLE: EnumTable<Account["forecastFrom"]> = {
  budgets: { label: "Budgets", spellings: ["Budget"] },
  recent_spend: { label: "Recent spend", spellings: ["Spend history"] },
};

/** The values of a table, in dropdown order. */
export function enumValues<T extends string>(table: EnumTable<T>): T[] {
  return Object.keys(table) as T[];
}

/** Value → label. */
export function enumLabels<T extends string>(table: EnumTable<T>): Readonly<Record<T, string>> {
  const labels = {} as Record<T, string>;
  for (const value of enumValues(table)) labels[value] = table[value].label;
  return labels;
}

/** The labels in dropdown order (templates' data validation). */
export function enumDropdown<T extends string>(table: EnumTable<T>): string[] {
  return enumValues(table).map((value) => table[value].label);
}
