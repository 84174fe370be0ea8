/** Public surface of the table ⇄ model layer. Pure: imports only src/core. */
export { a1, columnLetters } from "./a1";
export { AD_GROUP_COLUMNS } from "./adGroups";
export { enumChoices, enumSpellings, enumValueOf, normalizeKey, readEnumCell } from "./cells";
export {
  ACCOUNT_SETTINGS,
  CAMPAIGN_COLUMNS,
  type ColumnSpec,
  CREDIT_COLUMNS,
  SPEND_HISTORY_COLUMNS,
  TOP_UP_COLUMNS,
} from "./columns";
export {
  ACCOUNT_TIER_TABLE,
  BUDGET_MODE_TABLE,
  CAMPAIGN_STATUS_TABLE,
  CREDIT_ORDER_TABLE,
  CREDIT_STATUS_TABLE,
  CREDIT_TYPE_TABLE,
  type EnumRow,
  type EnumTable,
  enumDropdown,
  enumLabels,
  enumValues,
  FALLBACK_PAYMENT_TABLE,
  FORECAST_FROM_TABLE,
} from "./enums";
export { DEMAND_FROM_LABELS } from "./labels";
export {
  type AlertItemJson,
  type AlertsJson,
  alertsToJson,
  type PlanJson,
  type PlanJsonOptions,
  planToJson,
  SERIES_CREDIT_LINES,
  sourceLabel,
} from "./planJson";
export {
  type PlanOverrides,
  type PlanRequest,
  type PlanResult,
  type ReadAtResult,
  readAndPlan,
  readAt,
  todayFor,
} from "./planWorkbook";
export { accountTimeZone } from "./readAccount";
export { type ReadResult, readWorkbook } from "./readWorkbook";
export {
  alertTable,
  campaignTable,
  creditTable,
  drawdownTable,
  ledgerTable,
  NO_TOP_UP_NEEDED,
  type OutKind,
  type OutTable,
  recommendationTable,
  stopsCell,
  topUpTable,
  warningTable,
} from "./tables";
export { type TemplateTable, templateTables } from "./template";
export { dayInTimeZone, isKnownTimeZone } from "./timeZone";
export {
  type Cell,
  type ReadFailure,
  type ReadOptions,
  SHEET_NAMES,
  type SheetKey,
  type Table,
  type WorkbookTables,
} from "./types";
