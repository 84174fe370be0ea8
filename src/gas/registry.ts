/**
 * Every name Apps Script sees in the built `Code.js`, written once: each
 * custom function (CONTRACT §3) and add-on global (§4) with its
 * implementation (`run`), its parameter names and docs (the build turns them
 * into the top-level function and its JSDoc: esbuild drops comments, and
 * Sheets' autocomplete reads the JSDoc above a top-level function), its menu
 * item and its line in the help text. `scripts/build.mjs` imports this
 * module and `./declarations`; `main.ts` exposes the implementations.
 *
 * Adding a function is adding an entry here (and its implementation).
 */
import * as addon from "./addon";
import * as custom from "./customFunctions";

/** A plan function (CONTRACT §5) as Sheets calls it: the six ranges in order, with the sheet's clock. */
function withPlanRanges(
  plan: (clock: custom.SheetClock, ...ranges: unknown[]) => unknown,
): (
  campaigns: unknown,
  credits: unknown,
  account: unknown,
  topUps: unknown,
  spendHistory: unknown,
  adGroups: unknown,
) => unknown {
  return (campaigns, credits, account, topUps, spendHistory, adGroups) =>
    plan(addon.clock(), campaigns, credits, account, topUps, spendHistory, adGroups);
}

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
  /** The arguments Apps Script passes, in order; `run` takes exactly these. */
  params: ParamDoc[];
  /** JSDoc `@return` text (custom functions). */
  returns?: string;
  /** What the top-level function of that name does. */
  run: (...args: never[]) => unknown;
  /** A menu item that calls this global (menu order is registry order). */
  menu?: { label: string; separatorBefore?: boolean };
  /** How the help text shows a custom function (default: its name). */
  helpExample?: string;
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
/** CONTRACT §5: the optional ranges that make a formula plan what the sidebar plans. */
const OPTIONAL_RANGES: ParamDoc[] = [
  {
    name: "topups",
    type: RANGE,
    description: "Optional. The Top-ups table (Date, Amount), header row included.",
  },
  {
    name: "spend_history",
    type: RANGE,
    description:
      "Optional. The Spend history table (Date, Campaign ID, Spend), header row included.",
  },
  {
    name: "ad_groups",
    type: RANGE,
    description:
      "Optional. The Ad groups table, header row included: Ad group ID, Campaign ID, Status, Budget mode, Budget, Spent to date, Start date, End date.",
  },
];
/** The plan functions' range parameters, in order. */
const PLAN_RANGES = [CAMPAIGNS, CREDITS, ACCOUNT, ...OPTIONAL_RANGES];

export const REGISTRY: readonly GlobalEntry[] = [
  {
    name: "CREDIT_PLAN",
    kind: "custom",
    description:
      "Per-credit plan: remaining now, used, expired, depleted on, last usable day, status.",
    params: PLAN_RANGES,
    returns: "A table with a header row and one row per credit.",
    run: withPlanRanges(custom.creditPlan),
    helpExample:
      "=CREDIT_PLAN(Campaigns!A:K, Credits!A:T, Account!A:B, 'Top-ups'!A:B, 'Spend history'!A:C)",
  },
  {
    name: "CREDIT_CAMPAIGNS",
    kind: "custom",
    description:
      "Per-campaign plan: credit-funded, cash, card, undelivered, cash fallback day, stop day, every stop.",
    params: PLAN_RANGES,
    returns: "A table with a header row and one row per campaign.",
    run: withPlanRanges(custom.creditCampaigns),
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
      ...OPTIONAL_RANGES,
    ],
    returns: "A date column and one balance column per credit.",
    run: (
      campaigns: unknown,
      credits: unknown,
      account: unknown,
      creditId: unknown,
      topups: unknown,
      spendHistory: unknown,
      adGroups: unknown,
    ) =>
      custom.creditDrawdown(
        addon.clock(),
        campaigns,
        credits,
        account,
        creditId,
        topups,
        spendHistory,
        adGroups,
      ),
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
      ...OPTIONAL_RANGES,
    ],
    returns: "A date, or blank when the campaign never falls back in the horizon.",
    run: (
      campaigns: unknown,
      credits: unknown,
      account: unknown,
      campaignId: unknown,
      topups: unknown,
      spendHistory: unknown,
      adGroups: unknown,
    ) =>
      custom.creditFallbackDate(
        addon.clock(),
        campaigns,
        credits,
        account,
        campaignId,
        topups,
        spendHistory,
        adGroups,
      ),
  },
  {
    name: "CREDIT_WARNINGS",
    kind: "custom",
    description: "Every warning of the plan: code, severity, message, cell.",
    params: PLAN_RANGES,
    returns: "A table with a header row and one row per warning.",
    run: withPlanRanges(custom.creditWarnings),
  },
  {
    name: "CREDIT_ALERTS",
    kind: "custom",
    description:
      "What needs action within the Account's Alert days (R15): day, kind, amount, credit or campaigns, action.",
    params: PLAN_RANGES,
    returns:
      "A table with a header row and one row per item; only the header when nothing needs action.",
    run: withPlanRanges(custom.creditAlerts),
  },
  {
    name: "CREDIT_TOPUP",
    kind: "custom",
    description:
      "Top-ups that keep every campaign delivering: the day, the amount, the last day it covers and, with a card limit, the card's part.",
    // CONTRACT §5 names five ranges; Ad groups is the optional sixth as for the plan functions,
    // so a workbook whose demand comes from its ad groups gets the sidebar's advice.
    params: PLAN_RANGES,
    returns:
      "A table with a header row and one row per advised top-up; one 'No top-up needed' row when nothing stops.",
    run: withPlanRanges(custom.creditTopUp),
    helpExample:
      "=CREDIT_TOPUP(Campaigns!A:K, Credits!A:T, Account!A:B, 'Top-ups'!A:B, 'Spend history'!A:C)",
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
    run: (issueDate: unknown, validityDays: unknown) =>
      custom.creditExpiry(addon.clock(), issueDate, validityDays),
  },
  {
    name: "CREDIT_ASSIGN_LIMIT",
    kind: "custom",
    description: "How many campaigns an assignable credit issued on a date may be assigned (R6).",
    params: [{ name: "issue_date", type: "Date", description: "The credit's issue date." }],
    returns: "10 for credits issued on or before 2024-07-31, else 30.",
    run: (issueDate: unknown) => custom.creditAssignLimit(addon.clock(), issueDate),
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
    run: (thresholdDate: unknown, type: unknown, tier: unknown, holidays: unknown) =>
      custom.creditIssueDate(addon.clock(), thresholdDate, type, tier, holidays),
  },
  {
    name: "onOpen",
    kind: "global",
    description: "Adds the Credit Planner menu.",
    params: [{ name: "e", type: "Object", description: "The open event." }],
    run: (_event: unknown) => addon.buildMenu(menuItems()),
  },
  {
    name: "onInstall",
    kind: "global",
    description: "Adds the menu right after the add-on is installed.",
    params: [{ name: "e", type: "Object", description: "The install event." }],
    run: (_event: unknown) => addon.buildMenu(menuItems()),
  },
  {
    name: "showPlanner",
    kind: "global",
    description: "Opens the planner sidebar.",
    params: [],
    run: () => addon.showPlanner(),
    menu: { label: "Open planner" },
  },
  {
    name: "createTemplateSheets",
    kind: "global",
    description: "Adds the missing input sheets with headers and examples.",
    params: [],
    run: () => addon.createTemplateSheets(),
    menu: { label: "Create template sheets" },
  },
  {
    name: "writePlanToSheets",
    kind: "global",
    description: "Writes the plan to the add-on's own output sheets.",
    params: [],
    run: () => addon.writePlanToSheets(),
    menu: { label: "Write plan to sheets" },
  },
  {
    name: "enableDailyAlerts",
    kind: "global",
    description: "Turns on the daily alert mail for this spreadsheet (one daily trigger).",
    params: [],
    run: () => addon.enableDailyAlerts(),
    menu: { label: "Email me daily alerts", separatorBefore: true },
  },
  {
    name: "disableDailyAlerts",
    kind: "global",
    description: "Turns off the daily alert mail for this spreadsheet.",
    params: [],
    run: () => addon.disableDailyAlerts(),
    menu: { label: "Stop daily alerts" },
  },
  {
    name: "sendDailyAlerts",
    kind: "global",
    description: "Daily trigger: re-plans the sheets and mails the alert digest when not empty.",
    params: [{ name: "e", type: "Object", description: "The time-driven event." }],
    run: (event: unknown) => addon.sendDailyAlerts(event),
  },
  {
    name: "showHelp",
    kind: "global",
    description: "Shows a short help text.",
    params: [],
    run: () => addon.showHelp(helpText()),
    menu: { label: "Help", separatorBefore: true },
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
    run: (whatIf: unknown, options: unknown) => addon.getPlan(whatIf, options),
  },
  {
    name: "getAlerts",
    kind: "global",
    description: "Sidebar call: whether daily alerts are on, and the digest the next mail carries.",
    params: [],
    run: () => addon.getAlerts(),
  },
  {
    name: "applyRecommendation",
    kind: "global",
    description: "Sidebar call: writes a credit's Assigned campaigns cell and logs it.",
    params: [
      { name: "creditId", type: "string", description: "The credit." },
      { name: "campaignIds", type: "Array<string>", description: "The new assignment." },
    ],
    run: (creditId: unknown, campaignIds: unknown) =>
      addon.applyRecommendation(creditId, campaignIds),
  },
  {
    name: "undoApply",
    kind: "global",
    description:
      "Sidebar call: puts back a credit's Assigned campaigns from before an Apply, logged.",
    params: [
      { name: "creditId", type: "string", description: "The credit." },
      { name: "before", type: "string", description: "The cell's text before the Apply." },
      { name: "after", type: "string", description: "The text the Apply wrote." },
    ],
    run: (creditId: unknown, before: unknown, after: unknown) =>
      addon.undoApply(creditId, before, after),
  },
  {
    name: "selectCell",
    kind: "global",
    description: "Sidebar call: selects a cell a warning points at.",
    params: [
      { name: "sheet", type: "string", description: "Sheet name." },
      { name: "a1", type: "string", description: "A1 address." },
    ],
    run: (sheet: unknown, a1: unknown) => addon.selectCell(sheet, a1),
  },
];

/** The add-on menu: every entry with a menu item, in registry order. */
export function menuItems(): addon.MenuItem[] {
  return REGISTRY.flatMap((e) =>
    e.menu
      ? [{ label: e.menu.label, functionName: e.name, separatorBefore: !!e.menu.separatorBefore }]
      : [],
  );
}

/** The Help dialog's text; the formulas line lists every registered custom function. */
export function helpText(): string {
  const formulas = REGISTRY.filter((e) => e.kind === "custom").map((e) => e.helpExample ?? e.name);
  return [
    "Credit Planner projects how your TikTok ad credits will be used up.",
    "1. Extensions → Credit Planner → Create template sheets, then fill in Campaigns, Credits and Account.",
    "2. Open planner: credits, campaigns, warnings, recommendations and what-if edits.",
    "3. Write plan to sheets: the plan in the planner's own sheets, with a draw-down chart.",
    `Formulas: ${formulas.join(", ")}.`,
  ].join("\n");
}

/** Name → implementation: what each generated top-level function calls. */
export function implementations(): Record<string, (...args: never[]) => unknown> {
  return Object.fromEntries(REGISTRY.map((e) => [e.name, e.run]));
}
