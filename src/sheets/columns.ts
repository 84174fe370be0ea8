import { VERSION_COLUMNS } from "./historyTables";

/**
 * The columns of each input sheet (SHEETS.md): canonical name, aliases in
 * precedence order, and which are required. `field` is the model's field
 * name, also used as the key of `source.cells`.
 */
export interface ColumnSpec {
  field: string;
  /** SHEETS.md column name, used in headers of templates and in messages. */
  name: string;
  aliases: readonly string[];
  /** The sheet cannot be read without it (fatal when missing). */
  required?: boolean;
  /** A required column another column may stand in for (Spend ← a `metrics` record). */
  orField?: string;
  /** Read from API and connector exports, but not a column of the template sheets. */
  exportOnly?: boolean;
}

export const CAMPAIGN_COLUMNS: readonly ColumnSpec[] = [
  { field: "id", name: "Campaign ID", aliases: ["campaign_id", "ID"], required: true },
  { field: "name", name: "Campaign name", aliases: ["campaign_name", "Name"] },
  {
    field: "status",
    name: "Status",
    aliases: ["Primary status"],
  },
  // Business API / connector columns; combined with Status by readStatus.
  { field: "operationStatus", name: "operation_status", aliases: [], exportOnly: true },
  { field: "secondaryStatus", name: "secondary_status", aliases: [], exportOnly: true },
  {
    field: "budgetMode",
    name: "Budget mode",
    aliases: ["budget_mode", "Budget type", "campaign_budget_type"],
  },
  {
    field: "budget",
    name: "Budget",
    aliases: ["budget", "Daily budget", "Campaign budget", "campaign_budget"],
    required: true,
  },
  {
    field: "expectedDailySpend",
    name: "Expected daily spend",
    aliases: ["Daily spend", "Run rate"],
  },
  { field: "spentToDate", name: "Spent to date", aliases: ["Spent", "Cost", "spend"] },
  { field: "startDate", name: "Start date", aliases: ["schedule_start_time", "Start"] },
  { field: "endDate", name: "End date", aliases: ["schedule_end_time", "End"] },
  { field: "adProduct", name: "Ad product", aliases: ["Product", "Ad format"] },
  { field: "countries", name: "Countries", aliases: ["Country", "Location"] },
  ...VERSION_COLUMNS,
];

export const CREDIT_COLUMNS: readonly ColumnSpec[] = [
  // Without a Credit ID column (a Promotions page paste) the id is made from the name.
  {
    field: "id",
    name: "Credit ID",
    aliases: ["ID", "Coupon ID", "Code"],
    required: true,
    orField: "name",
  },
  { field: "name", name: "Name", aliases: ["Credit name", "Promotion", "Ad credit name"] },
  { field: "type", name: "Type", aliases: ["Credit type"], required: true },
  {
    field: "amount",
    name: "Amount",
    aliases: ["Value", "Credit amount", "Reward", "Discount / Amount", "Discount"],
    required: true,
  },
  { field: "used", name: "Used", aliases: ["Used amount"] },
  { field: "unused", name: "Unused amount", aliases: [] },
  { field: "status", name: "Status", aliases: [] },
  { field: "issueDate", name: "Issue date", aliases: ["Issued", "Redeemed date", "Valid from"] },
  { field: "validUntil", name: "Valid until", aliases: ["Expiry date", "Expires", "Valid to"] },
  { field: "validityDays", name: "Validity days", aliases: [] },
  {
    field: "assignedCampaigns",
    name: "Assigned campaigns",
    aliases: ["Campaigns", "Assigned to"],
  },
  { field: "adProducts", name: "Ad products", aliases: ["Restrictions: ad products"] },
  { field: "countries", name: "Countries", aliases: ["Restrictions: countries"] },
  { field: "minCashBalance", name: "Min cash balance", aliases: ["Required cash balance"] },
  { field: "spendThreshold", name: "Spend threshold", aliases: ["Threshold", "Spend X"] },
  { field: "spendCountedFrom", name: "Spend counted from", aliases: ["Counting from"] },
  {
    field: "spendSoFar",
    name: "Spend so far",
    aliases: ["Progress", "Spent toward threshold"],
  },
  { field: "earnBy", name: "Earn by", aliases: ["Threshold deadline"] },
  { field: "issueDelay", name: "Issue delay", aliases: ["Issue delay days"] },
  { field: "redeemOn", name: "Redeem on", aliases: [] },
  { field: "redeemBy", name: "Redeem by", aliases: ["Code expires"] },
  // Promotions page columns (spec v3).
  { field: "validDates", name: "Valid dates", aliases: ["Validity period"], exportOnly: true },
  { field: "requirements", name: "Usage requirements", aliases: [], exportOnly: true },
  { field: "restrictions", name: "Restrictions", aliases: [], exportOnly: true },
];

export const TOP_UP_COLUMNS: readonly ColumnSpec[] = [
  { field: "day", name: "Date", aliases: [], required: true },
  { field: "amount", name: "Amount", aliases: ["Top-up", "Payment"], required: true },
];

export const SPEND_HISTORY_COLUMNS: readonly ColumnSpec[] = [
  {
    field: "day",
    name: "Date",
    // Hourly reports (stat_time_hour) are added up into their day.
    aliases: ["By Day", "stat_time_day", "Day", "stat_time_hour"],
    required: true,
  },
  { field: "campaignId", name: "Campaign ID", aliases: ["campaign_id"], required: true },
  {
    field: "amount",
    name: "Spend",
    aliases: ["Cost", "spend", "metrics.spend", "Amount spent"],
    required: true,
    orField: "metrics",
  },
  // Airbyte writes a report's metrics as one JSON (or Python-dict) cell.
  { field: "metrics", name: "metrics", aliases: [], exportOnly: true },
];

/**
 * Account settings (SHEETS.md "Account"), by model field, with the API and
 * connector names that mean the same (spec v3). `spellings` lists every name
 * in precedence order when it is not "the name, then the aliases": the first
 * listed wins when several are given (`valid_cash_balance` is what can pay;
 * `cash_balance` and `balance` include frozen money).
 */
export const ACCOUNT_SETTINGS = [
  { field: "currency", name: "Currency", aliases: [] },
  { field: "timeZone", name: "Time zone", aliases: ["display_timezone"] },
  { field: "planStart", name: "Plan start", aliases: [] },
  { field: "horizonDays", name: "Horizon days", aliases: [] },
  {
    field: "cashBalance",
    name: "Cash balance",
    aliases: ["valid_cash_balance", "cash_balance", "balance"],
    spellings: ["valid_cash_balance", "Cash balance", "balance"],
  },
  { field: "fallbackPayment", name: "Fallback payment", aliases: [] },
  { field: "cardLimit", name: "Card limit", aliases: [] },
  { field: "creditsBeforeCash", name: "Credits before cash", aliases: [] },
  { field: "requirePositiveCash", name: "Require positive cash balance", aliases: [] },
  { field: "creditOrder", name: "Credit order", aliases: [] },
  { field: "accountTier", name: "Account tier", aliases: [] },
  { field: "onePromotionAtATime", name: "One promotion at a time", aliases: [] },
  { field: "creditValidityDays", name: "Credit validity days", aliases: [] },
  { field: "deliveryRate", name: "Delivery rate", aliases: [] },
  { field: "forecastFrom", name: "Forecast from", aliases: [] },
  { field: "assignmentLimit", name: "Assignment limit", aliases: [] },
  { field: "holidays", name: "Holidays", aliases: [] },
  // What TikTok says is left in credits; checked against the Credits sheet (spec v3).
  {
    field: "creditBalance",
    name: "Credit balance",
    aliases: ["valid_grant_balance", "grant_balance"],
  },
  { field: "dateOrder", name: "Date order", aliases: [] },
  { field: "alertDays", name: "Alert days", aliases: [] },
] as const;

export type AccountSettingField = (typeof ACCOUNT_SETTINGS)[number]["field"];
