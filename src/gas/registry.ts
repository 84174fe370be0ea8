/**
 * The single source of the names Apps Script sees in the built `Code.js`:
 * every custom function (CONTRACT §3) and every add-on global (§4), with the
 * parameter names and docs the build turns into JSDoc (esbuild drops
 * comments, and Sheets' autocomplete reads the JSDoc above a top-level
 * function). `scripts/build.mjs` imports this module and `./declarations`.
 */

export interface ParamDoc {
  name: string;
  /** JSDoc type shown by Sheets' autocomplete. */
  type: string;
  description: string;
}

export interface GlobalEntry {
  name: string;
  /** `custom`: a Sheets custom function (gets `@customfunction`); `global`: menu, trigger or server call. */
  kind: "custom" | "global";
  /** One line: what it returns or does. */
  description: string;
  params: ParamDoc[];
  /** JSDoc `@return` text (custom functions). */
  returns?: string;
}

const RANGE = "Array<Array<string|number|Date>>";
const CAMPAIGNS: ParamDoc = {
  name: "campaigns",
  type: RANGE,
  description: "The Campaigns table, header row included.",
};
const CREDITS: ParamDoc = {
  name: "credits",
  type: RANGE,
  description: "The Credits table, header row included.",
};
const ACCOUNT: ParamDoc = {
  name: "account",
  type: RANGE,
  description: "Optional. The Account settings (Setting, Value); blank for the defaults.",
};

export const REGISTRY: readonly GlobalEntry[] = [
  {
    name: "CREDIT_PLAN",
    kind: "custom",
    description:
      "Per-credit plan: remaining now, used, expired, depleted on, last usable day, status.",
    params: [CAMPAIGNS, CREDITS, ACCOUNT],
    returns: "A table with a header row and one row per credit.",
  },
  {
    name: "CREDIT_CAMPAIGNS",
    kind: "custom",
    description:
      "Per-campaign plan: credit-funded, cash, card, undelivered, cash fallback day, stop day.",
    params: [CAMPAIGNS, CREDITS, ACCOUNT],
    returns: "A table with a header row and one row per campaign.",
  },
  {
    name: "CREDIT_DRAWDOWN",
    kind: "custom",
    description: "Remaining balance of every credit (or one) at the end of each planned day.",
    params: [
      CAMPAIGNS,
      CREDITS,
      ACCOUNT,
      { name: "credit_id", type: "string", description: "Optional. Only this credit's column." },
    ],
    returns: "A date column and one balance column per credit.",
  },
  {
    name: "CREDIT_FALLBACK_DATE",
    kind: "custom",
    description: "The first day a campaign's spend falls back to cash or card, or blank.",
    params: [
      CAMPAIGNS,
      CREDITS,
      ACCOUNT,
      { name: "campaign_id", type: "string", description: "The campaign's ID." },
    ],
    returns: "A date, or blank when the campaign never falls back in the horizon.",
  },
  {
    name: "CREDIT_WARNINGS",
    kind: "custom",
    description: "Every warning of the plan: code, severity, message, cell.",
    params: [CAMPAIGNS, CREDITS, ACCOUNT],
    returns: "A table with a header row and one row per warning.",
  },
  {
    name: "CREDIT_EXPIRY",
    kind: "custom",
    description: "Last usable day of a credit issued on a date (R8: the issue day is day 1).",
    params: [
      { name: "issue_date", type: "Date", description: "The credit's issue date." },
      {
        name: "validity_days",
        type: "number",
        description: "Optional. Days of validity (default 30).",
      },
    ],
    returns: "The last usable day.",
  },
  {
    name: "CREDIT_ASSIGN_LIMIT",
    kind: "custom",
    description: "How many campaigns an assignable credit issued on a date may be assigned (R6).",
    params: [{ name: "issue_date", type: "Date", description: "The credit's issue date." }],
    returns: "10 for credits issued on or before 2024-07-31, else 30.",
  },
  {
    name: "CREDIT_ISSUE_DATE",
    kind: "custom",
    description: "Projected issue day of a credit earned by reaching a spend threshold (R7).",
    params: [
      {
        name: "threshold_date",
        type: "Date",
        description: "The day the spend threshold is reached.",
      },
      {
        name: "type",
        type: "string",
        description: "Optional. Credit type, e.g. Spend-match (default) or Assignable.",
      },
      { name: "tier", type: "string", description: "Optional. Account tier: Standard or High." },
      {
        name: "holidays",
        type: RANGE,
        description: "Optional. Dates that are not business days.",
      },
    ],
    returns: "The projected issue day.",
  },
  {
    name: "onOpen",
    kind: "global",
    description: "Adds the Credit Planner menu.",
    params: [{ name: "e", type: "Object", description: "The open event." }],
  },
  {
    name: "onInstall",
    kind: "global",
    description: "Adds the menu right after the add-on is installed.",
    params: [{ name: "e", type: "Object", description: "The install event." }],
  },
  { name: "showPlanner", kind: "global", description: "Opens the planner sidebar.", params: [] },
  {
    name: "showHelp",
    kind: "global",
    description: "Shows a short help text.",
    params: [],
  },
  {
    name: "createTemplateSheets",
    kind: "global",
    description: "Adds the missing input sheets with headers and examples.",
    params: [],
  },
  {
    name: "writePlanToSheets",
    kind: "global",
    description: "Writes the plan to the add-on's own output sheets.",
    params: [],
  },
  {
    name: "getPlan",
    kind: "global",
    description: "Sidebar call: the JSON plan, with what-if changes applied.",
    params: [
      { name: "whatIf", type: "Array", description: "Null or a list of changes." },
      {
        name: "options",
        type: "Object",
        description: "Optional; {recommendations: false} returns the plan before R12.",
      },
    ],
  },
  {
    name: "applyRecommendation",
    kind: "global",
    description: "Sidebar call: writes a credit's Assigned campaigns cell and logs it.",
    params: [
      { name: "creditId", type: "string", description: "The credit." },
      { name: "campaignIds", type: "Array<string>", description: "The new assignment." },
    ],
  },
  {
    name: "selectCell",
    kind: "global",
    description: "Sidebar call: selects a cell a warning points at.",
    params: [
      { name: "sheet", type: "string", description: "Sheet name." },
      { name: "a1", type: "string", description: "A1 address." },
    ],
  },
];
