/**
 * The input sheets (Ad groups too, spec v3) with their canonical headers (SHEETS.md) and a couple
 * of example rows: `credit-planner template` and the add-on's "Create template
 * sheets" write these.
 */
import { AD_GROUP_COLUMNS } from "./adGroups";
import {
  ACCOUNT_SETTINGS,
  CAMPAIGN_COLUMNS,
  type ColumnSpec,
  CREDIT_COLUMNS,
  SPEND_HISTORY_COLUMNS,
  TOP_UP_COLUMNS,
} from "./columns";
import {
  BUDGET_MODE_TABLE,
  CAMPAIGN_STATUS_TABLE,
  CREDIT_STATUS_TABLE,
  CREDIT_TYPE_TABLE,
  type EnumTable,
  enumDropdown,
} from "./enums";
import { SHEET_NAMES } from "./types";

export interface TemplateTable {
  /** Sheet name (SHEETS.md). */
  name: string;
  header: string[];
  examples: (string | number)[][];
  /** Header → the values its dropdown lists (from the enum tables; other spellings stay allowed). */
  dropdowns: Record<string, string[]>;
}

/** Dropdowns by column field: the header of each field's column → its table's labels. */
function dropdownsOf(
  specs: readonly ColumnSpec[],
  tables: Record<string, EnumTable<string>>,
): Record<string, string[]> {
  const dropdowns: Record<string, string[]> = {};
  for (const spec of specs) {
    const table = tables[spec.field];
    if (table) dropdowns[spec.name] = enumDropdown(table);
  }
  return dropdowns;
}

/** One example row from values by field; absent fields are blank. */
function exampleRow(
  specs: readonly ColumnSpec[],
  values: Record<string, string | number>,
): (string | number)[] {
  return templateColumns(specs).map((spec) => values[spec.field] ?? "");
}

function headerOf(specs: readonly ColumnSpec[]): string[] {
  return templateColumns(specs).map((spec) => spec.name);
}

/** Export-only columns (operation_status, …) are read but not offered in templates. */
function templateColumns(specs: readonly ColumnSpec[]): readonly ColumnSpec[] {
  return specs.filter((spec) => !spec.exportOnly);
}

// `Unused amount` is an accepted alternative to Used, not a template column.
const CREDIT_TEMPLATE_COLUMNS = CREDIT_COLUMNS.filter((spec) => spec.field !== "unused");

export function templateTables(): TemplateTable[] {
  return [
    {
      name: SHEET_NAMES.campaigns,
      header: headerOf(CAMPAIGN_COLUMNS),
      dropdowns: dropdownsOf(CAMPAIGN_COLUMNS, {
        status: CAMPAIGN_STATUS_TABLE,
        budgetMode: BUDGET_MODE_TABLE,
      }),
      examples: [
        exampleRow(CAMPAIGN_COLUMNS, {
          id: "1790000000000000001",
          name: "Winter sale - prospecting",
          status: CAMPAIGN_STATUS_TABLE.active.label,
          budgetMode: BUDGET_MODE_TABLE.daily.label,
          budget: 150,
          startDate: "2026-11-15",
          adProduct: "In-Feed Ads",
          countries: "US, CA",
        }),
        exampleRow(CAMPAIGN_COLUMNS, {
          id: "1790000000000000002",
          name: "Holiday launch",
          status: CAMPAIGN_STATUS_TABLE.scheduled.label,
          budgetMode: BUDGET_MODE_TABLE.lifetime.label,
          budget: 3000,
          spentToDate: 0,
          startDate: "2026-12-10",
          endDate: "2026-12-31",
          adProduct: "In-Feed Ads",
          countries: "US",
        }),
      ],
    },
    {
      name: SHEET_NAMES.credits,
      header: headerOf(CREDIT_TEMPLATE_COLUMNS),
      dropdowns: dropdownsOf(CREDIT_TEMPLATE_COLUMNS, {
        type: CREDIT_TYPE_TABLE,
        status: CREDIT_STATUS_TABLE,
      }),
      examples: [
        exampleRow(CREDIT_TEMPLATE_COLUMNS, {
          id: "FREE-001",
          name: "Welcome credit",
          type: CREDIT_TYPE_TABLE.free.label,
          amount: 200,
          used: 0,
          status: CREDIT_STATUS_TABLE.available.label,
          issueDate: "2026-11-20",
          validityDays: 30,
        }),
        exampleRow(CREDIT_TEMPLATE_COLUMNS, {
          id: "ASSIGN-001",
          name: "Agency credit",
          type: CREDIT_TYPE_TABLE.assignable.label,
          amount: 500,
          status: CREDIT_STATUS_TABLE.available.label,
          issueDate: "2026-11-25",
          validUntil: "2026-12-24",
          assignedCampaigns: "1790000000000000001",
        }),
      ],
    },
    {
      name: SHEET_NAMES.account,
      header: ["Setting", "Value"],
      dropdowns: { Setting: ACCOUNT_SETTINGS.map((setting) => setting.name) },
      examples: [
        ["Currency", "USD"],
        ["Time zone", "UTC"],
        ["Plan start", "2026-12-01"],
        ["Horizon days", 90],
        ["Cash balance", 1000],
        ["Fallback payment", "None"],
        ["Credits before cash", "Yes"],
        ["Require positive cash balance", "No"],
        ["Credit order", "Soonest expiry"],
        ["Account tier", "Standard"],
        ["One promotion at a time", "Yes"],
        ["Credit validity days", 30],
        ["Delivery rate", "100%"],
        ["Forecast from", "Budgets"],
        ["Assignment limit", "by issue date"],
        ["Holidays", "2026-12-25, 2027-01-01"],
        ["Alert days", 7],
      ],
    },
    {
      name: SHEET_NAMES.topUps,
      header: headerOf(TOP_UP_COLUMNS),
      dropdowns: {},
      examples: [["2026-12-15", 500]],
    },
    {
      name: SHEET_NAMES.spendHistory,
      header: headerOf(SPEND_HISTORY_COLUMNS),
      dropdowns: {},
      examples: [
        ["2026-11-29", "1790000000000000001", 148.2],
        ["2026-11-30", "1790000000000000001", 151.75],
      ],
    },
    {
      name: SHEET_NAMES.adGroups,
      header: headerOf(AD_GROUP_COLUMNS),
      dropdowns: dropdownsOf(AD_GROUP_COLUMNS, {
        status: CAMPAIGN_STATUS_TABLE,
        budgetMode: BUDGET_MODE_TABLE,
      }),
      // Header only: the sheet is for campaigns budgeted on their ad groups (API exports);
      // an example row would name a campaign the advertiser has replaced (UNKNOWN_CAMPAIGN).
      examples: [],
    },
  ];
}
