/**
 * The engine's input model. Everything here is plain data: money is integer
 * minor units (R2), days are integers counted from 1970-01-01 (R1). Readers
 * (src/sheets) build it; the engine never sees a spreadsheet cell or a Date.
 */

/** Calendar day: whole days since 1970-01-01 (R1). */
export type Day = number;
/** Money in the currency's minor unit, always an integer (R2). */
export type Money = number;

export type CampaignStatus =
  | "active"
  | "scheduled"
  | "paused"
  | "draft"
  | "archived"
  | "deleted"
  | "completed";

export type BudgetMode = "daily" | "dynamic_daily" | "lifetime" | "no_limit";

/**
 * Where a record came from, so warnings can point at a cell (R11). `cells`
 * maps a field name to its A1 address; the reader fills what it knows.
 */
export interface SourceRef {
  sheet: string;
  row: number;
  cells: Partial<Record<string, string>>;
}

export interface Campaign {
  id: string;
  name: string;
  status: CampaignStatus;
  budgetMode: BudgetMode;
  /** Daily amount (daily modes) or total (lifetime); ignored for no limit. */
  budget: Money;
  expectedDailySpend: Money | null;
  spentToDate: Money;
  startDate: Day | null;
  endDate: Day | null;
  adProduct: string | null;
  countries: string[];
  source?: SourceRef;
}

export type CreditType =
  | "free"
  | "assignable"
  | "conditional"
  | "business_center"
  | "spend_match"
  | "coupon";

export type CreditInputStatus =
  | "available"
  | "earning"
  | "to_redeem"
  | "used"
  | "expired"
  | "not_available";

export interface Credit {
  id: string;
  name: string;
  type: CreditType;
  /** Face value, or the reward of an Earning offer. */
  amount: Money;
  /** Consumed before plan start. */
  used: Money;
  status: CreditInputStatus;
  issueDate: Day | null;
  validUntil: Day | null;
  validityDays: number | null;
  assignedCampaigns: string[];
  adProducts: string[];
  countries: string[];
  minCashBalance: Money | null;
  spendThreshold: Money | null;
  spendCountedFrom: Day | null;
  spendSoFar: Money;
  earnBy: Day | null;
  issueDelay: number | null;
  redeemOn: Day | null;
  redeemBy: Day | null;
  source?: SourceRef;
}

export interface Account {
  currency: string;
  /** ISO 4217 exponent of the currency (USD 2, JPY 0, BHD 3). */
  minorUnits: number;
  timeZone: string | null;
  planStart: Day;
  horizonDays: number;
  /** May be negative (overdrawn). */
  cashBalance: Money;
  fallbackPayment: "none" | "card";
  cardLimit: Money | null;
  creditsBeforeCash: boolean;
  requirePositiveCash: boolean;
  creditOrder: "soonest_expiry" | "sheet_order";
  accountTier: "standard" | "high";
  onePromotionAtATime: boolean;
  creditValidityDays: number;
  /** Share of daily budgets actually spent, 0…1 (R3). */
  deliveryRate: number;
  forecastFrom: "budgets" | "recent_spend";
  assignmentLimit: number | null;
  holidays: Day[];
  /** R15: days the alert digest looks ahead of plan start (1…3650). */
  alertDays: number;
  source?: SourceRef;
}

export interface TopUp {
  day: Day;
  amount: Money;
}

export interface SpendRecord {
  day: Day;
  campaignId: string;
  amount: Money;
}

/**
 * An ad group (the optional Ad groups sheet, spec v3). In the Business API a
 * campaign's schedule lives on its ad groups, and so do the budgets of a
 * No-limit campaign (R3 "budgets then live on ad groups").
 */
export interface AdGroup {
  id: string;
  campaignId: string;
  status: CampaignStatus;
  budgetMode: BudgetMode;
  /** Daily amount (daily modes) or total (lifetime); ignored for no limit. */
  budget: Money;
  /** R3 Lifetime: what the ad group has spent of its total before plan start. */
  spentToDate: Money;
  startDate: Day | null;
  endDate: Day | null;
  source?: SourceRef;
}

/** R16: what the reader did with the rows of one input sheet (rows = planned + skipped). */
export interface SheetCounts {
  /** Non-blank rows below the header. */
  rows: number;
  planned: number;
  skipped: number;
}

/** R16: per input sheet; an absent optional sheet counts 0 rows. */
export interface InputCounts {
  campaigns: SheetCounts;
  credits: SheetCounts;
  topUps: SheetCounts;
  spendHistory: SheetCounts;
  adGroups: SheetCounts;
}

export interface Model {
  account: Account;
  /** In sheet order: order breaks apportionment ties (R2). */
  campaigns: Campaign[];
  /** In sheet order (R4 `Sheet order`). */
  credits: Credit[];
  topUps: TopUp[];
  spendHistory: SpendRecord[];
  /** The optional Ad groups sheet (spec v3), sheet order; absent or empty: campaigns stand alone. */
  adGroups?: AdGroup[];
  /** R16: the reader's row counts; without them every row of the model counts as read and planned. */
  inputs?: InputCounts;
  /** R16: campaigns whose rows were skipped for an unreadable cell (not "unknown" to a credit). */
  skippedCampaigns?: SkippedCampaign[];
}

/** R16: a Campaigns row that was skipped although its id could be read. */
export interface SkippedCampaign {
  id: string;
  /** 1-based sheet row. */
  row: number;
}

export type Severity = "error" | "warning" | "info";

export type WarningCode =
  | "MISSING_SHEET"
  | "MISSING_COLUMN"
  | "INVALID_VALUE"
  | "DUPLICATE_ID"
  | "ID_PRECISION_LOST"
  | "UNKNOWN_CAMPAIGN"
  | "UNASSIGNED_CREDIT"
  | "ASSIGNMENT_LIMIT_EXCEEDED"
  | "ASSIGNED_CAMPAIGN_NOT_ELIGIBLE"
  | "ASSIGNED_CAMPAIGN_NOT_DELIVERING"
  | "BC_CREDIT_ASSIGNED"
  | "RESTRICTION_MATCHES_NOTHING"
  | "CONDITION_NEVER_MET"
  | "CREDIT_EXPIRES_UNUSED"
  | "CREDIT_BLOCKED_BY_CASH"
  | "CASH_RUNS_OUT"
  | "OFFER_LAPSES"
  | "COUPON_EXPIRED"
  | "PROMOTION_CONFLICT"
  | "NO_SPEND_ESTIMATE"
  | "SPEND_MATCH_LANDS_IDLE"
  | "CAMPAIGN_ROW_SKIPPED"
  | "STATUS_ASSUMED"
  | "CREDIT_BALANCE_MISMATCH"
  | "UNREAD_REQUIREMENTS"
  | "GENERATED_ID"
  | "TEXT_ENCODING"
  | "INVISIBLE_CHARACTERS"
  | "UNKNOWN_COUNTRY";

/** R11: every problem, with where it points. */
export interface Warning {
  code: WarningCode;
  severity: Severity;
  message: string;
  sheet: string | null;
  cell: string | null;
  credit: string | null;
  campaign: string | null;
}

/** The account defaults of SHEETS.md, for a given plan start. */
export function defaultAccount(planStart: Day): Account {
  return {
    currency: "USD",
    minorUnits: 2,
    timeZone: null,
    planStart,
    horizonDays: 90,
    cashBalance: 0,
    fallbackPayment: "none",
    cardLimit: null,
    creditsBeforeCash: true,
    requirePositiveCash: false,
    creditOrder: "soonest_expiry",
    accountTier: "standard",
    onePromotionAtATime: true,
    creditValidityDays: 30,
    deliveryRate: 1,
    forecastFrom: "budgets",
    assignmentLimit: null,
    holidays: [],
    alertDays: 7,
  };
}
